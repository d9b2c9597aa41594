import type { Actor, ActorKind, Affiliation, Mention, Span } from '../../domain/record.ts';
import type { Cand, NewActor } from './cand.ts';
import type { Word } from './words.ts';
import { ACTORS, ROLE_NOUNS } from './lexicon.ts';

interface Acc { id: string; name: string; kind: ActorKind; lexiconId?: string; description?: string; describedHere?: boolean; cands: Cand[]; affiliations: Affiliation[] }

/** Actors with at least one acting mention, in order of first mention; mentions in text order. */
export function buildActors(text: string, words: readonly Word[], cands: Cand[], made: Map<string, NewActor>): { actors: Actor[]; mentions: Mention[] } {
  const acting = cands.filter((c) => c.acts).sort((a, b) => a.start - b.start || b.end - a.end);
  // Drop overlaps (a rule mention inside a gazetteer one): the first, longest wins.
  const kept: Cand[] = [];
  for (const c of acting) if (!kept.length || c.start >= kept.at(-1)!.end) kept.push(c);
  const accs = new Map<string, Acc>();
  for (const c of kept) {
    let acc = accs.get(c.target);
    if (!acc) {
      const lex = ACTORS.get(c.target);
      const rule = made.get(c.target);
      if (!lex && !rule) continue;
      acc = {
        id: c.target, name: lex?.name ?? rule!.name, kind: lex?.kind ?? rule!.kind,
        ...(lex ? { lexiconId: lex.id } : {}),
        ...((lex?.description ?? rule?.description) ? { description: lex?.description ?? rule?.description } : {}),
        cands: [], affiliations: [],
      };
      accs.set(c.target, acc);
    }
    acc.cands.push(c);
  }
  for (const acc of accs.values()) if (acc.kind === 'person') describe(text, words, acc, kept, accs);
  const mentions: Mention[] = kept.filter((c) => accs.has(c.target)).map((c) => ({
    start: c.start, end: c.end, actorId: c.target, text: text.slice(c.start, c.end), sentence: c.sentence,
    via: c.via === 'description' ? 'description' : c.via,
  }));
  const actors: Actor[] = [...accs.values()].map((a) => {
    const forms = new Set<string>();
    for (const c of a.cands) { const f = text.slice(c.start, c.end); if (f !== a.name) forms.add(f); }
    return {
      id: a.id, name: a.name, kind: a.kind, aliases: [...forms],
      ...(a.lexiconId ? { lexiconId: a.lexiconId } : {}),
      ...(a.description ? { description: a.description } : {}),
      affiliations: a.affiliations,
      evidence: a.cands.map((c): Span => ({ start: c.start, end: c.end })),
      confidence: Math.max(...a.cands.map((c) => c.confidence)),
    };
  });
  return { actors, mentions };
}

const ROLES = 'president|minister|spokesman|spokeswoman|spokesperson|envoy|ambassador|chief|leader|head|member|commander|official|adviser|advisor|founder|co-founder|chairman|chairwoman|chair|director|secretary|negotiator|representative|researcher|analyst|fellow|delegate|coordinator|general|officer|deputy|activist|lawyer|executive|manager|organiser|figure|militant|fighter|doctor|rapporteur|investigator|professor|editor|correspondent|employee|volunteer|worker|staff';
// The words right before an organisation that state a link: "a spokesman for the", "who now heads the", "of the".
const LINK_BEFORE = new RegExp(`(?:\\b(${ROLES})\\s+(?:of|for|at|with|to|in)|\\b(heads|leads|chairs|runs|directs|founded|co-founded|joined|represents|left|quit)|^\\s*(?:of|from))\\s+(?:the\\s+)?$`);
const ORG_KINDS = new Set<ActorKind>(['organization', 'government', 'armed_group', 'international_org', 'monitor', 'media']);

/** Appositions after a person's mention: ", a former SNC member who now heads the X," → description, affiliations. */
function describe(text: string, words: readonly Word[], acc: Acc, kept: Cand[], accs: Map<string, Acc>): void {
  for (const c of acc.cands) {
    const after = text.slice(c.end, c.end + 240);
    let clause: Span | null = null;
    let fromApposition = false;
    const app = /^,\s+(?!said\b|says\b|told\b|added\b|and\b)/.exec(after);
    if (app) {
      const body = after.slice(app[0].length);
      const stop = body.search(/,|[.;:!?]\s|[“”"]/);
      const len = stop < 0 ? Math.min(body.length, 160) : stop;
      if (len > 0) { clause = { start: c.end + app[0].length, end: c.end + app[0].length + len }; fromApposition = true; }
    } else if (/^\s+(?:of|from)\s+/.test(after)) {
      const stop = after.search(/[,.;:!?]/);
      clause = { start: c.end, end: c.end + (stop < 0 ? Math.min(after.length, 120) : stop) };
    }
    if (!clause || clause.end <= clause.start) continue;
    const orgs = kept.filter((k) => k.start >= clause!.start && k.end <= clause!.end && ORG_KINDS.has(accs.get(k.target)?.kind ?? 'other'));
    if (fromApposition && !acc.describedHere) {
      const d = text.slice(clause.start, clause.end).trim();
      if (/^(?:a|an|the|who|former|[\p{Lu}][\p{L}'’-]*['’]s)\b/u.test(d) && d.length <= 160) { acc.description = d; acc.describedHere = true; }
    }
    for (const o of orgs) {
      const lead = text.slice(clause.start, o.start).toLowerCase();
      const after = /^\s+([\p{L}-]+)/u.exec(text.slice(o.end, clause.end))?.[1]?.toLowerCase();
      // Only a stated link: "an SNC member", "a spokesman for X", "who now heads X", "X of the Y".
      let role: string | undefined;
      const m = LINK_BEFORE.exec(lead);
      if (m) role = m[1] ?? m[2];
      else if (after && ROLE_NOUNS.has(after)) role = after;
      else continue;
      if (role) role = role.replace(/^(head|lead|chair|direct|found|co-found|run)s$/, '$1').replace(/^(found|co-found|join)ed$/, '$1');
      const seg = lead.slice(-80).split(/\b(?:now|and|who|currently|but)\b/).at(-1)!;
      const tense: Affiliation['tense'] = /\b(?:former|ex-|previously|once|formerly|left|quit|resigned|defected)\b/.test(seg) ? 'former'
        : fromApposition ? 'current' : 'unknown';
      const organization = accs.get(o.target)!.name;
      if (acc.affiliations.some((a) => a.organization === organization)) continue;
      acc.affiliations.push({ organization, ...(role && role !== 'of' ? { role } : {}), tense, evidence: [clause] });
    }
  }
}
