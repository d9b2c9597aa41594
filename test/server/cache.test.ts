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
