#!/usr/bin/env node
// parley's command line. It runs from the bundle `npm ci` made (dist/cli/, scripts/build-cli.mjs)
// while that is newer than the sources; after a source changed, through tsx's loader on the
// TypeScript sources.
import { freshBundle } from './bundle-fresh.mjs';

let main;
const bundle = freshBundle('cli/main.mjs');
if (bundle) {
  ({ main } = await import(bundle));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../src/cli/main.ts'));
}
process.exitCode = await main(process.argv.slice(2));
