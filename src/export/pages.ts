import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../store/schema.ts';

export const PAGE = 1000;

/**
 * Every row of a table in key order, a page at a time (keyset pagination on the primary key, a
 * row comparison PostgreSQL 15 has): memory stays at one page whatever the table's size.
 */
export async function* pages(db: Kysely<DB>, table: string, key: readonly string[], cols: readonly string[], where?: RawBuilder<unknown>, size = PAGE): AsyncGenerator<Record<string, unknown>[]> {
  const keyList = sql.join(key.map((k) => sql.ref(k)));
  const colList = sql.join(cols.map((c) => sql.ref(c)));
  let last: unknown[] | undefined;
  for (;;) {
    const after = last ? sql`(${keyList}) > (${sql.join(last.map((v) => sql`${v}`))})` : sql`true`;
    const r = await sql<Record<string, unknown>>`select ${colList} from ${sql.table(table)} where ${after} ${where ? sql`and (${where})` : sql``} order by ${keyList} limit ${size}`.execute(db);
    if (r.rows.length === 0) return;
    yield r.rows;
    const end = r.rows[r.rows.length - 1]!;
    last = key.map((k) => end[k]);
    if (r.rows.length < size) return;
  }
}
