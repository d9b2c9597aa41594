import { sql, type Kysely } from 'kysely';

/**
 * The process record at scale (src/app/recompute-record.ts, src/server/queries/processes.ts):
 * - processes carry their public id (the API's "p0123456789"), how many actors and documents they
 *   draw on; rounds and commitments how many sources they have (the stored lists are capped);
 *   rounds are indexed by process and start.
 * - process_documents: the documents each process draws on, so a process's statements, figures
 *   and measures are one indexed join, not a list of ids.
 * - process_views: the parts of a process view derived from its documents, built at its first
 *   request after a recompute (which empties it, by cascade).
 * - history_record: the history rows that can change the derived record (all but a review that
 *   neither rejects nor un-rejects), so the record's stamp is one index lookup and an accept does
 *   not make the record stale.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table processes add column public_id text, add column actors integer not null default 0, add column documents integer not null default 0`.execute(db);
  await sql`create unique index processes_public_id on processes (public_id)`.execute(db);
  await sql`alter table rounds add column source_count integer not null default 0`.execute(db);
  // A process's first and last round (the process list): two index probes, not a read of its rounds.
  await sql`create index rounds_process_start on rounds (process_id, start_date)`.execute(db);
  await sql`alter table commitments add column source_count integer not null default 0`.execute(db);
  await sql`
    create table process_documents (
      process_id integer not null references processes(id) on delete cascade,
      document_id integer not null,
      primary key (process_id, document_id)
    )`.execute(db);
  await sql`create index process_documents_document on process_documents (document_id)`.execute(db);
  await sql`
    create table process_views (
      process_id integer primary key references processes(id) on delete cascade,
      body text not null
    )`.execute(db);
  await sql`create index history_record on history (id) where ${RECORD_CHANGE}`.execute(db);
  // The stamp changes format: the next query rebuilds the record once.
  await sql`delete from record_stamp`.execute(db);
}

/** Written the same way in the index and in the query that uses it (src/app/recompute-record.ts). */
export const RECORD_CHANGE = sql.raw(`not (action = 'review' and field = 'review_state' and coalesce(before::text, '') <> '"rejected"' and coalesce(after::text, '') <> '"rejected"')`);
