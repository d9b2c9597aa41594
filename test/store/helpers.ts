// Test support for the store: new PGlite workspaces copied from the migrated template `npm ci`
// made (initdb and the migrations cost ~3 s, a copy ~0.45 s), fresh PostgreSQL databases when
// PARLEY_TEST_DATABASE_URL is set.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { openStore, type Store, type StoreOptions } from '../../src/store/open.ts';
import { makeTemplate, readTemplate, templateKey } from '../../src/store/template.ts';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const PG_URL = process.env.PARLEY_TEST_DATABASE_URL;
export const PG_SKIP = PG_URL ? false : 'PARLEY_TEST_DATABASE_URL is not set: PostgreSQL tests skipped (scripts/ci-postgres.sh start)';
if (!PG_URL) process.stderr.write(`# ${PG_SKIP}\n`);

let template: Promise<string> | undefined;

/**
 * A migrated, empty PGlite data folder (src/store/template.ts): the one `npm ci` made, else (a
 * tree whose migrations changed since) one made here for this test process.
 */
export function pgliteTemplate(): Promise<string> {
  template ??= (async () => {
    const shipped = readTemplate();
    if (shipped) return shipped;
    const dir = join(tempDir(), 'pglite-template');
    await makeTemplate(dir, templateKey());
    return dir;
  })();
  return template;
}

const made: string[] = [];
process.on('exit', () => { for (const d of made) rmSync(d, { recursive: true, force: true }); });

/** A temporary folder, removed when the test process ends. */
export function tempDir(prefix = 'parley-test-'): string {
  const d = mkdtempSync(join(tmpdir(), prefix));
  made.push(d);
  return d;
}

let dbCounter = 0;

/** A new empty PostgreSQL database on the test server; its URL and a drop function. */
export async function freshPostgres(): Promise<{ url: string; drop(): Promise<void> }> {
  if (!PG_URL) throw new Error('PARLEY_TEST_DATABASE_URL is not set');
  const name = `parley_t_${process.pid}_${++dbCounter}_${Date.now() % 100000}`;
  const admin = new pg.Client(PG_URL);
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const u = new URL(PG_URL);
  u.pathname = '/' + name;
  return {
    url: u.toString(),
    async drop() {
      const a = new pg.Client(PG_URL);
      await a.connect();
      await a.query(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}

/** A workspace folder already holding a migrated PGlite database (from the template). */
export async function freshWorkspace(): Promise<string> {
  const dir = join(tempDir(), 'ws');
  const s = await openStore({ workspace: dir, pgliteTemplate: await pgliteTemplate() });
  await s.close();
  return dir;
}

export interface Backend {
  readonly name: 'pglite' | 'postgres';
  readonly skip: string | false;
  /** Options for a new, empty store of this backend, and a cleanup. */
  fresh(): Promise<{ options: StoreOptions; env: Record<string, string>; cleanup(): Promise<void> }>;
}

export const BACKENDS: Backend[] = [
  {
    name: 'pglite',
    skip: false,
    async fresh() {
      const dir = await freshWorkspace();
      return {
        options: { workspace: dir },
        env: { PARLEY_WORKSPACE: dir },
        async cleanup() { rmSync(join(dir, '..'), { recursive: true, force: true }); },
      };
    },
  },
  {
    name: 'postgres',
    skip: PG_SKIP,
    async fresh() {
      const { url, drop } = await freshPostgres();
      return { options: { databaseUrl: url }, env: { DATABASE_URL: url }, cleanup: drop };
    },
  },
];

/** Opens a store on a new empty database of the backend; close() also drops it. */
export async function withFreshStore<T>(b: Backend, fn: (s: Store, opts: StoreOptions) => Promise<T>): Promise<T> {
  const f = await b.fresh();
  const s = await openStore(f.options);
  try {
    return await fn(s, f.options);
  } finally {
    await s.close();
    await f.cleanup();
  }
}
