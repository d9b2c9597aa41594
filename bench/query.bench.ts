// bench:query — p50/p95 latency of the record's read questions on a generated workspace of N
// documents (bench/generate-workspace.ts; default PARLEY_BENCH_DOCS or 100,000), on PGlite and,
// when DATABASE_URL or PARLEY_TEST_DATABASE_URL is set, on PostgreSQL. Where a query was rewritten,
// its earlier form (bench/query-baseline.ts) is timed beside it on the same workspace.
// Figures only: nothing passes or fails on timing.
//   npm run bench:query [-- N] [--pglite-only | --postgres-only]
//   npm run bench:query -- N -w DIR | --database-url URL    keep the workspace (generated once) for the next run
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { openStore, type Store, type StoreOptions } from '../src/store/open.ts';
import { generateWorkspace } from './generate-workspace.ts';
import { queryCases, type Case } from './query-latency.ts';
import { listClaims } from '../src/server/queries/lists.ts';
import { proposalsBefore, reviewDocumentsBefore, searchAllBefore, searchBefore } from './query-baseline.ts';

const arg = (flag: string): string | undefined => { const i = process.argv.indexOf(flag); return i > 0 ? process.argv[i + 1] : undefined; };
const N = Number(process.argv.slice(2).find((a) => /^\d+$/.test(a)) ?? process.env.PARLEY_BENCH_DOCS ?? 100000);
const RUNS = Number(process.env.PARLEY_BENCH_RUNS ?? 40);
const pct = (xs: number[], p: number): number => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(p * s.length))]!; };

const WORDS = ['ceasefire convoy', 'detainees release', 'envoy summit', 'siege hospital', '"harbour bridge"', 'militia valley'];
const before: Case[] = [
  ['search "two words"', (s, i) => searchBefore(s.db, WORDS[i % WORDS.length]!, 20)],
  ['API search', (s, i) => searchAllBefore(s.db, WORDS[i % WORDS.length]!, 20)],
  ['review (CLI)', (s, i) => proposalsBefore(s.db, { kind: [undefined, 'quote', 'quantity', 'event'][i % 4], limit: 50 })],
  ['API review queue', async (s) => { await reviewDocumentsBefore(s.db, 50); return listClaims(s.db, { state: 'proposed', limit: 50 }); }],
];

interface Row { store: string; query: string; p50: number; p95: number; b50?: number; b95?: number }
const rows: Row[] = [];

/** p50/p95 of a query; with its earlier form, the two alternate run by run so both meet the same load. */
async function time(store: Store, fn: Case[1], was?: Case[1]): Promise<{ now: { p50: number; p95: number }; was?: { p50: number; p95: number } }> {
  for (let i = 0; i < 3; i++) { await fn(store, i); await was?.(store, i); } // warm
  const a: number[] = [], b: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    let t = performance.now(); await fn(store, i + 3); a.push(performance.now() - t);
    if (was) { t = performance.now(); await was(store, i + 3); b.push(performance.now() - t); }
  }
  const stat = (xs: number[]) => ({ p50: pct(xs, 0.5), p95: pct(xs, 0.95) });
  return { now: stat(a), was: was ? stat(b) : undefined };
}

async function run(name: string, options: StoreOptions): Promise<void> {
  const gen = await openStore(options);
  try {
    const have = Number((await sql<{ n: string }>`select count(*) as n from documents`.execute(gen.db)).rows[0]?.n ?? 0);
    if (have === 0) {
      console.log(`generating ${N} documents (${name})...`);
      const g = await generateWorkspace(gen.db, N, (s) => console.log(s), { recompute: false });
      console.log(`  ${g.documents} documents, ${g.claims} claims in ${g.seconds.toFixed(0)} s`);
    } else console.log(`${name}: reusing ${have} documents`);
  } finally { await gen.close(); }
  // Measured on a store opened afresh, as a command would: not on the PGlite instance that wrote 100k reports.
  const store = await openStore(options);
  try {
    for (const [query, fn] of await queryCases(store)) {
      const { now, was } = await time(store, fn, before.find((b) => b[0] === query)?.[1]);
      rows.push({ store: name, query, ...now, b50: was?.p50, b95: was?.p95 });
      console.log(`  ${query}: p50 ${now.p50.toFixed(1)} p95 ${now.p95.toFixed(1)}${was ? ` (before: ${was.p50.toFixed(1)} / ${was.p95.toFixed(1)})` : ''}`);
    }
  } finally { await store.close(); }
}

const keepDir = arg('-w'), keepUrl = arg('--database-url');
if (keepDir || keepUrl) {
  await run(keepDir ? 'PGlite' : 'PostgreSQL', keepDir ? { workspace: keepDir } : { databaseUrl: keepUrl! });
} else {
  if (!process.argv.includes('--postgres-only')) {
    const ws = mkdtempSync(join(tmpdir(), 'parley-qbench-'));
    try { await run('PGlite', { workspace: join(ws, 'ws') }); } finally { rmSync(ws, { recursive: true, force: true }); }
  }
  const url = process.env.DATABASE_URL ?? process.env.PARLEY_TEST_DATABASE_URL;
  if (url && !process.argv.includes('--pglite-only')) {
    const db = `parley_qbench_${process.pid}`;
    const admin = async (q: string): Promise<void> => { const c = new pg.Client(url); await c.connect(); await c.query(q); await c.end(); };
    await admin(`create database ${db}`);
    const u = new URL(url);
    u.pathname = '/' + db;
    try { await run('PostgreSQL', { databaseUrl: u.toString() }); } finally { await admin(`drop database ${db} with (force)`); }
  } else if (!url) console.log('(PostgreSQL skipped: set DATABASE_URL or PARLEY_TEST_DATABASE_URL, e.g. eval "$(scripts/ci-postgres.sh start)")');
}

console.log(`\nquery latency (ms), ${RUNS} runs each; "before": the earlier query on the same workspace`);
console.log('store'.padEnd(12) + 'query'.padEnd(28) + 'p50'.padStart(8) + 'p95'.padStart(8) + 'before p50'.padStart(12) + 'p95'.padStart(8));
const f = (x: number | undefined): string => (x === undefined ? '' : x.toFixed(1));
for (const r of rows) console.log(r.store.padEnd(12) + r.query.padEnd(28) + f(r.p50).padStart(8) + f(r.p95).padStart(8) + f(r.b50).padStart(12) + f(r.b95).padStart(8));
