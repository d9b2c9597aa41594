/**
 * The rounds of one process, from its talks items. Rules, in order:
 * 1. An explicit ordinal ("second round" → 2) is a round: items with the same ordinal are one round.
 * 2. Day-precise items without an ordinal cluster by date: overlapping or at most `gapDays` apart
 *    is one cluster. A cluster joins the ordinal round whose day-precise dates are within the gap
 *    (the nearest), or else the one ordinal round whose only dates are coarse and contain it
 *    ("January's first round" + talks on 26-29 January); otherwise it is a round of its own.
 * 3. Coarse items (month, year) without an ordinal join the one round they contain; none → a round
 *    of their own (equal coarse dates together); several → left unassigned, never guessed.
 * 4. Undated items without an ordinal join the one round near their report's publication
 *    (`windowBefore` days before to `windowAfter` after); otherwise unassigned.
 * 5. A round known only by its ordinal (no date read) is the one unnumbered dated round near its
 *    reports' publication, which takes that ordinal; otherwise it stays a round of its own.
 * Rounds are ordered by date; ordinals no report states are inferred from the stated ones around
 * them (`renumber`), or by date order when no report states any.
 */
import { gapDays, hull, overlap, within, type DayInterval } from '../dates.ts';

export interface TalkItem {
  readonly ordinal?: number;
  readonly when?: DayInterval;
  /** Publication day of the report (days since epoch). */
  readonly publishedDay: number;
}

export interface RoundDraft<T extends TalkItem> {
  ordinal?: number;
  ordinalFrom?: 'text' | 'order';
  items: T[];
  /** Hull of the day-precise dates when there are any, else of all dates. */
  when?: DayInterval;
}

export interface RoundOptions {
  readonly gapDays: number;
  readonly windowBefore: number;
  readonly windowAfter: number;
  /** An unnumbered date ending this many days before the process's first report is a past reference. */
  readonly pastDays: number;
  /** Rounds further apart than this, with no stated ordinal to bridge them, are different processes. */
  readonly seriesGapDays: number;
}
export const ROUND_DEFAULTS: RoundOptions = { gapDays: 3, windowBefore: 14, windowAfter: 7, pastDays: 365, seriesGapDays: 365 };

const isDay = (i: TalkItem): boolean => i.when?.precision === 'day';

function whenOf<T extends TalkItem>(items: readonly T[]): DayInterval | undefined {
  const dated = items.filter(isDay).length ? items.filter(isDay) : items.filter((i) => i.when);
  return dated.reduce<DayInterval | undefined>((acc, i) => (acc ? hull(acc, i.when!) : i.when), undefined);
}

