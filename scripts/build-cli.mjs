#!/usr/bin/env node
// Bundles parley's command line into dist/cli/ so a command starts without compiling TypeScript
// (tsx costs ~0.7 s per start: `parley --help` 1.3 s from the sources, 0.65 s bundled). Each
// command group is its own chunk, loaded when its command runs. `parley ingest`'s extraction
// workers start from dist/ingest-worker.mjs the same way. Each bundle is used only while it is
// newer than every file under src/ (bin/bundle-fresh.mjs); otherwise the sources run through tsx.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

/** What both bundles share: ESM for Node 20, npm packages left to node_modules. */
const common = { bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', logLevel: 'warning' };

rmSync('dist/cli', { recursive: true, force: true });
rmSync('dist/extract.mjs', { force: true }); // the extract-only bundle of earlier versions
await build({ ...common, entryPoints: { main: 'src/cli/main.ts' }, outdir: 'dist/cli', splitting: true, chunkNames: 'chunk-[hash]', outExtension: { '.js': '.mjs' } });
await build({ ...common, entryPoints: ['src/app/ingest-worker.ts'], outfile: 'dist/ingest-worker.mjs' });
