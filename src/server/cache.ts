import type { FastifyInstance, FastifyRequest } from 'fastify';

interface Entry { body: string; etag: string | undefined }

/**
 * Read responses kept in memory until the next write. Only where every write goes through this
 * server (a PGlite workspace is locked to this process): a PostgreSQL store may be written by
 * other processes (parley ingest), so there buildServer does not cache at all.
 * A read that overlapped a write is not kept: writes move a generation counter when they start
 * and when they are answered (and clear the cache both times), and a read is stored only if the
 * generation it started in is still the current one.
 */
export function cacheReads(app: FastifyInstance, o: { max?: number } = {}): { clear(): void } {
  const max = o.max ?? 2000;
  const entries = new Map<string, Entry>();
  let generation = 0;
  const startedIn = new WeakMap<FastifyRequest, number>();
  const clear = (): void => { generation++; entries.clear(); };
  const isWrite = (method: string): boolean => method !== 'GET' && method !== 'HEAD' && method !== 'OPTIONS';
  const cacheable = (method: string, url: string): boolean => method === 'GET' && url.startsWith('/api/') && !url.startsWith('/api/openapi.json');

  app.addHook('onRequest', async (req, reply) => {
    if (isWrite(req.method)) { clear(); return; }
    if (!cacheable(req.method, req.url)) return;
    startedIn.set(req, generation);
    const e = entries.get(req.url);
    if (!e) return;
    if (e.etag) reply.header('etag', e.etag);
    reply.header('x-parley-cache', 'hit');
    return reply.type('application/json; charset=utf-8').send(e.body);
  });
  app.addHook('onSend', async (req, reply, payload) => {
    if (reply.getHeader('x-parley-cache') || reply.statusCode !== 200 || !cacheable(req.method, req.url) || typeof payload !== 'string') return payload;
    if (startedIn.get(req) !== generation) return payload;
    if (entries.size >= max) entries.delete(entries.keys().next().value!);
    const etag = reply.getHeader('etag');
    entries.set(req.url, { body: payload, etag: typeof etag === 'string' ? etag : undefined });
    return payload;
  });
  // A write that failed halfway is still a write attempt: clear again once it is answered.
  app.addHook('onResponse', async (req) => { if (isWrite(req.method)) clear(); });
  app.addHook('onRequestAbort', async (req) => { if (isWrite(req.method)) clear(); });
  return { clear };
}
