#!/usr/bin/env node
// Runs every *.test.ts under src/ and test/ with node's test runner.
// `node --test` with no files finds nothing and exits 0, so the list is built here and an
// empty list is a failure: a run that ends on "0 tests" is no test run.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

function walk(dir, out = []) {
  let names;
  try { names = readdirSync(dir); } catch { return out; }
  for (const n of names) {
    if (n === 'node_modules') continue;
    const p = join(dir, n);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (n.endsWith('.test.ts')) out.push(p);
  }
  return out;
}
const only = process.argv.slice(2);
const files = (only.length ? only : [...walk('src'), ...walk('test')]).sort();
if (files.length === 0) { console.error('no test files found'); process.exit(1); }
const r = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', ...files], { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8', maxBuffer: 256 << 20 });
process.stdout.write(r.stdout);
const m = /# tests (\d+)/.exec(r.stdout) ?? /ℹ tests (\d+)/.exec(r.stdout);
if (!m || Number(m[1]) === 0) { console.error('the test run reported no tests'); process.exit(1); }
process.exit(r.status ?? 1);
