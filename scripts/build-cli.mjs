#!/usr/bin/env node
// Bundles the `parley extract` path into dist/extract.mjs so the command starts without
// compiling TypeScript (tsx costs ~0.3 s per start). Only `extract` runs from the bundle:
// the workspace commands are left as imports of the sources and never reached from it.
// bin/parley.mjs uses the bundle only while it is newer than every file under src/.
import { build } from 'esbuild';

await build({
  entryPoints: ['src/cli/main.ts'],
  outfile: 'dist/extract.mjs',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
  plugins: [{
    name: 'workspace-commands-stay-out',
    setup(b) {
      b.onResolve({ filter: /^\.\/(store|brief|serve)-commands\.ts$/ }, (a) => ({ path: a.path, external: true }));
    },
  }],
});
