import type { Actor, Mention, Segmented, Span } from '../domain/record.ts';
import { wordsOf } from './actors/words.ts';
import { matchGazetteer } from './actors/match.ts';
import { ruleMentions } from './actors/rules.ts';
import { hitsToCands, linkAcronyms, linkSurnames, resolveGeneric } from './actors/resolve.ts';
import { buildActors } from './actors/build.ts';
import { oppositionMentions, settleCollectives } from './actors/collectives.ts';
import { ACTORS, GIVEN_NAMES, GROUP_NOUNS, NOT_NAME, PLACE_WORDS, STATE_BY_ADJ, TITLES } from './actors/lexicon.ts';
import { normName, type NewActor } from './actors/cand.ts';

export interface ActorsFound {
  readonly actors: Actor[];
  readonly mentions: Mention[];
}

/** Stage 2: who the text names — gazetteer identities plus general naming rules. */
export function findActors(seg: Segmented): ActorsFound {
  const { text } = seg;
  const words = wordsOf(seg, (w) => GIVEN_NAMES.has(w));
  const posAt = new Map<number, string>();
  for (const t of seg.tokens) posAt.set(t.start, t.pos);
  const covered = new Uint8Array(words.length);
  // 1. The gazetteer: longest matches of names, aliases, acronyms, metonyms.
  // A gazetteer surname after a given name ("Bill Clinton") belongs to another person: left to the rules.
  const hits = matchGazetteer(words).filter((h) => {
    const p = words[h.from - 1];
    return !(h.from === h.to && h.keys.every((k) => k.via === 'surname') && p && words[h.from]!.joined && p.cap
      && (GIVEN_NAMES.has(p.text) || (!p.first && !(NOT_NAME.has(p.text) || TITLES.has(p.lc) || PLACE_WORDS.has(p.text)))));
  });
  for (const h of hits) for (let i = h.from; i <= h.to; i++) covered[i] = 1;
  const cands = hitsToCands(words, hits, posAt);
  const placeWord = new Uint8Array(words.length);
  for (const h of hits) if (h.keys[0]!.cond === 'place') for (let i = h.from; i <= h.to; i++) placeWord[i] = 1;
  // 2. General rules over what is left: organisations by head word, persons by title or apposition.
  const rules = ruleMentions(text, words, covered, placeWord);
  for (const c of rules.cands) { cands.push(c); for (let i = c.from; i <= c.to; i++) covered[i] = 1; }
  const made = new Map<string, NewActor>();
  for (const a of rules.actors) if (!made.has(a.id)) made.set(a.id, a);
  // "the Syrian official opposition", "the main opposition": the opposition by noun phrase.
  const collective: NewActor[] = [];
  cands.push(...oppositionMentions(words, covered, posAt, collective));
  for (const a of collective) if (!made.has(a.id)) made.set(a.id, a);
  const extra: NewActor[] = [];
  const nameOf = (id: string) => ACTORS.get(id)?.name ?? made.get(id)?.name ?? extra.find((a) => a.id === id)?.name ?? '';
  const kindOf = (id: string) => ACTORS.get(id)?.kind ?? made.get(id)?.kind;
  // 3. Acronyms defined in the text or spelling a name seen; 4. surnames of persons named in full.
  linkAcronyms(text, words, cands, covered, nameOf, extra);
  for (const a of extra) if (!made.has(a.id)) made.set(a.id, a);
  retargetSingleNames(words, cands, made);
  linkSurnames(words, cands, covered, kindOf, nameOf);
  leaderGovernments(text, words, cands, made, kindOf);
  headsOfRegimes(words, cands);
  const peoples: NewActor[] = [];
  settleCollectives(words, cands, covered, peoples, posAt);
  for (const a of peoples) if (!made.has(a.id)) made.set(a.id, a);
  // 5. "the regime", "the opposition", "rebels": the parties of the state the text is about.
  const generic: NewActor[] = [];
  resolveGeneric(cands, generic, (c) => {
    // ("the opposition's negotiators walked out": through the possessed agent noun)
    let n = words[c.to + 1];
    if (n && words[c.to]!.poss && GROUP_NOUNS.has(n.lc) && n.joined) n = words[n.i + 1];
    const pos = n && n.joined && n.sentence === c.sentence ? posAt.get(n.start) : undefined;
    return pos === 'VERB' || pos === 'AUX';
  });
  for (const a of generic) if (!made.has(a.id)) made.set(a.id, a);
  return namePeoples(buildActors(text, words, cands, made));
}

