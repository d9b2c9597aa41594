// bench:ingest — documents/s of `parley ingest` over a folder of reports (default: the 249
// Guardian reports in ../shared/corpus/guardian), on PGlite and, when DATABASE_URL or
// PARLEY_TEST_DATABASE_URL is set, on PostgreSQL; baseline: extraction alone on one thread,
// measured in the same run. Also the whole `parley ingest` command into a new workspace (and a
// new PostgreSQL database): process start and store creation included. Then, on a generated
// workspace of PARLEY_BENCH_DOCS documents (default 100,000; bench/generate-workspace.ts) per
// backend, p50/p95 latency of timeline, search and actor queries. Figures only: nothing passes
// or fails on timing.
//   npm run bench:ingest [-- DIR]     PARLEY_BENCH_DOCS=0 skips the generated workspace
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync, spawnSync } from 'node:child_process';
import pg from 'pg';
import { freshBundle } from '../bin/bundle-fresh.mjs';
import { extractReport } from '../src/app/extract-report.ts';
import { ingestPaths, type IngestSummary } from '../src/app/ingest.ts';
import { readInputFile } from '../src/input/read-input.ts';
import { openStore, type StoreOptions } from '../src/store/open.ts';
import { generateWorkspace } from './generate-workspace.ts';
import { queryLatency, type Latency } from './query-latency.ts';

// The command and its extraction workers start from the bundles `npm ci` builds: rebuilt if a source changed since.
if (!freshBundle('ingest-worker.mjs') || !freshBundle('cli/main.mjs')) execFileSync(process.execPath, ['scripts/build-cli.mjs'], { stdio: 'inherit' });
const dir = process.argv[2] ?? '../shared/corpus/guardian';
const files = readdirSync(dir).filter((f) => /\.(txt|md|html?)$/.test(f)).map((f) => join(dir, f));
const published = '2026-01-01';
const rows: { run: string; docs: number; seconds: number; perSecond: number; note: string }[] = [];

// Baseline: read + extract on this thread, nothing stored.
{
  const t = performance.now();
  let ok = 0;
  for (const f of files) {
    try { extractReport(await readInputFile(f), { published }); ok++; } catch { /* counted as not ok */ }
  }
  const s = (performance.now() - t) / 1000;
  rows.push({ run: 'baseline: extract only, 1 thread', docs: ok, seconds: s, perSecond: ok / s, note: '' });
}

async function bench(name: string, options: StoreOptions, cleanup: () => Promise<void>): Promise<void> {
  const t = performance.now();
  const store = await openStore(options);
  const opened = (performance.now() - t) / 1000;
  let sum: IngestSummary;
  try {
    sum = await ingestPaths(store, files, { published, extractorVersion: 'bench' });
  } finally {
    await store.close();
    await cleanup();
  }
  const done = sum.stored + sum.already;
  rows.push({ run: name, docs: done, seconds: sum.seconds, perSecond: done / sum.seconds, note: `open ${opened.toFixed(1)} s; ${sum.nearDuplicates} copies; ${sum.failed.length} failed` });
}

/**
 * The whole `parley ingest` command as a user runs it, into a new store: starting the process,
 * opening (creating) the workspace or database, extracting, writing, rebuilding the record.
 */
function command(name: string, args: string[], env: Record<string, string>): void {
  const t = performance.now();
  const r = spawnSync(process.execPath, ['bin/parley.mjs', 'ingest', dir, '--published', published, '--format', 'json', ...args], { env: { ...process.env, ...env }, encoding: 'utf8' });
  const s = (performance.now() - t) / 1000;
  let done = 0;
  try { const j = JSON.parse(r.stdout) as { stored: number; already: number }; done = j.stored + j.already; } catch { /* reported below */ }
  rows.push({ run: name, docs: done, seconds: s, perSecond: done / s, note: r.status === 0 ? 'whole command' : `exit ${r.status}: ${r.stderr.trim().split('\n')[0]}` });
}

