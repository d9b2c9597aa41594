import { sql, type Kysely } from 'kysely';

/**
 * Indexed reads for large records (100k reports):
 * - claims.source_count: how many reports a claim has, kept by statement triggers on claim_sources
 *   (a new claim starts at 1, the source its writer adds next: only a second source, or a removed
 *   one, writes the claim row again). The review listing reads proposals in source_count order
 *   from a partial index instead of counting the sources of every proposal.
 * - Search (src/store/search.ts): a GIN index on titles, so reports whose title has the words are
 *   always among the ranked candidates. The GIN indexes keep a small pending list: PGlite has no
 *   autovacuum to merge it, and every search reads all of it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table claims add column source_count integer not null default 1`.execute(db);
  await sql`
    update claims c set source_count = coalesce((select count(*) from claim_sources s where s.claim_id = c.id), 0)
    where c.source_count <> coalesce((select count(*) from claim_sources s where s.claim_id = c.id), 0)`.execute(db);
  // Recounts the claims a statement touched; writes only those whose count changed.
  await sql.raw(`
    create function claims_recount_sources() returns trigger language plpgsql as $$
    begin
      update claims c set source_count = x.n
      from (select k.claim_id, (select count(*) from claim_sources s where s.claim_id = k.claim_id)::int as n
            from (select distinct claim_id from changed) k) x
      where c.id = x.claim_id and c.source_count <> x.n;
      return null;
    end $$`).execute(db);
  await sql`create trigger claim_sources_added after insert on claim_sources referencing new table as changed for each statement execute function claims_recount_sources()`.execute(db);
  await sql`create trigger claim_sources_removed after delete on claim_sources referencing old table as changed for each statement execute function claims_recount_sources()`.execute(db);
  // An upsert that rewrites a source in place changes no count; a row moved to another claim does.
  await sql.raw(`
    create function claims_recount_moved_sources() returns trigger language plpgsql as $$
    begin
      update claims c set source_count = x.n
      from (select k.claim_id, (select count(*) from claim_sources s where s.claim_id = k.claim_id)::int as n
            from ((select claim_id from moved_from except all select claim_id from moved_to)
                  union (select claim_id from moved_to except all select claim_id from moved_from)) k) x
      where c.id = x.claim_id and c.source_count <> x.n;
      return null;
    end $$`).execute(db);
  await sql`create trigger claim_sources_moved after update on claim_sources referencing old table as moved_from new table as moved_to for each statement execute function claims_recount_moved_sources()`.execute(db);
  // The review listing, whole and by kind: most corroborated first.
  await sql`create index claims_review_queue on claims (source_count, confidence, id) where review_state = 'proposed'`.execute(db);
  await sql`create index claims_review_queue_kind on claims (kind, source_count, confidence, id) where review_state = 'proposed'`.execute(db);
  await sql`create index documents_title_tsv on documents using gin (to_tsvector('english', coalesce(title, ''))) with (gin_pending_list_limit = 256)`.execute(db);
  for (const ix of ['documents_tsv', 'claims_tsv']) {
    await sql`alter index ${sql.ref(ix)} set (gin_pending_list_limit = 256)`.execute(db);
    await sql`select gin_clean_pending_list(${ix}::regclass)`.execute(db);
  }
  await sql`analyze documents`.execute(db);
}
