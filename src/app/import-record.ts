import { createReadStream, existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { sql, type Kysely } from 'kysely';
import { ParleyError } from '../domain/errors.ts';
import { jsonb } from '../store/json.ts';
import { bands, minhash, shingles } from '../store/near-dup.ts';
import type { Store } from '../store/open.ts';
import type { DB } from '../store/schema.ts';
import { dumpTables } from '../export/schema-tables.ts';
import { DUMP_FORMAT, DUMP_VERSION, type TableSpec } from '../export/tables.ts';

const BATCH = 500;

/**
 * Use case: `parley import FILE`: loads a dump made by `parley export --format json` into an empty
 * workspace, ids and all, so that exporting again gives the same file. Streams the file a line at
 * a time, in one transaction (a failure leaves the workspace empty). Document bands (the
 * near-duplicate index) are rebuilt from the texts. Fails with FILE_NOT_FOUND, BAD_ARGUMENT (not a
 * parley dump, or a newer one) or CONFLICT (the workspace is not empty).
 */
export async function importRecord(store: Store, file: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  if (!existsSync(file)) throw new ParleyError('FILE_NOT_FOUND', 'no such file', file);
  const input = openFile(file);
  await store.db.transaction().execute(async (tx) => {
    await assertEmpty(tx);
    const tables = await dumpTables(tx);
    // Made just before the loop: a readline interface drops the lines it reads before it is iterated.
    const lines = createInterface({ input, crlfDelay: Infinity });
    let table: TableSpec | undefined;
    let batch: Record<string, unknown>[] = [];
    const merges: { id: number; into: number }[] = [];
    const flush = async (): Promise<void> => {
      if (!table || batch.length === 0) return;
      await insertRows(tx, table, batch, merges);
      counts[table.name] = (counts[table.name] ?? 0) + batch.length;
      batch = [];
    };
    let n = 0;
    for await (const raw of lines) {
      const line = raw.trim();
      n++;
      if (n === 1) { checkHeader(line, file); continue; }
      if (line === '') continue;
      const section = /^"([a-z_]+)":\[$/.exec(line);
      if (section) {
        await flush();
        table = tables.find((t) => t.name === section[1]);
        if (!table) throw new ParleyError('BAD_ARGUMENT', `unknown section "${section[1]}" on line ${n} (a dump of a newer parley?)`, file);
        // A derived table may hold rows the migrations wrote: the dump's rows replace them.
        if (table.derived) await sql`delete from ${sql.table(table.name)}`.execute(tx);
        counts[table.name] = 0;
        continue;
      }
      if (/^\](,|\})$/.test(line)) { await flush(); table = undefined; continue; }
      if (!table) throw new ParleyError('BAD_ARGUMENT', `line ${n} is outside any section`, file);
      let row: Record<string, unknown>;
      try {
        row = JSON.parse(line.endsWith(',') ? line.slice(0, -1) : line) as Record<string, unknown>;
      } catch {
        throw new ParleyError('BAD_ARGUMENT', `line ${n} is not a JSON row`, file);
      }
      batch.push(row);
      if (batch.length >= BATCH) await flush();
    }
    if (n === 0) throw new ParleyError('BAD_ARGUMENT', 'is empty, not a parley record dump', file);
    await flush();
    for (const m of merges) await tx.updateTable('actors').set({ merged_into: m.into }).where('id', '=', m.id).execute();
    for (const t of tables.filter((x) => x.serial)) {
      await sql`select setval(pg_get_serial_sequence(${t.name}, 'id'), m) from (select max(id) as m from ${sql.table(t.name)}) x where m is not null`.execute(tx);
    }
  });
  return counts;
}

function openFile(file: string): NodeJS.ReadableStream {
  const s = createReadStream(file, { encoding: 'utf8' });
  s.on('error', () => undefined);
  return s;
}

function checkHeader(line: string, file: string): void {
  let h: { format?: unknown; version?: unknown };
  try {
    h = JSON.parse(line.replace(/,$/, '') + '}') as typeof h;
  } catch {
    throw new ParleyError('BAD_ARGUMENT', 'is not a parley record dump (parley export --format json)', file);
  }
  if (h.format !== DUMP_FORMAT) throw new ParleyError('BAD_ARGUMENT', 'is not a parley record dump (parley export --format json)', file);
  if (typeof h.version !== 'number' || h.version > DUMP_VERSION) throw new ParleyError('BAD_ARGUMENT', `is a dump of version ${String(h.version)}; this parley reads up to ${DUMP_VERSION}`, file);
}

async function assertEmpty(db: Kysely<DB>): Promise<void> {
  const r = await sql<{ n: string }>`select (select count(*) from documents) + (select count(*) from actors) + (select count(*) from claims) + (select count(*) from history) as n`.execute(db);
  if (Number(r.rows[0]?.n ?? 0) > 0) throw new ParleyError('CONFLICT', 'the workspace is not empty: import into a new workspace (--workspace DIR)');
}

async function insertRows(db: Kysely<DB>, t: TableSpec, rows: Record<string, unknown>[], merges: { id: number; into: number }[]): Promise<void> {
  const values = rows.map((r) => {
    const o: Record<string, unknown> = {};
    for (const c of t.cols) {
      const v = r[c] ?? null;
      o[c] = t.json?.includes(c) && v !== null ? jsonb(v) : v;
    }
    if (t.name === 'actors' && o.merged_into !== null) {
      merges.push({ id: o.id as number, into: o.merged_into as number });
      o.merged_into = null;
    }
    return o;
  });
  // The table name comes from the workspace's own catalogue, never from the file.
  await (db as unknown as Kysely<Record<string, Record<string, unknown>>>).insertInto(t.name).values(values).execute();
  if (t.name === 'documents') {
    const bandRows = values.flatMap((d) => bands(minhash(shingles(d.text as string))).map((bucket, band) => ({ band, bucket, document_id: d.id as number })));
    await db.insertInto('document_bands').values(bandRows).onConflict((oc) => oc.doNothing()).execute();
  }
}
