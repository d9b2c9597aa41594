import { sql, type Kysely } from 'kysely';

/**
 * The derived process record: processes, their rounds with participation tables, and commitments
 * with their status over time. Recomputed from the claims (src/app/recompute-record.ts) after each
 * ingest batch and whenever the claims changed since (record_stamp), so queries read tables.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table processes (
      id serial primary key,
      key text not null unique,
      name text not null,
      series text,
      place text,
      host text,
      start_date text,
      end_date text,
      rounds integer not null,
      unassigned jsonb not null
    )`.execute(db);
  await sql`
    create table rounds (
      id serial primary key,
      process_id integer not null references processes(id) on delete cascade,
      key text not null,
      ordinal integer,
      ordinal_from text,
      start_date text,
      end_date text,
      precision text,
      places jsonb not null,
      dates jsonb not null,
      dates_contested boolean not null,
      sources jsonb not null,
      independent integer not null,
      participation jsonb not null
    )`.execute(db);
  await sql`create index rounds_process on rounds (process_id)`.execute(db);
  await sql`create index rounds_start on rounds (start_date)`.execute(db);
  await sql`
    create table commitments (
      id serial primary key,
      key text not null unique,
      what text not null,
      actor text,
      actor_id integer,
      to_party text,
      place text,
      object text,
      made text not null,
      promised double precision,
      conditional boolean not null,
      status text not null,
      delivered double precision not null,
      history jsonb not null,
      sources jsonb not null,
      independent integer not null
    )`.execute(db);
  await sql`create index commitments_made on commitments (made)`.execute(db);
  // The timeline reads events of a period: one index range.
  await sql`create index claims_kind_occurred_on on claims (kind, occurred_on)`.execute(db);
  await sql`
    create table record_stamp (
      id integer primary key check (id = 1),
      stamp text not null,
      computed_at timestamptz not null default now()
    )`.execute(db);
}
