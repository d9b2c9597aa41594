// Whether a bundle under dist/ may run instead of the TypeScript sources: only while it is
// newer than every file under src/ (a source edited since the build makes it stale).
import { readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('..', import.meta.url));

function newestSource(dir) {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = dir + '/' + e.name;
    newest = Math.max(newest, e.isDirectory() ? newestSource(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/**
 * The bundle's path when it is fresh, else undefined. `from`: parley's folder, given by code that
 * may itself run from a bundle (where this module's own URL is not beside bin/).
 */
export function freshBundle(name, from = root) {
  const base = from.endsWith('/') ? from : from + '/';
  const bundle = base + 'dist/' + name;
  try { return statSync(bundle).mtimeMs > newestSource(base + 'src') ? bundle : undefined; } catch { return undefined; }
}
