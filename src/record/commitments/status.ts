/**
 * A commitment's status over time on the Peace Accords Matrix scale, from the events after it.
 * Rules (thresholds in lexicon/commitment-rules.json → status):
 * - made: status 0 on the day the commitment is first reported made.
 * - implemented: an event of an `implementedBy` type on or after that day, by the committer or
 *   unattributed, raises the status: with a promised quantity, by the share delivered so far
 *   (< intermediateShare → 1, ≥ it → 2, ≥ fullShare → 3); without one, 1 for the first date and 2
 *   from `intermediateDistinctDates` distinct dates on. Full (3) needs a promised quantity reached.
 *   After a reversal, implementation resumes at the level the deliveries so far give.
 * - violated: an event of a `violatedBy` type strictly after that day, by the committer → 'reversed'
 *   (anywhere); unattributed (or the commitment has no known committer) → one level lower (0 stays
 *   0), but only when both the commitment and the event have a place and it is the same one.
 *   An event by another known actor, or at another known place, neither implements nor violates.
 *   An unattributed event (for a commitment nobody is named for, any event), tied to the
 *   commitment by its type alone, counts only within `unattributedWithinDays` of the commitment
 *   being made or of the last event counted for it, and only with no place or at the commitment's
 *   own: a truce reported in one town says nothing of one agreed for no place in particular.
 * Reports of one event (same type, day, quantity and place) count once. Every change names the
 * events that justify it; further events that change nothing join the entry before them. Pure.
 */
import rules from '../lexicon/commitment-rules.json' with { type: 'json' };
import type { Event, EventType } from '../../domain/record.ts';
import { isoOf, type DayInterval } from '../dates.ts';
import type { SourceRef } from '../sources.ts';
import { norm } from '../text.ts';
import type { CommitmentKind } from './detect.ts';

export type PamStatus = 0 | 1 | 2 | 3 | 'reversed';

export interface EventRef {
  readonly type: EventType;
  readonly date?: string;
  readonly quantity?: number;
  readonly actor?: string;
  readonly place?: string;
  /** The first reports of the event (see EvidenceCaps); `sourceCount` all of them when more. */
  readonly sources: SourceRef[];
  readonly sourceCount?: number;
}

export interface StatusChange {
  /** The day (or month) of the justifying events. */
  readonly date: string;
  readonly status: PamStatus;
  readonly rule: 'made' | 'implemented' | 'resumed' | 'violated' | 'violated_unattributed';
  /** The events behind the change, the first ones when capped; `eventCount` all of them when more. */
  readonly events: EventRef[];
  readonly eventCount?: number;
}

export interface DatedEvent { readonly event: Event; readonly when: DayInterval; readonly source: SourceRef }

export interface Party { readonly actorId?: string; readonly actor?: string; readonly place?: string }

const KIND = new Map(rules.kinds.map((k) => [k.what, k]));
const S = rules.status;

/** The event types that can move a commitment of this kind. */
export const eventTypesOf = (what: CommitmentKind): string[] => {
  const k = KIND.get(what);
  return k ? [...new Set([...k.implementedBy, ...k.violatedBy])] : [];
};

/** A distinct event (same type, day, quantity and place): its reports, the first of them speaking for it. */
export interface EventGroup {
  readonly type: string;
  readonly date: string;
  readonly when: DayInterval;
  readonly e: Event;
  readonly members: readonly DatedEvent[];
  readonly actorNorm: string;
  readonly placeNorm: string;
}

/** Reports of one event grouped, in date order (stable). Done once, read by every commitment. */
export function eventGroups(events: readonly DatedEvent[]): EventGroup[] {
  const out = new Map<string, { type: string; date: string; when: DayInterval; e: Event; members: DatedEvent[]; actorNorm: string; placeNorm: string }>();
  for (const d of events) {
    const date = isoOf(d.when).start;
    const placeNorm = norm(d.event.place);
    const k = `${d.event.type}|${date}|${d.event.quantity ?? ''}|${placeNorm}`;
    const prev = out.get(k);
    if (prev) { prev.members.push(d); continue; }
    out.set(k, { type: d.event.type, date, when: d.when, e: d.event, members: [d], actorNorm: norm(d.event.actor), placeNorm });
  }
  return [...out.values()].sort((a, b) => a.when.lo - b.when.lo);
}

/** How much evidence a status history keeps: the rest is counted (`eventCount`, `sourceCount`). */
export interface EvidenceCaps { readonly eventsPerChange: number; readonly sourcesPerEvent: number }
const UNCAPPED: EvidenceCaps = { eventsPerChange: Infinity, sourcesPerEvent: Infinity };

