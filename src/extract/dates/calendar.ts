/** Calendar arithmetic on plain UTC days, and ISO output at a precision. */

export interface Day { readonly y: number; readonly m: number; readonly d: number }
export type Precision = 'year' | 'month' | 'day';

export function parseIso(iso: string): Day {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) throw new RangeError(`not an ISO date: ${iso}`);
  return { y: +m[1]!, m: +m[2]!, d: +m[3]! };
}

const toMs = (x: Day): number => Date.UTC(x.y, x.m - 1, x.d);
const fromMs = (ms: number): Day => {
  const t = new Date(ms);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
};

export const addDays = (x: Day, n: number): Day => fromMs(toMs(x) + n * 86_400_000);
export const weekday = (x: Day): number => new Date(toMs(x)).getUTCDay();
export const compare = (a: Day, b: Day): number => toMs(a) - toMs(b);
export const daysInMonth = (y: number, m: number): number => new Date(Date.UTC(y, m, 0)).getUTCDate();
export const validDay = (y: number, m: number, d: number): boolean => m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);

/** Month arithmetic: returns [year, month] shifted by n months. */
export function addMonths(y: number, m: number, n: number): [number, number] {
  const k = y * 12 + (m - 1) + n;
  return [Math.floor(k / 12), (k % 12) + 1];
}

/** Monday of the week holding x (weeks run Monday to Sunday). */
export const mondayOf = (x: Day): Day => addDays(x, -((weekday(x) + 6) % 7));

const p2 = (n: number): string => String(n).padStart(2, '0');
export function iso(x: { y: number; m?: number; d?: number }, precision: Precision): string {
  if (precision === 'year' || x.m == null) return String(x.y);
  if (precision === 'month' || x.d == null) return `${x.y}-${p2(x.m)}`;
  return `${x.y}-${p2(x.m)}-${p2(x.d)}`;
}
