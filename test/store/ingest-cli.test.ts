import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { openStore, type StoreOptions } from '../../src/store/open.ts';
import { readHolder } from '../../src/store/lock.ts';
import { BACKENDS, freshWorkspace } from './helpers.ts';
import { finish, linesSeen, reportsFolder, runCli, startCli } from './cli.ts';

async function snapshot(o: StoreOptions): Promise<Record<string, number>> {
  const s = await openStore(o);
  try {
    const out: Record<string, number> = {};
    for (const t of ['documents', 'claims', 'claim_sources', 'actors', 'document_actors']) {
      out[t] = Number((await sql<{ n: string }>`select count(*) as n from ${sql.table(t)}`.execute(s.db)).rows[0]!.n);
    }
    out.orphanClaims = Number((await sql<{ n: string }>`select count(*) as n from claims c where not exists (select 1 from claim_sources s where s.claim_id = c.id)`.execute(s.db)).rows[0]!.n);
    out.docsWithoutHistory = Number((await sql<{ n: string }>`select count(*) as n from documents d where not exists (select 1 from history h where h.entity = 'document' and h.entity_id = d.id)`.execute(s.db)).rows[0]!.n);
    return out;
  } finally {
    await s.close();
  }
}

const N = 12;
/** Enough reports that a kill lands between two batches of up to 32 (src/app/ingest.ts). */
const MANY_REPORTS = 80;

for (const b of BACKENDS) {
  test(`${b.name}: parley ingest stores a folder, reports a bad file, and a rerun stores nothing twice`, { skip: b.skip }, async () => {
    const f = await b.fresh();
    try {
      const dir = reportsFolder(N);
      writeFileSync(join(dir, 'zz-broken.txt'), Buffer.from([0, 1, 2, 3, 0, 0, 9]));
      const first = await runCli(['ingest', dir, '--published', '2026-03-30'], f.env);
      assert.equal(first.code, 4, first.stderr);
      assert.match(first.stdout, new RegExp(`ingested ${N + 1} files`));
      assert.match(first.stdout, new RegExp(`stored +${N}\\b`));
      assert.match(first.stdout, /skipped +1\n +.*zz-broken\.txt: is a binary file/);
      const once = await snapshot(f.options);
      assert.equal(once.documents, N);
      const again = await runCli(['ingest', dir, '--published', '2026-03-30', '--format', 'json'], f.env);
      const summary = JSON.parse(again.stdout);
      assert.equal(summary.stored, 0);
      assert.equal(summary.already, N);
      assert.deepEqual(await snapshot(f.options), once);
    } finally {
      await f.cleanup();
    }
  });

  test(`${b.name}: kill -9 during ingest, then the same command finishes the job: no duplicates, nothing lost`, { skip: b.skip }, async () => {
    const dir = reportsFolder(MANY_REPORTS);
    const clean = await b.fresh();
    const killed = await b.fresh();
    try {
      const ref = await runCli(['ingest', dir, '--published', '2026-03-30'], clean.env);
      assert.equal(ref.code, 0, ref.stderr);
      const want = await snapshot(clean.options);
      const p = startCli(['ingest', '-v', dir, '--published', '2026-03-30'], killed.env);
      const done = finish(p);
      await linesSeen(p, 5);
      p.kill('SIGKILL');
      const r = await done;
      assert.equal(r.signal, 'SIGKILL');
      const partial = await snapshot(killed.options);
      assert.ok(partial.documents >= 5 && partial.documents < MANY_REPORTS, `killed after ${partial.documents} documents`);
      assert.equal(partial.orphanClaims, 0);
      assert.equal(partial.docsWithoutHistory, 0);
      const resume = await runCli(['ingest', dir, '--published', '2026-03-30', '--format', 'json'], killed.env);
      assert.equal(resume.code, 0, resume.stderr);
      const s = JSON.parse(resume.stdout);
      assert.equal(s.already + s.stored, MANY_REPORTS);
      assert.equal(s.already, partial.documents);
      assert.deepEqual(await snapshot(killed.options), want);
    } finally {
      await clean.cleanup();
      await killed.cleanup();
    }
  });
}

test('pglite: a second parley on the same workspace is kept out with the holder named', async () => {
  const ws = await freshWorkspace();
  // The holder reads its report from standard input: it keeps the workspace open until fed.
  const p = startCli(['ingest', '-v', '--published', '2026-03-30', '-'], { PARLEY_WORKSPACE: ws }, 'pipe');
  const done = finish(p);
  const lock = join(ws, 'parley.lock');
  for (let i = 0; i < 600 && readHolder(lock)?.pid !== p.pid; i++) await new Promise((r) => setTimeout(r, 50));
  const second = await runCli(['ingest', reportsFolder(2)], { PARLEY_WORKSPACE: ws });
  assert.equal(second.code, 5);
  assert.match(second.stderr, new RegExp(`^parley: .*: workspace is in use by pid ${p.pid} on \\S+ \\(parley ingest -v --published 2026-03-30 -\\) since \\d{4}-\\d\\d-\\d\\dT`));
  assert.equal(second.stderr.trim().split('\n').length, 1);
  p.stdin!.end('Envoys met in a lakeside town on Monday to discuss a truce, officials said.\n');
  const first = await done;
  assert.equal(first.code, 0, first.stderr);
  assert.match(first.stdout, /^-: stored d1$/m);
});

test('pglite: Ctrl-C stops after the document being written, prints the summary, and a rerun finishes', async () => {
  const ws = await freshWorkspace();
  const dir = reportsFolder(N);
  const p = startCli(['ingest', '-v', '--workers', '0', dir, '--published', '2026-03-30'], { PARLEY_WORKSPACE: ws });
  const done = finish(p);
  await linesSeen(p, 2);
  p.kill('SIGINT');
  const r = await done;
  assert.equal(r.code, 130, r.stderr);
  assert.match(r.stdout, /interrupted after/);
  const partial = await snapshot({ workspace: ws });
  assert.ok(partial.documents >= 2 && partial.documents < N);
  assert.equal(partial.orphanClaims, 0);
  const again = await runCli(['ingest', dir, '--published', '2026-03-30', '--format', 'json'], { PARLEY_WORKSPACE: ws });
  const s = JSON.parse(again.stdout);
  assert.deepEqual([s.already, s.stored], [partial.documents, N - partial.documents]);
});