const refOf = (g: { date: string; e: Event }, members: readonly DatedEvent[], caps: EvidenceCaps): EventRef => {
  const e = g.e;
  return {
    type: e.type, date: g.date, ...(e.quantity !== undefined ? { quantity: e.quantity } : {}),
    ...(e.actor ? { actor: e.actor } : {}), ...(e.place ? { place: e.place } : {}),
    sources: members.slice(0, caps.sourcesPerEvent).map((m) => m.source),
    ...(members.length > caps.sourcesPerEvent ? { sourceCount: members.length } : {}),
  };
};

export interface StatusResult { readonly status: PamStatus; readonly history: StatusChange[]; readonly delivered: number }

/**
 * A commitment's status over time, on events grouped once (eventGroups of every event of the
 * kind's types, less those in a sentence that reports a commitment: they are that commitment,
 * not an implementation).
 * `caps` bound the evidence kept per change and per event; `index`: indexGroups(groups), when it
 * is at hand.
 */
export function statusOverGroups(
  what: CommitmentKind, party: Party, made: DayInterval, promised: number | undefined,
  groups: readonly EventGroup[], caps: EvidenceCaps = UNCAPPED, index?: GroupIndex,
): StatusResult {
  const kind = KIND.get(what);
  const impl = new Set<string>(kind?.implementedBy ?? []), viol = new Set<string>(kind?.violatedBy ?? []);
  const history: { date: string; status: PamStatus; rule: StatusChange['rule']; events: EventRef[]; eventCount?: number }[] = [{ date: isoOf(made).start, status: 0, rule: 'made', events: [] }];
  let status: PamStatus = 0;
  let delivered = 0;
  const days = new Set<number>();
  const level = (): 1 | 2 | 3 => {
    if (promised) {
      const share = delivered / promised;
      return share >= S.fullShare ? 3 : share >= S.intermediateShare ? 2 : 1;
    }
    return days.size >= S.intermediateDistinctDates ? 2 : 1;
  };
  const pActor = norm(party.actor), pPlace = norm(party.place);
  const join = (last: (typeof history)[number], g: EventGroup, members: readonly DatedEvent[]): void => {
    const n = (last.eventCount ?? last.events.length) + 1;
    if (last.events.length < caps.eventsPerChange) last.events.push(refOf(g, members, caps));
    if (n > last.events.length) last.eventCount = n;
  };
  const enough = S.intermediateDistinctDates;
  /** The day the commitment was made or an event last counted for it: unattributed events count only near it. */
  let moved = made.hi;
  const visit = (i: number): void => {
    const g = groups[i]!;
    if (!impl.has(g.type) && !viol.has(g.type)) return;
    const { e, when, members } = g;
    const who = !e.actorId && !e.actor ? 'unattributed' : !party.actorId && !party.actor ? 'unattributed'
      : party.actorId && e.actorId ? (party.actorId === e.actorId ? 'committer' : 'other')
        : pActor && pActor === g.actorNorm ? 'committer' : 'other';
    if (who === 'other' || (pPlace && g.placeNorm && pPlace !== g.placeNorm)) return;
    if (who === 'unattributed' && (when.lo > moved + S.unattributedWithinDays || (g.placeNorm && g.placeNorm !== pPlace))) return;
    if (impl.has(e.type) && when.hi >= made.lo) {
      delivered += e.quantity ?? 0;
      if (days.size < enough) days.add(when.lo); // past `enough` days only the count matters, and it is reached

      const next: PamStatus = status === 'reversed' ? level() : (Math.max(status, level()) as 1 | 2 | 3);
      const last = history[history.length - 1]!;
      if (next === status && last.rule !== 'made' && last.rule !== 'violated' && last.rule !== 'violated_unattributed') join(last, g, members);
      else history.push({ date: g.date, status: next, rule: status === 'reversed' ? 'resumed' : 'implemented', events: [refOf(g, members, caps)] });
      status = next;
      moved = Math.max(moved, when.hi);
    } else if (viol.has(e.type) && when.lo > made.lo) {
      // Unattributed violence counts only where the commitment holds: at its own known place.
      if (who === 'unattributed' && !(party.place && e.place)) return;
      const next: PamStatus = who === 'committer' ? 'reversed' : status === 'reversed' ? status : Math.max(0, status - 1) as PamStatus;
      const rule = who === 'committer' ? 'violated' : 'violated_unattributed';
      const last = history[history.length - 1]!;
      if (next === status && last.rule === rule) join(last, g, members);
      else history.push({ date: g.date, status: next, rule, events: [refOf(g, members, caps)] });
      status = next;
      moved = Math.max(moved, when.hi);
    }
  };
  // Groups that end before the commitment was made can neither implement nor violate it.
  const start = made.lo - spanOf(groups);
  const from = lowerBound(groups.length, (m) => groups[m]!.when.lo < start);
  const W = S.unattributedWithinDays;
  // Where its events can be (group indices, in date order): within the window, those unattributed
  // to it (for a commitment nobody is named for, every event) with no place or at its own; at any
  // time, the committer's own (by id or by name).
  const ix = index ?? indexGroups(groups);
  const anyone = !party.actorId && !party.actor;
  const near: readonly (readonly number[])[] = [
    anyone ? ix.nowhere : ix.unattributedNowhere,
    (pPlace ? (anyone ? ix.at : ix.unattributedAt).get(pPlace) : undefined) ?? [],
  ];
  const mine = new Set<number>();
  if (!anyone) {
    for (const i of ix.byActorId.get(party.actorId ?? '') ?? []) if (i >= from) mine.add(i);
    if (pActor) for (const i of ix.byActorName.get(pActor) ?? []) if (i >= from) mine.add(i);
  }
  const own = [...mine].sort((a, b) => a - b);
  // Positions past the last group stand for "none left" (integers keep the loop fast).
  const none = groups.length;
  const at = near.map((l) => lowerBoundOf(l, from));
  let o = 0;
  const head = (k: number): number => (at[k]! < near[k]!.length ? near[k]![at[k]!]! : none);
  for (;;) {
    const h0 = head(0), h1 = head(1), ho = o < own.length ? own[o]! : none;
    const next = Math.min(h0, h1, ho);
    if (next === none) break;
    if (next !== ho && groups[next]!.when.lo > moved + W) {
      // Out of the window, and so is every later one: none counts until the committer's next event moves it.
      if (ho === none) break;
      at[0] = lowerBoundOf(near[0]!, ho); at[1] = lowerBoundOf(near[1]!, ho);
      continue;
    }
    if (h0 === next) at[0]!++;
    if (h1 === next) at[1]!++;
    if (ho === next) o++;
    visit(next);
  }
  return { status, history, delivered };
}

