// bench:serve — p50/p95 latency of the process view, the review queue and search under a loopback
// load of 50 concurrent clients (autocannon), on a generated workspace of 10k documents / 100k
// claims served by `parley serve` in its own process, with its response cache off, then on; and
// the web UI's JS size, gzipped.
//   npm run bench:serve [-- --docs 10000 --seconds 8 --connections 50 --cache both|off|on --keep DIR | --database-url URL [--commits-every MS]]
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import pg from 'pg';
import { openStore } from '../src/store/open.ts';
import { generateWorkspace } from './serve-data.ts';

const { values: o } = parseArgs({ options: { docs: { type: 'string', default: '10000' }, seconds: { type: 'string', default: '8' }, connections: { type: 'string', default: '50' }, keep: { type: 'string' }, cache: { type: 'string', default: 'both' }, 'database-url': { type: 'string' }, 'commits-every': { type: 'string' } } });
const docs = Number(o.docs), seconds = Number(o.seconds), connections = Number(o.connections);
// --cache off|on|both: the server's response cache off (what the queries themselves give), on, or each in turn.
const modes = o.cache === 'on' ? [true] : o.cache === 'off' ? [false] : [false, true];
const root = new URL('../', import.meta.url).pathname;
// --keep DIR: generate the workspace there once and reuse it on later runs.
const dir = o.keep ?? mkdtempSync(join(tmpdir(), 'parley-bench-serve-'));
const workspace = join(dir, 'ws');

// --database-url URL: a new database on that PostgreSQL server instead of a PGlite workspace
// (dropped at the end). There the cache checks the database's snapshot stamp at each request,
// as other processes may write (src/server/cache.ts).
const admin = async (url: string, q: string): Promise<void> => { const c = new pg.Client(url); await c.connect(); await c.query(q); await c.end(); };
let databaseUrl: string | undefined;
const pgName = `parley_bench_serve_${process.pid}`;
if (o['database-url']) {
  await admin(o['database-url'], `create database ${pgName}`);
  const u = new URL(o['database-url']);
  u.pathname = '/' + pgName;
  databaseUrl = u.toString();
}

// --commits-every MS (PostgreSQL): another client commits a transaction that changes nothing the
// API shows every MS ms while the load runs, as `parley ingest` would commit batches: each commit
// moves the snapshot stamp, so the response cache misses once after each.
const commitsEvery = o['commits-every'] ? Number(o['commits-every']) : 0;
async function committer(url: string | undefined): Promise<{ count(): number; stop(): Promise<void> }> {
  if (!url || !commitsEvery) return { count: () => 0, async stop() {} };
  const c = new pg.Client(url);
  await c.connect();
  let n = 0, on = true;
  const loop = (async () => { while (on) { await c.query('select txid_current()'); n++; await new Promise((ok) => setTimeout(ok, commitsEvery)); } })();
  return { count: () => n, async stop() { on = false; await loop; await c.end(); } };
}

let t = performance.now();
if (databaseUrl || !existsSync(join(workspace, 'ready'))) {
  const store = await openStore(databaseUrl ? { databaseUrl } : { workspace, command: 'bench:serve' });
  await generateWorkspace(store.db, docs);
  await store.close();
  if (!databaseUrl) writeFileSync(join(workspace, 'ready'), String(docs));
  console.log(`generated ${docs} documents, ${docs * 10} claims in ${((performance.now() - t) / 1000).toFixed(1)} s`);
}

/** `parley serve` on the workspace in its own process, the response cache on or off; its URL and a stop. */
async function serve(cache: boolean): Promise<{ url: string; stop(): Promise<void> }> {
  const server = spawn(process.execPath, [join(root, 'bin/parley.mjs'), 'serve', ...(databaseUrl ? [] : ['-w', workspace]), '--port', '0'],
    { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, PARLEY_HTTP_CACHE: cache ? '1' : '0', ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) } });
  const url = await new Promise<string>((ok, fail) => {
    let out = '';
    server.stdout.on('data', (b: Buffer) => { out += b; const m = /web UI\s+(http:\/\/\S+?)\/?\s/.exec(out); if (m) ok(m[1]!); });
    server.on('exit', (c) => fail(new Error(`parley serve exited with ${c}`)));
  });
  return { url, async stop() { server.kill('SIGTERM'); await new Promise((ok) => server.once('exit', ok)); } };
}

const rows: Record<string, string | number>[] = [];
try {
  for (const cache of modes) {
    const { url, stop } = await serve(cache);
    const get = async (p: string) => (await fetch(url + p)).json() as Promise<any>;
    try {
      t = performance.now();
      const procs = await get('/api/processes');
      const listMs = performance.now() - t;
      const queue = await get('/api/review/documents?limit=50');
      const targets = [
        { name: 'process list', path: '/api/processes', first: listMs },
        { name: 'process view', path: `/api/processes/${procs.items[0].id}` },
        { name: 'review queue: documents', path: '/api/review/documents?limit=50' },
        { name: 'review queue: a document', path: `/api/review/documents/${queue.items[0].id}/proposals?limit=200` },
        { name: 'search', path: `/api/search?q=${encodeURIComponent('prisoners convoy')}&limit=20` },
        { name: 'search, exact phrase', path: `/api/search?q=${encodeURIComponent('"truce talks"')}&limit=20` },
      ];
      for (const tg of targets) {
        t = performance.now();
        const r0 = await fetch(url + tg.path); // first request: the record rebuilt if stale, the view composed
        const size = (await r0.arrayBuffer()).byteLength;
        const cold = tg.first ?? performance.now() - t;
        const times: number[] = [];
        const commits = await committer(databaseUrl);
        const inst = autocannon({ url: url + tg.path, connections, duration: seconds });
        inst.on('response', (_c: unknown, _s: number, _b: number, ms: number) => times.push(ms));
        const r = await new Promise<autocannon.Result>((ok, fail) => inst.once('done', ok).once('error', fail));
        await commits.stop();
        times.sort((a, b) => a - b);
        const q = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))] ?? NaN;
        rows.push({ cache: cache ? 'on' : 'off', endpoint: tg.name, 'KB': Math.round(size / 1024), 'first ms': Math.round(cold), 'req/s': Math.round(r.requests.average), 'p50 ms': Math.round(q(0.5)), 'p95 ms': Math.round(q(0.95)), 'non-2xx': r.non2xx + r.errors, ...(commitsEvery ? { commits: commits.count() } : {}), 'p95<50': q(0.95) < 50 ? 'yes' : 'no' });
      }
    } finally { await stop(); }
  }
  console.log(`${databaseUrl ? 'PostgreSQL' : 'PGlite workspace'}; ${connections} connections, ${seconds} s each; cache: the in-memory GET cache of parley serve (src/server/cache.ts)`);
  console.table(rows);
} finally {
  if (!o.keep) rmSync(dir, { recursive: true, force: true });
  if (databaseUrl) await admin(o['database-url']!, `drop database ${pgName} with (force)`);
}

const assets = join(root, 'web/dist/assets');
if (existsSync(assets)) {
  const js = readdirSync(assets).filter((f) => f.endsWith('.js')).map((f) => readFileSync(join(assets, f)));
  const raw = js.reduce((a, b) => a + b.length, 0), gz = js.reduce((a, b) => a + gzipSync(b).length, 0);
  console.log(`web UI JS: ${(raw / 1024).toFixed(1)} KB, ${(gz / 1024).toFixed(1)} KB gzipped (aim: under 300 KB)`);
} else console.log('web UI JS: not built (npm run build:web)');