const GEN = Number(process.env.PARLEY_BENCH_DOCS ?? 100000);
const latencies: (Latency & { store: string; note: string })[] = [];
async function generated(name: string, options: StoreOptions, cleanup: () => Promise<void>): Promise<void> {
  if (!GEN) return;
  const store = await openStore(options);
  try {
    console.log(`generating ${GEN} documents (${name})...`);
    // The process record is rebuilt as after an ingest (PARLEY_BENCH_RECOMPUTE=0 skips it).
    const g = await generateWorkspace(store.db, GEN, (s) => console.log(s), { recompute: process.env.PARLEY_BENCH_RECOMPUTE !== '0' });
    const note = `${g.documents} docs, ${g.claims} claims, generated in ${g.seconds.toFixed(0)} s (${(g.documents / g.seconds).toFixed(0)} docs/s)`;
    console.log(`  ${g.recompute}`);
    try {
      for (const l of await queryLatency(store)) latencies.push({ ...l, store: name, note });
    } catch (e) { console.log(`  query latency on ${name} failed: ${(e as Error).message}`); }
  } finally {
    await store.close();
    await cleanup();
  }
}

const ws = mkdtempSync(join(tmpdir(), 'parley-bench-'));
await bench('ingest, PGlite workspace', { workspace: join(ws, 'ws') }, async () => rmSync(ws, { recursive: true, force: true }));
const cws = mkdtempSync(join(tmpdir(), 'parley-bench-cmd-'));
command('parley ingest, new PGlite workspace', ['-w', join(cws, 'ws')], {});
rmSync(cws, { recursive: true, force: true });
const gws = mkdtempSync(join(tmpdir(), 'parley-bench-gen-'));
await generated('PGlite', { workspace: join(gws, 'ws') }, async () => rmSync(gws, { recursive: true, force: true }));

const url = process.env.DATABASE_URL ?? process.env.PARLEY_TEST_DATABASE_URL;
if (url) {
  const name = `parley_bench_${process.pid}`;
  const admin = async (q: string): Promise<void> => { const c = new pg.Client(url); await c.connect(); await c.query(q); await c.end(); };
  await admin(`create database ${name}`);
  const u = new URL(url);
  u.pathname = '/' + name;
  await bench('ingest, PostgreSQL 15', { databaseUrl: u.toString() }, () => admin(`drop database ${name} with (force)`));
  await admin(`create database ${name}`);
  command('parley ingest, new PostgreSQL db', [], { DATABASE_URL: u.toString() });
  await admin(`drop database ${name} with (force)`);
  await admin(`create database ${name}_gen`);
  u.pathname = `/${name}_gen`;
  await generated('PostgreSQL 15', { databaseUrl: u.toString() }, () => admin(`drop database ${name}_gen with (force)`));
} else {
  console.log('(PostgreSQL skipped: set DATABASE_URL or PARLEY_TEST_DATABASE_URL, e.g. eval "$(scripts/ci-postgres.sh start)")');
}

console.log(`${files.length} reports from ${dir}`);
console.log('run'.padEnd(36) + 'docs'.padStart(6) + 'seconds'.padStart(10) + 'docs/s'.padStart(9) + '  note');
for (const r of rows) console.log(r.run.padEnd(36) + String(r.docs).padStart(6) + r.seconds.toFixed(1).padStart(10) + r.perSecond.toFixed(1).padStart(9) + '  ' + r.note);
if (latencies.length) {
  console.log(`\nquery latency on a generated workspace (ms)`);
  console.log('store'.padEnd(16) + 'query'.padEnd(28) + 'runs'.padStart(6) + 'p50'.padStart(9) + 'p95'.padStart(9) + '  note');
  for (const l of latencies) console.log(l.store.padEnd(16) + l.query.padEnd(28) + String(l.runs).padStart(6) + l.p50.toFixed(1).padStart(9) + l.p95.toFixed(1).padStart(9) + '  ' + l.note);
}
