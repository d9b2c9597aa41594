/**
 * Talks across many reports → processes (negotiation series) → rounds → who took part. Pure.
 *
 * Grouping (processes/series.ts): a talks event's place and host give its series: a known series
 * of lexicon/process-series.json when the place is one of its places and the host is unknown or
 * one of its hosts; otherwise "same place + same host". An event with a place but no host joins
 * the only process at that place; one with a host but no place joins the only process with that
 * host; otherwise it is `unplaced`.
 * Over time (processes/eras.ts): a date years before the process's first report with no round
 * named is a past reference, read as undated; rounds more than a year apart with no stated ordinal
 * or series name to bridge them are cut into separate processes.
 * Rounds: processes/rounds.ts (explicit ordinals, date clusters, coarse dates, publication window);
 * ordinals a report states (the event's, its sentence's, a participation phrase's) come first.
 * Participation: an item goes to the series or place its meeting phrase names, else to the process
 * of its report's nearest talks event (by sentence); its round is the ordinal the phrase names
 * ("the second round"), else that nearest event's round, else the one round near publication.
 * A known series named only in a meeting phrase still gets its process (rounds only by ordinal).
 * Anything that cannot be placed is kept in `unassigned` / `unplaced`, never dropped.
 */
import type { DatePrecision, Event, Participation } from '../domain/record.ts';
import { daysOf, intervalOf, isoOf, overlap, type DayInterval } from './dates.ts';
import { identityInText, identityOf, seriesNamedIn, type SeriesIdentity } from './processes/series.ts';
import { splitEras } from './processes/eras.ts';
import { statedOrdinal } from './processes/ordinals.ts';
import { participationTable, type ParticipationRow, type PlacedParticipation } from './processes/participation.ts';
import { renumber, ROUND_DEFAULTS, roundsOf, type RoundDraft, type RoundOptions } from './processes/rounds.ts';
import { independentCount, type DuplicateOf, type SourceRef } from './sources.ts';
import { ordinalIn } from './text.ts';

export type { ParticipationRow } from './processes/participation.ts';

/** One report's talks events and participation items. An `Extraction` fits (see `processDocOf`). */
export interface ProcessDoc {
  readonly id: string;
  /** YYYY-MM-DD */
  readonly published: string;
  /** Only events of type 'talks' are read. Actor ids should be cross-document ids (store ids). */
  readonly events: readonly Event[];
  readonly participation: readonly Participation[];
  /**
   * Optional: the text of the sentences that hold its talks events, by sentence index. Read for
   * the ordinal a report states ("now in its eighth round", "Geneva IV") when the event has none,
   * and for the series it names.
   */
  readonly sentences?: Readonly<Record<number, string>>;
}

export interface ReportedDates { readonly start: string; readonly end: string; readonly sources: SourceRef[] }

export interface Round {
  readonly ordinal?: number;
  /** 'text': a report names it; 'order': inferred from the rounds before it. */
  readonly ordinalFrom?: 'text' | 'order';
  readonly start?: string;
  readonly end?: string;
  readonly precision?: DatePrecision;
  /** Places as written, distinct. */
  readonly places: string[];
  /** Every distinct date range reported, side by side with its sources. */
  readonly dates: ReportedDates[];
  /** Two reported date ranges are more than `gapDays` apart. */
  readonly datesContested: boolean;
  readonly sources: SourceRef[];
  readonly independent: number;
  readonly participation: ParticipationRow[];
}

export interface Process {
  readonly key: string;
  readonly series?: string;
  readonly name: string;
  readonly place?: string;
  readonly host?: string;
  readonly rounds: Round[];
  /** Talks and participation of this process that fit no single round. */
  readonly unassigned: { readonly talks: SourceRef[]; readonly participation: ParticipationRow[] };
}

export interface ProcessRecord {
  readonly processes: Process[];
  readonly unplaced: { readonly talks: SourceRef[]; readonly participation: ParticipationRow[] };
}

