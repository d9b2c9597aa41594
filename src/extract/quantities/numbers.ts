import nw from '../lexicon/number-words.json' with { type: 'json' };
import type { Approx } from '../../domain/record.ts';

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');
const alt = (words: string[]) => [...words].sort((a, b) => b.length - a.length).map(esc).join('|');

const UNITS = nw.units as Record<string, number>;
const TENS = nw.tens as Record<string, number>;
const MULT = nw.multipliers as Record<string, number>;
const ATTACHED = nw.attached as Record<string, number>;
const PLURALS = nw.plurals as Record<string, number>;
const APPROX = nw.approx as Record<string, Approx>;

const DIGITS = '\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?';
const WORDNUM = `(?:${alt(Object.keys(TENS))})(?:-(?:${alt(Object.keys(UNITS).filter((w) => UNITS[w]! < 10))}))?|${alt(Object.keys(UNITS))}`;
const SCALE = `(?:\\s+(?:${alt(Object.keys(MULT))})(?![\\w-])|(?:${alt(Object.keys(ATTACHED))})(?![A-Za-z]))`;
const CORE = `(?:(?:${DIGITS})(?!\\d)|(?:${WORDNUM})(?![\\w]))${SCALE}?`;
const CUR = '(?:US\\$|\\$|£|€)';
const PLURAL = `(?:(?:many|several)\\s+)?(?:${alt(Object.keys(PLURALS))})(?:\\s+(?:of|upon))?(?![\\w-])`;

/**
 * A number phrase: an approximation, a currency, a number or a range, a percent sign; or a
 * plural magnitude ("tens of thousands of"). Groups: ap (approx phrase), bw (between/from),
 * c1/n1, sep, c2/n2, pct, pl (plural magnitude).
 */
export const NUMBER_RE = new RegExp(
  `(?<![\\w.,$£€/=#@-])(?:(?<ap>${alt(Object.keys(APPROX))})\\s+)?` +
  `(?:(?<pl>${PLURAL})|(?:(?<bw>between|from)\\s+)?(?:(?<c1>${CUR})\\s?)?(?<n1>${CORE})` +
  `(?:(?<sep>\\s*[-–]\\s*(?:to\\s+)?|\\s+(?:to|and)\\s+)(?<c2>${CUR})?(?<n2>${CORE}))?` +
  `(?<pct>\\s?%|\\s+per\\s?cent(?![\\w])|\\s+percent(?![\\w]))?)`,
  'gi',
);

/** The value of one number as written: "220,000", "1.5 million", "twenty-five", "$4bn" (without the sign). */
export function numberValue(s: string): number | null {
  let t = s.trim().toLowerCase().replace(/\s+/g, ' ');
  if (t in UNITS) return UNITS[t]!;
  let scale = 1;
  const word = /\s(hundred|thousand|million|billion|trillion|dozen)$/.exec(t);
  if (word) { scale = MULT[word[1]!]!; t = t.slice(0, word.index); }
  else {
    const att = /^([\d.,]+)(k|m|mn|bn|tn)$/.exec(t);
    if (att) { scale = ATTACHED[att[2]!]!; t = att[1]!; }
  }
  let v: number | null = null;
  if (/^[\d.,]+$/.test(t)) v = Number(t.replace(/,/g, ''));
  else if (t in UNITS) v = UNITS[t]!;
  else {
    const m = /^([a-z]+)(?:-([a-z]+))?$/.exec(t);
    if (m && m[1]! in TENS) v = TENS[m[1]!]! + (m[2] ? UNITS[m[2]] ?? NaN : 0);
  }
  if (v == null || !Number.isFinite(v)) return null;
  const r = v * scale;
  return scale > 1 ? Math.round(r) : r;
}

export const pluralValue = (s: string): number | null => {
  const k = s.toLowerCase().replace(/\s+/g, ' ').replace(/^(many|several) /, '').replace(/ (of|upon)$/, '');
  return PLURALS[k] ?? null;
};

export const approxOf = (s: string | undefined): Approx => (s ? APPROX[s.toLowerCase().replace(/\s+/g, ' ')] ?? 'exact' : 'exact');

/** A number written in words, not digits ("three", "a dozen"). */
export const isWordNumber = (s: string): boolean => !/\d/.test(s);

/** A cheap test: could this sentence hold a number at all? */
export const NUMBER_CUE = new RegExp(`\\d|\\b(?:${[...Object.keys(UNITS), ...Object.keys(TENS), 'hundreds', 'thousands', 'millions', 'billions', 'dozens', 'scores', 'tens'].map((w) => w.split(' ').at(-1)).join('|')})\\b`, 'i');
