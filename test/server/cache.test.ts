import { test } from 'node:test';
import assert from 'node:assert/strict';
import Fastify from 'fastify';
import { cacheReads } from '../../src/server/cache.ts';

/** A value behind GET /api/v and POST /api/v; the GET can be held until `release()`. */
async function app() {
  const a = Fastify();
  cacheReads(a);
  let value = 1;
  let gate: Promise<void> | undefined;
  let open = (): void => undefined;
  a.get('/api/v', async () => { const seen = value; await gate; return { value: seen }; });
  a.post('/api/v', async () => { value++; return { value }; });
  await a.ready();
  return {
    a,
    hold() { gate = new Promise((ok) => { open = ok; }); },
    release() { open(); gate = undefined; },
  };
}

test('cache: a read is served from memory until a write', async () => {
  const { a } = await app();
  assert.equal((await a.inject('/api/v')).json().value, 1);
  const hit = await a.inject('/api/v');
  assert.equal(hit.headers['x-parley-cache'], 'hit');
  await a.inject({ method: 'POST', url: '/api/v' });
  const after = await a.inject('/api/v');
  assert.equal(after.headers['x-parley-cache'], undefined);
  assert.equal(after.json().value, 2);
});

test('cache: a read that overlapped a write is not kept (it may have read the old value)', async () => {
  const t = await app();
  t.hold();
  const slow = t.a.inject('/api/v'); // reads value 1, answers after the write
  await new Promise((ok) => setTimeout(ok, 10));
  await t.a.inject({ method: 'POST', url: '/api/v' });
  t.release();
  assert.equal((await slow).json().value, 1);
  const next = await t.a.inject('/api/v');
  assert.equal(next.headers['x-parley-cache'], undefined);
  assert.equal(next.json().value, 2);
});

/** A value written "by another process": only the stamp tells the server. */
async function stamped() {
  const a = Fastify();
  let value = 1, stamp = 1, stampReads = 0;
  let stampGate: Promise<void> | undefined;
  let openStamp = (): void => undefined;
  cacheReads(a, { stamp: async () => { stampReads++; const s = stamp; await stampGate; return String(s); } });
  a.get('/api/v', async () => ({ value }));
  await a.ready();
  return {
    a,
    write() { value++; stamp++; },
    reads: () => stampReads,
    holdStamp() { stampGate = new Promise((ok) => { openStamp = ok; }); },
    releaseStamp() { openStamp(); stampGate = undefined; },
  };
}

test('cache with a stamp: a write elsewhere is seen at the next request', async () => {
  const t = await stamped();
  assert.equal((await t.a.inject('/api/v')).json().value, 1);
  assert.equal((await t.a.inject('/api/v')).headers['x-parley-cache'], 'hit');
  t.write();
  const after = await t.a.inject('/api/v');
  assert.equal(after.headers['x-parley-cache'], undefined);
  assert.equal(after.json().value, 2);
  assert.equal((await t.a.inject('/api/v')).headers['x-parley-cache'], 'hit');
});

test('cache with a stamp: concurrent requests share stamp reads, never one begun before they arrived', async () => {
  const t = await stamped();
  await t.a.inject('/api/v');
  t.holdStamp();
  const first = t.a.inject('/api/v'); // its stamp read is under way (value 1)
  await new Promise((ok) => setTimeout(ok, 5));
  t.write(); // after the first stamp read began: the requests below must see it
  const rest = Array.from({ length: 10 }, () => t.a.inject('/api/v'));
  await new Promise((ok) => setTimeout(ok, 5));
  const readsBefore = t.reads();
  t.releaseStamp();
  const [r0, ...rs] = await Promise.all([first, ...rest]);
  assert.equal(r0!.json().value, 1);
  assert.equal(r0!.headers['x-parley-cache'], 'hit');
  for (const r of rs) assert.equal(r.json().value, 2);
  assert.equal(readsBefore, 2); // the shared read for the ten is issued once, after the first returns
  assert.equal(t.reads(), 3); // the warm-up, the first, one for the ten
});

test('cache: concurrent misses of one URL are composed once', async () => {
  const a = Fastify();
  cacheReads(a, { stamp: async () => 's' });
  let calls = 0;
  let open = (): void => undefined;
  const held = new Promise<void>((ok) => { open = ok; });
  a.get('/api/v', async () => { calls++; await held; return { calls }; });
  await a.ready();
  const rs = Array.from({ length: 10 }, () => a.inject('/api/v'));
  await new Promise((ok) => setTimeout(ok, 10));
  open();
  const out = await Promise.all(rs);
  assert.equal(calls, 1);
  for (const r of out) assert.equal(r.json().calls, 1);
  assert.equal(out.filter((r) => r.headers['x-parley-cache'] === 'hit').length, 9);
});

test('cache: when the first of concurrent misses fails, the others compose their own answer', async () => {
  const a = Fastify();
  cacheReads(a, { stamp: async () => 's' });
  let calls = 0;
  let open = (): void => undefined;
  const held = new Promise<void>((ok) => { open = ok; });
  a.get('/api/v', async () => { const n = ++calls; await held; if (n === 1) throw new Error('boom'); return { n }; });
  await a.ready();
  const rs = Array.from({ length: 4 }, () => a.inject('/api/v'));
  await new Promise((ok) => setTimeout(ok, 10));
  open();
  const out = await Promise.all(rs);
  assert.equal(out[0]!.statusCode, 500);
  for (const r of out.slice(1)) assert.equal(r.statusCode, 200);
  assert.equal(calls, 4);
});
