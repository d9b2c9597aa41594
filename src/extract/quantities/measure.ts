import lex from '../lexicon/measures.json' with { type: 'json' };
import type { Measure } from '../../domain/record.ts';

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');
const norm = (s: string) => s.toLowerCase().replace(/[’]/g, "'").replace(/\s+/g, ' ');

const NOUN_MEASURE = new Map<string, Measure>();
for (const [m, words] of Object.entries(lex.nouns)) for (const w of words) NOUN_MEASURE.set(w, m as Measure);
const PERSONS = new Set(lex.persons);
const PARTIES = new Set(lex.parties);
const AID = new Set(lex.aid);
const THINGS = new Set(lex.things);
const POPULATION = new Set(lex.population);
export const NOT_COUNTS = new Set(lex.notCounts);
export const HYPHEN_UNITS = new Set(lex.hyphenUnits);
export const NAME_WORDS = new Set(lex.nameWords);

interface CueDef { measure: Measure; strong: boolean }
const CUES = new Map<string, CueDef>();
for (const [m, kinds] of Object.entries(lex.cues)) {
  for (const [kind, words] of Object.entries(kinds as Record<string, string[]>)) {
    for (const w of words) CUES.set(norm(w), { measure: m as Measure, strong: kind === 'strong' });
  }
}
const CUE_RE = new RegExp(`(?<![\\w-])(?:${[...CUES.keys()].sort((a, b) => b.length - a.length).map(esc).join('|')})(?![\\w-])`, 'gi');

const CLAUSE_BREAK = /[,;:–—]|\s(?:and|but|while|whereas)\s/;

/** How far (characters) a strong cue reaches to override a noun's own measure. */
const STRONG_REACH = 40;

/** How far (characters, clause breaks counted) a participation cue reaches to a count of groups. */
const PARTY_REACH = 80;
/** The stretch between a verb and a later count in its list of objects: "[about 120 fighters] and ". */
const COORD_LIST = /^(\s+(?:[a-z]+\s+){0,3})\d[\d,.]*\s+[^,;:.–—()]*?\s(?:and|as well as)\s+(?:[a-z]+\s+){0,3}$/;

export interface Cue { readonly start: number; readonly end: number; readonly measure: Measure; readonly strong: boolean }

/** Every measure cue in a stretch of text (offsets into it). */
export function cuesIn(text: string): Cue[] {
  const out: Cue[] = [];
  CUE_RE.lastIndex = 0;
  for (let m = CUE_RE.exec(text); m; m = CUE_RE.exec(text)) {
    const def = CUES.get(norm(m[0]))!;
    out.push({ start: m.index, end: m.index + m[0].length, ...def });
  }
  return out;
}

/** Is a word a noun the lexicon knows as counted (people, troops, groups, aid)? */
export const isCountNoun = (w: string): boolean => NOUN_MEASURE.has(w) || PERSONS.has(w) || PARTIES.has(w) || AID.has(w);

/** What kind of thing a counted noun names. */
export type NounClass = 'measure' | 'person' | 'party' | 'aid' | 'thing' | 'none';

export interface NounReading { cls: NounClass; measure?: Measure; population?: boolean }

