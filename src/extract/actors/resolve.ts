import type { Word } from './words.ts';
import type { Hit } from './match.ts';
import type { Cand, NewActor } from './cand.ts';
import { normName } from './cand.ts';
import { ACTORS, BY_INITIALS, NOT_NAME, ORG_CONNECTORS, ORG_HEADS, PARTICLES, STATE_OF_GOVERNMENT, type Key } from './lexicon.ts';
import { oppositionGoesOn, oppositionOf } from './collectives.ts';
import { capitalActs, locativeBefore, nextWord, peopleActs, stateIsTopic } from './context.ts';

const DESCRIBES = new Set(['group', 'member', 'figure', 'activist', 'politician', 'party', 'coalition', 'bloc', 'movement', 'leader', 'umbrella']);

/** Gazetteer hits to candidate mentions: ambiguous keys take the reading the document supports. */
export function hitsToCands(words: readonly Word[], hits: readonly Hit[], posAt: Map<number, string>): Cand[] {
  const sure = new Set<string>();
  for (const h of hits) if (h.keys.length === 1 && h.keys[0]!.via !== 'acronym') sure.add(h.keys[0]!.target);
  const out: Cand[] = [];
  for (const h of hits) {
    // An acronym of several bodies (SNC) takes the one the text names in full; otherwise the first listed.
    const key: Key = (h.keys.length > 1 && h.keys.every((k) => k.via === 'acronym') ? h.keys.find((k) => sure.has(k.target)) : undefined) ?? h.keys[0]!;
    const first = words[h.from]!, last = words[h.to]!;
    let acts = true;
    if (key.cond === 'place') acts = !locativeBefore(words, first) && !(nextWord(words, last)?.cap && !last.poss && words[h.to + 1]!.text !== 'The') && !stateIsTopic(words, first, last, posAt)
      // "Syria's president": a state with a government of its own acts through it
      && !(last.poss && !!ACTORS.get(key.target)?.government);
    else if (key.cond === 'people') acts = peopleActs(words, first, last);
    else if (key.cond === 'capital') acts = capitalActs(words, first, last, posAt);
    // "Reuters contributed to this report": a source of the article itself, not an actor in it.
    if (ACTORS.get(key.target)?.kind === 'media' && /^(?:contributed|and\b.*contributed)/.test(words[h.to + 1]?.lc ?? '')) acts = false;
    // A derived name right after another capitalised word is part of a longer unknown name ("Donor Direct Action").
    if (key.weak) { const p = words[h.from - 1]; if (p && first.joined && p.cap && !p.first) acts = false; }
    // "the Syrian opposition group the National Coordination Committee": a description of another actor.
    if (/opposition$/.test(key.form) && DESCRIBES.has(words[h.to + 1]?.lc ?? '') && words[h.to + 1]!.joined) acts = false;
    // "the opposition resistance", "the opposition to the plan": a modifier or the act of opposing.
    if (key.cond === 'generic' && /opposition$/.test(key.form) && oppositionGoesOn(words, h.to, posAt)) acts = false;
    // Sentence-initial one-word surnames of the gazetteer ("Bolton", "Power") need a second sign.
    const confidence = key.via === 'name' ? 0.9 : key.via === 'metonym' || key.cond === 'generic' ? 0.6 : 0.8;
    out.push({ start: h.start, end: h.end, from: h.from, to: h.to, sentence: first.sentence, target: key.target, via: key.via, acts, confidence });
  }
  return out;
}

const initials = (name: string): string =>
  name.split(/[\s-]+/).filter((w) => w && !ORG_CONNECTORS.has(w.toLowerCase()) && /^\p{Lu}/u.test(w)).map((w) => w[0]).join('');
const ACR = /^\s*\(([\p{Lu}][\p{Lu}\p{N}&]{1,7})\)/u;

/**
 * Acronyms: "the Syrian National Coalition (SNC)" defines SNC for the document; a bare acronym
 * takes the defined actor, else one whose initials it spells.
 */
export function linkAcronyms(text: string, words: readonly Word[], cands: Cand[], covered: Uint8Array,
  nameOf: (id: string) => string, made: NewActor[]): void {
  const defined = new Map<string, string>();
  const byEnd = new Map<number, Cand>();
  for (const c of cands) if (c.acts) byEnd.set(c.end, c);
  // Definitions after a known mention, or after an unknown capitalised name whose initials match.
  for (const w of words) {
    if (!w.allCaps) continue;
    const open = text[w.start - 1] === '(' ? w.start - 1 : text[w.start - 2] === '(' ? w.start - 2 : -1;
    if (open < 0 || text[w.end] !== ')') continue;
    const m = ACR.exec(text.slice(open - 1, w.end + 1));
    if (!m) continue;
    let before = open;
    while (before > 0 && /\s/.test(text[before - 1]!)) before--;
    const c = byEnd.get(before);
    if (c) { defined.set(w.text, c.target); continue; }
    const longForm = capitalisedBefore(words, w.i - 1, covered);
    const name = longForm ? text.slice(longForm.start, longForm.end) : '';
    // Only names of bodies: "Force Management Level (FML)" is no actor.
    if (longForm && initials(name) === w.text && name.split(/\s+/).some((x) => ORG_HEADS.has(x) || ORG_HEADS.has(x[0]!.toUpperCase() + x.slice(1)))) {
      const id = `rule:${normName(name)}`;
      const head = [...name.split(/\s+/)].reverse().find((x) => ORG_HEADS.has(x));
      made.push({ id, name, kind: head ? ORG_HEADS.get(head)! : 'organization', affiliations: [] });
      cands.push({ ...longForm, sentence: w.sentence, target: id, via: 'name', acts: true, confidence: 0.7 });
      defined.set(w.text, id);
    }
  }
  // Gazetteer acronyms defined otherwise in this text take the text's reading.
  for (const c of cands) {
    if (c.via !== 'acronym') continue;
    const t = defined.get(text.slice(c.start, c.end));
    if (t) c.target = t;
  }
  // Bare acronyms nobody matched yet.
  const orgs = [...new Set(cands.filter((c) => c.acts && c.via === 'name').map((c) => c.target))];
  for (const w of words) {
    if (covered[w.i] || !w.allCaps || w.text.length < 2 || w.text.length > 7 || NOT_NAME.has(w.text)) continue;
    const target = defined.get(w.text) ?? orgs.find((id) => initials(nameOf(id)) === w.text && w.text.length >= 3)
      ?? BY_INITIALS.get(w.text) ?? undefined;
    if (!target) continue;
    cands.push({ start: w.start, end: w.end, from: w.i, to: w.i, sentence: w.sentence, target, via: 'acronym', acts: true, confidence: 0.7 });
    covered[w.i] = 1;
  }
}

