import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Event, EventType, Participation, ParticipationStatus } from '../domain/record.ts';
import { commitmentDraft, commitmentsOf, type Commitment, type CommitmentEvent, type Draft } from '../record/commitments.ts';
import { buildProcesses, roundKey, type ParticipationRow, type Process, type ProcessDoc, type ProcessRecord } from '../record/processes.ts';
import type { SourceRef } from '../record/sources.ts';
import { jsonb } from '../store/json.ts';
import { RECORD_CHANGE } from '../store/migrations/0004-process-view.ts';
import type { DB } from '../store/schema.ts';
import { talksSentences, type StoredTalks } from './talks-sentences.ts';
import { chunks } from './chunks.ts';

/**
 * Use case: the derived process record (processes, rounds with participation, commitments) is
 * rebuilt from the claims a person has not rejected (edits applied) and stored in its tables.
 * `ensureProcessRecord` does it only when the record may have changed since the last time (a stamp
 * of the newest document, claim and record-changing history row: an accept changes nothing), so a
 * rejection, an edit or a re-ingest shows at the next query. Serialised by an advisory lock on
 * PostgreSQL, and in one process by sharing the rebuild under way.
 *
 * Bounded memory: the claims are read a chunk of documents at a time. What is kept across chunks
 * is what the grouping needs (talks events with their own sentence — for the ordinal a report
 * states: "the sixth round", "Geneva IV" —, participation items, the events that can move a
 * commitment, in a lean form) and one draft per commitment statement; no other sentence. The
 * stored lists of sources and evidence are capped (CAPS) with their full counts beside them.
 */
export interface RecomputeResult { readonly processes: number; readonly rounds: number; readonly commitments: number; readonly recomputed: boolean }

const LOCK = 0x7061726c; // 'parl'
const COMMITMENT_EVENTS: EventType[] = ['release', 'aid_access', 'evacuation', 'ceasefire', 'withdrawal', 'attack', 'siege'];
/** Sentences that may hold a commitment: a cheap filter before src/record reads them. */
const CUE = /agree|pledg|promis|commit|vow|undert|deal|accord|will |shall |ceasefire|truce/i;
/** Documents read per query. */
const CHUNK_DOCS = 2000;
/** What is stored of long lists (the view shows fewer); their full length is stored beside them. */
export const CAPS = { roundSources: 50, rowSources: 20, dates: 20, dateSources: 10, unassignedTalks: 50, commitmentSources: 50, eventsPerChange: 10, sourcesPerEvent: 5 };

/** The API's id of a process: stable across rebuilds, as its key is. */
export const processPublicId = (key: string): string => 'p' + createHash('sha1').update(key).digest('hex').slice(0, 10);

/** The columns of a record's freshness (d, c, h; `stored`: the stamp the stored record was built at), to add to a query. */
export const STAMP_COLUMNS = sql`(select max(id) from documents) as d, (select max(id) from claims) as c, (select max(id) from history where ${RECORD_CHANGE}) as h, (select stamp from record_stamp where id = 1) as stored`;
export interface StampColumns { d: number | null; c: number | null; h: number | null; stored: string | null }
// v3: the talks events' sentences are read (stated ordinals); a record stored by v2 is rebuilt.
const stampFrom = (x: StampColumns): string => `v3|${x.d ?? 0}|${x.c ?? 0}|${x.h ?? 0}`;
/** Whether a row with STAMP_COLUMNS saw the stored record up to date. */
export const isFresh = (x: StampColumns): boolean => x.stored === stampFrom(x);

/** Cheap: three index lookups. */
export async function stampOf(db: Kysely<DB>): Promise<string> {
  const r = await sql<StampColumns>`select ${STAMP_COLUMNS}`.execute(db);
  return stampFrom(r.rows[0]!);
}

const storedStamp = async (db: Kysely<DB>): Promise<string | undefined> =>
  (await db.selectFrom('record_stamp').select('stamp').where('id', '=', 1).executeTakeFirst())?.stamp;

