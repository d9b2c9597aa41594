import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../project-root.ts';

let cached: string | undefined;

/**
 * The version of the extractor that made a record: parley's version plus a hash of the
 * extraction code and lexicons. A document stored by another version is re-extracted on
 * the next ingest (human decisions stay).
 */
export function extractorVersion(): string {
  // Tests pin it: the sources change under them while several people work in one tree.
  if (process.env.PARLEY_EXTRACTOR_VERSION) return process.env.PARLEY_EXTRACTOR_VERSION;
  if (cached) return cached;
  const root = join(PROJECT_ROOT, 'src') + '/';
  const pkg = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string };
  const h = createHash('sha1');
  // Claims' keys (what counts as the same fact) are made at ingest: a change to them re-reads too.
  const drafting = [join(root, 'app', 'ingest-drafts.ts'), join(root, 'record', 'claims.ts'), join(root, 'record', 'lexicon', 'currencies.json'), join(root, 'record', 'lexicon', 'count-scope.json'), ...walk(join(root, 'record', 'claims'))];
  for (const f of [...walk(join(root, 'extract')).sort(), ...drafting.sort()]) {
    if (f.endsWith('.test.ts')) continue;
    h.update(f.slice(root.length)).update(readFileSync(f));
  }
  cached = `${pkg.version}+${h.digest('hex').slice(0, 10)}`;
  return cached;
}

function walk(dir: string, out: string[] = []): string[] {
  for (const n of readdirSync(dir)) {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (/\.(ts|json)$/.test(n)) out.push(p);
  }
  return out;
}
