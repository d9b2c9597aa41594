/**
 * Throughput of the whole extraction pipeline against wink-nlp's bare tokenising, both on the
 * same texts in the same process, plus the command's startup time against bare node.
 * Run from the project's root: `npm run bench:extract [-- --rounds N]`. Prints figures; no
 * pass or fail on timing (the bar: ≥100 articles/s, within 3x of bare tokenising).
 */
import { existsSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extract } from '../src/extract/index.ts';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CORPUS = resolve(ROOT, '../shared/corpus/guardian');
const EXAMPLE = 'examples/yemen-muscat-talks.txt';
const argRounds = process.argv.indexOf('--rounds');
const ROUNDS = argRounds > 0 ? Math.max(1, Number(process.argv[argRounds + 1]) || 3) : 3;

if (!existsSync(join(CORPUS, 'manifest.json'))) {
  console.error(`bench: ${CORPUS} not found; the benchmark needs the shared corpus checked out beside this project (../shared).`);
  process.exit(2);
}

interface Doc { id: string; published: string; text: string }
const manifest = JSON.parse(readFileSync(join(CORPUS, 'manifest.json'), 'utf8')) as { id: string; published: string }[];
const docs: Doc[] = manifest
  .filter((m) => existsSync(join(CORPUS, `${m.id}.txt`)))
  .map((m) => ({ id: m.id, published: m.published, text: readFileSync(join(CORPUS, `${m.id}.txt`), 'utf8') }));
const bytes = docs.reduce((n, d) => n + Buffer.byteLength(d.text), 0);
const MB = bytes / 1e6;

let failures = 0;
let firstFailure = '';
const perDoc = new Map<string, number>();
/** Wall and CPU milliseconds of one round (CPU: this process's user + system time). */
interface Round { wall: number; cpu: number }
const cpuMs = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1000;

function runPipeline(timeEach = false): Round {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  for (const d of docs) {
    const t = timeEach ? performance.now() : 0;
    try {
      extract(d.text, { id: d.id, source: d.id, published: d.published, publishedFrom: 'option' });
    } catch (e) {
      failures++;
      firstFailure ||= `${d.id}: ${(e as Error).message}`;
    }
    if (timeEach) perDoc.set(d.id, performance.now() - t);
  }
  return { wall: performance.now() - t0, cpu: cpuMs(process.cpuUsage(c0)) };
}
// The baseline is wink-nlp as it comes (its default pipeline), reading each text and listing
// its tokens: what any user of wink pays for tokenising. parley's own instance drops the
// passes it does not use (src/extract/nlp.ts).
const winkAsItComes = winkNLP(model);
function runTokeniser(): Round {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  for (const d of docs) winkAsItComes.readDoc(d.text).tokens().out();
  return { wall: performance.now() - t0, cpu: cpuMs(process.cpuUsage(c0)) };
}

const median = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2; };
const fmt = (n: number, d = 1) => n.toFixed(d);

console.log(`corpus: ${docs.length} texts, ${fmt(MB, 2)} MB (../shared/corpus/guardian); ${ROUNDS} rounds after a warm-up`);
runPipeline(); runTokeniser(); // warm-up: JIT, lexicons, wink's model
failures = 0;
const pipe: Round[] = [], tok: Round[] = [];
for (let r = 0; r < ROUNDS; r++) {
  pipe.push(runPipeline(r === ROUNDS - 1));
  tok.push(runTokeniser());
}
const pMs = median(pipe.map((r) => r.wall)), tMs = median(tok.map((r) => r.wall));
const pCpu = median(pipe.map((r) => r.cpu)), tCpu = median(tok.map((r) => r.cpu));
const maxRssMb = process.resourceUsage().maxRSS / 1024;
const rate = (ms: number) => fmt(docs.length / (ms / 1000)).padStart(12);
const mbs = (ms: number) => fmt(MB / (ms / 1000), 2).padStart(8);
console.log('');
console.log('                         articles/s     MB/s  (wall clock)   articles/s     MB/s  (CPU time)');
console.log(`extract() pipeline     ${rate(pMs)} ${mbs(pMs)}                ${rate(pCpu)} ${mbs(pCpu)}`);
console.log(`wink bare tokenising   ${rate(tMs)} ${mbs(tMs)}                ${rate(tCpu)} ${mbs(tCpu)}`);
console.log(`ratio (pipeline / tokenising): ${fmt(pMs / tMs, 2)}x wall clock, ${fmt(pCpu / tCpu, 2)}x CPU time`);
console.log(`rounds, pipeline ms: ${pipe.map((x) => fmt(x.wall, 0)).join(' ')}; tokenising ms: ${tok.map((x) => fmt(x.wall, 0)).join(' ')} (medians above)`);
console.log(`peak RSS: ${fmt(maxRssMb, 0)} MB`);
if (failures) console.log(`extract() threw on ${failures / ROUNDS} texts per round; first: ${firstFailure}`);
const slow = [...perDoc].sort((a, b) => b[1] - a[1]).slice(0, 3);
console.log(`slowest texts (last round): ${slow.map(([id, ms]) => `${id} ${fmt(ms)} ms`).join(', ')}`);

// Startup: a user's whole command on one short example, against node doing nothing.
function spawnMs(args: string[], n = 5): number {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
    times.push(performance.now() - t0);
    if (r.status !== 0) { console.log(`  (${args.join(' ')} exited ${r.status}: ${r.stderr.trim().split('\n')[0]})`); break; }
  }
  return median(times);
}
const cli = spawnMs(['bin/parley.mjs', 'extract', '--published', '2025-03-09', EXAMPLE]);
const bare = spawnMs(['-e', '0']);
console.log('');
console.log(`startup, median of 5: node bin/parley.mjs extract ${EXAMPLE}: ${fmt(cli, 0)} ms; node -e 0: ${fmt(bare, 0)} ms`);