function capitalisedBefore(words: readonly Word[], i: number, covered: Uint8Array): { start: number; end: number; from: number; to: number } | null {
  let k = i;
  const end = words[i];
  if (!end || covered[i] || !end.cap) return null;
  while (k - 1 >= 0 && words[k]!.joined && !covered[k - 1] && (words[k - 1]!.cap || ORG_CONNECTORS.has(words[k - 1]!.lc)) && i - k < 8) k--;
  while (k < i && !words[k]!.cap) k++;
  if (words[k]!.text === 'The') k++;
  if (k >= i) return null;
  return { start: words[k]!.start, end: end.end, from: k, to: i };
}

/** Surname-only mentions ("Kassis", "Mr Jabawi") of persons named in full somewhere in the text. */
export function linkSurnames(words: readonly Word[], cands: Cand[], covered: Uint8Array, kindOf: (id: string) => string | undefined, nameOf: (id: string) => string): void {
  const bySurname = new Map<string, string>();
  for (const c of cands) {
    if (!c.acts || kindOf(c.target) !== 'person' || c.to === c.from) continue;
    for (const form of [words[c.to]!.text, nameOf(c.target).split(' ').at(-1)!]) {
      const bare = form.replace(/^(?:al|el|ad|as|ash|az|ar|at|an)-/i, '');
      for (const s of [form, bare]) if (/^\p{Lu}/u.test(s) && !bySurname.has(s)) bySurname.set(s, c.target);
    }
  }
  if (!bySurname.size) return;
  // A gazetteer surname ("Clinton") goes to the person of that surname the text names in full
  // ("Bill Clinton"), unless the gazetteer's own person is named in full too.
  const named = new Set(cands.filter((c) => c.acts && c.to > c.from).map((c) => c.target));
  for (const c of cands) {
    if (c.via !== 'surname' || c.from !== c.to || named.has(c.target)) continue;
    const other = bySurname.get(words[c.from]!.text);
    if (other && other !== c.target) c.target = other;
  }
  for (const w of words) {
    if (covered[w.i] || PARTICLES.has(w.text)) continue;
    const target = bySurname.get(w.text);
    if (!target) continue;
    cands.push({ start: w.start, end: w.end, from: w.i, to: w.i, sentence: w.sentence, target, via: 'surname', acts: true, confidence: 0.75 });
    covered[w.i] = 1;
  }
}

/** "the regime", "the opposition", "rebels": the government, opposition or rebels of the state the text is about. */
export function resolveGeneric(cands: Cand[], made: NewActor[], isSubject: (c: Cand) => boolean = () => false): void {
  const weight = new Map<string, number>();
  for (const c of cands) {
    let a = ACTORS.get(c.target);
    if (!a) continue;
    if (a.kind === 'government') a = STATE_OF_GOVERNMENT.get(a.id) ?? a;
    if (a.kind === 'state') weight.set(a.id, (weight.get(a.id) ?? 0) + 1);
  }
  // The text must be about one state: named at least three times, more than any other.
  const [top, second] = [...weight].sort((x, y) => y[1] - x[1]);
  const state = top && top[1] >= 3 && (!second || top[1] > second[1]) ? ACTORS.get(top[0]) : undefined;
  const civilWar = !!state?.government;
  const extra = new Map<string, string>();
  if (state && civilWar && state.adj) {
    extra.set('@gov', state.government!);
    // In a civil war the opposition is the one of the state the text is about, once the text
    // names it as such, speaks of it more than in passing, or makes it the subject of a verb.
    const oppId = `${state.adj.toLowerCase()}-opposition`;
    const generic = cands.filter((c) => c.acts && c.target === '@opp');
    if (cands.some((c) => c.acts && c.target === oppId) || generic.length >= 2 || generic.some(isSubject)) extra.set('@opp', oppositionOf(state.adj, made));
    const rebId = `rule:${state.adj.toLowerCase()} rebels`;
    made.push({ id: rebId, name: `${state.adj} rebels`, kind: 'armed_group', affiliations: [] });
    extra.set('@rebels', rebId);
  }
  // Elsewhere "the opposition" joins the one opposition the text names as such ("the Venezuelan opposition").
  if (!extra.has('@opp')) {
    const named = new Set(cands.filter((c) => c.acts && c.target.endsWith('-opposition')).map((c) => c.target));
    if (named.size === 1) extra.set('@opp', [...named][0]!);
  }
  for (const c of cands) {
    if (!c.target.startsWith('@')) continue;
    const t = extra.get(c.target);
    if (t) { c.target = t; c.confidence = 0.55; } else c.acts = false;
  }
}
