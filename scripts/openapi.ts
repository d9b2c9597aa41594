// Writes openapi.json, the committed OpenAPI document (test/server/openapi.test.ts fails when it drifts).
import { writeFileSync } from 'node:fs';
import { openApiText } from '../src/server/openapi.ts';

writeFileSync(new URL('../openapi.json', import.meta.url), await openApiText());
console.log('wrote openapi.json');
