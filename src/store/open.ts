import { cpSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pglitePoolConfig } from './pglite-connection.ts';
import { Kysely, PostgresDialect, type Migration } from 'kysely';
import pg from 'pg';
import { ParleyError } from '../domain/errors.ts';
import { acquireLock, type WorkspaceLock } from './lock.ts';
import { migrate } from './migrate.ts';
import type { DB } from './schema.ts';
import { hasDatabase, readTemplate } from './template.ts';

export interface StoreOptions {
  /** A PGlite workspace folder; wins over databaseUrl. */
  readonly workspace?: string;
  /** postgres://... : a PostgreSQL server instead of a workspace. */
  readonly databaseUrl?: string;
  /** What is opening the store, for the lock file ("parley ingest reports/"). */
  readonly command?: string;
  /**
   * A migrated, empty data folder a new workspace starts as a copy of. Default: the one `npm ci`
   * made (store/template.ts), when it matches this build; false: initdb and every migration.
   */
  readonly pgliteTemplate?: string | false;
  /** Tests: the migrations to run instead of this build's. */
  readonly migrations?: Record<string, Migration>;
}

export interface Store {
  readonly db: Kysely<DB>;
  readonly kind: 'pglite' | 'postgres';
  /** The folder or the server (without password), for messages. */
  readonly location: string;
  close(): Promise<void>;
}

/** Where the record lives: --workspace, else DATABASE_URL, else PARLEY_WORKSPACE, else ./.parley. */
export function storeOptionsFrom(flags: { workspace?: string }, env: NodeJS.ProcessEnv = process.env): StoreOptions {
  if (flags.workspace) return { workspace: flags.workspace };
  const url = env.DATABASE_URL;
  if (url && /^postgres(ql)?:\/\//.test(url)) return { databaseUrl: url };
  return { workspace: env.PARLEY_WORKSPACE || '.parley' };
}

/**
 * Opens the record and brings its schema up to date. A PGlite workspace is created on first
 * use and locked while open. Fails with WORKSPACE_LOCKED, WORKSPACE_TOO_NEW or STORE_UNAVAILABLE.
 */
export async function openStore(opts: StoreOptions): Promise<Store> {
  if (!opts.workspace && opts.databaseUrl) return openPostgres(opts.databaseUrl, opts);
  return openPglite(opts.workspace ?? '.parley', opts);
}

/** Whether opening would create the store: a PGlite workspace not made yet (a server: never known). */
export function isNewStore(opts: StoreOptions): boolean {
  if (!opts.workspace && opts.databaseUrl) return false;
  return !hasDatabase(dataDirOf(opts.workspace ?? '.parley'));
}

/** Where a workspace keeps PostgreSQL's data folder (beside its lock file). */
const dataDirOf = (workspace: string): string => join(resolve(workspace), 'pgdata');


async function openPglite(workspace: string, opts: StoreOptions): Promise<Store> {
  const dir = resolve(workspace);
  try {
    mkdirSync(dir, { recursive: true });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') throw new ParleyError('STORE_UNAVAILABLE', 'is a file, not a workspace folder', workspace);
    throw new ParleyError('STORE_UNAVAILABLE', `cannot create the workspace (${(e as NodeJS.ErrnoException).code})`, workspace);
  }
  const lock: WorkspaceLock = acquireLock(join(dir, 'parley.lock'), opts.command ?? `parley (pid ${process.pid})`);
  let pglite: PGlite | undefined;
  let db: Kysely<DB> | undefined;
  try {
    const dataDir = dataDirOf(dir);
    const fresh = !hasDatabase(dataDir);
    // The shipped template has this build's migrations: not for a store opened with others.
    const template = fresh ? (opts.pgliteTemplate ?? (opts.migrations ? undefined : readTemplate())) : undefined;
    pglite = await createPglite(dataDir, template);
    db = new Kysely<DB>({ dialect: new PostgresDialect({ pool: new pg.Pool(pglitePoolConfig(pglite) as pg.PoolConfig) }) });
    await migrate(db as Kysely<unknown>, workspace, opts.migrations);
  } catch (e) {
    await db?.destroy().catch(() => undefined);
    await pglite?.close().catch(() => undefined);
    lock.release();
    if (e instanceof ParleyError) throw e;
    throw new ParleyError('STORE_UNAVAILABLE', `cannot open the workspace: ${(e as Error).message}`, workspace);
  }
  const p = pglite;
  const k = db;
  let closed = false;
  return {
    db: k,
    kind: 'pglite',
    location: dir,
    async close() {
      if (closed) return;
      closed = true;
      try {
        await k.destroy();
        await p.close();
      } finally {
        lock.release();
      }
    },
  };
}

// relaxedDurability: with a folder on disk (NodeFS) PGlite's sync step is a no-op that it
// would still wait its turn for; PostgreSQL's own writes reach the OS either way, so a killed
// process loses nothing committed (the kill -9 test in test/store/ingest-cli.test.ts).
async function createPglite(dataDir: string, template: string | false | undefined): Promise<PGlite> {
  if (!template) return PGlite.create(dataDir, { relaxedDurability: true });
  // Copied aside and renamed: a copy cut short never looks like a database on the next open.
  const aside = `${dataDir}.new`;
  try {
    rmSync(aside, { recursive: true, force: true });
    cpSync(template, aside, { recursive: true });
    rmSync(dataDir, { recursive: true, force: true });
    renameSync(aside, dataDir);
    return await PGlite.create(dataDir, { relaxedDurability: true });
  } catch {
    // A template that will not copy or load (a damaged dist/): the workspace is made from scratch.
    rmSync(aside, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
    return PGlite.create(dataDir, { relaxedDurability: true });
  }
}

async function openPostgres(url: string, opts: StoreOptions): Promise<Store> {
  const location = url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  // A connection the server ends while it sits idle (a server restart, an administrator, a
  // dropped database) is an 'error' on the pool: unheard, it would end the process. The pool
  // has already discarded it; the next query opens a new one, or fails with its own error.
  pool.on('error', () => undefined);
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  try {
    await migrate(db as Kysely<unknown>, location, opts.migrations);
  } catch (e) {
    await db.destroy().catch(() => undefined);
    if (e instanceof ParleyError) throw e;
    throw new ParleyError('STORE_UNAVAILABLE', `cannot reach PostgreSQL: ${(e as Error).message}`, location);
  }
  let closed = false;
  return {
    db,
    kind: 'postgres',
    location,
    async close() {
      if (closed) return;
      closed = true;
      await db.destroy();
    },
  };
}
