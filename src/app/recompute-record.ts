import { sql, type Kysely } from 'kysely';
import type { Event, EventType, Participation, ParticipationStatus } from '../domain/record.ts';
import { buildCommitments, type CommitmentEvent, type CommitmentStatement } from '../record/commitments.ts';
import { buildProcesses, roundKey, type ProcessDoc, type ProcessRecord } from '../record/processes.ts';
import type { Commitment } from '../record/commitments.ts';
import { jsonb } from '../store/json.ts';
import type { DB } from '../store/schema.ts';

/**
 * Use case: the derived process record (processes, rounds with participation, commitments) is
 * rebuilt from the claims a person has not rejected (edits applied) and stored in its tables.
 * `ensureProcessRecord` does it only when the claims changed since the last time (a stamp of the
 * newest document, claim and history row and the number of claims), so a rejection, an edit or a
 * re-ingest shows at the next query. Serialised by an advisory lock on PostgreSQL.
 */
export interface RecomputeResult { readonly processes: number; readonly rounds: number; readonly commitments: number; readonly recomputed: boolean }

const LOCK = 0x7061726c; // 'parl'
const COMMITMENT_EVENTS: EventType[] = ['release', 'aid_access', 'evacuation', 'ceasefire', 'withdrawal', 'attack', 'siege'];
/** Sentences that may hold a commitment: a cheap filter before src/record reads them. */
const COMMITMENT_CUE = '(agree|pledg|promis|commit|vow|undert|deal|accord|will |shall |ceasefire|truce)';

type Row = { id: number; kind: string; value: Record<string, unknown>; edited_value: Record<string, unknown> | null; confidence: number; document_id: number; published: string; sentence: number; sentence_text: string; evidence: unknown; actor_id: number | null };

async function stampOf(db: Kysely<DB>): Promise<string> {
  const r = await sql<{ d: number | null; c: number | null; h: number | null; n: string }>`
    select (select max(id) from documents) as d, (select max(id) from claims) as c, (select max(id) from history) as h, (select count(*) from claims) as n`.execute(db);
  const x = r.rows[0]!;
  return `${x.d ?? 0}|${x.c ?? 0}|${x.h ?? 0}|${x.n}`;
}

/** Recomputes when the claims changed since the stored record was built. */
export async function ensureProcessRecord(db: Kysely<DB>): Promise<RecomputeResult> {
  const [stamp, stored] = await Promise.all([stampOf(db), db.selectFrom('record_stamp').select('stamp').where('id', '=', 1).executeTakeFirst()]);
  if (stored?.stamp === stamp) return { processes: -1, rounds: -1, commitments: -1, recomputed: false };
  return recomputeProcessRecord(db);
}

export async function recomputeProcessRecord(db: Kysely<DB>): Promise<RecomputeResult> {
  return db.transaction().execute(async (tx) => {
    await sql`select pg_advisory_xact_lock(${LOCK})`.execute(tx);
    const stamp = await stampOf(tx);
    const { record, commitments } = await deriveRecord(tx);
    await tx.deleteFrom('rounds').execute();
    await tx.deleteFrom('processes').execute();
    await tx.deleteFrom('commitments').execute();
    let rounds = 0;
    for (const p of record.processes) {
      const dates = p.rounds.flatMap((r) => [r.start, r.end]).filter((d): d is string => !!d).sort();
      const { id } = await tx.insertInto('processes').values({
        key: p.key, name: p.name, series: p.series ?? null, place: p.place ?? null, host: p.host ?? null,
        start_date: dates[0] ?? null, end_date: dates[dates.length - 1] ?? null, rounds: p.rounds.length, unassigned: jsonb(p.unassigned),
      }).returning('id').executeTakeFirstOrThrow();
      if (p.rounds.length === 0) continue;
      rounds += p.rounds.length;
      for (const part of chunks(p.rounds, 200)) await tx.insertInto('rounds').values(part.map((r) => ({
        process_id: id, key: roundKey(p, r), ordinal: r.ordinal ?? null, ordinal_from: r.ordinalFrom ?? null,
        start_date: r.start ?? null, end_date: r.end ?? null, precision: r.precision ?? null, places: jsonb(r.places), dates: jsonb(r.dates),
        dates_contested: r.datesContested, sources: jsonb(r.sources), independent: r.independent, participation: jsonb(r.participation),
      }))).execute();
    }
    const unique = new Map(commitments.map((c) => [c.key, c]));
    for (const part of chunks([...unique.values()], 200)) {
      await tx.insertInto('commitments').values(part.map((c) => ({
        key: c.key, what: c.what, actor: c.actor ?? null, actor_id: actorNumber(c.actorId), to_party: c.to ?? null, place: c.place ?? null,
        object: c.object ?? null, made: c.made, promised: c.promised ?? null, conditional: c.conditional, status: String(c.status),
        delivered: c.delivered, history: jsonb(c.history), sources: jsonb(c.sources), independent: c.independent,
      }))).execute();
    }
    await tx.insertInto('record_stamp').values({ id: 1, stamp }).onConflict((oc) => oc.column('id').doUpdateSet({ stamp, computed_at: sql`now()` })).execute();
    return { processes: record.processes.length, rounds, commitments: unique.size, recomputed: true };
  });
}

