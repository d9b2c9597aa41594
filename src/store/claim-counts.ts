import { sql, type Kysely } from 'kysely';
import type { DB } from './schema.ts';

/** Rows of changes a reader sums before folding them into one row per kind and state. */
const FOLD_AT = 500;

/**
 * Claims by kind and review state, from claim_counts (migration 0007): a sum over a few hundred
 * rows at most, not a scan of the claims. Folding deletes the rows it read and writes their sums
 * in one statement, so changes written meanwhile by others are kept.
 */
export async function claimCounts(db: Kysely<DB>): Promise<{ kind: string; state: string; count: number }[]> {
  const rows = await sql<{ kind: string; review_state: string; n: string; rows: string }>`
    select kind, review_state, sum(n) as n, count(*) as rows from claim_counts group by kind, review_state order by kind, review_state`.execute(db);
  if (rows.rows.reduce((a, r) => a + Number(r.rows), 0) > FOLD_AT) {
    await sql`with gone as (delete from claim_counts returning kind, review_state, n)
      insert into claim_counts select kind, review_state, sum(n) from gone group by kind, review_state having sum(n) <> 0`.execute(db);
  }
  return rows.rows.filter((r) => Number(r.n) !== 0).map((r) => ({ kind: r.kind, state: r.review_state, count: Number(r.n) }));
}
