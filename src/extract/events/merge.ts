import type { Event } from '../../domain/record.ts';
import { type Frame, mayLendDate } from './frame.ts';

/** An event while the document is read: the record plus who took part, for telling talks apart. */
export interface Draft { event: Event; parties: Set<string>; anaphoric?: boolean; frame?: Frame }

/** May the candidate's date become the date of an earlier mention that had none? */
const lends = (c: Draft, to: Draft, published?: string): boolean =>
  mayLendDate({ background: c.frame?.background, start: c.event.start, end: c.event.end }, to.frame ?? {}, published);

const overlap = (a: Event, b: Event): boolean => {
  const lo = (x: string) => x.padEnd(10, x.length === 4 ? '-01-01' : '-01');
  const hi = (x: string) => x.length === 4 ? `${x}-12-31` : x.length === 7 ? `${x}-31` : x;
  return lo(a.start!) <= hi(b.end ?? b.start!) && lo(b.start!) <= hi(a.end ?? a.start!);
};

/** Does the candidate say anything the earlier event does not (a place, dates, a count, other actors)? */
function addsNothing(old: Draft, c: Draft): boolean {
  const a = old.event, b = c.event;
  // A stretch or habit of talks ("since 2012, many rounds") is no happening a later one completes.
  if (old.frame?.series && !c.frame?.series && (b.place || b.start || b.quantity != null || b.actor)) return false;
  // A place for an event that had none ("the Sochi agreement") completes it; another place is news.
  if (b.place && a.place && !samePlace(a.place, b.place)) return false;
  // A date inside the earlier one but more precise ("last week" within "this month") is news.
  if (b.start && !(a.start && overlap(a, b) && b.start.length <= a.start.length)) return false;
  if (b.quantity != null && a.quantity != null && b.quantity !== a.quantity) return false;
  if (b.round != null && b.round !== a.round) return false;
  if (b.type === 'talks') {
    // Talks between other parties are other talks.
    if (c.parties.size > 1 && old.parties.size > 1 && ![...c.parties].every((p) => old.parties.has(p))) return false;
    // Talks of wholly other parties ("the envoy's talks", then "the conference Moscow postponed") too.
    if (c.parties.size && old.parties.size && ![...c.parties].some((p) => old.parties.has(p))) return false;
  } else if (b.actorId && a.actorId && b.actorId !== a.actorId) return false;
  return true;
}

function fold(old: Draft, c: Draft): void {
  const a = old.event, b = c.event;
  old.event = {
    ...a,
    ...(a.actor ? {} : b.actor ? { actor: b.actor, actorId: b.actorId } : {}),
    ...(a.host || !b.host ? {} : { host: b.host }),
    // The same round again with a later date: the talks last until then.
    ...(a.round != null && a.round === b.round && b.start && a.start && !overlap(a, b)
      ? { start: a.start < b.start ? a.start : b.start, end: (a.end ?? a.start) > (b.end ?? b.start) ? (a.end ?? a.start) : (b.end ?? b.start) }
      : {}),
    ...(a.place ? {} : b.place ? { place: b.place } : {}),
    ...(a.quantity != null ? {} : b.quantity != null ? { quantity: b.quantity } : {}),
    evidence: [...a.evidence, ...b.evidence.slice(0, 1)],
  };
  for (const p of c.parties) old.parties.add(p);
}

/** "Ghouta" and "eastern Ghouta" are one place for telling events apart. */
const core = (p: string): string => p.toLowerCase().split(/\s+/).at(-1)!;
const samePlace = (a: string, b: string): boolean => a === b || core(a) === core(b);

const bare = (e: Event): boolean => !e.place && !e.start && e.quantity == null;

function compatibleActors(a: Draft, b: Draft): boolean {
  if (a.event.type === 'talks') return !(a.parties.size && b.parties.size) || [...a.parties].some((p) => b.parties.has(p)) && (a.parties.size < 2 || b.parties.size < 2 || [...a.parties].every((p) => b.parties.has(p)));
  return !a.event.actorId || !b.event.actorId || a.event.actorId === b.event.actorId;
}

/**
 * One event per happening: a mention that adds nothing to an earlier event of its type (or
 * names the same round of talks) is that event; one with nothing at all to say is dropped.
 * A date lent to an earlier mention must be able to be its date: no "since 2012" or habit, no
 * past date for talks announced (`published`: the report's date, ISO).
 */
export function mergeInto(drafts: Draft[], c: Draft, published?: string): void {
  const same = drafts.filter((d) => d.event.type === c.event.type);
  const b = c.event;
  const round = b.round != null ? same.find((d) => d.event.round === b.round) : undefined;
  if (round) { fold(round, c); return; }
  // An event at the candidate's own place first; then one without a place it can complete.
  const here = same.filter((d) => !b.place || (d.event.place && samePlace(d.event.place, b.place)));
  // A single happening before a stretch of them ("many rounds since 2012") when either would do.
  const series = (d: Draft): boolean => !!d.frame?.series && !c.frame?.series;
  for (const pool of [here.filter((d) => !series(d)), same.filter((d) => !series(d)), same.filter(series)]) {
    for (let i = pool.length - 1; i >= 0; i--) if (addsNothing(pool[i]!, c)) { fold(pool[i]!, c); return; }
  }
  if (!b.actor && !b.place && !b.start && b.quantity == null) return;
  // "The talks ended on Thursday": talks with only a date date the latest talks that had none.
  if (b.type === 'talks' && b.start && !b.place && !b.actor && b.round == null && b.quantity == null) {
    const undated = same.filter((d) => !d.event.start).at(-1);
    const near = undated && b.sentence - undated.event.sentence <= 8;
    if (near && lends(c, undated, published)) {
      fold(undated, c);
      undated.event = { ...undated.event, start: b.start, end: b.end ?? b.start };
      return;
    }
    // "the outcome of the talks next week": the talks named before; the date is another verb's.
    // (Not when the date could not be theirs: "the negotiations ended in 2015" are other talks.)
    const last = same.at(-1);
    if (c.anaphoric && last && !c.parties.size && !near) { fold(last, c); return; }
  }
  // An earlier mention that named only who acted ("the ceasefire ordered by X") is this one.
  if (b.place || b.start) {
    const i = drafts.findIndex((d) => d.event.type === b.type && bare(d.event) && compatibleActors(d, c) && b.sentence - d.event.sentence <= 5 && (!b.start || lends(c, d, published)));
    if (i >= 0) {
      const p = drafts[i]!;
      drafts.splice(i, 1);
      c.event = { ...b, ...(b.actor ? {} : { actor: p.event.actor, actorId: p.event.actorId }), evidence: [...p.event.evidence, ...b.evidence] };
      for (const x of p.parties) c.parties.add(x);
    }
  }
  drafts.push(c);
}
