import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { ingestExtraction } from '../../src/app/ingest-document.ts';
import { MIGRATIONS } from '../../src/store/migrations/index.ts';
import { openStore } from '../../src/store/open.ts';
import { makeTemplate, readTemplate, SHIPPED_TEMPLATE, templateKey, writeTemplate } from '../../src/store/template.ts';
import { tempDir } from './helpers.ts';
import { TEXT_A, extractionOf } from './fixtures.ts';

// New PGlite workspaces start from a migrated empty database made at install (npm ci), used only
// while it matches this build.

test('the template npm ci made is this build\'s (else: npm run build:template)', () => {
  assert.ok(readTemplate(), `${SHIPPED_TEMPLATE} is missing or was made for other migrations`);
});

test('a template is read back only with this build\'s key', async () => {
  const dir = tempDir();
  const file = join(dir, 't.tar.gz');
  assert.equal(readTemplate(file), undefined, 'no file');
  await writeTemplate(file, new Blob(['x']), 'another-build');
  assert.equal(readTemplate(file), undefined, 'another key');
  await writeTemplate(file, new Blob(['x']), templateKey());
  assert.equal(await readTemplate(file)!.text(), 'x');
  assert.ok(existsSync(`${file}.key`) && !existsSync(`${file}.tmp`));
});

test('a workspace made from a template has every migration and takes reports', async () => {
  const file = join(tempDir(), 't.tar.gz');
  await writeTemplate(file, await makeTemplate(), templateKey());
  const dir = join(tempDir(), 'ws');
  const s = await openStore({ workspace: dir, pgliteTemplate: readTemplate(file) });
  try {
    const done = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(s.db);
    assert.deepEqual(done.rows.map((r) => r.name), Object.keys(MIGRATIONS));
    const r = await ingestExtraction(s, extractionOf(TEXT_A), 'v1', 't');
    assert.equal(r.status, 'stored');
  } finally {
    await s.close();
  }
  // Reopened: the stored report is there (the workspace is on disk, not the template).
  const again = await openStore({ workspace: dir });
  try {
    const n = await again.db.selectFrom('documents').select((e) => e.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    assert.equal(Number(n.n), 1);
  } finally {
    await again.close();
  }
});

test('a damaged template is passed over: the workspace is made from scratch', async () => {
  const file = join(tempDir(), 'bad.tar.gz');
  writeFileSync(file, 'not a tar archive');
  await writeTemplate(file, new Blob(['not a tar archive']), templateKey());
  const s = await openStore({ workspace: join(tempDir(), 'ws'), pgliteTemplate: readTemplate(file) });
  try {
    const done = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(s.db);
    assert.deepEqual(done.rows.map((r) => r.name), Object.keys(MIGRATIONS));
  } finally {
    await s.close();
  }
});
