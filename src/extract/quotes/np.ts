import type { Token } from '../../domain/record.ts';
import { ANON_HEADS, GROUP_HEADS, SOURCE_HEADS, PRONOUNS, RELATIVES, SKIP_BEFORE_VERB, TIME_WORDS } from './lexicon.ts';

const COMMON_HEADS = new Set([...ANON_HEADS, ...GROUP_HEADS, ...SOURCE_HEADS]);

/** A noun phrase as token indices (inclusive) into one sentence's tokens. */
export interface NP {
  readonly from: number;
  readonly to: number;
  readonly pronoun: boolean;
  /** Last token of a following ", who ..." clause that describes the speaker. */
  readonly relEnd?: number;
  /** First token of the whole subject when it opens with a role ("the US president, Donald Trump"). */
  readonly lead?: number;
}

export const low = (t: Token | undefined): string => (t ? t.text.toLowerCase() : '');
export const isQuoteMark = (t: Token | undefined): boolean => !!t && /^(?:["“”„«»']|''|``)$/u.test(t.text);
export const isPunct = (t: Token | undefined): boolean => !!t && t.pos === 'PUNCT';
const DASH = new Set(['–', '—', '--']);
const NP_PREPS = new Set(['of', 'for', 'to', 'in', 'at', 'from', 'with']);
/** After the verb a speaker may also sit "on" a body ("said an official on the panel"); before it, "Late on Monday, ..." is no speaker. */
const NP_PREPS_AFTER = new Set([...NP_PREPS, 'on']);
const POSSESSIVE = new Set(['’s', "'s"]);
const DETS = new Set(['the', 'a', 'an', 'one', 'some', 'many', 'several', 'two', 'three', 'four', 'both', 'other', 'another', 'his', 'her', 'its', 'their', 'our']);

/** Can this token sit inside a noun phrase naming a speaker? */
export function npWord(t: Token | undefined): boolean {
  if (!t) return false;
  if (t.pos === 'PROPN' || t.pos === 'NOUN' || t.pos === 'ADJ' || t.pos === 'NUM') return true;
  if (POSSESSIVE.has(t.text)) return true;
  if (t.pos === 'VERB' && COMMON_HEADS.has(t.text.toLowerCase())) return true; // "the ... monitor" tagged as a verb
  if (t.pos === 'VERB' && /ing$/.test(t.text)) return false; // "Speaking with ...": a participle, capitalised at the start
  return /\p{L}-\p{L}/u.test(t.text) && t.pos !== 'VERB' || /^\p{Lu}/u.test(t.text) && t.pos !== 'PRON' && t.pos !== 'DET' && t.pos !== 'ADP' && t.pos !== 'CCONJ' && t.pos !== 'SCONJ' && t.pos !== 'AUX' && t.pos !== 'ADV';
}

export const isPronoun = (t: Token | undefined): boolean => !!t && PRONOUNS.has(low(t)) && t.pos === 'PRON';

/** The noun phrase ending at token `end`, walking back. */
export function npBefore(st: Token[], end: number): NP | null {
  if (end < 0) return null;
  if (isPronoun(st[end])) return { from: end, to: end, pronoun: true };
  let from = -1;
  for (let i = end; i >= 0 && end - i < 16; i--) {
    const t = st[i]!, l = low(t);
    if (DETS.has(l) || t.pos === 'DET') {
      if (from < 0) {
        // "Those who have resigned", "some said": the determiner stands for the speakers
        if (i === end && ANON_HEADS.has(l)) from = i;
        break;
      }
      from = i;
      if (low(st[i - 1]) === 'and' && npWord(st[i - 2])) { i--; continue; }
      // "a member of the group", "a source close to the leadership", "group the National Committee"
      const p = st[i - 1], pp = st[i - 2];
      if (p && (NP_PREPS.has(low(p)) && p.pos === 'ADP' && (npWord(pp) || ['close', 'familiar'].includes(low(pp))) ||
        p.pos === 'NOUN' && /^\p{Ll}/u.test(p.text) && /^\p{Lu}/u.test(st[from + 1]?.text ?? '') && st[from + 1]!.pos === 'PROPN')) continue;
      break;
    }
    if (npWord(t)) { from = i; continue; }
    if (from >= 0 && i > 0 && (NP_PREPS.has(l) || l === 'and') && (npWord(st[i - 1]) || l === 'to' && low(st[i - 1]) === 'close')) continue;
    break;
  }
  if (from < 0) return null;
  while (from < end && (TIME_WORDS.has(low(st[from])) || st[from]!.pos === 'ADP' || low(st[from]) === 'and')) from++;
  if (POSSESSIVE.has(st[from]!.text)) return null;
  return { from, to: end, pronoun: false };
}

/** The noun phrase starting at token `start`, with a following ", who ..." clause. */
export function npAfter(st: Token[], start: number): NP | null {
  const t0 = st[start];
  if (!t0) return null;
  if (isPronoun(t0)) return { from: start, to: start, pronoun: true };
  let i = start;
  if (DETS.has(low(t0)) || t0.pos === 'DET') i++;
  let to = -1;
  for (; i < st.length && i - start < 16; i++) {
    const t = st[i]!, l = low(t);
    if (npWord(t)) { to = i; continue; }
    if (to >= 0 && (NP_PREPS_AFTER.has(l) || l === 'and') && (npWord(st[i + 1]) || DETS.has(low(st[i + 1])))) { if (DETS.has(low(st[i + 1]))) i++; continue; }
    break;
  }
  if (to < 0) return null;
  // A time word closing the phrase is an adverbial ("said the monitor on Sunday").
  while (to > start + 1 && TIME_WORDS.has(low(st[to])) && st[to - 1]!.pos === 'ADP') to -= 2;
  let relEnd: number | undefined;
  if (st[to + 1]?.text === ',' && RELATIVES.has(low(st[to + 2]))) {
    let k = to + 3;
    while (k < st.length && st[k]!.text !== ',' && !isPunctEnd(st[k])) k++;
    relEnd = k - 1;
  }
  return relEnd != null ? { from: start, to, pronoun: false, relEnd } : { from: start, to, pronoun: false };
}

const isPunctEnd = (t: Token | undefined) => !!t && /^[.!?;:]$/.test(t.text);

/** Steps back over auxiliaries, adverbs and a time phrase standing before a verb. */
export function skipBack(st: Token[], j: number): number {
  for (;;) {
    while (j >= 0 && (SKIP_BEFORE_VERB.has(low(st[j])) || st[j]!.pos === 'ADV' && !/^\p{Lu}/u.test(st[j]!.text))) j--;
    // "Turkey on Sunday said", "the ministry last week said"
    if (j >= 1 && TIME_WORDS.has(low(st[j])) && (st[j - 1]!.pos === 'ADP' || ['last', 'this', 'next'].includes(low(st[j - 1])))) { j -= 2; continue; }
    return j;
  }
}

export type Subject = NP | 'coord' | null;

/**
 * The subject of the verb at `vi`: the phrase right before it, past auxiliaries and an
 * apposition ("Kassis, who now heads ..., said" → Kassis; "the US president, Donald Trump,
 * said" → Donald Trump). 'coord' when the verb is coordinated ("... and said").
 */
export function subjectBefore(st: Token[], vi: number): Subject {
  let j = skipBack(st, vi - 1);
  if (st[j]?.text === ')') { // "Sen. X (D-Ore.) said"
    let k = j - 1;
    while (k > 0 && st[k]!.text !== '(' && j - k < 8) k--;
    if (st[k]?.text === '(') j = skipBack(st, k - 1);
  }
  if (j < 0) return null;
  const t = st[j]!, l = low(t);
  if (l === 'and' || l === 'but' || l === 'or') return 'coord';
  if (RELATIVES.has(l) && t.pos === 'PRON') {
    const k = st[j - 1]?.text === ',' ? j - 2 : j - 1;
    return npBefore(st, k);
  }
  if (t.text === ',' || DASH.has(t.text)) return appositive(st, j);
  const np = npBefore(st, j);
  const end = np ? np.from - 1 : j;
  const e = st[end];
  if (!e || e.pos !== 'VERB' && e.pos !== 'AUX' && e.pos !== 'ADV' && e.pos !== 'ADP') return climb(st, np);
  // "Those who have resigned (the council) complain": the subject with its relative clause
  for (let k = end - 1; k >= Math.max(0, end - 5); k--) {
    if (RELATIVES.has(low(st[k])) && st[k]!.pos === 'PRON') {
      const head = npBefore(st, st[k - 1]?.text === ',' ? k - 2 : k - 1);
      return head && !head.pronoun ? { ...head, relEnd: j } : null;
    }
    if (isPunct(st[k])) break;
  }
  return climb(st, np);
}

/** The subject of the nearest verb before `i` that has one: for "..., adding" and "X did this and said". */
export function nearestSubject(st: Token[], i: number): NP | null {
  for (let f = i; f >= 0; f--) {
    const t = st[f]!;
    if (t.pos !== 'VERB' && t.pos !== 'AUX') continue;
    const s = subjectBefore(st, f);
    if (s && s !== 'coord') return s;
  }
  return null;
}

/**
 * "Nasr al-Hariri, chief negotiator for ..., said", "Turkey, the UN and aid groups said": a
 * name opening the sentence before a comma is the subject when what follows it is a role
 * or the rest of a list.
 */
function climb(st: Token[], np: NP | null): NP | null {
  for (let n = 0; np && !np.pronoun && n < 3; n++) {
    if (st[np.from - 1]?.text !== ',') return np;
    const hasAnd = st.slice(np.from, np.to + 1).some((t) => low(t) === 'and');
    if (hasCapitalHead(st, np) && !hasAnd) return np;
    const prev = npBefore(st, np.from - 2);
    if (!prev || prev.pronoun || !hasCapitalHead(st, prev)) return np;
    const b = st[prev.from - 1];
    if (b && !isQuoteMark(b) && !/^[:;(]$/.test(b.text) && !['and', 'but'].includes(low(b)) && b.text !== ',') return np;
    np = prev;
  }
  return np;
}

function appositive(st: Token[], j: number): Subject {
  const closer = st[j]!.text;
  let k = j - 1;
  for (; k >= 0; k--) {
    const x = st[k]!.text;
    if (isQuoteMark(st[k]) || /^[:;.!?]$/.test(x)) return null;
    if (x === ',' && closer === ',' || DASH.has(x) && DASH.has(closer)) break;
  }
  if (k <= 0 || j - k < 2) return null;
  const head = climb(st, npBefore(st, k - 1));
  if (!head || head.pronoun) return head;
  const app = npBefore(st, j - 1);
  // "the US president, Donald Trump," : a role described, then the name.
  if (app && app.from === k + 1 && isName(st, app) && !hasCapitalHead(st, head)) return { ...app, lead: head.from };
  return head;
}

function isName(st: Token[], np: NP): boolean {
  for (let i = np.from; i <= np.to; i++) {
    const t = st[i]!;
    if (!/^\p{Lu}/u.test(t.text) && !/^(al|el|de|du|bin|ibn|van|von|der|la|le|and)\b/.test(t.text)) return false;
  }
  return true;
}

export const startsCapital = (w: string): boolean => /^\p{Lu}/u.test(w) || /^(al|el|ad|as|ash|at|az|bin|ibn|abu|de|van|von)-\p{Lu}/u.test(w);

/** The head word's index: the last word before "of", "for", "close to" ... */
export function headIndex(st: Token[], np: NP): number {
  // "the Working Group for Syria's president": the head comes after the possessor
  let from = np.from;
  for (let i = np.from; i < np.to; i++) if (POSSESSIVE.has(st[i]!.text)) from = i + 1;
  for (let i = from + 1; i <= np.to; i++) {
    if (st[i]!.pos === 'ADP' || low(st[i]) === 'close' || low(st[i]) === 'familiar') return i - 1;
  }
  return np.to;
}

/** Does the phrase's head start with a capital (not just the sentence's first word)? */
export function hasCapitalHead(st: Token[], np: NP): boolean {
  const h = headIndex(st, np), t = st[h];
  if (!t || !startsCapital(t.text)) return false;
  const first = h === 0 || isQuoteMark(st[h - 1]);
  // the sentence's first word is capitalised anyway: a name unless a noun for people or bodies
  return !(first && COMMON_HEADS.has(low(t)));
}

/** The subject of the sentence's first verb: for "X did this and said ...". */
export function firstSubject(st: Token[], before: number): NP | null {
  for (let f = 0; f < before; f++) {
    const t = st[f]!;
    if (t.pos === 'VERB' || t.pos === 'AUX') {
      const s = subjectBefore(st, f);
      return s === 'coord' ? null : s;
    }
  }
  return null;
}
