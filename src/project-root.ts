import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * parley's own folder (the one with its package.json), found from wherever this code runs: the
 * TypeScript sources (src/), or a bundle of them under dist/. Files beside the code (the
 * migrations' text, web/dist, examples/, the install-time template) are found from here.
 */
function findRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'parley') return dir;
    if (dirname(dir) === dir) throw new Error(`parley's package.json not found above ${from}`);
  }
}

export const PROJECT_ROOT = findRoot(dirname(fileURLToPath(import.meta.url)));
