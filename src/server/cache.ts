import type { FastifyInstance } from 'fastify';

interface Entry { body: string; etag: string | undefined; at: number }

/**
 * Read responses kept in memory until the next write. A PGlite workspace is locked to this
 * process, so every write goes through this server and clears the cache: nothing is ever stale.
 * On PostgreSQL other processes (parley ingest) may write too: there an entry lives `ttlMs`.
 */
export function cacheReads(app: FastifyInstance, o: { ttlMs: number; max?: number }): { clear(): void } {
  const max = o.max ?? 2000;
  const entries = new Map<string, Entry>();
  const clear = (): void => entries.clear();
  const cacheable = (method: string, url: string): boolean => method === 'GET' && url.startsWith('/api/') && !url.startsWith('/api/openapi.json');

  app.addHook('onRequest', async (req, reply) => {
    if (req.method !== 'GET' && req.method !== 'HEAD' && req.method !== 'OPTIONS') { clear(); return; }
    if (!cacheable(req.method, req.url)) return;
    const e = entries.get(req.url);
    if (!e) return;
    if (Date.now() - e.at > o.ttlMs) { entries.delete(req.url); return; }
    if (e.etag) reply.header('etag', e.etag);
    reply.header('x-parley-cache', 'hit');
    return reply.type('application/json; charset=utf-8').send(e.body);
  });
  app.addHook('onSend', async (req, reply, payload) => {
    if (reply.getHeader('x-parley-cache') || reply.statusCode !== 200 || !cacheable(req.method, req.url) || typeof payload !== 'string') return payload;
    if (entries.size >= max) entries.delete(entries.keys().next().value!);
    const etag = reply.getHeader('etag');
    entries.set(req.url, { body: payload, etag: typeof etag === 'string' ? etag : undefined, at: Date.now() });
    return payload;
  });
  // A write that failed halfway is still a write attempt: clear again once it is answered.
  app.addHook('onResponse', async (req) => { if (req.method !== 'GET' && req.method !== 'HEAD' && req.method !== 'OPTIONS') clear(); });
  return { clear };
}
