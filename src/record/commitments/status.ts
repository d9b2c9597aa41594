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
  readonly sources: SourceRef[];
}

export interface StatusChange {
  /** The day (or month) of the justifying events. */
  readonly date: string;
  readonly status: PamStatus;
  readonly rule: 'made' | 'implemented' | 'resumed' | 'violated' | 'violated_unattributed';
  readonly events: EventRef[];
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

/** 'committer' | 'unattributed' | 'other' — whose event this is, seen from the commitment. */
function whose(p: Party, e: Event): 'committer' | 'unattributed' | 'other' {
  if (!e.actorId && !e.actor) return 'unattributed';
  if (!p.actorId && !p.actor) return 'unattributed';
  if (p.actorId && e.actorId) return p.actorId === e.actorId ? 'committer' : 'other';
  return norm(p.actor) && norm(p.actor) === norm(e.actor) ? 'committer' : 'other';
}

const elsewhere = (p: Party, e: Event): boolean => !!(p.place && e.place && norm(p.place) !== norm(e.place));

/** The same event reported again: one entry with all its sources. */
function distinct(events: readonly DatedEvent[]): { ref: EventRef; when: DayInterval; e: Event }[] {
  const out = new Map<string, { ref: EventRef & { sources: SourceRef[] }; when: DayInterval; e: Event }>();
  for (const d of events) {
    const date = isoOf(d.when).start;
    const k = `${d.event.type}|${date}|${d.event.quantity ?? ''}|${norm(d.event.place)}`;
    const prev = out.get(k);
    if (prev) { prev.ref.sources.push(d.source); continue; }
    out.set(k, { when: d.when, e: d.event, ref: {
      type: d.event.type, date, ...(d.event.quantity !== undefined ? { quantity: d.event.quantity } : {}),
      ...(d.event.actor ? { actor: d.event.actor } : {}), ...(d.event.place ? { place: d.event.place } : {}), sources: [d.source],
    } });
  }
  return [...out.values()].sort((a, b) => a.when.lo - b.when.lo);
}

export interface StatusResult { readonly status: PamStatus; readonly history: StatusChange[]; readonly delivered: number }

export function statusOver(
  what: CommitmentKind, party: Party, made: DayInterval, promised: number | undefined,
  events: readonly DatedEvent[],
): StatusResult {
  const kind = KIND.get(what);
  const impl = new Set<string>(kind?.implementedBy ?? []), viol = new Set<string>(kind?.violatedBy ?? []);
  const history: StatusChange[] = [{ date: isoOf(made).start, status: 0, rule: 'made', events: [] }];
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
  for (const { ref, when, e } of distinct(events)) {
    const who = whose(party, e);
    if (who === 'other' || elsewhere(party, e)) continue;
    if (impl.has(e.type) && when.hi >= made.lo) {
      delivered += e.quantity ?? 0;
      days.add(when.lo);
      const next: PamStatus = status === 'reversed' ? level() : (Math.max(status, level()) as 1 | 2 | 3);
      const last = history[history.length - 1]!;
      if (next === status && last.rule !== 'made' && !last.rule.startsWith('violated')) last.events.push(ref);
      else history.push({ date: ref.date!, status: next, rule: status === 'reversed' ? 'resumed' : 'implemented', events: [ref] });
      status = next;
    } else if (viol.has(e.type) && when.lo > made.lo) {
      // Unattributed violence counts only where the commitment holds: at its own known place.
      if (who === 'unattributed' && !(party.place && e.place)) continue;
      const next: PamStatus = who === 'committer' ? 'reversed' : status === 'reversed' ? status : Math.max(0, status - 1) as PamStatus;
      const rule = who === 'committer' ? 'violated' : 'violated_unattributed';
      const last = history[history.length - 1]!;
      if (next === status && last.rule === rule) last.events.push(ref);
      else history.push({ date: ref.date!, status: next, rule, events: [ref] });
      status = next;
    }
  }
  return { status, history, delivered };
}