const running = new WeakMap<Kysely<DB>, Promise<RecomputeResult>>();

/** Recomputes when the claims changed since the stored record was built. */
export async function ensureProcessRecord(db: Kysely<DB>): Promise<RecomputeResult> {
  const [stamp, stored] = await Promise.all([stampOf(db), storedStamp(db)]);
  if (stored === stamp) return { processes: -1, rounds: -1, commitments: -1, recomputed: false };
  let p = running.get(db);
  if (!p) {
    p = recomputeProcessRecord(db, { onlyIfStale: true }).finally(() => running.delete(db));
    running.set(db, p);
  }
  return p;
}

export async function recomputeProcessRecord(db: Kysely<DB>, o: { onlyIfStale?: boolean } = {}): Promise<RecomputeResult> {
  return db.transaction().execute(async (tx) => {
    await sql`select pg_advisory_xact_lock(${LOCK})`.execute(tx);
    const stamp = await stampOf(tx);
    if (o.onlyIfStale && (await storedStamp(tx)) === stamp) return { processes: -1, rounds: -1, commitments: -1, recomputed: false };
    const t0 = performance.now();
    const { record, commitments } = await deriveRecord(tx);
    const t1 = performance.now();
    await tx.deleteFrom('processes').execute(); // rounds, process_documents and process_views by cascade
    await tx.deleteFrom('commitments').execute();
    const t2 = performance.now();
    let rounds = 0;
    for (const p of record.processes) {
      const dates = p.rounds.flatMap((r) => [r.start, r.end]).filter((d): d is string => !!d).sort();
      const actors = new Set(p.rounds.flatMap((r) => r.participation.map((x) => x.actorId ?? x.actor)));
      const docs = processDocuments(p);
      const unassigned = { talks: p.unassigned.talks.slice(0, CAPS.unassignedTalks), talkCount: p.unassigned.talks.length, participation: p.unassigned.participation.map(capRow) };
      const { rows: [row] } = await sql<{ id: number }>`
        insert into processes (key, name, series, place, host, start_date, end_date, rounds, unassigned, public_id, actors, documents)
        values (${p.key}, ${p.name}, ${p.series ?? null}, ${p.place ?? null}, ${p.host ?? null}, ${dates[0] ?? null}, ${dates[dates.length - 1] ?? null},
          ${p.rounds.length}, ${jsonb(unassigned)}::jsonb, ${processPublicId(p.key)}, ${actors.size}, ${docs.length})
        returning id`.execute(tx);
      const id = row!.id;
      for (const part of chunks(docs, 5000)) await sql`insert into process_documents (process_id, document_id) select ${id}, unnest(${`{${part.join(',')}}`}::int[])`.execute(tx);
      rounds += p.rounds.length;
      for (const part of chunks(p.rounds, 200)) await tx.insertInto('rounds').values(part.map((r) => ({
        process_id: id, key: roundKey(p, r), ordinal: r.ordinal ?? null, ordinal_from: r.ordinalFrom ?? null,
        start_date: r.start ?? null, end_date: r.end ?? null, precision: r.precision ?? null, places: jsonb(r.places),
        dates: jsonb(r.dates.slice(0, CAPS.dates).map((d) => ({ ...d, sources: d.sources.slice(0, CAPS.dateSources), sourceCount: d.sources.length }))),
        dates_contested: r.datesContested, sources: jsonb(r.sources.slice(0, CAPS.roundSources)), independent: r.independent,
        participation: jsonb(r.participation.map(capRow)), source_count: r.sources.length,
      }))).execute();
    }
    for (const part of chunks(commitments, 200)) {
      await tx.insertInto('commitments').values(part.map((c) => ({
        key: c.key, what: c.what, actor: c.actor ?? null, actor_id: actorNumber(c.actorId), to_party: c.to ?? null, place: c.place ?? null,
        object: c.object ?? null, made: c.made, promised: c.promised ?? null, conditional: c.conditional, status: String(c.status),
        delivered: c.delivered, history: jsonb(c.history), sources: jsonb(c.sources), independent: c.independent, source_count: c.sourceCount,
      }))).execute();
    }
    if (process.env.PARLEY_DEBUG_RECOMPUTE) console.error(`recompute: read+build ${(t1 - t0).toFixed(0)} ms, clear ${(t2 - t1).toFixed(0)} ms, write ${(performance.now() - t2).toFixed(0)} ms`);
    await tx.insertInto('record_stamp').values({ id: 1, stamp }).onConflict((oc) => oc.column('id').doUpdateSet({ stamp, computed_at: sql`now()` })).execute();
    return { processes: record.processes.length, rounds, commitments: commitments.length, recomputed: true };
  });
}

