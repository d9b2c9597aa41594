import type { Mention, Token } from '../../domain/record.ts';
import { ANON_HEADS, GROUP_HEADS, SOURCE_HEADS, TITLES } from './lexicon.ts';
import { low, startsCapital, type NP } from './np.ts';

const PARTICLES = /^(al|el|de|du|da|di|bin|ibn|abu|van|von|der|den|la|le|del|dos|bou)$|^(al|el|ad|as|ash|at|az)-/i;
const POSSESSIVE = new Set(['’s', "'s", '’', "'"]);
const NAME_JOINS = new Set(['for', 'of', 'and']);

export function isPossessorOf(m: Mention, text: string): boolean {
  return /^['’]s?/.test(text.slice(m.end, m.end + 2));
}

export function lowerBound(toks: Token[], at: number): number {
  let lo = 0, hi = toks.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (toks[mid]!.start < at) lo = mid + 1; else hi = mid; }
  return lo;
}

/**
 * The name a phrase gives: its first run of capitalised words ("Ibrahim al-Assil" in
 * "Ibrahim al-Assil of the ... Movement"), a possessor skipped when something else is
 * named ("Iran's Tasnim agency"), titles dropped ("Gen", "President").
 */
export function nameIn(st: Token[], np: NP): string | null {
  const runs: [number, number][] = [];
  let i = np.from;
  while (i <= np.to) {
    if (!capital(st, i)) { i++; continue; }
    let j = i;
    while (j + 1 <= np.to && (capital(st, j + 1) || PARTICLES.test(st[j + 1]!.text) && j + 2 <= np.to && capital(st, j + 2) ||
      NAME_JOINS.has(low(st[j + 1])) && low(st[j + 1]) !== 'and' && capital(st, j + 2) && j + 2 <= np.to)) j++;
    runs.push([i, j]);
    i = j + 1;
  }
  if (!runs.length) return null;
  let pick = runs.find(([, b]) => !POSSESSIVE.has(st[b + 1]?.text ?? '')) ?? runs[0]!;
  let [a, b] = pick;
  while (a < b && (TITLES.has(low(st[a])) || /-based$/.test(st[a]!.text))) a++;
  if (a === b && TITLES.has(low(st[a])) && runs.length > 1) { pick = runs[1]!; [a, b] = pick; }
  return st.slice(a, b + 1).map((t, k, arr) => (k > 0 && arr[k - 1]!.end < t.start ? ' ' : '') + t.text).join('');
}

function capital(st: Token[], i: number): boolean {
  const t = st[i];
  if (!t || !startsCapital(t.text) || t.pos === 'DET' || t.pos === 'PRON') return false;
  // the sentence's first word: a name unless it is a common noun for people or bodies
  const l = t.text.toLowerCase();
  if (i === 0 && (ANON_HEADS.has(l) || GROUP_HEADS.has(l) || SOURCE_HEADS.has(l) || t.pos === 'VERB' && /ing$/.test(l))) return false; // "Speaking ..."

  return t.pos === 'PROPN' || t.pos === 'NOUN' || t.pos === 'ADJ' || t.pos === 'NUM' || t.pos === 'X' || t.pos === 'VERB';
}
