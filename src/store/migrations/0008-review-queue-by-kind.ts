import { sql, type Kysely } from 'kysely';

/**
 * The review listing reads claims_review_queue_kind only (src/store/queries.ts proposals: the
 * newest of each kind, merged): with the index over all kinds beside it, the planner took that one
 * for a single kind too and filtered its way through every proposal of the other kinds.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`drop index claims_review_queue`.execute(db);
}