/** A people takes the text's own state-qualified name when it has one: "Syrian Kurds" (or "Syrian Kurdish groups"), not "Kurds". */
function namePeoples(found: ActorsFound): ActorsFound {
  for (const a of found.actors) {
    if (!/^people:[^:]+$/.test(a.id)) continue;
    const counts = new Map<string, number>();
    for (const m of found.mentions) {
      const q = m.text.split(' ')[0]!;
      if (m.actorId === a.id && m.text !== q && STATE_BY_ADJ.has(q)) counts.set(`${q} ${a.name}`, (counts.get(`${q} ${a.name}`) ?? 0) + 1);
    }
    const best = [...counts].sort((x, y) => y[1] - x[1])[0]?.[0];
    if (!best) continue;
    const plain = found.mentions.some((m) => m.actorId === a.id && m.text === a.name);
    Object.assign(a, { name: best, aliases: [...a.aliases.filter((x) => x !== best), ...(plain && !a.aliases.includes(a.name) ? [a.name] : [])] });
  }
  return found;
}

/** A person a rule found by part of a name ("Mr Kassis", "De Mistura") is the full name seen elsewhere. */
function retargetSingleNames(words: ReturnType<typeof wordsOf>, cands: ReturnType<typeof hitsToCands>, made: Map<string, NewActor>): void {
  const full = cands.filter((c) => c.acts && c.to > c.from);
  const tail = (c: { from: number; to: number }, n: number) => words.slice(c.to - n + 1, c.to + 1).map((w) => w.lc).join(' ');
  for (const c of cands) {
    const a = made.get(c.target);
    if (!a || a.kind !== 'person') continue;
    const n = c.to - c.from + 1;
    const mine = tail(c, n);
    const f = full.find((x) => x.to - x.from + 1 > n && x.target !== c.target && tail(x, n) === mine);
    if (f) { c.target = f.target; c.via = 'surname'; }
  }
}

// "the Obama administration", "the Netanyahu government": a leader's name heading a government.
const GOVERNMENT_OF_LEADER = new Set(['administration', 'government', 'cabinet']);
function leaderGovernments(text: string, words: ReturnType<typeof wordsOf>, cands: ReturnType<typeof hitsToCands>,
  made: Map<string, NewActor>, kindOf: (id: string) => string | undefined): void {
  for (const c of cands) {
    const n = words[c.to + 1];
    if (!n || !n.joined || n.sentence !== c.sentence || words[c.to]!.poss || !GOVERNMENT_OF_LEADER.has(n.lc) || kindOf(c.target) !== 'person') continue;
    const sur = words[c.to]!;
    const name = `${sur.text} ${n.text}`;
    const id = `rule:${normName(name)}`;
    if (!made.has(id)) made.set(id, { id, name, kind: 'government', affiliations: [] });
    Object.assign(c, { start: sur.start, end: n.end, from: sur.i, to: n.i, target: id, via: 'name' as const, acts: true });
  }
}

// "Assad's regime", "Hadi's forces": what a head of state at civil war commands is the government.
const COMMANDED = new Set(['regime', 'government', 'forces', 'army', 'troops', 'administration', 'delegation', 'negotiators']);
function headsOfRegimes(words: ReturnType<typeof wordsOf>, cands: ReturnType<typeof hitsToCands>): void {
  for (const c of cands) {
    const n = words[c.to + 1];
    if (!c.acts || !words[c.to]!.poss || !n || !n.joined || n.sentence !== c.sentence || !COMMANDED.has(n.lc)) continue;
    const d = ACTORS.get(c.target)?.description;
    if (!d || !/\b(?:president|leader|ruler|prime minister)$/i.test(d)) continue;
    const gov = STATE_BY_ADJ.get(d.split(' ')[0]!)?.government;
    if (gov) Object.assign(c, { end: n.end, to: n.i, target: gov, via: 'alias' as const });
  }
}

/** The actor whose mention covers `span` (the innermost, first), if any. */
export function actorAt(found: ActorsFound, span: Span): Actor | undefined {
  const m = found.mentions.find((x) => x.start <= span.start && span.end <= x.end)
    ?? found.mentions.find((x) => x.start < span.end && span.start < x.end);
  return m ? found.actors.find((a) => a.id === m.actorId) : undefined;
}

/** Mentions inside one sentence, in text order. */
export function mentionsInSentence(found: ActorsFound, sentence: number): Mention[] {
  return found.mentions.filter((m) => m.sentence === sentence);
}

/** The actor with this id. */
export function actorById(found: ActorsFound, id: string): Actor | undefined {
  return found.actors.find((a) => a.id === id);
}
