import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pglitePoolConfig } from './pglite-connection.ts';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { PROJECT_ROOT } from '../project-root.ts';
import { migrate } from './migrate.ts';
import { MIGRATIONS } from './migrations/index.ts';

/**
 * A new PGlite workspace starts from a migrated, empty data folder made at install time
 * (`npm ci` runs scripts/build-template.ts), copied, instead of running initdb and every
 * migration: in a new process ~0.45 s instead of ~2.9 s (the gzipped dump PGlite can load took
 * ~1.05 s, most of it unpacking through PGlite's file system; the folder is 40 MB, not 5).
 * It is used only while its key matches this build: the PGlite version and the text of every
 * migration. Anything else (missing, stale, unreadable) and the workspace is made from scratch.
 */
export const SHIPPED_TEMPLATE = join(PROJECT_ROOT, 'dist', 'pglite-template');

/** What a template must have been made by: this PGlite and these migrations, as written. */
export function templateKey(): string {
  const version = (JSON.parse(readFileSync(join(PROJECT_ROOT, 'node_modules', '@electric-sql', 'pglite', 'package.json'), 'utf8')) as { version: string }).version;
  const h = createHash('sha1').update(version);
  for (const name of Object.keys(MIGRATIONS)) h.update(name).update(readFileSync(join(PROJECT_ROOT, 'src', 'store', 'migrations', `${name}.ts`)));
  return h.digest('hex').slice(0, 16);
}

/**
 * Makes the template folder `dir`: an empty database with this build's schema, shut down cleanly.
 * Built aside and renamed into place, its key (`DIR.key`) written last: a half-made template is
 * never taken for a whole one.
 */
export async function makeTemplate(dir: string, key: string): Promise<void> {
  const aside = `${dir}.tmp-${process.pid}`;
  rmSync(aside, { recursive: true, force: true });
  const p = await PGlite.create(aside);
  try {
    const db = new Kysely<unknown>({ dialect: new PostgresDialect({ pool: new pg.Pool(pglitePoolConfig(p) as pg.PoolConfig) }) });
    await migrate(db, 'template');
    await db.destroy();
  } finally {
    await p.close();
  }
  rmSync(`${dir}.key`, { force: true });
  rmSync(dir, { recursive: true, force: true });
  renameSync(aside, dir);
  writeFileSync(`${dir}.key.tmp-${process.pid}`, key);
  renameSync(`${dir}.key.tmp-${process.pid}`, `${dir}.key`);
}

/** A PGlite data folder holds a database once initdb (or a template) wrote its version file. */
export const hasDatabase = (dataDir: string): boolean => existsSync(join(dataDir, 'PG_VERSION'));

/** The template folder `dir` when its key is this build's and it holds a database, else undefined. */
export function readTemplate(dir: string = SHIPPED_TEMPLATE, key: () => string = templateKey): string | undefined {
  try {
    if (readFileSync(`${dir}.key`, 'utf8').trim() !== key()) return undefined;
    return hasDatabase(dir) ? dir : undefined;
  } catch {
    return undefined;
  }
}
