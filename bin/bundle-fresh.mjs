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

/** The bundle's path when it is fresh, else undefined. */
export function freshBundle(name) {
  const bundle = root + 'dist/' + name;
  try { return statSync(bundle).mtimeMs > newestSource(root + 'src') ? bundle : undefined; } catch { return undefined; }
}
