/**
 * Commitments and confidence-building measures across reports, and how far each has gone. Pure.
 *
 * Made: a statement commits when commitments/detect.ts finds a commitment in it ("the government
 * agreed to release detainees", "pledged to allow aid access", "a ceasefire was agreed"); a
 * 'ceasefire' event is itself a ceasefire commitment (a later one implements it: the truce in force). What: release_detainees, allow_aid_access,
 * ceasefire, prisoner_exchange, withdrawal, other (lexicon/commitment-rules.json).
 * Who: the statement's `actorId`/`actor` if given, else the nearest actor mentioned before the
 * commitment word; nobody when the word names a go-between ("brokered"); to whom: `to`, else
 * "agreed with X". One commitment per (what, committer; for
 * 'other', the words committed to) and time: a report made more than MERGE_DAYS after the last one
 * of a commitment starts another (a party's ceasefire of 2018 is not its ceasefire of 1998). A
 * commitment without a committer joins the only one of its kind made by a known committer within
 * MERGE_DAYS, else stands alone.
 * Made on: the earliest date reported. Promised: the largest number promised.
 * Status over time: commitments/status.ts (Peace Accords Matrix 0-3 and 'reversed').
 */
import type { Event, Span } from '../domain/record.ts';
import { daysOf, intervalOf, isoOf, type DayInterval } from './dates.ts';
import { detectCommitment, type CommitmentKind } from './commitments/detect.ts';
import { eventGroups, eventTypesOf, indexGroups, statusOverGroups, type DatedEvent, type EvidenceCaps, type EventGroup, type GroupIndex, type PamStatus, type StatusChange } from './commitments/status.ts';
import { independentCount, type DuplicateOf, type SourceRef } from './sources.ts';
import { norm } from './text.ts';

export { detectCommitment, type CommitmentCue, type CommitmentKind } from './commitments/detect.ts';
export type { EventRef, EvidenceCaps, PamStatus, StatusChange } from './commitments/status.ts';

export const MERGE_DAYS = 30;

/** A sentence that may hold a commitment. Offsets in `actors` and the result are relative to `text`. */
export interface CommitmentStatement {
  readonly documentId: string;
  /** YYYY-MM-DD */
  readonly published: string;
  readonly text: string;
  /** When the commitment was made (partial ISO); the publication date otherwise. */
  readonly date?: string;
  readonly actorId?: string;
  readonly actor?: string;
  /** Actors mentioned in `text`, for finding the committer when `actor` is not given. */
  readonly mentions?: readonly { readonly actorId?: string; readonly actor: string; readonly start: number; readonly end: number }[];
  readonly to?: string;
  readonly place?: string;
  readonly sentence?: number;
  /** Where `text` starts in its document, so evidence is in document offsets. */
  readonly offset?: number;
}

export interface CommitmentEvent { readonly documentId: string; readonly published: string; readonly event: Event }

export interface Commitment {
  readonly key: string;
  readonly what: CommitmentKind;
  readonly actorId?: string;
  readonly actor?: string;
  readonly to?: string;
  readonly place?: string;
  /** For 'other': the words committed to, as first written. */
  readonly object?: string;
  /** Partial ISO: the earliest day reported. */
  readonly made: string;
  readonly promised?: number;
  readonly conditional: boolean;
  /** The statements and ceasefire events that report the commitment (the first `maxSources`). */
  readonly sources: SourceRef[];
  /** How many there are in all. */
  readonly sourceCount: number;
  readonly independent: number;
  readonly status: PamStatus;
  readonly history: StatusChange[];
  /** Sum of the quantities of distinct implementing events. */
  readonly delivered: number;
}

/** One report of a commitment, before reports of the same one are merged. */
export interface Draft {
  what: CommitmentKind; actorId?: string; actor?: string; to?: string; place?: string; object?: string;
  made: DayInterval; promised?: number; conditional: boolean; sources: SourceRef[]; fromEvent?: boolean;
}

