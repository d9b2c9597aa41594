/**
 * The round a report states, read from its sentence: "the eighth round of talks", "round 3",
 * "Geneva IV" (a place or series name followed by a Roman numeral, or by a number when the talks
 * word follows: "Geneva 4 talks"). Pure.
 */
import { norm, ordinalIn } from '../text.ts';

const ROMAN: Record<string, number> = { I: 1, V: 5, X: 10 };

/** "IV" → 4; anything that is not a canonical Roman numeral from I to XXX → undefined. */
export function romanValue(s: string): number | undefined {
  if (!/^X{0,3}(?:IX|IV|V?I{0,3})$/.test(s) || !s) return undefined;
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const v = ROMAN[s[i]!]!, next = ROMAN[s[i + 1] ?? ''] ?? 0;
    n += v < next ? -v : v;
  }
  return n;
}

const TALKS_AFTER = /^\s+(?:talks|conference|negotiations|process|meeting|round|summit)\b/i;

/** The ordinal a place followed by a numeral gives: "Geneva IV" → 4, "Geneva 4 talks" → 4. `places` normalised. */
function numeralAfterPlace(sentence: string, places: readonly string[]): number | undefined {
  const words = /[\p{L}][\p{L}'’-]*|\d{1,2}\b/gu;
  const toks = [...sentence.matchAll(words)];
  for (let i = 1; i < toks.length; i++) {
    const t = toks[i]!;
    const prev = norm(toks[i - 1]![0]);
    if (!places.some((p) => p === prev || p.endsWith(` ${prev}`))) continue;
    const between = sentence.slice(toks[i - 1]!.index! + toks[i - 1]![0].length, t.index);
    if (!/^[ \u00a0]$/.test(between)) continue;
    const after = sentence.slice(t.index! + t[0].length);
    const n = /^\d+$/.test(t[0]) ? (TALKS_AFTER.test(after) ? Number(t[0]) : undefined) : (t[0].length > 1 || /^[,.;:)\s]/.test(after) || !after) ? romanValue(t[0]) : undefined;
    // A lone "I" after a place is the pronoun far more often than a numeral.
    if (n !== undefined && n > 0 && !(t[0] === 'I' && !/^\s+(?:talks|conference)\b/i.test(after))) return n;
  }
  return undefined;
}

/** The round ordinal a sentence states for talks at one of `places` (normalised names). */
export function statedOrdinal(sentence: string | undefined, places: readonly string[]): number | undefined {
  if (!sentence) return undefined;
  return ordinalIn(sentence) ?? numeralAfterPlace(sentence, places);
}
