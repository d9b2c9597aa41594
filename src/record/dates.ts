/**
 * Partial ISO dates as day intervals. The record mixes precisions: "2015" (a year), "2015-01"
 * (a month), "2015-01-26" (a day). Each becomes the closed interval of days it may stand for, so
 * a month and a day inside it overlap, and two days a week apart do not. Pure.
 */
import type { DatePrecision } from '../domain/record.ts';

export interface DayInterval {
  /** Days since 1970-01-01, both ends included. */
  readonly lo: number;
  readonly hi: number;
  /** The coarsest precision among the ends. */
  readonly precision: DatePrecision;
}

const ISO = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
const DAY = 86_400_000;

export const precisionOf = (iso: string): DatePrecision | undefined => {
  const m = ISO.exec(iso);
  return !m ? undefined : m[3] ? 'day' : m[2] ? 'month' : 'year';
};

/** "2015-01" → [2015-01-01, 2015-01-31]; anything that is no partial ISO date → undefined. */
export function daysOf(iso: string): DayInterval | undefined {
  const m = ISO.exec(iso);
  if (!m) return undefined;
  const y = Number(m[1]);
  if (m[3]) {
    const d = Date.UTC(y, Number(m[2]) - 1, Number(m[3])) / DAY;
    return { lo: d, hi: d, precision: 'day' };
  }
  if (m[2]) {
    const mo = Number(m[2]) - 1;
    return { lo: Date.UTC(y, mo, 1) / DAY, hi: Date.UTC(y, mo + 1, 0) / DAY, precision: 'month' };
  }
  return { lo: Date.UTC(y, 0, 1) / DAY, hi: Date.UTC(y, 11, 31) / DAY, precision: 'year' };
}

const RANK: Record<DatePrecision, number> = { day: 0, month: 1, year: 2 };
export const coarser = (a: DatePrecision, b: DatePrecision): DatePrecision => (RANK[a] >= RANK[b] ? a : b);

/** From a start and an optional end (each a partial ISO date) to one interval; bad input → undefined. */
export function intervalOf(start?: string | null, end?: string | null): DayInterval | undefined {
  const a = start ? daysOf(start) : undefined;
  if (!a) return undefined;
  const b = end ? daysOf(end) : undefined;
  if (!b || b.hi < a.lo) return a;
  return { lo: a.lo, hi: b.hi, precision: coarser(a.precision, b.precision) };
}

export const isoDay = (day: number): string => new Date(day * DAY).toISOString().slice(0, 10);

/** An interval back to text at its precision: a whole month → "2015-01", a day → "2015-01-26". */
export function isoOf(i: DayInterval): { start: string; end: string } {
  const s = isoDay(i.lo), e = isoDay(i.hi);
  if (i.precision === 'year') return { start: s.slice(0, 4), end: e.slice(0, 4) };
  if (i.precision === 'month') return { start: s.slice(0, 7), end: e.slice(0, 7) };
  return { start: s, end: e };
}

export const overlap = (a: DayInterval, b: DayInterval): boolean => a.lo <= b.hi && b.lo <= a.hi;

/** Days between two intervals (0 when they overlap). */
export const gapDays = (a: DayInterval, b: DayInterval): number => Math.max(0, a.lo - b.hi, b.lo - a.hi);

/** `inner` lies wholly inside `outer`. */
export const within = (inner: DayInterval, outer: DayInterval): boolean => outer.lo <= inner.lo && inner.hi <= outer.hi;

export const hull = (a: DayInterval, b: DayInterval): DayInterval =>
  ({ lo: Math.min(a.lo, b.lo), hi: Math.max(a.hi, b.hi), precision: RANK[a.precision] <= RANK[b.precision] ? a.precision : b.precision });

/** The bucket a dated claim falls in: its month ("2015-04"), or its year when coarser. */
export function bucketOf(iso: string | null | undefined): string {
  if (!iso) return '-';
  const m = ISO.exec(iso);
  if (!m) return '-';
  return m[2] ? `${m[1]}-${m[2]}` : m[1]!;
}
