import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { pglitePoolConfig } from '../../src/store/pglite-connection.ts';

// node-postgres over an in-memory PGlite, through parley's connection (one call per query).
async function withDb(run: (db: Kysely<unknown>) => Promise<void>): Promise<void> {
  const pglite = await PGlite.create();
  const db = new Kysely<unknown>({ dialect: new PostgresDialect({ pool: new pg.Pool(pglitePoolConfig(pglite) as pg.PoolConfig) }) });
  try { await run(db); } finally { await db.destroy(); await pglite.close(); }
}

test('parameters and results round-trip whatever their characters and size', () => withDb(async (db) => {
  const values = ['', 'plain', 'Ḥayʾat Taḥrīr al-Shām', '“quoted” — dash', 'emoji 🕊️ and 𝔘𝔫𝔦𝔠𝔬𝔡𝔢', 'x'.repeat(200_000), "it's; drop table x; --"];
  for (const v of values) {
    const r = await sql<{ v: string; n: number }>`select ${v}::text as v, octet_length(${v}::text) as n`.execute(db);
    assert.equal(r.rows[0]!.v, v);
    assert.equal(r.rows[0]!.n, Buffer.byteLength(v));
  }
}));

test('a failing statement reports PostgreSQL\'s error, and the next query still works', () => withDb(async (db) => {
  await sql`create table t (id int primary key)`.execute(db);
  await sql`insert into t values (1)`.execute(db);
  await assert.rejects(sql`insert into t values (1)`.execute(db), (e: Error & { code?: string }) => e.code === '23505' && /duplicate key/.test(e.message));
  await assert.rejects(sql`select * from no_such_table`.execute(db), /no_such_table/);
  await assert.rejects(sql.raw('selec 1').execute(db), /syntax error/);
  const r = await sql<{ n: number }>`select count(*)::int as n from t`.execute(db);
  assert.equal(r.rows[0]!.n, 1);
}));

test('a transaction that throws is rolled back; one that returns is kept', () => withDb(async (db) => {
  await sql`create table t (id int)`.execute(db);
  await assert.rejects(db.transaction().execute(async (tx) => {
    await sql`insert into t values (1)`.execute(tx);
    throw new Error('stop');
  }), /stop/);
  await db.transaction().execute(async (tx) => { await sql`insert into t values (2)`.execute(tx); });
  const r = await sql<{ id: number }>`select id from t`.execute(db);
  assert.deepEqual(r.rows.map((x) => x.id), [2]);
}));

test('queries issued together each get their own answer', () => withDb(async (db) => {
  const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => sql<{ i: number; s: string }>`select ${i}::int as i, repeat('a', ${i}::int) as s`.execute(db)));
  answers.forEach((r, i) => assert.deepEqual(r.rows, [{ i, s: 'a'.repeat(i) }]));
}));
