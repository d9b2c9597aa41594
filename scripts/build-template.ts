// Run by `npm ci` (the prepare script): the migrated empty PGlite database new workspaces
// start from (src/store/template.ts). Skipped when the one in dist/ is already this build's.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { makeTemplate, readTemplate, SHIPPED_TEMPLATE, templateKey, writeTemplate } from '../src/store/template.ts';

const key = templateKey();
if (!readTemplate(SHIPPED_TEMPLATE, () => key)) {
  mkdirSync(dirname(SHIPPED_TEMPLATE), { recursive: true });
  await writeTemplate(SHIPPED_TEMPLATE, await makeTemplate(), key);
}
