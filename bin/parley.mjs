#!/usr/bin/env node
// parley's command line. TypeScript sources run through tsx's loader: no build step.
import { register } from 'tsx/esm/api';
register();
const { main } = await import('../src/cli/main.ts');
const code = await main(process.argv.slice(2));
process.exitCode = code;
