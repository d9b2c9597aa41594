/** Name keys for matching actors across documents. Pure. */
import { norm } from '../record/text.ts';

const SMALL = new Set(['of', 'the', 'for', 'and', 'in', 'on', 'de', 'du', 'des', 'la', 'le', 'al', 'el', 'to', '&']);

/** "The Syrian National Coalition’s" → "syrian national coalition": the record's one normaliser. */
export const normName = (s: string): string => norm(s);

/**
 * The `via` of initials parley derives itself ("SG" for "Syrian government"): they find an actor,
 * but nobody wrote them, so lists of an actor's names leave them out.
 */
export const DERIVED_INITIALS = 'acronym';

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

/** The names of an actor that are not acronyms, normalised: "Syrian National Coalition", not "SNC". */
export function fullNames(names: readonly string[]): string[] {
  return [...new Set(names.filter((n) => !looksLikeAcronym(n)).map(normName).filter(Boolean))];
}

/** Significant words, British "-re" spelt as American "-er" ("centre" → "center"). */
const significant = (name: string): string[] => normName(name).split(' ').filter((w) => w && !SMALL.has(w)).map((w) => (w.length >= 5 ? w.replace(/re$/, 'er') : w));

/**
 * Two full names of one organisation, spelt apart only by word endings: "Syrian Negotiation
 * Commission" ≈ "Syrian Negotiations Commission" ≈ "Syrian Negotiating Commission"; not "Syrian
 * National Coalition". Same number of significant words, each pair equal, a plural of the other or sharing 5+ first
 * letters ("centre" read as "center").
 */
export function sameFullName(a: string, b: string): boolean {
  const x = significant(a), y = significant(b);
  if (x.length === 0 || x.length !== y.length) return false;
  return x.every((w, i) => {
    const v = y[i]!;
    if (w === v || w === `${v}s` || v === `${w}s`) return true;
    let k = 0;
    while (k < w.length && k < v.length && w[k] === v[k]) k++;
    return k >= 5;
  });
}

/** Normalised free text for claim keys: case, punctuation, quote marks and spacing ignored. */
export function normText(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}