const capRow = (r: ParticipationRow): ParticipationRow & { sourceCount: number } =>
  ({ ...r, sources: r.sources.slice(0, CAPS.rowSources), sourceCount: r.sources.length });

/** The documents a process draws on (store ids), from the whole record before any cap. */
export function processDocuments(p: Process): number[] {
  const ids = new Set<string>();
  const add = (xs: readonly SourceRef[]): void => { for (const s of xs) ids.add(s.documentId); };
  for (const r of p.rounds) { add(r.sources); for (const row of r.participation) add(row.sources); }
  add(p.unassigned.talks);
  for (const row of p.unassigned.participation) add(row.sources);
  return [...ids].map((x) => Number(x.slice(1))).filter(Number.isInteger).sort((a, b) => a - b);
}

/** `text`: the sentence of a talks event (its stated ordinal, the series it names), else null. */
type ItemRow = { id: number; kind: string; value: Record<string, unknown>; edited_value: Record<string, unknown> | null; confidence: number; document_id: number; sentence: number; evidence: unknown; text: string | null };
type SentenceRow = { document_id: number; sentence: number; text: string; claims: number[] };

/** The claims read back as the pure builders take them, a chunk of documents at a time. Document ids are "d12". */
export async function deriveRecord(db: Kysely<DB>): Promise<{ record: ProcessRecord; commitments: Commitment[] }> {
  const dupRows = await db.selectFrom('documents').select(['id', 'duplicate_of']).where('duplicate_of', 'is not', null).execute();
  const dup = new Map(dupRows.map((r) => [`d${r.id}`, `d${r.duplicate_of}`]));
  const range = (await sql<{ lo: number | null; hi: number | null }>`select min(id) as lo, max(id) as hi from documents`.execute(db)).rows[0]!;
  const names = new Map<number, string>();
  const pdocs: ProcessDoc[] = [];
  const events: CommitmentEvent[] = [];
  const drafts: Draft[] = [];
  for (let lo = range.lo ?? 1; range.hi !== null && lo <= range.hi; lo += CHUNK_DOCS) {
    const hi = lo + CHUNK_DOCS;
    const published = new Map((await db.selectFrom('documents').select(['id', 'published']).where('id', '>=', lo).where('id', '<', hi).execute()).map((d) => [d.id, d.published]));
    // Read from the chunk's sources, each claim by its key (lateral): never a scan of all claims.
    const items = (await sql<ItemRow>`
      select c.id, c.kind, c.value, c.edited_value, c.confidence, s.document_id, s.sentence, s.evidence,
        case when c.kind = 'event' and coalesce(c.edited_value->>'type', c.value->>'type') = 'talks' then s.sentence_text end as text
      from claim_sources s cross join lateral (
        select c.id, c.kind, c.value, c.edited_value, c.confidence from claims c
        where c.id = s.claim_id and c.review_state <> 'rejected' and c.kind in ('participation', 'event') offset 0) c
      where s.document_id >= ${lo} and s.document_id < ${hi}
        and (c.kind = 'participation' or coalesce(c.edited_value->>'type', c.value->>'type') in (${sql.join(['talks', ...COMMITMENT_EVENTS])}))
      order by s.document_id, s.sentence, c.id`.execute(db)).rows;
    // Each sentence once with the claims it gave; the commitment cue is tested here (a regex in JS
    // is many times faster than one in PGlite's PostgreSQL).
    const sentences = (await sql<SentenceRow>`
      select s.document_id, s.sentence, s.sentence_text as text, array_agg(s.claim_id) as claims
      from claim_sources s
      where s.document_id >= ${lo} and s.document_id < ${hi} and exists (select 1 from claims c where c.id = s.claim_id and c.review_state <> 'rejected' offset 0)
      group by s.document_id, s.sentence, s.sentence_text`.execute(db)).rows.filter((r) => CUE.test(r.text));
    const actorOf = await claimActors(db, items.map((r) => r.id));
    // News media report a commitment, they do not make it ("Sana reported that ... agreed a truce").
    const committerOf = await claimActors(db, sentences.flatMap((r) => r.claims), { except: 'media' });
    await actorNames(db, names, [...actorOf.values(), ...committerOf.values()]);
    readItems(items, published, actorOf, names, await talksTexts(db, items), pdocs, events);
    // One statement per sentence; its actor: the least actor id among its claims' actors.
    const least = (claims: number[]): number => claims.reduce((m, c) => Math.min(m, committerOf.get(c) ?? Infinity), Infinity);
    const pick = new Map<string, { r: SentenceRow; actor: number }>();
    for (const r of sentences) {
      const k = `${r.document_id}|${r.sentence}`, actor = least(r.claims), prev = pick.get(k);
      if (!prev || actor < prev.actor) pick.set(k, { r, actor });
    }
    for (const { r, actor } of [...pick.values()].sort((a, b) => a.r.document_id - b.r.document_id || a.r.sentence - b.r.sentence)) {
      const d = commitmentDraft({
        documentId: `d${r.document_id}`, published: published.get(r.document_id) ?? '', text: r.text, sentence: r.sentence,
        ...(actor !== Infinity ? { actorId: `a${actor}`, actor: names.get(actor) ?? '' } : {}),
      });
      if (d) drafts.push(d);
    }
  }
  const t0 = performance.now();
  const record = buildProcesses(pdocs, { duplicateOf: dup });
  const t1 = performance.now();
  const commitments = commitmentsOf(drafts, events, {
    duplicateOf: dup, maxSources: CAPS.commitmentSources, caps: { eventsPerChange: CAPS.eventsPerChange, sourcesPerEvent: CAPS.sourcesPerEvent },
  });
  if (process.env.PARLEY_DEBUG_RECOMPUTE) console.error(`recompute: ${pdocs.length} documents with talks or participation, ${events.length} events, ${drafts.length} commitment drafts; processes ${(t1 - t0).toFixed(0)} ms, commitments ${(performance.now() - t1).toFixed(0)} ms`);
  return { record, commitments };
}

