#!/usr/bin/env node
// parley's command line. `parley extract` runs from a bundle (dist/extract.mjs, made by
// `npm ci` / `npm run build:cli`) while it is newer than the sources; everything else, and
// any run after a source changed, goes through tsx's loader on the TypeScript sources.
import { freshBundle } from './bundle-fresh.mjs';

let main;
const bundle = process.argv[2] === 'extract' ? freshBundle('extract.mjs') : undefined;
if (bundle) {
  ({ main } = await import(bundle));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../src/cli/main.ts'));
}
process.exitCode = await main(process.argv.slice(2));
