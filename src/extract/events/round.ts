import type { Span } from '../../domain/record.ts';
import lex from '../lexicon/event-cues.json' with { type: 'json' };

/**
 * The round a talks cue names, read from the noun phrase or clause that governs it, never from
 * an ordinal that merely stands near it ("the second day of talks", "for the third time"):
 *  - before the cue: "a sixth round of UN-sponsored Syrian talks", "round 3 of the talks",
 *    "second-round talks", "the Geneva IV talks";
 *  - after it: "talks, now in their eighth round", "the negotiations in Vienna, the fourth round",
 *    "the meeting will be the third round", "talks dubbed Astana VI".
 */

const ORD: Readonly<Record<string, number>> = lex.ordinals;
const CARD: Readonly<Record<string, number>> = lex.roundNumbers;
const alt = (xs: readonly string[]): string => [...xs].sort((a, b) => b.length - a.length).join('|');
const ORDW = `(${alt(Object.keys(ORD).filter((k) => !/^\d/.test(k)))}|\\d{1,2}(?:st|nd|rd|th))`;
const NUMW = `(${alt(Object.keys(CARD))}|\\d{1,2})`;
const ROMAN = '(II|III|IV|V|VI|VII|VIII|IX|X|XI|XII|XIII|XIV|XV)';
/** A modifier between "round of" and the talks noun: no verb, preposition or clause word. */
const MOD = `(?:(?!(?:${alt(lex.roundModifierStop)})\\s)[\\p{L}\\p{N}’'.-]+\\s+)`;
const FINAL = '(?:\\s+and\\s+(?:final|last|decisive|concluding))?';

/** Text before the cue ends with the round: "the eighth round of the UN-backed ". */
const BEFORE = new RegExp(`(?<![\\p{L}\\p{N}-])(?:${ORDW}${FINAL}[\\s-]+round\\s+of\\s+${MOD}{0,6}|round\\s+${NUMW}\\s+of\\s+${MOD}{0,6}|${ORDW}${FINAL}-round\\s+${MOD}{0,3}|${ORDW}${FINAL}\\s+round\\s+(?!of\\b)${MOD}{0,2})$`, 'iu');
/** A cue that is itself "round of talks": the ordinal right before it. */
const BEFORE_ROUND = new RegExp(`(?<![\\p{L}\\p{N}-])${ORDW}${FINAL}[\\s-]+$`, 'iu');
/** "Geneva IV talks", "the Astana VII meeting": a numbered venue right before the cue. */
const NOT_VENUE = `(?!(?:${alt(lex.romanNotAfter)})\\s)`;
const VENUE_BEFORE = new RegExp(`(?<![\\p{L}’'-])${NOT_VENUE}\\p{Lu}[\\p{L}’'-]+\\s+${ROMAN}\\s+(?:\\p{L}[\\p{L}-]*\\s+){0,2}$`, 'u');

/** Up to one place phrase after the cue ("talks in Geneva"), then optional clause glue. */
const PLACE_PP = '(?:\\s+(?:in|at)\\s+\\p{Lu}[\\p{L}’\'-]+(?:\\s+\\p{Lu}[\\p{L}’\'-]+)?)?';
const GLUE = '(?:(?:which|that|now|currently|already|are|were|is|was|has|have|had|been|will|as|they|it|finally)\\s+)*';
/** "talks, now in their eighth round", "negotiations that entered their fifth round". */
const IN_ROUND = new RegExp(`^${PLACE_PP}(?:\\s*,)?\\s+${GLUE}(?:in|into|entered|enter|enters|entering|(?:went|go|goes|going|moved|move|moves|moving|headed|heading)\\s+into)\\s+(?:its|their|the|a)\\s+${ORDW}\\s+round\\b(?!\\s+of\\b)`, 'iu');
/** "the talks, the fourth round since May", "the meeting will be the second round". */
const IS_ROUND = new RegExp(`^${PLACE_PP}(?:\\s*,\\s+|\\s+(?:is|was|are|were|will\\s+be|would\\s+be|marks|marked|mark|will\\s+mark)\\s+)(?:the|a)\\s+${ORDW}${FINAL}\\s+(?:such\\s+)?round\\b(?!\\s+of\\b)`, 'iu');
/** "talks known as Geneva IV", "the meeting in Astana VI". */
const VENUE_AFTER = new RegExp(`^(?:\\s*,)?\\s+(?:in|at|known\\s+as|dubbed|called|billed\\s+as)\\s+${NOT_VENUE}\\p{Lu}[\\p{L}’'-]+\\s+${ROMAN}(?![\\p{L}\\p{N}])`, 'u');

const ROMANS: Readonly<Record<string, number>> = { I: 1, V: 5, X: 10 };
function roman(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const v = ROMANS[s[i]!]!, next = ROMANS[s[i + 1] ?? ''] ?? 0;
    n += v < next ? -v : v;
  }
  return n;
}

function value(m: RegExpExecArray): number | undefined {
  const w = m.slice(1).find((x) => x !== undefined);
  if (!w) return undefined;
  if (/^[IVX]+$/.test(w)) return roman(w);
  const k = w.toLowerCase();
  if (/^\d/.test(k)) return parseInt(k, 10) || undefined;
  return ORD[k] ?? CARD[k];
}

const WINDOW = 140;

/** The round of the talks named by a group of cues (in text order) within sentence `s`. */
export function roundOf(text: string, s: Span, cues: readonly Span[]): number | undefined {
  for (const c of cues) {
    const before = text.slice(Math.max(s.start, c.start - WINDOW), c.start);
    const m = (/^rounds?\b/iu.test(text.slice(c.start, c.end)) ? BEFORE_ROUND : BEFORE).exec(before) ?? VENUE_BEFORE.exec(before);
    if (m) return value(m);
  }
  const last = cues.at(-1);
  if (!last) return undefined;
  const after = text.slice(last.end, Math.min(s.end, last.end + WINDOW));
  const n = IN_ROUND.exec(after) ?? IS_ROUND.exec(after) ?? VENUE_AFTER.exec(after);
  return n ? value(n) : undefined;
}
