import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { sql } from 'kysely';
import pg from 'pg';
import { openStore, storeOptionsFrom } from '../../src/store/open.ts';
import { MIGRATIONS } from '../../src/store/migrations/index.ts';
import { BACKENDS, PG_URL, ROOT, freshWorkspace, pgliteTemplate, tempDir } from './helpers.ts';

test('store options: --workspace, then DATABASE_URL, then PARLEY_WORKSPACE, then ./.parley', () => {
  const table: [{ workspace?: string }, NodeJS.ProcessEnv, object][] = [
    [{ workspace: 'w' }, { DATABASE_URL: 'postgres://x/y' }, { workspace: 'w' }],
    [{}, { DATABASE_URL: 'postgres://x/y', PARLEY_WORKSPACE: 'p' }, { databaseUrl: 'postgres://x/y' }],
    [{}, { DATABASE_URL: 'mysql://x', PARLEY_WORKSPACE: 'p' }, { workspace: 'p' }],
    [{}, {}, { workspace: '.parley' }],
  ];
  for (const [flags, env, want] of table) assert.deepEqual(storeOptionsFrom(flags, env), want);
});

test('a new workspace is created on first use, migrated, and reopens', async () => {
  const dir = join(tempDir(), 'new-ws');
  const s = await openStore({ workspace: dir, pgliteTemplate: await pgliteTemplate() });
  assert.equal(s.kind, 'pglite');
  assert.ok(existsSync(join(dir, 'parley.lock')));
  await s.db.insertInto('history').values({ entity: 'test', entity_id: 1, action: 'x', by: 't' }).execute();
  await s.close();
  assert.ok(!existsSync(join(dir, 'parley.lock')), 'lock released on close');
  const again = await openStore({ workspace: dir });
  const n = await again.db.selectFrom('history').select((e) => e.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  assert.equal(Number(n.n), 1);
  await again.close();
});

test('a second opener gets WORKSPACE_LOCKED naming the holder; a stale lock is taken over', async () => {
  const dir = await freshWorkspace();
  const s = await openStore({ workspace: dir, command: 'parley ingest a/' });
  await assert.rejects(openStore({ workspace: dir }), (e: Error & { code?: string }) => {
    assert.equal(e.code, 'WORKSPACE_LOCKED');
    assert.match(e.message, new RegExp(`pid ${process.pid} on .* \\(parley ingest a/\\) since \\d{4}-`));
    return true;
  });
  await s.close();
  writeFileSync(join(dir, 'parley.lock'), JSON.stringify({ pid: 999999, host: (await import('node:os')).hostname(), command: 'parley ingest', since: '2020-01-01T00:00:00Z' }));
  const t = await openStore({ workspace: dir });
  await t.close();
});

test('the lock keeps a second process out', async () => {
  const dir = await freshWorkspace();
  const holder = spawn(process.execPath, ['--import', 'tsx', '-e', `
    const { openStore } = await import(${JSON.stringify(join(ROOT, 'src/store/open.ts'))});
    const s = await openStore({ workspace: ${JSON.stringify(dir)}, command: 'holder' });
    process.stdout.write('open\\n');
    process.stdin.once('data', async () => { await s.close(); process.exit(0); });
  `], { stdio: ['pipe', 'pipe', 'inherit'], cwd: ROOT });
  await new Promise<void>((res) => holder.stdout.once('data', () => res()));
  await assert.rejects(openStore({ workspace: dir }), new RegExp(`in use by pid ${holder.pid} .*\\(holder\\)`));
  holder.stdin.write('x');
  await new Promise((res) => holder.once('exit', res));
  const s = await openStore({ workspace: dir });
  await s.close();
});

for (const b of BACKENDS) {
  test(`${b.name}: a store written by a newer parley is refused and left as it was`, { skip: b.skip }, async () => {
    const f = await b.fresh();
    try {
      const future = { ...MIGRATIONS, '9999-future': { up: async (db: any) => { await sql`create table future_t (a int)`.execute(db); } } };
      await (await openStore({ ...f.options, migrations: future })).close();
      await assert.rejects(openStore(f.options), (e: Error & { code?: string }) => {
        assert.equal(e.code, 'WORKSPACE_TOO_NEW');
        assert.match(e.message, /newer parley .*9999-future/);
        return true;
      });
    } finally {
      await f.cleanup();
    }
  });

  test(`${b.name}: a failing migration changes nothing`, { skip: b.skip }, async () => {
    const f = await b.fresh();
    try {
      const broken = { ...MIGRATIONS, '9999-broken': { up: async (db: any) => {
        await sql`create table half_done (a int)`.execute(db);
        await sql`select * from no_such_table`.execute(db);
      } } };
      await assert.rejects(openStore({ ...f.options, migrations: broken }), /STORE_UNAVAILABLE|cannot update the schema \(step 9999-broken\)/);
      const s = await openStore(f.options);
      const t = await sql<{ t: string | null }>`select to_regclass('public.half_done')::text as t`.execute(s.db);
      assert.equal(t.rows[0]!.t, null);
      await s.close();
    } finally {
      await f.cleanup();
    }
  });
}

test('postgres: a connection the server ends while idle is replaced, and the process goes on', { skip: BACKENDS[1]!.skip }, async () => {
  const f = await BACKENDS[1]!.fresh();
  const s = await openStore(f.options);
  try {
    await sql`select 1`.execute(s.db);
    const name = new URL((f.options as { databaseUrl: string }).databaseUrl).pathname.slice(1);
    const admin = new pg.Client(PG_URL);
    await admin.connect();
    try {
      const ended = await admin.query<{ n: string }>('select count(pg_terminate_backend(pid)) as n from pg_stat_activity where datname = $1', [name]);
      assert.ok(Number(ended.rows[0]!.n) >= 1, 'the store had an idle connection to end');
    } finally { await admin.end(); }
    await new Promise((r) => setTimeout(r, 200)); // the pool hears of it
    const r = await sql<{ one: number }>`select 1 as one`.execute(s.db);
    assert.equal(r.rows[0]!.one, 1);
  } finally {
    await s.close();
    await f.cleanup();
  }
});
