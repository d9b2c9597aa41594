import { createHash } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
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
 * (`npm ci` runs scripts/build-template.ts) instead of running initdb and every migration:
 * in a new process that is ~1.3 s instead of ~2.9 s. The dump is gzipped (5 MB, not 42 MB).
 * It is used only while its key matches this build: the PGlite version and the text of every
 * migration. Anything else (missing, stale, unreadable) and the workspace is made from scratch.
 */
export const SHIPPED_TEMPLATE = join(PROJECT_ROOT, 'dist', 'pglite-template.tar.gz');

/** What a template must have been made by: this PGlite and these migrations, as written. */
export function templateKey(): string {
  const version = (JSON.parse(readFileSync(join(PROJECT_ROOT, 'node_modules', '@electric-sql', 'pglite', 'package.json'), 'utf8')) as { version: string }).version;
  const h = createHash('sha1').update(version);
  for (const name of Object.keys(MIGRATIONS)) h.update(name).update(readFileSync(join(PROJECT_ROOT, 'src', 'store', 'migrations', `${name}.ts`)));
  return h.digest('hex').slice(0, 16);
}

/** An empty database with this build's schema, dumped. */
export async function makeTemplate(compression: 'gzip' | 'none' = 'gzip'): Promise<Blob> {
  const p = await PGlite.create();
  try {
    const db = new Kysely<unknown>({ dialect: new PostgresDialect({ pool: new pg.Pool(pglitePoolConfig(p) as pg.PoolConfig) }) });
    await migrate(db, 'template');
    await db.destroy();
    return await p.dumpDataDir(compression);
  } finally {
    await p.close();
  }
}

/** Writes a template and its key beside it (`FILE.key`), each through a rename. */
export async function writeTemplate(file: string, blob: Blob, key: string): Promise<void> {
  writeFileSync(`${file}.tmp`, Buffer.from(await blob.arrayBuffer()));
  renameSync(`${file}.tmp`, file);
  writeFileSync(`${file}.key.tmp`, key);
  renameSync(`${file}.key.tmp`, `${file}.key`);
}

/** The template at `file` when its key is this build's, else undefined. */
export function readTemplate(file: string = SHIPPED_TEMPLATE, key: () => string = templateKey): Blob | undefined {
  try {
    if (readFileSync(`${file}.key`, 'utf8').trim() !== key()) return undefined;
    return new Blob([readFileSync(file)]);
  } catch {
    return undefined;
  }
}
