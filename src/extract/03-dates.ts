import type { DateMention, Segmented } from '../domain/record.ts';
import { span } from '../domain/span.ts';
import { addDays, iso, parseIso } from './dates/calendar.ts';
import { DATE_CUE, scanDates, weekdayNumber, type RawDate } from './dates/patterns.ts';
import { resolve, type Resolved } from './dates/resolve.ts';

/** "between January 1 and September 26", "from Monday to Wednesday": two dates that make one span. */
const SPAN_JOIN = /^\s*(?:and|to|until|till|through|-|–)\s*$/;

/**
 * Stage 3: date expressions resolved against the publication date (YYYY-MM-DD), tense-aware.
 * A recogniser of our own (dates/patterns.ts) covers the forms news reports use: day and
 * month with or without year, ranges, months, years, weekdays, yesterday/today/tomorrow,
 * this/last/next week, month or year, "N weeks ago". Weekdays and yearless dates point
 * forward or back by the verb around them (dates/tense.ts).
 */
export function findDates(seg: Segmented, published: string): DateMention[] {
  // Without a publication day nothing relative can be resolved: no dates rather than wrong ones.
  if (!/^\d{4}-\d{2}-\d{2}$/.test(published)) return [];
  const pub = parseIso(published);
  const out: DateMention[] = [];
  for (const s of seg.sentences) {
    const text = seg.text.slice(s.start, s.end);
    if (!DATE_CUE.test(text)) continue;
    const found: { raw: RawDate; r: Resolved; start: number; end: number }[] = [];
    for (const raw of scanDates(text)) {
      let r = resolve(raw, text, pub);
      if (!r) continue;
      const prev = found.at(-1);
      const gap = prev ? text.slice(prev.end, raw.start) : '';
      // "between X and Y", "from X to Y"; and "28 November to 2 December" between two full dates
      const joined = !!prev && prev.r.precision === r.precision && SPAN_JOIN.test(gap)
        && (/^(between|from)$/.test(prev.raw.prefix ?? '') || (!!(prev.raw.g.d1 || prev.raw.g.d2) && !!(raw.g.d1 || raw.g.d2) && !/and/.test(gap)));
      if (joined) {
        // "from Monday to Wednesday": the second weekday is the first one after the first
        if (prev.raw.g.wd && raw.g.wd && r.start <= prev.r.start) {
          const d = iso(addDays(parseIso(prev.r.start), ((weekdayNumber(raw.g.wd) - weekdayNumber(prev.raw.g.wd) + 6) % 7) + 1), 'day');
          r = { start: d, end: d, precision: 'day' };
        }
        if (prev.r.start < r.start) {
          found[found.length - 1] = { ...prev, r: { ...prev.r, end: r.end }, end: raw.end };
          continue;
        }
      }
      found.push({ raw, r, start: raw.start, end: raw.end });
    }
    for (const f of found) {
      out.push({
        text: text.slice(f.start, f.end),
        start: f.r.start,
        end: f.r.end,
        precision: f.r.precision,
        sentence: s.index,
        evidence: [span(s.start + f.start, s.start + f.end)],
        confidence: f.raw.g.y5 && !f.raw.prefix ? 0.6 : 0.85,
      });
    }
  }
  return out;
}