export function nounClass(words: string[]): NounReading {
  if (words.length === 0) return { cls: 'none' };
  const lw = words.map(norm);
  // two-word nouns first ("asylum seekers", "aid workers"), then the head, then its modifiers
  const head = lw.at(-1)!;
  const two = lw.length >= 2 ? `${lw.at(-2)} ${head}` : '';
  for (const w of [two, head]) {
    if (!w) continue;
    const m = NOUN_MEASURE.get(w);
    if (m) return { cls: 'measure', measure: m };
    if (PERSONS.has(w)) return { cls: 'person', ...(POPULATION.has(w) ? { population: true } : {}) };
    if (PARTIES.has(w)) return { cls: 'party' };
    if (AID.has(w)) return { cls: 'aid' };
  }
  // "a 30,000 strong force"
  if (lw[0] === 'strong' && lw.length > 1) return { cls: 'measure', measure: 'fighters' };
  // "displaced people", "wounded civilians": a measure word among the modifiers
  for (const w of lw.slice(0, -1)) { const m = NOUN_MEASURE.get(w); if (m && (m === 'displaced' || m === 'injured' || m === 'missing')) return { cls: 'measure', measure: m }; }
  // An agent noun names people: "bakers", "journalists", "attendants", "trainees".
  if (/(?:ists|ers|ors|ants|dents|ients|gents|ians|men|ees)$/.test(head) && !THINGS.has(head)) return { cls: 'person' };
  // A capitalised plural is a people's name: Syrians, Iraqis, Kurds.
  if (/^[A-Z][a-z]+(?:is|ans|ns|ese|s)$/.test(words.at(-1)!) && !/ss$/.test(words.at(-1)!)) return { cls: 'person' };
  return { cls: 'thing' };
}

/**
 * The measure of a count: its unit first (money, percent), then the counted noun and the
 * cues around it. A strong cue (killed, released) beats the noun's own measure; the noun's
 * measure beats weak cues; people without a noun measure take the nearest cue.
 */
export function decideMeasure(cls: NounReading, cues: Cue[], at: { start: number; end: number }, text: string): Measure {
  // A cue across a clause boundary ("530 died and more than 2,500 were wounded") counts as farther away.
  const dist = (c: Cue) => {
    const [a, b] = c.end <= at.start ? [c.end, at.start] : c.start >= at.end ? [at.end, c.start] : [0, Infinity];
    if (b === Infinity) return Infinity;
    return b - a + (CLAUSE_BREAK.test(text.slice(a, b)) ? 60 : 0);
  };
  // "killed 120 fighters and 60 mercenaries": a verb before a list of counts governs each of them,
  // unless the count has a cue of its own after it in the same clause.
  const ownAfter = cues.some((c) => c.start >= at.end && !CLAUSE_BREAK.test(text.slice(at.end, c.start)));
  const reach = (c: Cue) => {
    if (c.end <= at.start && !ownAfter) {
      const m = COORD_LIST.exec(text.slice(c.end, at.start));
      if (m) return m[1]!.length;
    }
    return dist(c);
  };
  const nearest = (pred: (c: Cue) => boolean): Cue | undefined => {
    let best: Cue | undefined, bd = Infinity;
    for (const c of cues) { if (!pred(c)) continue; const d = dist(c); if (d < bd) { bd = d; best = c; } }
    return best;
  };
  switch (cls.cls) {
    case 'measure': {
      // civilians are people first: what happened to them says more than the noun
      if (cls.measure === 'civilians') {
        const c = nearest((x) => x.measure !== 'aid');
        return c && c.measure !== 'other' ? c.measure : 'civilians';
      }
      let s: Cue | undefined, bd = Infinity;
      for (const c of cues) { const d = reach(c); if (c.strong && c.measure !== cls.measure && d <= STRONG_REACH && d < bd) { bd = d; s = c; } }
      return s && cls.measure !== 'killed' && cls.measure !== 'injured' ? s.measure : cls.measure!;
    }
    case 'person':
    case 'none':
      return nearest((c) => c.measure !== 'aid')?.measure ?? (cls.population ? 'civilians' : 'other');
    case 'party':
      // "60 groups attended": only a cue in reach, not one about someone else in a later clause
      { const c = nearest((x) => x.measure === 'participants'); return c && dist(c) <= PARTY_REACH ? 'participants' : 'other'; }
    case 'aid':
      return 'aid';
    default: {
      // "5,000 tonnes of food", "200 lorries carrying supplies"
      const c = nearest((x) => x.measure === 'aid');
      return c && dist(c) <= STRONG_REACH ? 'aid' : 'other';
    }
  }
}