const partyKey = (d: { actorId?: string; actor?: string }): string => d.actorId || (d.actor ? `name:${norm(d.actor)}` : '*');
const keyOf = (d: Draft): string => `${d.what}|${partyKey(d)}${d.what === 'other' ? `|${norm(d.object)}` : ''}`;
const when = (date: string | undefined, published: string): DayInterval | undefined => intervalOf(date) ?? daysOf(published);
/** The sentence a report points at, as a key. */
const sentenceOf = (x: SourceRef): string => `${x.documentId}|${x.sentence}`;
const ev = (s: { documentId: string; sentence?: number }, evidence: readonly Span[]): SourceRef =>
  ({ documentId: s.documentId, ...(s.sentence !== undefined ? { sentence: s.sentence } : {}), evidence });

/** The commitment a statement makes, if any: read one statement at a time, keep only these. */
export function commitmentDraft(s: CommitmentStatement): Draft | undefined {
  const c = detectCommitment(s.text);
  const made = when(s.date, s.published);
  if (!c || !made) return undefined;
  const at = s.offset ?? 0;
  // Who brokered a truce did not commit to it; the parties are not read from the sentence.
  const by = c.mediated ? undefined
    : s.actorId || s.actor ? s : [...(s.mentions ?? [])].filter((m) => m.end <= Math.min(c.cue.start, c.object.start) && norm(m.actor) !== norm(c.to)).pop();
  return {
    what: c.what, ...(by?.actorId ? { actorId: by.actorId } : {}), ...(by?.actor ? { actor: by.actor } : {}),
    ...(s.to ?? c.to ? { to: s.to ?? c.to } : {}), ...(s.place ? { place: s.place } : {}),
    ...(c.what === 'other' ? { object: s.text.slice(c.object.start, c.object.end) } : {}),
    made, ...(c.quantity !== undefined ? { promised: c.quantity } : {}), conditional: c.conditional,
    sources: [ev({ documentId: s.documentId, ...(s.sentence !== undefined ? { sentence: s.sentence } : {}) },
      [{ start: at + c.cue.start, end: at + c.cue.end }, { start: at + c.object.start, end: at + c.object.end }])],
  };
}

/** The ceasefire an event reports, as a commitment draft. */
export function eventDraft({ documentId, published, event: e }: CommitmentEvent): Draft | undefined {
  const made = e.type === 'ceasefire' ? when(e.start, published) : undefined;
  if (!made) return undefined;
  return { what: 'ceasefire', ...(e.actorId ? { actorId: e.actorId } : {}), ...(e.actor ? { actor: e.actor } : {}),
    ...(e.place ? { place: e.place } : {}), made, conditional: false, fromEvent: true, sources: [ev({ documentId, sentence: e.sentence }, e.evidence)] };
}

export interface CommitmentOptions {
  readonly duplicateOf?: DuplicateOf;
  /** Sources kept per commitment (all are counted). Default: all. */
  readonly maxSources?: number;
  /** Evidence kept per status change. Default: all. */
  readonly caps?: EvidenceCaps;
}

export function buildCommitments(
  statements: readonly CommitmentStatement[], events: readonly CommitmentEvent[], opts: CommitmentOptions = {},
): Commitment[] {
  const drafts = statements.map(commitmentDraft).filter((d): d is Draft => !!d);
  return commitmentsOf(drafts, events, opts);
}

