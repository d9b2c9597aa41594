import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ingestPaths, startExtractionWorkers } from '../../src/app/ingest.ts';
import { isNewStore, openStore } from '../../src/store/open.ts';
import { reportsFolder } from './cli.ts';
import { freshWorkspace, tempDir } from './helpers.ts';

// Into a new workspace the extraction workers start on the first reports before the workspace
// opens. What ingestPaths stores must be what it would have stored without that head start.

test('a new workspace is known as new before it is opened; an opened one is not', async () => {
  const dir = join(tempDir(), 'ws');
  assert.equal(isNewStore({ workspace: dir }), true);
  assert.equal(isNewStore({ workspace: await freshWorkspace() }), false);
  assert.equal(isNewStore({ databaseUrl: 'postgres://nobody@127.0.0.1:1/none' }), false);
});

test('head start: reports are stored as read at ingest, with the dates given then', async () => {
  const dir = reportsFolder(12);
  const files = readdirSync(dir).sort().map((f) => join(dir, f));
  const extractor = await startExtractionWorkers([dir], 1, { published: '2026-03-30' });
  assert.ok(extractor, 'workers start for 12 reports');
  // Changed on disk after the head start began: ingest must read and store the new text.
  writeFileSync(files[1]!, 'Envoys from the Valley Council met the river committee in Lakeside on 2 March 2026, officials said.');
  const s = await openStore({ workspace: join(tempDir(), 'ws') });
  const ref = await openStore({ workspace: join(tempDir(), 'ws') });
  try {
    const sum = await ingestPaths(s, [dir], { published: '2026-03-30', extractor, extractorVersion: 'test', recompute: false });
    assert.equal(sum.stored, 12);
    const docs = await s.db.selectFrom('documents').select(['input_id', 'text', 'published']).orderBy('input_id').execute();
    assert.match(docs[1]!.text, /^Envoys from the Valley Council met the river committee/);
    assert.deepEqual(new Set(docs.map((d) => d.published)), new Set(['2026-03-30']));
    // The same folder, as it is now, extracted on this thread without any head start.
    await ingestPaths(ref, [dir], { published: '2026-03-30', workers: 0, extractorVersion: 'test', recompute: false });
    const claims = async (db: typeof s.db) => (await db.selectFrom('claims').select(['kind', 'key', 'value_norm']).execute())
      .map((c) => `${c.kind} ${c.key} ${c.value_norm}`).sort();
    const got = await claims(s.db);
    assert.ok(got.length > 24);
    assert.deepEqual(got, await claims(ref.db));
  } finally {
    await s.close();
    await ref.close();
    await extractor.close();
  }
});

test('head start with another date than ingest gives: the date ingest gives wins', async () => {
  const dir = reportsFolder(9);
  const extractor = await startExtractionWorkers([dir], 1, { published: '2020-01-01' });
  const s = await openStore({ workspace: join(tempDir(), 'ws') });
  try {
    await ingestPaths(s, [dir], { published: '2026-03-30', extractor, extractorVersion: 'test', recompute: false });
    const docs = await s.db.selectFrom('documents').select('published').execute();
    assert.equal(docs.length, 9);
    assert.ok(docs.every((d) => d.published === '2026-03-30'));
  } finally {
    await s.close();
    await extractor!.close();
  }
});
