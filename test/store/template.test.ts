import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { ingestExtraction } from '../../src/app/ingest-document.ts';
import { MIGRATIONS } from '../../src/store/migrations/index.ts';
import { openStore } from '../../src/store/open.ts';
import { makeTemplate, readTemplate, SHIPPED_TEMPLATE, templateKey } from '../../src/store/template.ts';
import { pgliteTemplate, tempDir } from './helpers.ts';
import { TEXT_A, extractionOf } from './fixtures.ts';

// New PGlite workspaces start from a migrated empty database made at install (npm ci), used only
// while it matches this build.

test('the template npm ci made is this build\'s (else: npm run build:template)', () => {
  assert.ok(readTemplate(), `${SHIPPED_TEMPLATE} is missing or was made for other migrations`);
});

test('a template is read back only with this build\'s key and a database in it', async () => {
  const dir = join(tempDir(), 't');
  assert.equal(readTemplate(dir), undefined, 'no folder');
  mkdirSync(dir);
  writeFileSync(`${dir}.key`, templateKey());
  assert.equal(readTemplate(dir), undefined, 'no database in it');
  writeFileSync(join(dir, 'PG_VERSION'), '17\n');
  assert.equal(readTemplate(dir), dir);
  writeFileSync(`${dir}.key`, 'another-build');
  assert.equal(readTemplate(dir), undefined, 'another key');
});

test('a workspace made from a template has every migration and takes reports', async () => {
  const template = join(tempDir(), 't');
  await makeTemplate(template, templateKey());
  assert.equal(readTemplate(template), template);
  assert.ok(!existsSync(`${template}.tmp-${process.pid}`), 'built aside, then moved into place');
  const dir = join(tempDir(), 'ws');
  const s = await openStore({ workspace: dir, pgliteTemplate: template });
  try {
    const done = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(s.db);
    assert.deepEqual(done.rows.map((r) => r.name), Object.keys(MIGRATIONS));
    const r = await ingestExtraction(s, extractionOf(TEXT_A), 'v1', 't');
    assert.equal(r.status, 'stored');
  } finally {
    await s.close();
  }
  // Reopened: the stored report is there (the workspace is a copy, the template is untouched).
  const again = await openStore({ workspace: dir });
  try {
    const n = await again.db.selectFrom('documents').select((e) => e.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    assert.equal(Number(n.n), 1);
  } finally {
    await again.close();
  }
  const other = await openStore({ workspace: join(tempDir(), 'ws2'), pgliteTemplate: template });
  try {
    const n = await other.db.selectFrom('documents').select((e) => e.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    assert.equal(Number(n.n), 0, 'a second workspace from the same template starts empty');
  } finally {
    await other.close();
  }
});

test('a damaged template is passed over: the workspace is made from scratch', async () => {
  const template = join(tempDir(), 'bad');
  mkdirSync(template);
  writeFileSync(join(template, 'PG_VERSION'), 'not a database');
  writeFileSync(`${template}.key`, templateKey());
  assert.equal(readTemplate(template), template);
  const s = await openStore({ workspace: join(tempDir(), 'ws'), pgliteTemplate: template });
  try {
    const done = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(s.db);
    assert.deepEqual(done.rows.map((r) => r.name), Object.keys(MIGRATIONS));
  } finally {
    await s.close();
  }
});

test('a copy cut short (killed while the workspace was being made) is made again on the next open', async () => {
  const ws = join(tempDir(), 'ws');
  // What a kill during the copy leaves: the copy aside, no database folder.
  mkdirSync(join(ws, 'pgdata.new', 'base'), { recursive: true });
  writeFileSync(join(ws, 'pgdata.new', 'PG_VERSION'), '17\n');
  const s = await openStore({ workspace: ws, pgliteTemplate: await pgliteTemplate() });
  try {
    const done = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(s.db);
    assert.deepEqual(done.rows.map((r) => r.name), Object.keys(MIGRATIONS));
    assert.ok(!existsSync(join(ws, 'pgdata.new')), 'the copy aside was moved into place');
  } finally {
    await s.close();
  }
});
