import type { Store } from '../store/open.ts';
import { buildServer } from './app.ts';

/** The OpenAPI document of this build's API, as served at /api/openapi.json (no database touched). */
export async function openApiDocument(): Promise<unknown> {
  const app = await buildServer({ store: { db: null, kind: 'pglite', location: '', close: async () => undefined } as unknown as Store });
  await app.ready();
  const doc = app.swagger();
  await app.close();
  return doc;
}

export const openApiText = async (): Promise<string> => JSON.stringify(await openApiDocument(), null, 2) + '\n';
