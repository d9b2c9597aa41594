// Test support for the API: a real HTTP server on loopback over a real store — a PGlite workspace
// (made from the store tests' template) or a fresh PostgreSQL database (PARLEY_TEST_DATABASE_URL)
// — holding the bundled examples, plus fetch helpers.
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { ingestPaths } from '../../src/app/ingest.ts';
import { openStore, type Store, type StoreOptions } from '../../src/store/open.ts';
import { buildServer } from '../../src/server/app.ts';
import { BACKENDS, ROOT, type Backend } from '../store/helpers.ts';

/** `options`: how to open the same store again, as another process would (PostgreSQL only: a workspace is locked). */
export interface Served { url: string; store: Store; app: FastifyInstance; options: StoreOptions; close(): Promise<void> }

/** A store of the backend (default: PGlite) with the examples (and any extra report files) ingested, served on 127.0.0.1. */
export async function serveExamples(extra: string[] = [], webDir?: string, backend: Backend = BACKENDS[0]!): Promise<Served> {
  const fresh = await backend.fresh();
  const store = await openStore({ ...fresh.options, command: 'api test' });
  await ingestPaths(store, [join(ROOT, 'examples')], { workers: 0, by: 'test' });
  // The fixtures give no publication date of their own.
  if (extra.length) await ingestPaths(store, extra, { workers: 0, by: 'test', published: '2025-05-12' });
  const app = await buildServer({ store, by: 'tester', ...(webDir ? { webDir } : {}) });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  return {
    url, store, app, options: fresh.options,
    async close() {
      await app.close();
      await store.close();
      await fresh.cleanup();
    },
  };
}

export async function getJson<T = any>(url: string, init?: RequestInit): Promise<{ status: number; body: T; headers: Headers }> {
  const r = await fetch(url, init);
  const text = await r.text();
  return { status: r.status, body: (text ? JSON.parse(text) : null) as T, headers: r.headers };
}

export const send = (url: string, method: string, body: unknown, headers: Record<string, string> = {}) =>
  getJson(url, { method, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
