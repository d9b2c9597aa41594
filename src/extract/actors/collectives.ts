import coll from '../lexicon/collectives.json' with { type: 'json' };
import type { Word } from './words.ts';
import type { Cand, NewActor } from './cand.ts';
import { ACTORS, GROUP_NOUNS, PEOPLE_FORCES, STATE_BY_ADJ, STATE_BY_NAME } from './lexicon.ts';

const MODIFIERS = new Set(coll.oppositionModifiers.map((w) => w.toLowerCase()));
const NOT_BODY = new Set(coll.notBody);
const NOT_BODY_BEFORE = new Set(coll.notBodyBefore);
const VAGUE = new Set(coll.vagueBefore);
const FORCES = new Set(PEOPLE_FORCES.values());

/** The id of a state's opposition ("Syrian" → syrian-opposition), made when the gazetteer has none. */
export function oppositionOf(adj: string, made: NewActor[]): string {
  const id = `${adj.toLowerCase()}-opposition`;
  if (!ACTORS.has(id) && !made.some((a) => a.id === id)) made.push({ id, name: `${adj} opposition`, kind: 'organization', affiliations: [] });
  return id;
}

/** Is "opposition" at word i followed by what makes it no body ("to the plan", "resistance")? */
export function oppositionGoesOn(words: readonly Word[], i: number, posAt: ReadonlyMap<number, string>): boolean {
  const w = words[i]!, n = words[i + 1];
  if (!n || !n.joined || n.sentence !== w.sentence || w.poss || GROUP_NOUNS.has(n.lc)) return false;
  return NOT_BODY.has(n.lc) || (!n.cap && posAt.get(n.start) === 'NOUN');
}

/**
 * "the Syrian official opposition", "the main opposition", "opposition factions": the opposition
 * as a body, by noun phrase. Its state's adjective names which one; without it the phrase is
 * generic ('@opp', resolved per document). "Opposition to the plan", "their opposition" and
 * "opposition leader X" are no body.
 */
export function oppositionMentions(words: readonly Word[], covered: Uint8Array, posAt: ReadonlyMap<number, string>, made: NewActor[]): Cand[] {
  const out: Cand[] = [];
  for (const w of words) {
    if (w.lc !== 'opposition' || covered[w.i] || w.poss) continue;
    const same = (x: Word | undefined, y: Word): x is Word => !!x && x.sentence === y.sentence && y.joined && !covered[x.i];
    let from = w;
    let modified = false;
    for (let p = words[from.i - 1]; same(p, from) && !p.poss && MODIFIERS.has(p.lc); p = words[from.i - 1]) { from = p; modified = true; }
    const p = words[from.i - 1];
    // "the Syrian opposition", "Syria's opposition"
    const possessor = !!p && p.poss && p.sentence === from.sentence && from.joined ? STATE_BY_NAME.get(p.text) : undefined;
    const state = possessor ?? (same(p, from) && !p.poss ? STATE_BY_ADJ.get(p.text) : undefined);
    if (state) from = p!;
    const before = words[from.i - 1];
    if (same(before, from) && NOT_BODY_BEFORE.has(before.lc)) continue;
    let to = w;
    const n = words[w.i + 1];
    if (n && n.joined && n.sentence === w.sentence && !covered[n.i] && GROUP_NOUNS.has(n.lc)) to = n;
    else if (oppositionGoesOn(words, w.i, posAt)) continue;
    const determined = !!before && before.lc === 'the' && before.sentence === w.sentence;
    if (!state && !modified && !determined && to === w) continue;
    const target = state?.adj ? oppositionOf(state.adj, made) : '@opp';
    out.push({ start: from.start, end: to.end, from: from.i, to: to.i, sentence: w.sentence, target, via: state ? 'name' : 'description', acts: true, confidence: state ? 0.75 : 0.55 });
    for (let i = from.i; i <= to.i; i++) covered[i] = 1;
  }
  return out;
}

const isCollective = (target: string): boolean => target.startsWith('@') || target.startsWith('people') || FORCES.has(target) || target.endsWith('-opposition');

/**
 * After every collective is found: "some opposition figures" names no one; "Syrian Kurd fighters"
 * takes its state's adjective; a people the text names only by its plural ("the Kurds") next to
 * its armed men is those men.
 */
export function settleCollectives(words: readonly Word[], cands: Cand[], covered: Uint8Array, made: NewActor[], posAt: ReadonlyMap<number, string>): void {
  for (const c of cands) {
    if (!c.acts || !isCollective(c.target)) continue;
    const first = words[c.from]!;
    const p = words[c.from - 1];
    if (!p || p.sentence !== first.sentence || !first.joined) continue;
    const pp = words[c.from - 2];
    if (VAGUE.has(p.lc) || (pp && p.joined && pp.sentence === p.sentence && VAGUE.has(`${pp.lc} ${p.lc}`))) { c.acts = false; continue; }
    if ((c.target.startsWith('people') || FORCES.has(c.target)) && !covered[p.i] && !p.poss && STATE_BY_ADJ.has(p.text)) {
      Object.assign(c, { start: p.start, from: p.i });
      covered[p.i] = 1;
    }
  }
  for (const [people, forces] of PEOPLE_FORCES) {
    let mine = cands.filter((c) => c.acts && c.target === people);
    // "Syrian Kurds" and "Turkish Kurds" are two bodies: the most named one keeps the bare forms.
    const byState = new Map<string, Cand[]>();
    for (const c of mine) { const q = words[c.from]!.text; if (c.to > c.from && STATE_BY_ADJ.has(q)) byState.set(q, [...(byState.get(q) ?? []), c]); }
    const top = [...byState].sort((a, b) => b[1].length - a[1].length)[0]?.[0];
    for (const [q, cs] of byState) {
      if (q === top) continue;
      const id = `${people}:${q.toLowerCase()}`;
      if (!made.some((a) => a.id === id)) made.push({ id, name: `${q} ${ACTORS.get(people)!.name}`, kind: 'organization', affiliations: [] });
      for (const c of cs) c.target = id;
    }
    mine = mine.filter((c) => c.target === people);
    if (!mine.length || mine.some((c) => GROUP_NOUNS.has(words[c.to]!.lc))) continue;
    if (cands.some((c) => c.acts && c.target === forces)) { for (const c of mine) c.target = forces; continue; }
    // "Most of those who fled were Yazidis": a people named once, as no verb's subject, is no party.
    if (!byState.size && mine.length < 2 && !mine.some((c) => subjectOfVerb(words, c, posAt))) for (const c of mine) c.acts = false;
  }
}

function subjectOfVerb(words: readonly Word[], c: Cand, posAt: ReadonlyMap<number, string>): boolean {
  const n = words[c.to + 1];
  const pos = n && n.joined && n.sentence === c.sentence ? posAt.get(n.start) : undefined;
  return pos === 'VERB' || pos === 'AUX';
}