/** The claims read back as the pure builders take them. Document ids are "d12". */
export async function deriveRecord(db: Kysely<DB>): Promise<{ record: ProcessRecord; commitments: Commitment[] }> {
  const rows = await sql<Row>`
    select c.id, c.kind, c.value, c.edited_value, c.confidence, s.document_id, d.published, s.sentence, s.sentence_text, s.evidence,
      (select min(x.actor_id) from claim_actors x where x.claim_id = c.id) as actor_id
    from claims c join claim_sources s on s.claim_id = c.id join documents d on d.id = s.document_id
    where c.review_state <> 'rejected' and (c.kind = 'participation' or (c.kind = 'event' and c.value->>'type' in (${sql.join(['talks', ...COMMITMENT_EVENTS])})))
    order by s.document_id, s.sentence, c.id`.execute(db);
  const stmts = await sql<Row>`
    select distinct on (s.document_id, s.sentence) 0 as id, c.kind, c.value, null as edited_value, c.confidence, s.document_id, d.published, s.sentence, s.sentence_text, s.evidence,
      (select min(x.actor_id) from claim_actors x where x.claim_id = c.id) as actor_id
    from claim_sources s join claims c on c.id = s.claim_id join documents d on d.id = s.document_id
    where c.review_state <> 'rejected' and s.sentence_text ~* ${COMMITMENT_CUE}
    order by s.document_id, s.sentence, (select min(x.actor_id) from claim_actors x where x.claim_id = c.id) nulls last`.execute(db);
  const dupRows = await db.selectFrom('documents').select(['id', 'duplicate_of']).where('duplicate_of', 'is not', null).execute();
  const dup = new Map(dupRows.map((r) => [`d${r.id}`, `d${r.duplicate_of}`]));
  const names = await actorNames(db, [...rows.rows, ...stmts.rows].map((r) => r.actor_id));

  const docs = new Map<string, { published: string; events: Event[]; participation: Participation[] }>();
  const events: CommitmentEvent[] = [];
  for (const r of rows.rows) {
    const did = `d${r.document_id}`;
    const d = docs.get(did) ?? docs.set(did, { published: r.published, events: [], participation: [] }).get(did)!;
    const v = { ...r.value, ...(r.edited_value ?? {}) };
    const str = (k: string): string | undefined => (typeof v[k] === 'string' && v[k] ? (v[k] as string) : undefined);
    const evidence = (Array.isArray(r.evidence) ? r.evidence : []) as Event['evidence'];
    const actorId = r.actor_id !== null ? `a${r.actor_id}` : undefined;
    if (r.kind === 'event') {
      const e: Event = {
        type: v.type as EventType, sentence: r.sentence, evidence, confidence: r.confidence,
        ...(str('actor') ? { actor: str('actor') } : {}), ...(actorId ? { actorId } : {}),
        ...(str('place') ? { place: str('place') } : {}), ...(str('start') ? { start: str('start') } : {}), ...(str('end') ? { end: str('end') } : {}),
        ...(typeof v.round === 'number' ? { round: v.round } : {}), ...(str('host') ? { host: str('host') } : {}),
        ...(typeof v.quantity === 'number' ? { quantity: v.quantity } : {}),
      };
      if (e.type === 'talks') d.events.push(e);
      else events.push({ documentId: did, published: r.published, event: e });
    } else {
      d.participation.push({
        actorId: actorId ?? `name:${str('actor') ?? '?'}`, actor: (actorId && names.get(r.actor_id!)) || str('actor') || '?',
        status: (str('status') ?? 'undecided') as ParticipationStatus,
        ...(str('meeting') ? { meeting: str('meeting') } : {}), ...(str('condition') ? { condition: str('condition') } : {}),
        sentence: r.sentence, evidence, confidence: r.confidence,
      });
    }
  }
  const pdocs: ProcessDoc[] = [...docs].map(([id, d]) => ({ id, published: d.published, events: d.events, participation: d.participation }));
  const record = buildProcesses(pdocs, { duplicateOf: dup });
  const statements: CommitmentStatement[] = stmts.rows.map((r) => ({
    documentId: `d${r.document_id}`, published: r.published, text: r.sentence_text, sentence: r.sentence,
    ...(r.actor_id !== null ? { actorId: `a${r.actor_id}`, actor: names.get(r.actor_id) ?? '' } : {}),
  }));
  return { record, commitments: buildCommitments(statements, events, { duplicateOf: dup }) };
}

async function actorNames(db: Kysely<DB>, ids: (number | null)[]): Promise<Map<number, string>> {
  const want = [...new Set(ids.filter((x): x is number => x !== null))];
  const out = new Map<number, string>();
  for (const part of chunks(want, 1000)) {
    const rows = await db.selectFrom('actors').select(['id', 'name']).where('id', 'in', part).execute();
    for (const r of rows) out.set(r.id, r.name);
  }
  return out;
}

const actorNumber = (id: string | undefined): number | null => (id && /^a\d+$/.test(id) ? Number(id.slice(1)) : null);

function chunks<T>(xs: T[], n: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += n) out.push(xs.slice(i, i + n));
  return out;
}
