import { z } from 'zod';
import { ParleyError } from '../../domain/errors.ts';
import type { RouteContext, ZApp } from '../app.ts';
import { decodeCursor, encodeCursor, pageOf, pageQuery } from '../cursor.ts';
import { listProcesses, processView } from '../queries/processes.ts';
import { anyRecord, errors } from '../schemas.ts';

const processItem = z.object({ id: z.string(), name: z.string(), place: z.string().nullable(), host: z.string().nullable(), rounds: z.number(), first: z.string().nullable(), last: z.string().nullable(), actors: z.number() });

/** Processes and rounds, read from the derived process record (src/app/recompute-record.ts). */
export function processRoutes(app: ZApp, { store }: RouteContext): void {
  const db = store.db;
  // On PGlite every write goes through this server: once the record was found fresh, it stays so
  // until the next write request starts. Writes move `generation` when they start and end.
  let generation = 0, freshAt = -1;
  if (store.kind === 'pglite') {
    const isWrite = (m: string): boolean => m !== 'GET' && m !== 'HEAD' && m !== 'OPTIONS';
    app.addHook('onRequest', async (req) => { if (isWrite(req.method)) generation++; });
    app.addHook('onResponse', async (req) => { if (isWrite(req.method)) generation++; });
    app.addHook('onRequestAbort', async (req) => { if (isWrite(req.method)) generation++; });
  }
  const fresh = async <T>(read: (knownFresh: boolean) => Promise<T>): Promise<T> => {
    const g = generation;
    const out = await read(store.kind === 'pglite' && g === freshAt);
    if (store.kind === 'pglite' && generation === g) freshAt = g;
    return out;
  };
  app.get('/api/processes', {
    schema: { tags: ['processes'], summary: 'Negotiation processes, the most rounds first', querystring: z.object(pageQuery), response: { 200: pageOf(processItem), ...errors } },
  }, async (req) => {
    const offset = Number(decodeCursor(req.query.cursor)?.[0] ?? 0);
    const { items, more } = await fresh((known) => listProcesses(db, offset, req.query.limit, known));
    return { items, nextCursor: more ? encodeCursor([offset + req.query.limit]) : null };
  });

  app.get('/api/processes/:id', {
    schema: {
      tags: ['processes'], summary: 'A process: rounds, participation matrix, statements, measures, figures (contested side by side)',
      params: z.object({ id: z.string().regex(/^p[0-9a-f]{10}$/, 'a process id like p0123456789') }), response: { 200: anyRecord, ...errors },
    },
  }, async (req, reply) => {
    const body = await fresh((known) => processView(db, req.params.id, known));
    if (body === undefined) throw new ParleyError('NOT_FOUND', `no process ${req.params.id}`);
    // Composed JSON, sent as it is.
    return reply.type('application/json; charset=utf-8').send(body as unknown as Record<string, unknown>);
  });
}
