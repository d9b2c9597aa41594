// Run by `npm ci` (the prepare script): the migrated empty PGlite database new workspaces
// start from (src/store/template.ts). Skipped when the one in dist/ is already this build's.
import { mkdirSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { makeTemplate, readTemplate, SHIPPED_TEMPLATE, templateKey } from '../src/store/template.ts';

const key = templateKey();
if (!readTemplate(SHIPPED_TEMPLATE, () => key)) {
  mkdirSync(dirname(SHIPPED_TEMPLATE), { recursive: true });
  await makeTemplate(SHIPPED_TEMPLATE, key);
}
// The gzipped dump earlier versions made.
for (const old of [`${SHIPPED_TEMPLATE}.tar.gz`, `${SHIPPED_TEMPLATE}.tar.gz.key`]) rmSync(old, { force: true });