export function roundsOf<T extends TalkItem>(items: readonly T[], o: RoundOptions = ROUND_DEFAULTS): { rounds: RoundDraft<T>[]; unassigned: T[] } {
  const rounds: RoundDraft<T>[] = [];
  const unassigned: T[] = [];
  const byOrdinal = new Map<number, RoundDraft<T>>();
  for (const i of items) {
    if (i.ordinal === undefined) continue;
    let r = byOrdinal.get(i.ordinal);
    if (!r) byOrdinal.set(i.ordinal, (r = { ordinal: i.ordinal, ordinalFrom: 'text', items: [] }));
    r.items.push(i);
  }
  rounds.push(...byOrdinal.values());
  const refresh = (r: RoundDraft<T>): void => { r.when = whenOf(r.items); };
  rounds.forEach(refresh);

  // 2. day-precise clusters
  const precise = items.filter((i) => i.ordinal === undefined && isDay(i)).sort((a, b) => a.when!.lo - b.when!.lo);
  const clusters: { items: T[]; when: DayInterval }[] = [];
  for (const i of precise) {
    const last = clusters[clusters.length - 1];
    if (last && i.when!.lo <= last.when.hi + o.gapDays) { last.items.push(i); last.when = hull(last.when, i.when!); }
    else clusters.push({ items: [i], when: i.when! });
  }
  for (const c of clusters) {
    const near = rounds.filter((r) => r.ordinal !== undefined && r.items.some(isDay) && gapDays(r.when!, c.when) <= o.gapDays)
      .sort((a, b) => gapDays(a.when!, c.when) - gapDays(b.when!, c.when));
    const coarse = rounds.filter((r) => r.ordinal !== undefined && r.when && !r.items.some(isDay) && within(c.when, r.when));
    const target = near[0] ?? (coarse.length === 1 ? coarse[0] : undefined);
    if (target) { target.items.push(...c.items); refresh(target); }
    else rounds.push({ items: [...c.items], when: c.when });
  }

  // 3. coarse dates
  for (const i of items.filter((x) => x.ordinal === undefined && x.when && !isDay(x))) {
    const inside = rounds.filter((r) => r.when && (within(r.when, i.when!) || (r.when.lo === i.when!.lo && r.when.hi === i.when!.hi)));
    if (inside.length === 1) { inside[0]!.items.push(i); refresh(inside[0]!); }
    else if (inside.length === 0) rounds.push({ items: [i], when: i.when });
    else unassigned.push(i);
  }

  // 4. undated: near the publication day
  const windowOf = (i: T): DayInterval => ({ lo: i.publishedDay - o.windowBefore, hi: i.publishedDay + o.windowAfter, precision: 'day' });
  for (const i of items.filter((x) => x.ordinal === undefined && !x.when)) {
    const near = rounds.filter((r) => r.when && overlap(r.when, windowOf(i)));
    if (near.length === 1) near[0]!.items.push(i);
    else unassigned.push(i);
  }

  // 5. a round only named, with no date ("a sixth round resumes on Tuesday" when no day was read):
  // the one unnumbered dated round near its reports' publication is that round.
  for (const r of [...rounds]) {
    if (r.ordinal === undefined || r.when) continue;
    const near = rounds.filter((x) => x.when && x.ordinal === undefined && r.items.some((i) => overlap(x.when!, windowOf(i))));
    if (near.length !== 1) continue;
    near[0]!.items.push(...r.items);
    near[0]!.ordinal = r.ordinal;
    near[0]!.ordinalFrom = 'text';
    rounds.splice(rounds.indexOf(r), 1);
  }
  return { rounds: ordered(rounds), unassigned };
}

/** Rounds by date (undated ordinal rounds by their ordinal), then ordinals inferred by order. */
function ordered<T extends TalkItem>(rounds: RoundDraft<T>[]): RoundDraft<T>[] {
  const dated = rounds.filter((r) => r.when).sort((a, b) => a.when!.lo - b.when!.lo || (a.ordinal ?? 0) - (b.ordinal ?? 0));
  const out = [...dated];
  for (const r of rounds.filter((x) => !x.when).sort((a, b) => a.ordinal! - b.ordinal!)) {
    const at = out.findIndex((x) => x.ordinal !== undefined && x.ordinal > r.ordinal!);
    out.splice(at < 0 ? out.length : at, 0, r);
  }
  return renumber(out);
}

/**
 * Ordinals for the rounds no report numbers, from the rounds around them (`rounds` in order):
 * after a stated ordinal N the next unnumbered round is N+1; the unnumbered rounds before the first
 * stated ordinal count back from it (two rounds before "the fifth round" are the third and
 * fourth), and stay unnumbered when that would fall below 1. An ordinal a report states elsewhere
 * is never given twice. Ordinals inferred before are inferred again. Mutates and returns `rounds`.
 */
export function renumber<T extends TalkItem>(rounds: RoundDraft<T>[]): RoundDraft<T>[] {
  for (const r of rounds) if (r.ordinalFrom === 'order') { delete r.ordinal; delete r.ordinalFrom; }
  const taken = new Set(rounds.filter((r) => r.ordinal !== undefined).map((r) => r.ordinal!));
  const first = rounds.findIndex((r) => r.ordinal !== undefined);
  const infer = (r: RoundDraft<T>, n: number): boolean => {
    if (n < 1 || taken.has(n)) return false;
    r.ordinal = n; r.ordinalFrom = 'order'; taken.add(n);
    return true;
  };
  if (first > 0) {
    const s = rounds[first]!.ordinal!;
    if (s - first >= 1) rounds.slice(0, first).forEach((r, i) => infer(r, s - first + i));
  }
  let counter = first < 0 ? 0 : rounds[first]!.ordinal!;
  for (const r of rounds.slice(Math.max(first, 0))) {
    if (r.ordinal !== undefined) { counter = r.ordinal; continue; }
    if (infer(r, counter + 1)) counter = r.ordinal!;
  }
  return rounds;
}
