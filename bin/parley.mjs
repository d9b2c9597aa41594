#!/usr/bin/env node
// parley's command line. `parley extract` runs from a bundle (dist/extract.mjs, made by
// `npm ci` / `npm run build:cli`) while it is newer than the sources; everything else, and
// any run after a source changed, goes through tsx's loader on the TypeScript sources.
import { readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bundle = root + 'dist/extract.mjs';

function newestSource(dir) {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = dir + '/' + e.name;
    newest = Math.max(newest, e.isDirectory() ? newestSource(p) : statSync(p).mtimeMs);
  }
  return newest;
}
function bundleIsFresh() {
  try { return statSync(bundle).mtimeMs > newestSource(root + 'src'); } catch { return false; }
}

let main;
if (process.argv[2] === 'extract' && bundleIsFresh()) {
  ({ main } = await import(bundle));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../src/cli/main.ts'));
}
process.exitCode = await main(process.argv.slice(2));