export interface ProcessOptions extends Partial<RoundOptions> { readonly duplicateOf?: DuplicateOf }

interface Item {
  readonly doc: ProcessDoc;
  readonly event: Event;
  readonly id: SeriesIdentity | undefined;
  readonly ordinal?: number;
  /** Unset for a past reference: a date years before its process's first report, no round named. */
  when?: DayInterval;
  /** Its sentence names its series ("the Moscow consultations"). */
  readonly namesSeries: boolean;
  readonly publishedDay: number;
  readonly source: SourceRef;
  key?: string;
}

const interval = (e: Event): DayInterval | undefined => intervalOf(e.start, e.end);

/** A stable key for a round, for claim keys: "series:moscow#2", or "place:doha|host:qatar@2018-05-01" when it has no ordinal. */
export const roundKey = (p: Pick<Process, 'key'>, r: Pick<Round, 'ordinal' | 'start'>): string =>
  r.ordinal !== undefined ? `${p.key}#${r.ordinal}` : `${p.key}@${r.start ?? '?'}`;

/** An extraction (or anything shaped like one) as a ProcessDoc. */
export function processDocOf(x: { document: { id: string; published: string }; events: readonly Event[]; participation: readonly Participation[]; text?: string; sentences?: readonly { start: number; end: number }[] }): ProcessDoc {
  const sentences: Record<number, string> = {};
  const all = x.sentences;
  if (x.text !== undefined && all) {
    const talks = x.events.filter((e) => e.type === 'talks');
    const own = new Set(talks.map((e) => e.sentence));
    for (const e of talks) {
      // Its own sentence, then the other sentences its evidence reaches (one talks event reported
      // over several sentences) unless another talks event sits there.
      const at = new Set([e.sentence]);
      for (const ev of e.evidence) {
        const i = all.findIndex((s) => ev.start >= s.start && ev.start < s.end);
        if (i >= 0 && !own.has(i)) at.add(i);
      }
      const text = [...at].map((i) => all[i]).filter((s) => !!s).map((s) => x.text!.slice(s!.start, s!.end)).join('\n');
      if (text) sentences[e.sentence] = sentences[e.sentence] ? `${sentences[e.sentence]}\n${text}` : text;
    }
  }
  return { id: x.document.id, published: x.document.published, events: x.events, participation: x.participation, ...(Object.keys(sentences).length ? { sentences } : {}) };
}