/** Each claim's least actor id (any role), leaving out actors of the kind `except`. */
async function claimActors(db: Kysely<DB>, ids: number[], o: { except?: string } = {}): Promise<Map<number, number>> {
  const out = new Map<number, number>();
  for (const part of chunks([...new Set(ids)], 5000)) {
    const rows = await sql<{ claim_id: number; actor_id: number }>`
      select x.claim_id, min(x.actor_id) as actor_id from claim_actors x
      ${o.except ? sql`join actors a on a.id = x.actor_id and a.kind <> ${o.except}` : sql``}
      where x.claim_id = any(${`{${part.join(',')}}`}::int[]) group by x.claim_id`.execute(db);
    for (const r of rows.rows) out.set(r.claim_id, r.actor_id);
  }
  return out;
}

/** Rows (ordered by document) → the documents' talks and participation, and the events commitments read. */
function readItems(rows: readonly ItemRow[], published: ReadonlyMap<number, string>, actorOf: ReadonlyMap<number, number>, names: ReadonlyMap<number, string>, sentences: ReadonlyMap<number, Record<number, string>>, pdocs: ProcessDoc[], events: CommitmentEvent[]): void {
  let cur: { id: string; published: string; events: Event[]; participation: Participation[]; sentences?: Record<number, string> } | undefined;
  for (const r of rows) {
    const did = `d${r.document_id}`;
    const pub = published.get(r.document_id) ?? '';
    if (cur?.id !== did) {
      if (cur && !cur.events.length && !cur.participation.length) pdocs.pop();
      const ss = sentences.get(r.document_id);
      pdocs.push((cur = { id: did, published: pub, events: [], participation: [], ...(ss ? { sentences: ss } : {}) }));
    }
    const v = r.edited_value ? { ...r.value, ...r.edited_value } : r.value;
    const str = (k: string): string | undefined => (typeof v[k] === 'string' && v[k] ? (v[k] as string) : undefined);
    const evidence = (Array.isArray(r.evidence) ? r.evidence : []) as Event['evidence'];
    const actor = actorOf.get(r.id);
    const actorId = actor !== undefined ? `a${actor}` : undefined;
    if (r.kind === 'event') {
      const e: Event = {
        type: v.type as EventType, sentence: r.sentence, evidence, confidence: r.confidence,
        ...(str('actor') ? { actor: str('actor') } : {}), ...(actorId ? { actorId } : {}),
        ...(str('place') ? { place: str('place') } : {}), ...(str('start') ? { start: str('start') } : {}), ...(str('end') ? { end: str('end') } : {}),
        ...(typeof v.round === 'number' ? { round: v.round } : {}), ...(str('host') ? { host: str('host') } : {}),
        ...(typeof v.quantity === 'number' ? { quantity: v.quantity } : {}),
      };
      if (e.type === 'talks') cur.events.push(e);
      else events.push({ documentId: did, published: pub, event: e });
    } else {
      cur.participation.push({
        actorId: actorId ?? `name:${str('actor') ?? '?'}`, actor: (actor !== undefined && names.get(actor)) || str('actor') || '?',
        status: (str('status') ?? 'undecided') as ParticipationStatus,
        ...(str('meeting') ? { meeting: str('meeting') } : {}), ...(str('condition') ? { condition: str('condition') } : {}),
        sentence: r.sentence, evidence, confidence: r.confidence,
      });
    }
  }
  // A document with only commitment events adds nothing to the grouping.
  if (cur && !cur.events.length && !cur.participation.length) pdocs.pop();
}

