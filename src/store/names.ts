/** Name keys for matching actors across documents. Pure. */
import { norm } from '../record/text.ts';

const SMALL = new Set(['of', 'the', 'for', 'and', 'in', 'on', 'de', 'du', 'des', 'la', 'le', 'al', 'el', 'to', '&']);

/** "The Syrian National Coalition’s" → "syrian national coalition": the record's one normaliser. */
export const normName = (s: string): string => norm(s);

/** Initials of a multi-word organisation name: "Syrian National Coalition" → "snc"; else undefined. */
export function acronymOf(name: string): string | undefined {
  const words = normName(name).split(' ').filter((w) => w && !SMALL.has(w));
  if (words.length < 2 || words.length > 8) return undefined;
  return words.map((w) => w[0]).join('');
}

/** Short all-capitals names read as acronyms ("SNC", "U.N."). */
export function looksLikeAcronym(name: string): boolean {
  const t = name.replace(/[.\s]/g, '');
  return t.length >= 2 && t.length <= 8 && /^[\p{Lu}\p{N}]+$/u.test(t) && /\p{Lu}.*\p{Lu}/u.test(t);
}

/** Normalised free text for claim keys: case, punctuation, quote marks and spacing ignored. */
export function normText(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}
