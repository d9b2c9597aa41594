import type { Segmented } from '../../domain/record.ts';

/** A word as the actor rules see it: letters joined by inner hyphens and apostrophes. */
export interface Word {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** Folded: lower case, no accents, curly apostrophes made straight. */
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

export const straight = (s: string): string => (s.indexOf('’') >= 0 || s.indexOf('‘') >= 0 ? s.replace(/[’‘]/g, "'") : s);

const MARKS = /\p{M}+/gu;
/** Lower case without accents, apostrophes straight: "Erdoğan" and "Erdogan" meet. */
export function fold(s: string): string {
  const lower = s.toLowerCase();
  for (let i = 0; i < lower.length; i++) {
    if (lower.charCodeAt(i) > 127) return straight(lower).normalize('NFKD').replace(MARKS, '').replace(/ı/g, 'i');
  }
  return lower;
}

const UPPER = /^\p{Lu}/u;
const LOWER = /\p{Ll}/u;
function isCap(s: string): boolean {
  const c = s.charCodeAt(0);
  if (c >= 65 && c <= 90) return true;
  if (c < 128) return false;
  return UPPER.test(s);
}
function hasLower(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 97 && c <= 122) return true;
    if (c >= 128) return LOWER.test(s);
  }
  return false;
}
/** Only spaces, after at most one apostrophe ("Workers' Party"). */
function spacesOnly(text: string, from: number, to: number): boolean {
  if (to <= from) return false;
  let i = from;
  const a = text.charCodeAt(i);
  if (a === 39 || a === 0x2019) i++;
  if (i >= to) return false;
  for (; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 0xa0) return false;
  }
  return true;
}

/** All words of the text, in order, each with its sentence index. `isGivenName` lets an initial join a name. */
export function wordsOf(seg: Segmented, isGivenName?: (word: string) => boolean): Word[] {
  const { text, sentences } = seg;
  const out: Word[] = [];
  let si = 0;
  let prevEnd = -1;
  let prevSentence = -1;
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m; m = WORD.exec(text)) {
    const start = m.index;
    let raw = m[0];
    while (si < sentences.length - 1 && start >= sentences[si]!.end) si++;
    let poss = false;
    const n = raw.length;
    if (n > 2 && (raw.charCodeAt(n - 1) === 115 || raw.charCodeAt(n - 1) === 83) && (raw.charCodeAt(n - 2) === 39 || raw.charCodeAt(n - 2) === 0x2019)) {
      raw = raw.slice(0, -2);
      poss = true;
    }
    const end = start + raw.length;
    const sameSentence = prevSentence === si;
    const cap = isCap(raw);
    // "Edwin G. Monroy": after a given name, a capital initial's full stop does not part it from
    // the name it is in ("Area B. Officials said" stays two).
    const prev = out[out.length - 1], given = out[out.length - 2];
    const initial = !!prev && !!given && prev.text.length === 1 && prev.cap && prev.joined && cap && !!isGivenName?.(given.text)
      && text.charCodeAt(prevEnd) === 46 && spacesOnly(text, prevEnd + 1, start);
    const joined = sameSentence && prevEnd >= 0 && (spacesOnly(text, prevEnd, start) || initial);
    const allCaps = cap && raw.length >= 2 && !hasLower(raw);
    out.push({ start, end, text: raw, lc: fold(raw), sentence: si, i: out.length, poss, cap, allCaps, joined, first: !sameSentence });
    prevEnd = m.index + m[0].length;
    prevSentence = si;
  }
  return out;
}

/** Text between two words (exclusive), e.g. to see a comma or a bracket. */
export const between = (text: string, a: Word, b: Word): string => text.slice(a.end, b.start);
