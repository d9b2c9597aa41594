import { sql, type Kysely } from 'kysely';

/**
 * Claims by kind and review state without reading every claim (the review counts after each
 * decision, `parley status`): claim_counts gets one row of changes per statement and state, written
 * by statement triggers on claims. Rows are only ever inserted, so concurrent writers never wait
 * on each other; a reader sums them, and folds them into one row a state when they pile up
 * (src/store/claim-counts.ts).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create table claim_counts (kind text not null, review_state text not null, n bigint not null)`.execute(db);
  await sql`insert into claim_counts select kind, review_state, count(*) from claims group by kind, review_state`.execute(db);
  await sql.raw(`
    create function claim_counts_added() returns trigger language plpgsql as $$
    begin
      insert into claim_counts select kind, review_state, count(*) from changed group by kind, review_state;
      return null;
    end $$`).execute(db);
  await sql.raw(`
    create function claim_counts_removed() returns trigger language plpgsql as $$
    begin
      insert into claim_counts select kind, review_state, -count(*) from changed group by kind, review_state;
      return null;
    end $$`).execute(db);
  await sql.raw(`
    create function claim_counts_changed() returns trigger language plpgsql as $$
    begin
      insert into claim_counts
      select kind, review_state, sum(n) from (
        select kind, review_state, 1 as n from now_claims union all select kind, review_state, -1 from was_claims) x
      group by kind, review_state having sum(n) <> 0;
      return null;
    end $$`).execute(db);
  await sql`create trigger claims_counted_added after insert on claims referencing new table as changed for each statement execute function claim_counts_added()`.execute(db);
  await sql`create trigger claims_counted_removed after delete on claims referencing old table as changed for each statement execute function claim_counts_removed()`.execute(db);
  await sql`create trigger claims_counted_changed after update on claims referencing old table as was_claims new table as now_claims for each statement execute function claim_counts_changed()`.execute(db);
}