/** Commitments from drafts (statements already read) and the events that may implement or break them. */
export function commitmentsOf(drafts: Draft[], events: readonly CommitmentEvent[], opts: CommitmentOptions = {}): Commitment[] {
  // A ceasefire event in a sentence that states a ceasefire commitment is that statement, read
  // once: "X brokered a truce in 1998" is not also X's truce on the day of the report. The
  // statement takes the day the event gives it. (Not its place: a place ties every unattributed
  // event there to the commitment, and on the generated 100k workspace that made the stored
  // histories 4 times longer, 27 -> 100 MB.)
  const stated = new Map<string, Draft>();
  for (const d of drafts) if (d.what === 'ceasefire') for (const x of d.sources) stated.set(sentenceOf(x), d);
  for (const e of events) {
    const d = eventDraft(e);
    if (!d) continue;
    const s = stated.get(sentenceOf(d.sources[0]!));
    if (!s) { drafts.push(d); continue; }
    if (e.event.start && d.made.lo < s.made.lo) s.made = d.made;
  }
  const merged = new Map<string, Draft>();
  /** Per (what, committer): the key of its latest commitment and the last day one of its reports was made. */
  const latest = new Map<string, { key: string; last: number }>();
  for (const d of drafts.sort((a, b) => a.made.lo - b.made.lo)) {
    const k = keyOf(d);
    const l = latest.get(k);
    if (!l || d.made.lo > l.last + MERGE_DAYS) {
      const key = l ? `${k}@${isoOf(d.made).start}` : k;
      merged.set(key, { ...d, sources: [...d.sources] });
      latest.set(k, { key, last: d.made.hi });
      continue;
    }
    const m = merged.get(l.key)!;
    // A later ceasefire event reports the ceasefire in force: implementation, not the commitment.
    if (d.fromEvent && d.made.lo > m.made.hi) continue;
    l.last = Math.max(l.last, d.made.hi);
    if (d.made.lo < m.made.lo) m.made = d.made;
    if (d.promised !== undefined && (m.promised === undefined || d.promised > m.promised)) m.promised = d.promised;
    m.conditional ||= d.conditional;
    m.to ??= d.to;
    m.place ??= d.place;
    m.sources.push(...d.sources);
  }
  // A commitment without a committer joins the only one of its kind with a committer made close by.
  for (const [k, d] of merged) {
    if (partyKey(d) !== '*' || d.what === 'other') continue;
    const near = [...merged.values()].filter((o) => o !== d && o.what === d.what && partyKey(o) !== '*' && Math.abs(o.made.lo - d.made.lo) <= MERGE_DAYS);
    if (near.length !== 1) continue;
    const o = near[0]!;
    merged.delete(k);
    if (d.fromEvent && d.made.lo > o.made.hi) continue;
    o.sources.push(...d.sources);
    if (d.made.lo < o.made.lo) o.made = d.made;
    o.place ??= d.place;
  }
  const byType = new Map<string, DatedEvent[]>();
  for (const { documentId, published, event } of events) {
    const at = intervalOf(event.start, event.end) ?? daysOf(published);
    if (!at) continue;
    const x: DatedEvent = { event, when: at, source: ev({ documentId, sentence: event.sentence }, event.evidence) };
    (byType.get(event.type) ?? byType.set(event.type, []).get(event.type)!).push(x);
  }
  // A sentence that reports a commitment is that commitment, not the implementation of another of
  // its kind: a party's new ceasefire a year on does not implement its old one.
  const reports = new Map<CommitmentKind, Set<string>>();
  for (const d of merged.values()) {
    const r = reports.get(d.what) ?? reports.set(d.what, new Set()).get(d.what)!;
    for (const x of d.sources) r.add(sentenceOf(x));
  }
  // The events a kind of commitment reads, grouped once per kind.
  const groups = new Map<CommitmentKind, { list: EventGroup[]; index: GroupIndex }>();
  const groupsOf = (what: CommitmentKind): { list: EventGroup[]; index: GroupIndex } => {
    let g = groups.get(what);
    if (!g) {
      const reported = reports.get(what)!;
      const list = eventGroups(eventTypesOf(what).flatMap((t) => byType.get(t) ?? []).filter((x) => !reported.has(sentenceOf(x.source))));
      groups.set(what, (g = { list, index: indexGroups(list) }));
    }
    return g;
  };
  const max = opts.maxSources ?? Infinity;
  return [...merged.entries()].map(([key, d]): Commitment => {
    const g = groupsOf(d.what);
    const r = statusOverGroups(d.what, d, d.made, d.promised, g.list, opts.caps, g.index);
    return {
      key, what: d.what, ...(d.actorId ? { actorId: d.actorId } : {}), ...(d.actor ? { actor: d.actor } : {}),
      ...(d.to ? { to: d.to } : {}), ...(d.place ? { place: d.place } : {}), ...(d.object ? { object: d.object } : {}),
      made: isoOf(d.made).start, ...(d.promised !== undefined ? { promised: d.promised } : {}), conditional: d.conditional,
      sources: d.sources.length > max ? d.sources.slice(0, max) : d.sources, sourceCount: d.sources.length,
      independent: independentCount(d.sources, opts.duplicateOf),
      status: r.status, history: r.history, delivered: r.delivered,
    };
  });
}
