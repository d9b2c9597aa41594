#!/usr/bin/env node
// Bundles the `parley extract` path into dist/extract.mjs so the command starts without
// compiling TypeScript (tsx costs ~0.3 s per start). Only `extract` runs from the bundle:
// the workspace commands are left as imports of the sources and never reached from it.
// `parley ingest`'s extraction workers start from dist/ingest-worker.mjs the same way.
// Each bundle is used only while it is newer than every file under src/ (bin/bundle-fresh.mjs).
import { build } from 'esbuild';

/** What both bundles share: ESM for Node 20, npm packages left to node_modules. */
const common = { bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', logLevel: 'warning' };

await build({
  ...common,
  entryPoints: ['src/cli/main.ts'],
  outfile: 'dist/extract.mjs',
  plugins: [{
    name: 'workspace-commands-stay-out',
    setup(b) {
      b.onResolve({ filter: /^\.\/(store|brief|serve)-commands\.ts$/ }, (a) => ({ path: a.path, external: true }));
    },
  }],
});

await build({ ...common, entryPoints: ['src/app/ingest-worker.ts'], outfile: 'dist/ingest-worker.mjs' });
