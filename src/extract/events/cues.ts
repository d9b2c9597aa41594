import type { EventType, Measure, Span } from '../../domain/record.ts';
import lex from '../lexicon/event-cues.json' with { type: 'json' };
import { compilePattern, FirstWordIndex, firstWords, phraseRegex } from '../participation/patterns.ts';

interface TypeCues {
  readonly type: EventType;
  readonly phrases: RegExp | null;
  readonly verbs: RegExp[];
  /** Words the type's phrases start with: a sentence without any of them is not searched. */
  readonly first: readonly string[];
  readonly verbFirst: readonly (readonly string[] | null)[];
  readonly exclude: RegExp | null;
  readonly requires: RegExp | null;
  readonly notFollowedBy: RegExp | null;
  readonly notAfter: RegExp | null;
  readonly measures: ReadonlySet<Measure>;
  readonly adjectival: boolean;
  readonly stateParticiple: boolean;
}

type Entry = { phrases: string[]; verbs: string[]; partiesBetween?: string; adjectival?: boolean; stateParticiple?: boolean; exclude?: string[]; requires?: string[]; notFollowedBy?: string[]; notAfter?: string[]; measures: string[] };

const TYPES: TypeCues[] = Object.entries(lex.types as Record<string, Entry>).map(([type, e]) => ({
  type: type as EventType,
  phrases: e.phrases.length ? phraseRegex(e.phrases) : null,
  verbs: e.verbs.map((v) => compilePattern(v, true, lex.irregular)),
  verbFirst: e.verbs.map((v) => firstWords(v, true, lex.irregular)),
  first: e.phrases.flatMap((p) => firstWords(p.split(/\s+/)[0]!, false, {}) ?? []),
  exclude: e.exclude?.length ? phraseRegex(e.exclude) : null,
  requires: e.requires?.length ? phraseRegex(e.requires, 'iu') : null,
  notFollowedBy: e.notFollowedBy?.length ? new RegExp(`^\\s+(?:${e.notFollowedBy.map((p) => p.replace(/\s+/g, '\\s+')).join('|')})\\b`, 'iu') : null,
  notAfter: e.notAfter?.length ? new RegExp(`\\b(?:${e.notAfter.join('|')})\\s+$`, 'iu') : null,
  measures: new Set(e.measures as Measure[]),
  adjectival: !!e.adjectival,
  stateParticiple: !!e.stateParticiple,
}));

/** Cue slots: per type, its phrases (slot 0) and each of its verbs (slots 1..n). */
const SLOTS: { type: number; verb: number }[] = TYPES.flatMap((t, ti) => [{ type: ti, verb: -1 }, ...t.verbs.map((_, vi) => ({ type: ti, verb: vi }))]);
const INDEX = new FirstWordIndex(SLOTS.length, SLOTS.map((sl) => {
  const t = TYPES[sl.type]!;
  return sl.verb < 0 ? t.first : t.verbFirst[sl.verb]!;
}));

export const MEASURES: ReadonlyMap<EventType, ReadonlySet<Measure>> = new Map(TYPES.map((t) => [t.type, t.measures]));
/** Types whose cue is an adjective inside a noun phrase ("the besieged town"): they share, not take. */
export const ADJECTIVAL: ReadonlySet<EventType> = new Set(TYPES.filter((t) => t.adjectival).map((t) => t.type));
/** Measures in order of preference: the first one found counts the event. */
export const MEASURE_ORDER: ReadonlyMap<EventType, readonly Measure[]> = new Map(Object.entries(lex.types as Record<string, Entry>).map(([k, e]) => [k as EventType, e.measures as Measure[]]));
export const SUBSET_BEFORE = new RegExp(`\\b(?:${lex.subsetBefore.join('|')})\\s+$`, 'iu');
/** Types whose actors may follow 'between' / 'with', and what must come before it ('any' for talks). */
export const PARTIES_BETWEEN: ReadonlyMap<EventType, RegExp | null> = new Map(Object.entries(lex.types as Record<string, Entry>).filter(([, e]) => e.partiesBetween).map(([k, e]) => [k as EventType, e.partiesBetween === 'any' ? null : new RegExp(`\\b(?:${e.partiesBetween})\\b`, 'iu')]));

export interface Trigger extends Span { readonly type: EventType; readonly verb: boolean }

