import nw from '../../extract/lexicon/number-words.json' with { type: 'json' };
import currencies from '../lexicon/currencies.json' with { type: 'json' };
import { escapeRegExp } from '../text.ts';

/**
 * Words that belong to a number expression ("tens of thousands of", "a dozen", "1,500"): where
 * they stop, the words that qualify the counted noun begin. Built from the number lexicon of
 * stage 4, plus the determiners a partitive puts between them ("650 of the prisoners").
 */
const NUMBER_WORDS = new Set([
  ...[nw.units, nw.tens, nw.multipliers, nw.plurals].flatMap((m) => Object.keys(m).flatMap((k) => k.split(' '))),
  'of', 'the', 'a', 'an', 'some', 'these', 'those', 'its', 'their',
]);

/**
 * What a figure counts, with the words that qualify the noun: "up to 700,000 newly displaced
 * people" → "newly displaced people", "hundreds of local fighters" → "local fighters". Undefined
 * when the unit is not a word of the figure's text. Pure.
 */
export function countedPhrase(text: string, unit: string | undefined): string | undefined {
  if (!unit) return undefined;
  const words = text.split(/\s+/).map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '')).filter(Boolean);
  const u = unit.toLowerCase();
  let end = -1;
  for (let i = words.length - 1; i >= 0 && end < 0; i--) if (words[i]!.toLowerCase() === u || words[i]!.toLowerCase().endsWith('-' + u)) end = i;
  if (end < 0) return undefined;
  let start = end;
  while (start > 0) {
    const w = words[start - 1]!.toLowerCase();
    if (/\d/.test(w) || NUMBER_WORDS.has(w)) break;
    start--;
  }
  // "30,000-strong": the unit is glued to the number; nothing qualifies it.
  const last = words[end]!.toLowerCase() === u ? words[end]! : unit;
  return [...words.slice(start, end), last].join(' ');
}

interface Currency { readonly code: string; readonly symbols: string[]; readonly words: string[] }
/** Each currency as one pattern: any of its symbols, or any of its words as whole words. */
const CURRENCIES: [RegExp, string][] = (currencies.currencies as Currency[]).map((c) => [new RegExp([
  ...c.symbols.map(escapeRegExp),
  ...c.words.map((w) => `(?<![\\p{L}])${escapeRegExp(w).replace(/ /g, '\\s+')}(?![\\p{L}])`),
].join('|'), 'iu'), c.code]);

/** The currency a sum is written in ("£2.75bn" → "gbp"), or "money" when the text names none. */
export function currencyOf(text: string): string {
  for (const [re, code] of CURRENCIES) if (re.test(text)) return code;
  return 'money';
}