/** Where a commitment's events can be among a kind's groups (indices in date order). */
export interface GroupIndex {
  /** Groups with no place; by place (`EventGroup.placeNorm`). */
  readonly nowhere: readonly number[];
  readonly at: ReadonlyMap<string, readonly number[]>;
  /** The same among groups whose first report names no actor. */
  readonly unattributedNowhere: readonly number[];
  readonly unattributedAt: ReadonlyMap<string, readonly number[]>;
  readonly byActorId: ReadonlyMap<string, readonly number[]>;
  /** By the actor's name as normalised (`EventGroup.actorNorm`). */
  readonly byActorName: ReadonlyMap<string, readonly number[]>;
}

export function indexGroups(groups: readonly EventGroup[]): GroupIndex {
  const nowhere: number[] = [], unattributedNowhere: number[] = [];
  const at = new Map<string, number[]>(), unattributedAt = new Map<string, number[]>();
  const byActorId = new Map<string, number[]>(), byActorName = new Map<string, number[]>();
  const add = (m: Map<string, number[]>, k: string, i: number): void => { (m.get(k) ?? m.set(k, []).get(k)!).push(i); };
  groups.forEach((g, i) => {
    const unattributed = !g.e.actorId && !g.e.actor;
    if (g.placeNorm) { add(at, g.placeNorm, i); if (unattributed) add(unattributedAt, g.placeNorm, i); }
    else { nowhere.push(i); if (unattributed) unattributedNowhere.push(i); }
    if (g.e.actorId) add(byActorId, g.e.actorId, i);
    if (g.actorNorm) add(byActorName, g.actorNorm, i);
  });
  return { nowhere, at, unattributedNowhere, unattributedAt, byActorId, byActorName };
}

const spans = new WeakMap<readonly EventGroup[], number>();
/** The longest interval among the groups (computed once per list). */
function spanOf(groups: readonly EventGroup[]): number {
  let n = spans.get(groups);
  if (n === undefined) spans.set(groups, (n = groups.reduce((m, g) => Math.max(m, g.when.hi - g.when.lo), 0)));
  return n;
}

/** The first of `n` positions, ordered so that `before` holds for a prefix of them, where it does not. */
function lowerBound(n: number, before: (m: number) => boolean): number {
  let a = 0, b = n;
  while (a < b) { const m = (a + b) >> 1; if (before(m)) a = m + 1; else b = m; }
  return a;
}

/** The first position in a sorted list of group indices whose value is at least `i`. */
const lowerBoundOf = (xs: readonly number[], i: number): number => lowerBound(xs.length, (m) => xs[m]! < i);