const NO_OBJECT = /^(?:\s*[,.;:)]|\s+(?:in|at|on|by|since|for|from|under|without|across|inside|during|after|before|over)\b)/iu;
const BE_BEFORE = /\b(?:is|are|was|were|be|been|being|has|have|had|get|got|who|which|that)\s+(?:[\w-]+ly\s+)?$/iu;
/** "would not attack", "never released": a negated verb cue names nothing that happened. */
const NEGATED_BEFORE = /(?:\bnot|n['’]t|\bnever)\s+(?:(?:be|been|have|yet|to|willing|able|prepared|ready|going|want|expected|allowed)\s+){0,2}$/iu;
const PASSIVE_AUX = /\b(?:is|are|was|were|be|been|being|get|got)\s+(?:[\w-]+ly\s+)?$/iu;
/** An active verb followed by its own object: "fighters released a video" frees no one. */
const OBJECT_NEXT = /^\s+(?:a|an|the|its|their|his|her|this|that|new|several)\b/iu;

const UNREALISED = new RegExp(`(?:\\b(?:${lex.unrealisedBefore.join('|')})\\s+(?:(?:on|over|about|for|to)\\s+)?|\\b(?:fail|fails|failed|refuse|refused|refuses|must|should)\\s+(?:to\\s+)?(?:reach|sign|agree|strike|secure|conclude|declare|arrange)?\\s*)(?:(?:a|an|the)\\s+)?(?:[\\w-]+\\s+)?$`, 'iu');

function spans(re: RegExp, slice: string, base: number): Span[] {
  const out: Span[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(slice); m; m = re.exec(slice)) out.push({ start: base + m.index, end: base + m.index + m[0].length });
  return out;
}

/** Event cues in one sentence; where cues overlap the longest wins. */
export function findTriggers(text: string, s: Span, words: readonly string[], tokens: readonly { start: number; pos: string }[]): Trigger[] {
  const cand = INDEX.candidates(words);
  let sl: string | null = null;
  const all: Trigger[] = [];
  let slot = 0;
  for (const t of TYPES) {
    const phrasesOn = cand[slot]!;
    const verbsOn = t.verbs.map((_, i) => cand[slot + 1 + i]!);
    slot += 1 + t.verbs.length;
    if (!phrasesOn && !verbsOn.includes(true)) continue;
    const slice = (sl ??= text.slice(s.start, s.end));
    if (t.requires) { t.requires.lastIndex = 0; if (!t.requires.test(slice)) continue; }
    const requires = t.requires;
    const excluded = t.exclude ? spans(t.exclude, slice, s.start) : [];
    const found = [
      ...(t.phrases && phrasesOn ? spans(t.phrases, slice, s.start).map((x) => ({ ...x, verb: false })) : []),
      ...t.verbs.flatMap((re, i) => (verbsOn[i] ? spans(re, slice, s.start).map((x) => ({ ...x, verb: true })) : [])),
    ];
    for (const f of found) {
      if (excluded.some((e) => e.start <= f.start && f.end <= e.end)) continue;
      if (t.notFollowedBy?.test(text.slice(f.end, s.end))) continue;
      if (t.notAfter?.test(text.slice(Math.max(s.start, f.start - 20), f.start))) continue;
      // "20,000 foreigners detained in camps" is a state, "were detained on Monday" an event.
      if (t.stateParticiple && f.verb && /ed$/.test(text.slice(f.start, f.end))
        && !BE_BEFORE.test(text.slice(Math.max(s.start, f.start - 30), f.start)) && NO_OBJECT.test(text.slice(f.end, s.end))) continue;
      if (NEGATED_BEFORE.test(text.slice(Math.max(s.start, f.start - 25), f.start))) continue;
      // The people released must be near the cue: "released 650 prisoners", "prisoners were released".
      if (requires) {
        requires.lastIndex = 0;
        const verb = tokens.find((k) => k.start >= f.end && (k.pos === 'VERB' || k.pos === 'AUX'));
        const to = Math.min(s.end, f.end + 50, verb?.start ?? Infinity);
        const near = text.slice(Math.max(s.start, f.start - 30), to);
        if (!requires.test(near)) continue;
        // In the active voice the people freed are the object, after the verb.
        if (f.verb && OBJECT_NEXT.test(text.slice(f.end, to)) && !PASSIVE_AUX.test(text.slice(Math.max(s.start, f.start - 30), f.start))) {
          requires.lastIndex = 0;
          if (!requires.test(text.slice(f.end, to))) continue;
        }
      }
      // "calls for a ceasefire", "talks on a truce": proposed, not (yet) happened.
      if (t.type !== 'talks' && UNREALISED.test(text.slice(Math.max(s.start, f.start - 40), f.start))) continue;
      all.push({ ...f, type: t.type });
    }
  }
  all.sort((a, b) => (b.end - b.start) - (a.end - a.start) || a.start - b.start);
  const kept: Trigger[] = [];
  for (const t of all) if (!kept.some((k) => k.start < t.end && t.start < k.end)) kept.push(t);
  return kept.sort((a, b) => a.start - b.start);
}
