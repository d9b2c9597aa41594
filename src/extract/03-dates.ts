import type { DateMention, Segmented } from '../domain/record.ts';
import { span } from '../domain/span.ts';
import { parseIso } from './dates/calendar.ts';
import { DATE_CUE, scanDates } from './dates/patterns.ts';
import { resolve } from './dates/resolve.ts';

/**
 * Stage 3: date expressions resolved against the publication date (YYYY-MM-DD), tense-aware.
 * A recogniser of our own (dates/patterns.ts) covers the forms news reports use: day and
 * month with or without year, ranges, months, years, weekdays, yesterday/today/tomorrow,
 * this/last/next week, month or year, "N weeks ago". Weekdays and yearless dates point
 * forward or back by the verb around them (dates/tense.ts).
 */
export function findDates(seg: Segmented, published: string): DateMention[] {
  const pub = parseIso(published);
  const out: DateMention[] = [];
  for (const s of seg.sentences) {
    const text = seg.text.slice(s.start, s.end);
    if (!DATE_CUE.test(text)) continue;
    for (const raw of scanDates(text)) {
      const r = resolve(raw, text, pub);
      if (!r) continue;
      out.push({
        text: text.slice(raw.start, raw.end),
        start: r.start,
        end: r.end,
        precision: r.precision,
        sentence: s.index,
        evidence: [span(s.start + raw.start, s.start + raw.end)],
        confidence: raw.g.y5 && !raw.prefix ? 0.6 : 0.85,
      });
    }
  }
  return out;
}
