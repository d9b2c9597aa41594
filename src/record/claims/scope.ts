import scope from '../lexicon/count-scope.json' with { type: 'json' };
import { escapeRegExp } from '../text.ts';

/**
 * What a count covers beyond its noun, place and month, read in its own clause: the period
 * ("in the last 48 hours", "a day", "since Sunday") and whether it is a forecast ("will displace
 * 700,000 people"). Two counts of one noun, place and month over different periods are two
 * figures, and a forecast is not a report of what happened: neither contests the other. Pure.
 */
export interface CountScope {
  /** The period the count covers, as a key ("last:48 hour", "per:day", "cumulative"). */
  readonly span?: string;
  /** What may, could or will happen, not what happened. */
  readonly forecast?: true;
}

const BREAK = new RegExp(scope.clauseBreaks.join('|'), 'gu');
const SPANS = scope.spans.map((s) => ({ re: new RegExp(s.pattern, 'iu'), key: s.key }));
const FORECAST = new RegExp(`(?<![\\p{L}])(?:${scope.forecast.map((w) => escapeRegExp(w).replace(/ /g, '\\s+')).join('|')})(?![\\p{L}])`, 'u');
const WORD_NUMBER: Record<string, string> = { two: '2', three: '3', four: '4', five: '5', six: '6', seven: '7', eight: '8', nine: '9', ten: '10', twelve: '12' };

/**
 * The scope of the figure at [from, to) of `sentence`. `others`: where the sentence's other
 * figures stand, each [start, end): a clause with two counts gives each its own words.
 */
export function countScope(sentence: string, from: number, to: number, others: readonly (readonly [number, number])[] = []): CountScope {
  let start = 0, end = sentence.length;
  BREAK.lastIndex = 0;
  for (let m = BREAK.exec(sentence); m; m = BREAK.exec(sentence)) {
    const at = m.index, after = m.index + m[0].length;
    if (after <= from) start = Math.max(start, after);
    else if (at >= to) { end = Math.min(end, at); break; }
  }
  for (const [s, e] of others) {
    if (e <= from) start = Math.max(start, e);
    else if (s >= to) end = Math.min(end, s);
  }
  const before = sentence.slice(start, from), after = sentence.slice(to, end);
  let span: string | undefined;
  for (const { re, key } of SPANS) {
    const m = re.exec(after) ?? re.exec(before);
    if (!m) continue;
    const n = (m.groups?.n ?? '').toLowerCase();
    const unit = (m.groups?.unit ?? '').toLowerCase().replace(/s$/, '');
    span = key.replace('$n', WORD_NUMBER[n] ?? (n || '1')).replace('$unit', unit);
    break;
  }
  const w = scope.forecastWindow;
  const forecast = FORECAST.test(before.slice(-w)) || FORECAST.test(after.slice(0, w));
  return { ...(span ? { span } : {}), ...(forecast ? { forecast: true as const } : {}) };
}