/**
 * The sentences of each document's talks events (talksSentences): the documents' text is read,
 * a few hundred at a time, only where an event's evidence spans more than one place.
 */
async function talksTexts(db: Kysely<DB>, rows: readonly ItemRow[]): Promise<Map<number, Record<number, string>>> {
  const byDoc = new Map<number, StoredTalks[]>();
  for (const r of rows) {
    if (r.text === null) continue;
    const t: StoredTalks = { sentence: r.sentence, text: r.text, evidence: (Array.isArray(r.evidence) ? r.evidence : []) as StoredTalks['evidence'] };
    (byDoc.get(r.document_id) ?? byDoc.set(r.document_id, []).get(r.document_id)!).push(t);
  }
  const out = new Map<number, Record<number, string>>();
  const reaching: number[] = [];
  for (const [id, talks] of byDoc) {
    if (talks.some((t) => t.evidence.length > 1)) reaching.push(id);
    else out.set(id, talksSentences('', talks));
  }
  for (const part of chunks(reaching, 200)) {
    for (const d of await db.selectFrom('documents').select(['id', 'text']).where('id', 'in', part).execute()) out.set(d.id, talksSentences(d.text, byDoc.get(d.id)!));
  }
  return out;
}

async function actorNames(db: Kysely<DB>, out: Map<number, string>, ids: number[]): Promise<void> {
  const want = [...new Set(ids.filter((x) => !out.has(x)))];
  for (const part of chunks(want, 1000)) {
    const rows = await db.selectFrom('actors').select(['id', 'name']).where('id', 'in', part).execute();
    for (const r of rows) out.set(r.id, r.name);
  }
}

const actorNumber = (id: string | undefined): number | null => (id && /^a\d+$/.test(id) ? Number(id.slice(1)) : null);
