import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openApiText } from '../../src/server/openapi.ts';
import { ROOT } from '../store/helpers.ts';

test('openapi.json is what this build serves (npm run openapi rewrites it)', async () => {
  const committed = readFileSync(join(ROOT, 'openapi.json'), 'utf8');
  assert.equal(await openApiText(), committed, 'openapi.json drifted from the routes: run npm run openapi and commit it');
});

test('every route is documented with its parameters and problem responses', async () => {
  const doc = JSON.parse(readFileSync(join(ROOT, 'openapi.json'), 'utf8')) as { openapi: string; paths: Record<string, Record<string, { responses: Record<string, unknown> }>> };
  assert.match(doc.openapi, /^3\./);
  for (const p of ['/api/documents', '/api/actors/{id}', '/api/processes/{id}', '/api/records/{id}/review', '/api/search', '/api/review/documents']) assert.ok(doc.paths[p], p);
  assert.ok(doc.paths['/api/records/{id}']!.patch!.responses['412']);
});
