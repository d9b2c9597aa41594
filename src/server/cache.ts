import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

interface Entry { body: string; etag: string | undefined; stamp: string | undefined }

export interface CacheOptions {
  /** Most responses kept (the oldest go first). */
  readonly max?: number;
  /**
   * Where other processes may write the store (PostgreSQL): reads a stamp of the database that
   * changes with every commit anywhere in it. A response is kept under the stamp read before it
   * was composed and served again only to a request whose own stamp (read after it arrived) is
   * the same. None: every write goes through this server (a PGlite workspace is locked to it).
   */
  readonly stamp?: () => Promise<string>;
}

/**
 * `read` coalesced across concurrent callers, without ever answering a caller with a value read
 * before it called: callers that arrive while a read is under way share the next one, issued as
 * soon as that read is answered. At most two reads are under way; under load one per round trip.
 */
export function coalesced(read: () => Promise<string>): () => Promise<string> {
  let running: Promise<string> | undefined;
  let next: Promise<string> | undefined;
  const issue = (): Promise<string> => {
    const p = read();
    running = p;
    const done = (): void => { if (running === p) running = undefined; };
    p.then(done, done);
    return p;
  };
  return () => {
    if (!running) return issue();
    next ??= running.then(() => undefined, () => undefined).then(() => { next = undefined; return issue(); });
    return next;
  };
}

/** A response being composed for requests that missed: the others with the same URL, stamp and generation wait for it. */
interface Flight { generation: number; stamp: string | undefined; done: Promise<Entry | undefined>; land(e: Entry | undefined): void }
/** How long a request waits for another's answer before composing its own. */
const FLIGHT_WAIT_MS = 10_000;

/**
 * Read responses (GET /api/...) kept in memory until the record changes. Writes through this
 * server move a generation counter when they start and when they are answered (and clear the
 * cache both times); a read is stored only if the generation it started in is still the current
 * one, so a read that overlapped a write is not kept. With `stamp` (PostgreSQL, where `parley
 * ingest` or another server may write) each GET also reads the stamp first; see CacheOptions.
 * Misses are composed once: concurrent requests for a URL that missed under the same stamp and
 * generation wait for the first one's answer (after a commit by `parley ingest`, 50 clients of the
 * process view cost one composition, not 50).
 */
export function cacheReads(app: FastifyInstance, o: CacheOptions = {}): { clear(): void } {
  const max = o.max ?? 2000;
  const entries = new Map<string, Entry>();
  let generation = 0;
  let current: string | undefined; // the stamp last read; entries hold only responses composed under it
  const readStamp = o.stamp ? coalesced(o.stamp) : undefined;
  const started = new WeakMap<FastifyRequest, { generation: number; stamp: string | undefined }>();
  const flights = new Map<string, Flight>();
  const leading = new WeakMap<FastifyRequest, Flight>();
  const land = (req: FastifyRequest, e: Entry | undefined): void => {
    const f = leading.get(req);
    if (!f) return;
    leading.delete(req);
    if (flights.get(req.url) === f) flights.delete(req.url);
    f.land(e);
  };
  const hit = (reply: FastifyReply, e: Entry): FastifyReply => {
    if (e.etag) reply.header('etag', e.etag);
    reply.header('x-parley-cache', 'hit');
    return reply.type('application/json; charset=utf-8').send(e.body);
  };
  const clear = (): void => { generation++; entries.clear(); };
  const isWrite = (method: string): boolean => method !== 'GET' && method !== 'HEAD' && method !== 'OPTIONS';
  const cacheable = (method: string, url: string): boolean => method === 'GET' && url.startsWith('/api/') && !url.startsWith('/api/openapi.json');

  app.addHook('onRequest', async (req, reply) => {
    if (isWrite(req.method)) { clear(); return; }
    if (!cacheable(req.method, req.url)) return;
    const g = generation;
    let stamp: string | undefined;
    if (readStamp) {
      try { stamp = await readStamp(); } catch { return; } // no stamp: answered, not kept
      if (stamp !== current) { current = stamp; entries.clear(); }
    }
    started.set(req, { generation: g, stamp });
    if (g !== generation) return;
    const e = entries.get(req.url);
    if (e && e.stamp === stamp) return hit(reply, e);
    const f = flights.get(req.url);
    if (f && f.stamp === stamp && f.generation === g) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const shared = await Promise.race([f.done, new Promise<undefined>((ok) => { timer = setTimeout(() => ok(undefined), FLIGHT_WAIT_MS); })]);
      clearTimeout(timer);
      if (shared) return hit(reply, shared);
      return; // the first one failed or was slow: compose it here
    }
    let landOf: (e: Entry | undefined) => void = () => undefined;
    const flight: Flight = { generation: g, stamp, done: new Promise((ok) => { landOf = ok; }), land: (x) => landOf(x) };
    flights.set(req.url, flight);
    leading.set(req, flight);
  });
  app.addHook('onSend', async (req, reply, payload) => {
    if (reply.getHeader('x-parley-cache') || reply.statusCode !== 200 || !cacheable(req.method, req.url) || typeof payload !== 'string') { land(req, undefined); return payload; }
    const etag = reply.getHeader('etag');
    const s = started.get(req);
    const e: Entry = { body: payload, etag: typeof etag === 'string' ? etag : undefined, stamp: s?.stamp };
    // Those waiting started in the same generation and stamp as this one: its answer is theirs.
    land(req, e);
    if (!s || s.generation !== generation || s.stamp !== current) return payload;
    if (entries.size >= max) entries.delete(entries.keys().next().value!);
    entries.set(req.url, e);
    return payload;
  });
  // A write that failed halfway is still a write attempt: clear again once it is answered.
  app.addHook('onResponse', async (req) => { land(req, undefined); if (isWrite(req.method)) clear(); });
  app.addHook('onRequestAbort', async (req) => { land(req, undefined); if (isWrite(req.method)) clear(); });
  return { clear };
}