export function buildProcesses(docs: readonly ProcessDoc[], opts: ProcessOptions = {}): ProcessRecord {
  const o: RoundOptions = { ...ROUND_DEFAULTS, ...opts };
  const dup = opts.duplicateOf;
  const items: Item[] = docs.flatMap((doc) => {
    const pub = daysOf(doc.published)?.lo ?? 0;
    const talks = doc.events.filter((e) => e.type === 'talks');
    return talks.map((event): Item => {
      const id = identityOf(event.place, event.host);
      const text = doc.sentences?.[event.sentence];
      // A sentence's ordinal is this event's only when the sentence holds no other talks.
      const alone = talks.filter((e) => e.sentence === event.sentence).length === 1;
      const ordinal = event.round || (alone ? statedOrdinal(text, placesOf(id)) : undefined);
      const named = seriesNamedIn(text);
      return {
        doc, event, id, ...(ordinal ? { ordinal } : {}),
        ...(interval(event) ? { when: interval(event)! } : {}),
        namesSeries: !!named && named === id?.series,
        publishedDay: pub, source: { documentId: doc.id, sentence: event.sentence, evidence: event.evidence },
      };
    });
  });
  const resolve = keyResolver(items.map((i) => i.id).filter((x): x is SeriesIdentity => !!x));
  for (const i of items) i.key = resolve(i.id);

  const groups = new Map<string, Item[]>();
  for (const i of items) if (i.key) (groups.get(i.key) ?? groups.set(i.key, []).get(i.key)!).push(i);
  const drafts = new Map<string, Draft>();
  const roundOf = new Map<Item, RoundDraft<Item>>();
  for (const [key, its] of groups) {
    // A date years before the process's first report, with no round named, is a past reference
    // ("since 2012, many rounds have failed"), not the date of these talks: read as undated.
    const firstReport = Math.min(...its.map((i) => i.publishedDay));
    for (const i of its) if (i.ordinal === undefined && i.when && i.when.hi < firstReport - o.pastDays) delete i.when;
    const { rounds, unassigned } = roundsOf(its, o);
    const { main, apart } = splitEras(rounds, o.seriesGapDays, (i) => i.namesSeries);
    for (const era of apart) {
      const at = era.find((r) => r.when)!.when!;
      const first = era[0]!.items[0]!;
      const place = first.id?.place, host = first.id?.host;
      const id: SeriesIdentity = { key: `place:${place ?? '?'}|host:${host ?? '?'}@${isoOf(at).start.slice(0, 7)}`, ...(place ? { place } : {}), ...(host ? { host } : {}) };
      const eraItems = era.flatMap((r) => r.items);
      for (const i of eraItems) i.key = id.key;
      for (const r of era) for (const i of r.items) roundOf.set(i, r);
      drafts.set(id.key, { items: eraItems, id, rounds: renumber(era), unassigned: [], parts: new Map(), loose: [] });
    }
    for (const r of main) for (const i of r.items) roundOf.set(i, r);
    const kept = apart.length ? its.filter((i) => i.key === key) : its;
    drafts.set(key, { items: kept, rounds: apart.length ? renumber(main) : main, unassigned, parts: new Map(), loose: [] });
  }

  // Participation → process and round.
  const places = new Set(items.map((i) => i.id?.place).filter((p): p is string => !!p));
  const unplacedParts: PlacedParticipation[] = [];
  const byDoc = new Map<ProcessDoc, Item[]>();
  for (const i of items) if (i.key) (byDoc.get(i.doc) ?? byDoc.set(i.doc, []).get(i.doc)!).push(i);
  for (const doc of docs) {
    const own = byDoc.get(doc) ?? [];
    const pub = daysOf(doc.published)?.lo ?? 0;
    for (const p of doc.participation) {
      const placed: PlacedParticipation = { documentId: doc.id, item: p };
      const inText = identityInText(p.meeting, places);
      const named = resolve(inText);
      // A meeting named by a known series with no talks reported yet: its process, without rounds.
      if (named && !drafts.has(named) && inText?.series) drafts.set(named, { items: [], id: inText, rounds: [], unassigned: [], parts: new Map(), loose: [] });
      const nearest = own.filter((i) => !named || i.key === named)
        .sort((a, b) => dist(a.event.sentence, p.sentence) - dist(b.event.sentence, p.sentence))[0];
      const key = named ?? nearest?.key;
      const d = key ? drafts.get(key) : undefined;
      if (!d) { unplacedParts.push(placed); continue; }
      const ord = ordinalIn(p.meeting);
      let round: RoundDraft<Item> | undefined;
      if (ord !== undefined) {
        round = d.rounds.find((r) => r.ordinal === ord && r.ordinalFrom === 'text');
        // The report's own talks event sits in a round no report numbered: this report numbers it.
        const mine = nearest && nearest.key === key ? roundOf.get(nearest) : undefined;
        if (!round && mine && mine.ordinalFrom !== 'text') {
          round = mine;
          round.ordinal = ord;
          round.ordinalFrom = 'text';
          renumber(d.rounds);
        }
        round ??= d.rounds.find((r) => r.ordinal === ord);
        if (!round) {
          round = { ordinal: ord, ordinalFrom: 'text', items: [] };
          const at = d.rounds.findIndex((r) => r.ordinal !== undefined && r.ordinal > ord);
          d.rounds.splice(at < 0 ? d.rounds.length : at, 0, round);
        }
      } else if (nearest && nearest.key === key) round = roundOf.get(nearest);
      else {
        const win: DayInterval = { lo: pub - o.windowBefore, hi: pub + o.windowAfter, precision: 'day' };
        const near = d.rounds.filter((r) => r.when && overlap(r.when, win));
        if (near.length === 1) round = near[0];
      }
      if (!round) { d.loose.push(placed); continue; }
      (d.parts.get(round) ?? d.parts.set(round, []).get(round)!).push(placed);
    }
  }

  const processes: Process[] = [...drafts.entries()].map(([key, d]) => {
    const first = d.id ?? d.items.find((i) => i.id)!.id!;
    const placeAs = d.items.find((i) => i.event.place)?.event.place ?? first.place;
    const hostAs = d.items.find((i) => i.event.host)?.event.host;
    const rounds = d.rounds.map((r) => roundOut(r, d.parts.get(r) ?? [], o.gapDays, dup));
    return {
      key, ...(first.series ? { series: first.series } : {}),
      name: first.name ?? `Talks in ${placeAs ?? '?'}${hostAs ? ` hosted by ${hostAs}` : ''}`,
      ...(placeAs ? { place: placeAs } : {}), ...(hostAs ? { host: hostAs } : {}),
      rounds,
      unassigned: { talks: d.unassigned.map((i) => i.source), participation: participationTable(d.loose, dup) },
    };
  });
  return {
    processes,
    unplaced: { talks: items.filter((i) => !i.key).map((i) => i.source), participation: participationTable(unplacedParts, dup) },
  };
}

