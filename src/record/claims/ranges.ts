/**
 * What a reported number may stand for, as a closed range, and when two reports agree. Pure.
 *
 * - exact "220,000": a round number (two or more trailing zeros) carries ± ROUND (2.5%):
 *   [214,500, 225,500]. Other numbers are taken as written: 650 → [650, 650].
 * - exact with a max ("200 to 300"): [value, max].
 * - about / around: ± ABOUT (10%) and at least the rounding range: "about 200" → [180, 220].
 * - more_than, at_least: [value, ∞): bounds are closed, so "more than 220,000" and "220,000" agree
 *   (reports round down, and "more than" often marks a count still rising).
 * - up_to, less_than: [0, value], or [0, max] when a max is given.
 * Two values are compatible when their ranges meet; otherwise the claim is contested.
 */
import type { Approx } from '../../domain/record.ts';

export const ABOUT = 0.1;
export const ROUND = 0.025;

export interface Range { readonly lo: number; readonly hi: number }

export interface ReportedNumber { readonly value: number; readonly max?: number | null; readonly approx: Approx }

/** ROUND of a round number (two or more trailing zeros: 200, 1,500, 220,000); 0 for any other. */
export function roundingSlack(n: number): number {
  if (!Number.isInteger(n) || n === 0) return 0;
  return Math.abs(n) % 100 === 0 ? Math.abs(n) * ROUND : 0;
}

export function rangeOf(q: ReportedNumber): Range {
  const v = q.value;
  const top = q.max ?? v;
  switch (q.approx) {
    case 'exact': {
      const s = q.max != null ? 0 : roundingSlack(v);
      return { lo: v - s, hi: top + s };
    }
    case 'about': {
      const s = Math.max(roundingSlack(v), Math.abs(v) * ABOUT);
      return { lo: v - s, hi: top + Math.max(roundingSlack(top), Math.abs(top) * ABOUT) };
    }
    case 'more_than':
    case 'at_least':
      return { lo: v, hi: Infinity };
    case 'up_to':
    case 'less_than':
      return { lo: 0, hi: top };
  }
}

export const rangesMeet = (a: Range, b: Range): boolean => a.lo <= b.hi && b.lo <= a.hi;

export const numbersCompatible = (a: ReportedNumber, b: ReportedNumber): boolean => rangesMeet(rangeOf(a), rangeOf(b));
