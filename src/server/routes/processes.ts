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
  app.get('/api/processes', {
    schema: { tags: ['processes'], summary: 'Negotiation processes, the most rounds first', querystring: z.object(pageQuery), response: { 200: pageOf(processItem), ...errors } },
  }, async (req) => {
    const offset = Number(decodeCursor(req.query.cursor)?.[0] ?? 0);
    const { items, more } = await listProcesses(db, offset, req.query.limit);
    return { items, nextCursor: more ? encodeCursor([offset + req.query.limit]) : null };
  });

  app.get('/api/processes/:id', {
    schema: {
      tags: ['processes'], summary: 'A process: rounds, participation matrix, statements, measures, figures (contested side by side)',
      params: z.object({ id: z.string().regex(/^p[0-9a-f]{10}$/, 'a process id like p0123456789') }), response: { 200: anyRecord, ...errors },
    },
  }, async (req, reply) => {
    const body = await processView(db, req.params.id);
    if (body === undefined) throw new ParleyError('NOT_FOUND', `no process ${req.params.id}`);
    // Composed JSON, sent as it is.
    return reply.type('application/json; charset=utf-8').send(body as unknown as Record<string, unknown>);
  });
}
