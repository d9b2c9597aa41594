import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { exportRecord } from '../../src/app/export-record.ts';
import { importRecord } from '../../src/app/import-record.ts';
import { ingestExtraction } from '../../src/app/ingest-document.ts';
import { pages } from '../../src/export/pages.ts';
import { memorySink } from '../../src/export/sink.ts';
import type { Store } from '../../src/store/open.ts';
import { BACKENDS, tempDir, withFreshStore } from '../store/helpers.ts';
import { runCli } from '../store/cli.ts';
import { TEXT_A, extractionOf } from '../store/fixtures.ts';
import { report2, seedRecord } from './record-fixture.ts';

const dump = async (s: Store): Promise<string> => {
  const m = memorySink();
  await exportRecord(s, { format: 'json' }, m);
  return m.text();
};

for (const b of BACKENDS) {
  test(`${b.name}: export json, import into an empty workspace, export again: the same file`, { skip: b.skip }, async () => {
    const file = join(tempDir(), 'record.json');
    let first = '';
    await withFreshStore(b, async (s) => {
      await seedRecord(s);
      first = await dump(s);
      writeFileSync(file, first);
      // Into a workspace that already holds something: refused, nothing written.
      await assert.rejects(importRecord(s, file), (e: Error & { code?: string }) => e.code === 'CONFLICT');
    });
    const parsed = JSON.parse(first) as Record<string, unknown[]>;
    assert.equal(parsed.format, 'parley-record');
    for (const t of ['documents', 'actors', 'memberships', 'claims', 'claim_sources', 'history']) assert.ok(parsed[t]!.length > 0, t);
    await withFreshStore(b, async (s) => {
      const counts = await importRecord(s, file);
      assert.equal(counts.claims, parsed.claims!.length);
      assert.equal(await dump(s), first);
      // The workspace goes on working: the near-duplicate index was rebuilt, new ids follow the old.
      const again = await ingestExtraction(s, report2(), 'test', 'machine');
      assert.equal(again.status, 'already');
      const next = await ingestExtraction(s, extractionOf(TEXT_A, { id: 'new' }), 'test', 'machine');
      assert.equal(next.documentId, parsed.documents!.length + 1);
    });
  });
}

test('import refuses what is not a parley dump', async () => {
  const dir = tempDir();
  const bad = join(dir, 'bad.json');
  writeFileSync(bad, '{"hello": 1}\n');
  const newer = join(dir, 'newer.json');
  writeFileSync(newer, '{"format":"parley-record","version":99,\n"documents":[\n]}\n');
  await withFreshStore(BACKENDS[0]!, async (s) => {
    await assert.rejects(importRecord(s, bad), (e: Error & { code?: string }) => e.code === 'BAD_ARGUMENT' && /not a parley record dump/.test(e.message));
    await assert.rejects(importRecord(s, newer), /version 99/);
    // A failed import leaves the workspace empty.
    assert.equal((await s.db.selectFrom('documents').select('id').execute()).length, 0);
  });
});

test('pages: keyset pagination returns every row once, in key order, whatever the page size', async () => {
  await withFreshStore(BACKENDS[0]!, async (s) => {
    await seedRecord(s, { accept: false });
    const all = (await s.db.selectFrom('claim_sources').select(['claim_id', 'document_id']).orderBy('claim_id').orderBy('document_id').execute());
    const paged: unknown[] = [];
    let n = 0;
    for await (const p of pages(s.db, 'claim_sources', ['claim_id', 'document_id'], ['claim_id', 'document_id'], undefined, 3)) {
      assert.ok(p.length <= 3);
      paged.push(...p);
      n++;
    }
    assert.deepEqual(paged, all);
    assert.ok(n > 3);
  });
});

test('cli: parley export and parley import', async () => {
  const f1 = await BACKENDS[0]!.fresh();
  const f2 = await BACKENDS[0]!.fresh();
  try {
    const { openStore } = await import('../../src/store/open.ts');
    const s = await openStore(f1.options);
    await seedRecord(s);
    await s.close();
    const file = join(tempDir(), 'dump.json');
    const ex = await runCli(['export', '--format', 'json', '-o', file], f1.env);
    assert.equal(ex.code, 0, ex.stderr);
    const im = await runCli(['import', file], f2.env);
    assert.equal(im.code, 0, im.stderr);
    assert.match(im.stdout, /imported \d+ documents/);
    const csv = await runCli(['export', '--format', 'acled-csv'], f2.env);
    assert.equal(csv.code, 0, csv.stderr);
    assert.match(csv.stdout, /^event_id_cnty,event_date,/);
    const again = await runCli(['export', '-f', 'json'], f2.env);
    assert.equal(again.stdout, readFileSync(file, 'utf8'));
    const bad = await runCli(['export', '--format', 'xml'], f2.env);
    assert.equal(bad.code, 2);
  } finally {
    await f1.cleanup();
    await f2.cleanup();
  }
});

test('a table a later migration adds is dumped and loaded too (the dump stays lossless)', async () => {
  const { MIGRATIONS } = await import('../../src/store/migrations/index.ts');
  const { openStore } = await import('../../src/store/open.ts');
  const { sql } = await import('kysely');
  const migrations = {
    ...MIGRATIONS,
    '9999-test-extra': {
      async up(db: import('kysely').Kysely<unknown>) {
        await sql`create table test_parent (id serial primary key, name text not null)`.execute(db);
        await sql`create table test_extra (id serial primary key, parent_id integer references test_parent(id), data jsonb not null, at timestamptz not null default now())`.execute(db);
        await sql`insert into test_parent (name) values ('written by the migration')`.execute(db);
      },
    },
  };
  const file = join(tempDir(), 'extra.json');
  const a = await BACKENDS[0]!.fresh();
  const b2 = await BACKENDS[0]!.fresh();
  try {
    const s1 = await openStore({ ...a.options, migrations });
    await seedRecord(s1, { accept: false });
    await sql`insert into test_parent (name) values ('second')`.execute(s1.db);
    await sql`insert into test_extra (parent_id, data) values (2, '{"a": [1, 2]}'), (1, '"x"')`.execute(s1.db);
    const first = await dump(s1);
    await s1.close();
    assert.match(first, /"test_parent":\[\n.*written by the migration/);
    assert.ok(first.indexOf('"test_parent"') < first.indexOf('"test_extra"'), 'referenced tables first');
    writeFileSync(file, first);
    const s2 = await openStore({ ...b2.options, migrations });
    await importRecord(s2, file);
    assert.equal(await dump(s2), first);
    await s2.close();
  } finally {
    await a.cleanup();
    await b2.cleanup();
  }
});
