import { sql } from 'kysely';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type RawReplyDefaultExpression, type RawRequestDefaultExpression, type RawServerDefault } from 'fastify';
import swagger from '@fastify/swagger';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Store } from '../store/open.ts';
import { problem, sendProblem, toProblem } from './problem.ts';
import { readRoutes } from './routes/read.ts';
import { reviewRoutes } from './routes/review.ts';
import { processRoutes } from './routes/processes.ts';
import { serveWeb } from './static.ts';
import { cacheReads } from './cache.ts';

export interface ServerOptions {
  readonly store: Store;
  /** The built web UI to serve (web/dist); none: API only. */
  readonly webDir?: string;
  /** Who the writes are recorded as (history.by). */
  readonly by?: string;
  readonly logger?: boolean;
  /**
   * Keep read responses in memory until the record changes (src/server/cache.ts). Default: on
   * unless PARLEY_HTTP_CACHE=0. On PGlite every write goes through this server; on PostgreSQL,
   * which other processes may write, each read first checks the database's snapshot stamp.
   */
  readonly cache?: boolean;
}

/** No inline script or style can run: the UI is files from this origin only. */
export const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

export const API_INFO = { title: 'parley API', version: '0.1.0', description: 'The process record: documents, actors, processes and rounds, claims, review.' };

/** The HTTP API (and the web UI) over one open store. Call `ready()` before `swagger()`. */
export async function buildServer(o: ServerOptions): Promise<FastifyInstance> {
  const app = Fastify({ logger: o.logger ?? false, routerOptions: { maxParamLength: 200 }, bodyLimit: 1 << 20 });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  await app.register(swagger, {
    openapi: { openapi: '3.0.3', info: API_INFO, tags: [{ name: 'records' }, { name: 'review' }, { name: 'processes' }] },
    transform: jsonSchemaTransform,
  });
  app.addHook('onSend', async (_req, reply, payload) => {
    reply.header('content-security-policy', CSP);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
    return payload;
  });
  app.setErrorHandler((err, req, reply) => {
    const p = toProblem(err, req);
    if (p.status >= 500) req.log.error(err);
    if (p.status >= 500 && process.env.PARLEY_DEBUG) console.error(err);
    return sendProblem(reply, p);
  });
  app.setNotFoundHandler((req, reply) => sendProblem(reply, problem('NOT_FOUND', 404, `no such resource: ${req.method} ${req.url.split('?')[0]}`, { instance: req.url.split('?')[0] })));
  if (o.cache ?? process.env.PARLEY_HTTP_CACHE !== '0') cacheReads(app, o.store.kind === 'postgres' ? { stamp: snapshotStamp(o.store) } : {});
  const z = app.withTypeProvider<ZodTypeProvider>();
  const ctx = { store: o.store, by: o.by ?? 'web' };
  readRoutes(z, ctx);
  reviewRoutes(z, ctx);
  processRoutes(z, ctx);
  z.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  if (o.webDir) serveWeb(app, o.webDir);
  return app;
}

/**
 * The stamp of a PostgreSQL database for the response cache: its current snapshot (xmin:xmax:
 * running xids). Every commit or abort of a transaction that wrote, by any process, changes it —
 * xmax moves past the latest completed transaction, or the transaction leaves the running list —
 * and it never comes back to an earlier value, so two equal stamps mean nothing was committed in
 * between. Writes to other databases of the server change it too: a miss, never a stale hit.
 */
function snapshotStamp(store: Store): () => Promise<string> {
  return async () => (await sql<{ s: string }>`select pg_current_snapshot()::text as s`.execute(store.db)).rows[0]!.s;
}

export type ZApp = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, ZodTypeProvider>;
export interface RouteContext { readonly store: Store; readonly by: string }
