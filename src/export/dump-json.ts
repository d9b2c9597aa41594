import type { Kysely } from 'kysely';
import type { DB } from '../store/schema.ts';
import { pages } from './pages.ts';
import type { Sink } from './sink.ts';
import { dumpTables } from './schema-tables.ts';
import { DUMP_FORMAT, DUMP_VERSION, type TableSpec } from './tables.ts';

/**
 * parley's own lossless dump: one JSON object whose sections are the tables, one row per line,
 * so that it streams out and back in (`parley import`) in constant memory. Rows in key order,
 * columns in a fixed order, timestamps as ISO strings: the same record gives the same file.
 */
export async function dumpJson(db: Kysely<DB>, out: Sink): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  await out.write(`{"format":${JSON.stringify(DUMP_FORMAT)},"version":${DUMP_VERSION},\n`);
  const tables = await dumpTables(db);
  for (const [i, t] of tables.entries()) {
    await out.write(`${JSON.stringify(t.name)}:[\n`);
    let n = 0;
    for await (const rows of pages(db, t.name, t.key, t.cols)) {
      for (const r of rows) {
        await out.write((n ? ',\n' : '') + JSON.stringify(dumpRow(t, r)));
        n++;
      }
    }
    counts[t.name] = n;
    await out.write(`${n ? '\n' : ''}]${i === tables.length - 1 ? '}' : ','}\n`);
  }
  return counts;
}

export function dumpRow(t: TableSpec, r: Record<string, unknown>): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  for (const c of t.cols) {
    const v = r[c];
    o[c] = t.stamps?.includes(c) && v !== null ? new Date(v as string | Date).toISOString() : v ?? null;
  }
  return o;
}
