import { sql, type Kysely } from 'kysely';

/**
 * The review queue (documents with proposals left, in id order) as an indexed read at any stage of
 * a review: document_review holds each document's number of proposed claims, recounted by
 * statement triggers for the documents a statement touched (sources added, removed or moved;
 * claims entering or leaving `proposed`). Without it, a queue whose first 90k documents are
 * reviewed scanned them all for every page.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table document_review (
      document_id integer primary key references documents(id) on delete cascade,
      proposed integer not null
    )`.execute(db);
  await sql`
    insert into document_review (document_id, proposed)
    select s.document_id, count(*) filter (where c.review_state = 'proposed') from claim_sources s join claims c on c.id = s.claim_id group by s.document_id`.execute(db);
  await sql`create index document_review_open on document_review (document_id) where proposed > 0`.execute(db);
  // Every lookup below goes by index whatever the planner's statistics say (PGlite never
  // analyzes on its own): per-row subqueries and "= any(array)", never a join it could hash.
  await sql.raw(`
    create function document_review_recount(docs integer[]) returns void language plpgsql as $$
    begin
      if cardinality(docs) = 0 then return; end if;
      insert into document_review (document_id, proposed)
      select x.d, (select count(*) from claim_sources s where s.document_id = x.d
                   and (select c.review_state from claims c where c.id = s.claim_id) = 'proposed')
      from (select distinct unnest(docs) as d) x
      on conflict (document_id) do update set proposed = excluded.proposed where document_review.proposed <> excluded.proposed;
    end $$`).execute(db);
  await sql.raw(`
    create function document_review_sources_changed() returns trigger language plpgsql as $$
    begin
      perform document_review_recount(array(select document_id from changed));
      return null;
    end $$`).execute(db);
  await sql`create trigger claim_sources_review_added after insert on claim_sources referencing new table as changed for each statement execute function document_review_sources_changed()`.execute(db);
  await sql`create trigger claim_sources_review_removed after delete on claim_sources referencing old table as changed for each statement execute function document_review_sources_changed()`.execute(db);
  // An upsert rewriting a source in place changes nothing; a source moved to another claim may.
  await sql.raw(`
    create function document_review_sources_moved() returns trigger language plpgsql as $$
    begin
      perform document_review_recount(array(
        (select document_id from (select claim_id, document_id from moved_from except select claim_id, document_id from moved_to) a)
        union (select document_id from (select claim_id, document_id from moved_to except select claim_id, document_id from moved_from) b)));
      return null;
    end $$`).execute(db);
  await sql`create trigger claim_sources_review_moved after update on claim_sources referencing old table as moved_from new table as moved_to for each statement execute function document_review_sources_moved()`.execute(db);
  // Only claims entering or leaving proposed (a decision; an ingest's upsert changes none).
  await sql.raw(`
    create function document_review_claims_decided() returns trigger language plpgsql as $$
    declare ids integer[];
    begin
      ids := array(select n.id from now_claims n join was_claims w on w.id = n.id where (w.review_state = 'proposed') <> (n.review_state = 'proposed'));
      if cardinality(ids) = 0 then return null; end if;
      perform document_review_recount(array(select document_id from claim_sources where claim_id = any(ids)));
      return null;
    end $$`).execute(db);
  // Migration 0005's source count, with the same index-only lookups.
  await sql.raw(`
    create or replace function claims_recount_sources() returns trigger language plpgsql as $$
    begin
      update claims c set source_count = (select count(*) from claim_sources s where s.claim_id = c.id)
      where c.id = any(array(select distinct claim_id from changed))
        and c.source_count <> (select count(*) from claim_sources s where s.claim_id = c.id);
      return null;
    end $$`).execute(db);
  await sql.raw(`
    create or replace function claims_recount_moved_sources() returns trigger language plpgsql as $$
    begin
      update claims c set source_count = (select count(*) from claim_sources s where s.claim_id = c.id)
      where c.id = any(array((select claim_id from moved_from except all select claim_id from moved_to)
                             union (select claim_id from moved_to except all select claim_id from moved_from)))
        and c.source_count <> (select count(*) from claim_sources s where s.claim_id = c.id);
      return null;
    end $$`).execute(db);
  await sql`create trigger claims_review_decided after update on claims referencing old table as was_claims new table as now_claims for each statement execute function document_review_claims_decided()`.execute(db);
}
