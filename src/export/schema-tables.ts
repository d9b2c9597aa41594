import { sql, type Kysely } from 'kysely';
import type { DB } from '../store/schema.ts';
import { TABLES, type TableSpec } from './tables.ts';

/** Tables never dumped: the near-duplicate index (rebuilt on import) and the migrator's own. */
const SKIP = new Set(['document_bands', 'parley_migrations', 'parley_migrations_lock', 'kysely_migration', 'kysely_migration_lock']);

/**
 * The tables a dump holds: the known ones (tables.ts), then any table a later migration added
 * (processes, rounds, ...), read from the catalogue: its columns but generated ones, jsonb and
 * timestamptz columns, primary key, serial id; ordered so that referenced tables come first.
 * A dump thus stays lossless when the schema grows.
 */
export async function dumpTables(db: Kysely<DB>): Promise<TableSpec[]> {
  const known = new Set(TABLES.map((t) => t.name));
  const names = (await sql<{ name: string }>`
    select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`.execute(db))
    .rows.map((r) => r.name).filter((n) => !known.has(n) && !SKIP.has(n) && !n.startsWith('kysely_') && !n.includes('migration'));
  if (names.length === 0) return [...TABLES];
  const cols = await sql<{ table_name: string; column_name: string; data_type: string; is_generated: string; column_default: string | null }>`
    select table_name, column_name, data_type, is_generated, column_default from information_schema.columns
    where table_schema = current_schema() and table_name = any(${names}::text[]) order by table_name, ordinal_position`.execute(db);
  const keys = await sql<{ table_name: string; column_name: string }>`
    select tc.table_name, k.column_name from information_schema.table_constraints tc
    join information_schema.key_column_usage k on k.constraint_name = tc.constraint_name and k.table_schema = tc.table_schema and k.table_name = tc.table_name
    where tc.table_schema = current_schema() and tc.constraint_type = 'PRIMARY KEY' and tc.table_name = any(${names}::text[]) order by tc.table_name, k.ordinal_position`.execute(db);
  const refs = await sql<{ table_name: string; ref: string }>`
    select distinct tc.table_name, ccu.table_name as ref from information_schema.table_constraints tc
    join information_schema.constraint_column_usage ccu on ccu.constraint_name = tc.constraint_name and ccu.table_schema = tc.table_schema
    where tc.table_schema = current_schema() and tc.constraint_type = 'FOREIGN KEY' and tc.table_name = any(${names}::text[])`.execute(db);
  const specs = names.map((name): TableSpec => {
    const c = cols.rows.filter((x) => x.table_name === name && x.is_generated !== 'ALWAYS' && x.data_type !== 'tsvector');
    const key = keys.rows.filter((k) => k.table_name === name).map((k) => k.column_name);
    return {
      name, cols: c.map((x) => x.column_name), key: key.length ? key : c.map((x) => x.column_name),
      json: c.filter((x) => x.data_type === 'jsonb' || x.data_type === 'json').map((x) => x.column_name),
      stamps: c.filter((x) => x.data_type.startsWith('timestamp')).map((x) => x.column_name),
      serial: c.some((x) => x.column_name === 'id' && (x.column_default ?? '').startsWith('nextval(')),
      derived: true,
    };
  });
  // Referenced tables first (a table referencing itself or a known table is no constraint here).
  const ordered: TableSpec[] = [];
  const placed = new Set<string>();
  while (ordered.length < specs.length) {
    const next = specs.find((s) => !placed.has(s.name) && refs.rows.every((r) => r.table_name !== s.name || r.ref === s.name || !names.includes(r.ref) || placed.has(r.ref)))
      ?? specs.find((s) => !placed.has(s.name))!;
    ordered.push(next);
    placed.add(next.name);
  }
  return [...TABLES, ...ordered];
}
