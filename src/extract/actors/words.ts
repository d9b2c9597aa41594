import type { Segmented } from '../../domain/record.ts';

/** A word as the actor rules see it: letters joined by inner hyphens and apostrophes. */
export interface Word {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** Lower case, curly apostrophes made straight. */
  readonly lc: string;
  readonly sentence: number;
  /** Index of the word in the document's word list. */
  readonly i: number;
  /** Followed by a possessive 's (not part of `text`). */
  readonly poss: boolean;
  readonly cap: boolean;
  readonly allCaps: boolean;
  /** True when only spaces separate this word from the one before, in the same sentence. */
  readonly joined: boolean;
  /** First word of its sentence (after opening quotes or bullets). */
  readonly first: boolean;
}

// Dotted abbreviations (U.S., U.N.), or letters/digits with inner hyphens and apostrophes.
const WORD = /(?:\p{Lu}\.){2,}|[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:[-'’‘][\p{L}\p{N}][\p{L}\p{M}\p{N}]*)*/gu;
const POSS = /['’]s$/i;

export const straight = (s: string): string => s.replace(/[’‘]/g, "'");

/** All words of the text, in order, each with its sentence index. */
export function wordsOf(seg: Segmented): Word[] {
  const { text, sentences } = seg;
  const out: Word[] = [];
  let si = 0;
  let prevEnd = -1;
  let prevSentence = -1;
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m; m = WORD.exec(text)) {
    let start = m.index;
    let raw = m[0];
    while (si < sentences.length - 1 && start >= sentences[si]!.end) si++;
    let poss = false;
    if (raw.length > 2 && POSS.test(raw)) { raw = raw.slice(0, -2); poss = true; }
    const end = start + raw.length;
    const gap = prevEnd >= 0 ? text.slice(prevEnd, start) : '';
    const sameSentence = prevSentence === si;
    const joined = sameSentence && prevEnd >= 0 && /^['’]?[ \t\u00a0]+$/.test(gap);
    const first = !sameSentence;
    const cap = /^\p{Lu}/u.test(raw);
    const allCaps = cap && raw.length >= 2 && !/\p{Ll}/u.test(raw);
    out.push({ start, end, text: raw, lc: straight(raw.toLowerCase()), sentence: si, i: out.length, poss, cap, allCaps, joined, first });
    prevEnd = m.index + m[0].length;
    prevSentence = si;
    start = end;
  }
  return out;
}

/** Text between two words (exclusive), e.g. to see a comma or a bracket. */
export const between = (text: string, a: Word, b: Word): string => text.slice(a.end, b.start);