interface Draft { items: Item[]; id?: SeriesIdentity; rounds: RoundDraft<Item>[]; unassigned: Item[]; parts: Map<RoundDraft<Item>, PlacedParticipation[]>; loose: PlacedParticipation[] }

/** The names a series or place is written with, normalised, for "Geneva IV". */
const placesOf = (id: SeriesIdentity | undefined): string[] => (id?.place ? [id.place] : []);

const dist = (a: number, b: number): number => (a <= b ? b - a : (a - b) * 1.5);

/** Partial identities (place without host, host without place) resolved against the full ones. */
function keyResolver(ids: readonly SeriesIdentity[]): (id: SeriesIdentity | undefined) => string | undefined {
  const full = [...new Map(ids.filter((i) => i.place && (i.series || i.host)).map((i) => [i.key, i])).values()];
  return (id) => {
    if (!id) return undefined;
    if (id.series || (id.place && id.host)) return id.key;
    const same = id.place ? full.filter((f) => f.place === id.place) : full.filter((f) => f.host === id.host);
    if (same.length === 1) return same[0]!.key;
    return id.place ? id.key : undefined;
  };
}

function roundOut(r: RoundDraft<Item>, parts: PlacedParticipation[], gap: number, dup?: DuplicateOf): Round {
  const dates = new Map<string, ReportedDates & { when: DayInterval }>();
  for (const i of r.items) {
    if (!i.when) continue;
    const iso = isoOf(i.when);
    const k = `${iso.start}..${iso.end}`;
    (dates.get(k) ?? dates.set(k, { ...iso, sources: [], when: i.when }).get(k)!).sources.push(i.source);
  }
  const ds = [...dates.values()];
  const contested = ds.some((a) => ds.some((b) => Math.max(0, a.when.lo - b.when.hi, b.when.lo - a.when.hi) > gap));
  const sources = r.items.map((i) => i.source);
  return {
    ...(r.ordinal !== undefined ? { ordinal: r.ordinal, ordinalFrom: r.ordinalFrom ?? 'text' } : {}),
    ...(r.when ? { ...isoOf(r.when), precision: r.when.precision } : {}),
    places: [...new Set(r.items.map((i) => i.event.place).filter((p): p is string => !!p))],
    dates: ds.map(({ when: _w, ...d }) => d), datesContested: contested,
    sources, independent: independentCount([...sources, ...parts.map((p) => ({ documentId: p.documentId }))], dup),
    participation: participationTable(parts, dup),
  };
}
