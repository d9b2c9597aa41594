/**
 * One place does not make one series: talks held in the same city years apart, with nothing but
 * the place in common, are different processes. A process's rounds (in order) are cut into eras
 * where two dated rounds are more than `gapDays` apart. The eras with series evidence (a round
 * whose ordinal a report states, or a report naming the series) stay the process; when none has
 * any, the era with the most reports does (the earliest on a tie). The other eras are returned
 * apart, each to become a process of its own. Pure.
 */
import type { RoundDraft, TalkItem } from './rounds.ts';

export function splitEras<T extends TalkItem>(rounds: readonly RoundDraft<T>[], gapDays: number, namesSeries: (i: T) => boolean): { main: RoundDraft<T>[]; apart: RoundDraft<T>[][] } {
  const eras: RoundDraft<T>[][] = [];
  let lastHi: number | undefined;
  for (const r of rounds) {
    if (!eras.length || (r.when && lastHi !== undefined && r.when.lo - lastHi > gapDays)) eras.push([]);
    eras[eras.length - 1]!.push(r);
    if (r.when) lastHi = Math.max(lastHi ?? r.when.hi, r.when.hi);
  }
  if (eras.length < 2) return { main: [...rounds], apart: [] };
  const evidenced = (e: RoundDraft<T>[]): boolean => e.some((r) => r.ordinalFrom === 'text' || r.items.some(namesSeries));
  const size = (e: RoundDraft<T>[]): number => e.reduce((n, r) => n + r.items.length, 0);
  let keep = eras.filter(evidenced);
  if (keep.length === 0) keep = [eras.reduce((best, e) => (size(e) > size(best) ? e : best))];
  return { main: eras.filter((e) => keep.includes(e)).flat(), apart: eras.filter((e) => !keep.includes(e)) };
}
