import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { getJson, send, serveExamples, type Served } from './helpers.ts';
import { BACKENDS, ROOT, tempDir } from '../store/helpers.ts';
import { openStore } from '../../src/store/open.ts';
import { decideRecord } from '../../src/app/decide-record.ts';
import { ingestPaths } from '../../src/app/ingest.ts';

const FIX = join(ROOT, 'test/server/fixtures');

// The same API tests on PGlite and, when PARLEY_TEST_DATABASE_URL is set, on PostgreSQL.
for (const backend of BACKENDS) describe(`API on ${backend.name}`, { skip: backend.skip }, () => {
  let s: Served;
  before(async () => { s = await serveExamples([join(FIX, 'geneva-boycott.txt'), join(FIX, 'hostile-markup.txt')], undefined, backend); });
  after(async () => { await s?.close(); });

  describe('API: headers and errors', () => {
    test('every response carries a CSP that forbids inline scripts', async () => {
      for (const path of ['/api/status', '/api/records/c999999', '/nowhere.js']) {
        const r = await fetch(s.url + path);
        const csp = r.headers.get('content-security-policy') ?? '';
        assert.match(csp, /script-src 'self'/, path);
        assert.doesNotMatch(csp, /unsafe-inline/, path);
        await r.text();
      }
    });

    const bad: [string, number, string, string | undefined][] = [
      ['/api/records/c999999', 404, 'NOT_FOUND', undefined],
      ['/api/records/x1', 400, 'BAD_ARGUMENT', 'params.id'],
      ['/api/actors?limit=0', 400, 'BAD_ARGUMENT', 'querystring.limit'],
      ['/api/actors?limit=abc', 400, 'BAD_ARGUMENT', 'querystring.limit'],
      ['/api/claims?kind=poem', 400, 'BAD_ARGUMENT', 'querystring.kind'],
      ['/api/claims?cursor=!!', 400, 'BAD_ARGUMENT', 'query.cursor'],
      ['/api/search', 400, 'BAD_ARGUMENT', 'querystring.q'],
      ['/api/documents/c1', 400, 'BAD_ARGUMENT', 'params.id'],
      ['/api/no-such-thing', 404, 'NOT_FOUND', undefined],
    ];
    for (const [path, status, code, field] of bad) {
      test(`${path} → ${status} ${code}${field ? ` naming ${field}` : ''}`, async () => {
        const r = await getJson(s.url + path);
        assert.equal(r.status, status);
        assert.match(r.headers.get('content-type') ?? '', /^application\/problem\+json/);
        assert.equal(r.body.code, code);
        assert.equal(r.body.status, status);
        assert.ok(r.body.type && r.body.title && r.body.detail);
        if (field) assert.equal(r.body.field, field);
      });
    }
  });

  describe('API: lists', () => {
    test('cursor pagination walks every actor once', async () => {
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const r: any = await getJson(`${s.url}/api/actors?limit=3${cursor ? `&cursor=${cursor}` : ''}`);
        assert.equal(r.status, 200);
        assert.ok(r.body.items.length <= 3);
        seen.push(...r.body.items.map((a: { id: string }) => a.id));
        cursor = r.body.nextCursor;
        pages++;
      } while (cursor && pages < 100);
      const all = await getJson(`${s.url}/api/actors?limit=200`);
      assert.deepEqual(seen, all.body.items.map((a: { id: string }) => a.id));
      assert.equal(new Set(seen).size, seen.length);
      assert.ok(pages > 1);
      // Initials parley derived ("CU") find the Coastal Union but are not listed among its names.
      const byInitials: any = await getJson(`${s.url}/api/actors?q=CU`);
      const union = byInitials.body.items.find((a: { name: string }) => a.name === 'Coastal Union');
      assert.ok(union, JSON.stringify(byInitials.body.items));
      assert.ok(!(union.aliases ?? []).includes('CU'), JSON.stringify(union));
    });

    test('claims filter by kind and document', async () => {
      const docs = await getJson(`${s.url}/api/documents?q=Geneva`);
      const d = docs.body.items[0].id;
      const r = await getJson(`${s.url}/api/claims?kind=participation&document=${d}`);
      assert.ok(r.body.items.length >= 1);
      for (const c of r.body.items) assert.equal(c.kind, 'participation');
    });

    test('search: words, and an exact phrase in quotes', async () => {
      const words = await getJson(`${s.url}/api/search?q=${encodeURIComponent('prisoners released')}`);
      assert.ok(words.body.items.some((i: { type: string }) => i.type === 'document'));
      const phrase = await getJson(`${s.url}/api/search?q=${encodeURIComponent('"political prisoners"')}&kind=document`);
      assert.equal(phrase.body.items.length, 1);
      const none = await getJson(`${s.url}/api/search?q=${encodeURIComponent('"prisoners political"')}&kind=document`);
      assert.equal(none.body.items.length, 0);
    });

    test('a document comes with its text as written and highlights inside it', async () => {
      const docs = await getJson(`${s.url}/api/documents?q=Lisbon`);
      const r = await getJson(`${s.url}/api/documents/${docs.body.items[0].id}`);
      assert.match(r.body.text, /<script>window.__pwned = 1<\/script>/);
      assert.ok(r.body.highlights.length > 0);
      for (const h of r.body.highlights) assert.ok(h.start >= 0 && h.end <= r.body.text.length && h.start < h.end);
      assert.ok(r.body.highlights.some((h: { type: string }) => h.type === 'actor'));
    });
  });

  describe('API: processes', () => {
    test('the Geneva process shows the boycott with its condition in the matrix', async () => {
      const list = await getJson(`${s.url}/api/processes`);
      const geneva = list.body.items.find((p: { name: string }) => /Geneva/.test(p.name));
      assert.ok(geneva, JSON.stringify(list.body.items));
      const p = await getJson(`${s.url}/api/processes/${geneva.id}`);
      assert.equal(p.status, 200);
      const row = p.body.matrix.find((r: { name: string }) => r.name === 'Coastal Union');
      assert.ok(row, JSON.stringify(p.body.matrix));
      const cell = Object.values(row.cells).flat()[0] as { status: string; conditions: string[]; sources: unknown[] };
      assert.equal(cell.status, 'boycott');
      assert.deepEqual(cell.conditions, ['only if all political prisoners were released']);
      assert.ok(cell.sources.length >= 1);
      assert.ok(p.body.rounds.length >= 1);
      assert.ok(Array.isArray(p.body.statements) && Array.isArray(p.body.figures) && Array.isArray(p.body.measures));
      const release = p.body.commitments.find((c: { what: string }) => c.what === 'release_detainees');
      assert.ok(release, JSON.stringify(p.body.commitments));
      assert.equal(release.promised, 40);
      assert.ok(release.history.length >= 1 && release.sources.length >= 1);
      // The same id as `parley commitments` lists and `parley show` takes.
      assert.match(release.id, /^k[0-9a-f]{10}$/);
      const shown = await getJson(`${s.url}/api/records/${release.id}`);
      assert.equal(shown.status, 200, JSON.stringify(shown.body));
      assert.deepEqual([shown.body.id, shown.body.what, shown.body.promised], [release.id, 'release_detainees', 40]);
      assert.ok(shown.body.sources.every((x: { sentence: string | null }) => typeof x.sentence === 'string' && x.sentence.length > 0));
    });

    test('read from the stored record: an accept shows at once without a rebuild; a rejection rebuilds it', async () => {
      const list = await getJson(`${s.url}/api/processes`);
      const id = list.body.items.find((p: { name: string }) => /Geneva/.test(p.name)).id;
      const view = async () => (await getJson(`${s.url}/api/processes/${id}`)).body;
      const built = async () => (await s.store.db.selectFrom('record_stamp').select('stamp').executeTakeFirstOrThrow()).stamp;
      const v0 = await view();
      const [a, b] = v0.statements.filter((x: { state: string }) => x.state === 'proposed');
      assert.ok(a && b, JSON.stringify(v0.statements));
      const stamp = await built();
      assert.equal((await send(`${s.url}/api/records/${a.id}/review`, 'POST', { state: 'accepted' })).status, 200);
      const v1 = await view();
      assert.equal(v1.statements.find((x: { id: string }) => x.id === a.id).state, 'accepted');
      assert.equal(await built(), stamp);
      assert.equal((await send(`${s.url}/api/records/${b.id}/review`, 'POST', { state: 'rejected' })).status, 200);
      const v2 = await view();
      assert.equal(v2.statements.find((x: { id: string }) => x.id === b.id), undefined);
      assert.notEqual(await built(), stamp);
      assert.deepEqual(v2.matrix, v0.matrix);
    });
  });

  describe('API: review', () => {
    test('accept with If-Match; a stale If-Match gets 412 and the first decision stands', async () => {
      const claims = await getJson(`${s.url}/api/claims?state=proposed&kind=quote&limit=1`);
      const id = claims.body.items[0].id;
      const rec = await fetch(`${s.url}/api/records/${id}`);
      const etag = rec.headers.get('etag')!;
      await rec.text();
      assert.match(etag, /^"\d+"$/);
      const first = await send(`${s.url}/api/records/${id}/review`, 'POST', { state: 'accepted' }, { 'if-match': etag });
      assert.equal(first.status, 200);
      assert.equal(first.body.state, 'accepted');
      const second = await send(`${s.url}/api/records/${id}/review`, 'POST', { state: 'rejected' }, { 'if-match': etag });
      assert.equal(second.status, 412);
      assert.equal(second.body.code, 'PRECONDITION_FAILED');
      const now = await getJson(`${s.url}/api/records/${id}`);
      assert.equal(now.body.state, 'accepted');
      assert.equal(now.headers.get('etag'), first.headers.get('etag'));
    });

    test('two editors of one record: the second gets 412, the first edit is kept', async () => {
      const claims = await getJson(`${s.url}/api/claims?state=proposed&kind=quantity&limit=1`);
      const c = claims.body.items[0];
      const a = await send(`${s.url}/api/records/${c.id}`, 'PATCH', { fields: { value: 41 } }, { 'if-match': `"${c.version}"` });
      assert.equal(a.status, 200);
      const b = await send(`${s.url}/api/records/${c.id}`, 'PATCH', { fields: { value: 99 } }, { 'if-match': `"${c.version}"` });
      assert.equal(b.status, 412);
      const now = await getJson(`${s.url}/api/records/${c.id}`);
      assert.equal(now.body.value.value, 41);
      assert.equal(now.body.state, 'edited');
      const h = await getJson(`${s.url}/api/records/${c.id}/history`);
      assert.ok(h.body.items.some((x: { field: string; after: unknown }) => x.field === 'value' && x.after === 41));
    });

    test('bad bodies and headers are 400 naming the field', async () => {
      const r = await send(`${s.url}/api/records/c1/review`, 'POST', { state: 'maybe' });
      assert.equal(r.status, 400);
      assert.equal(r.body.field, 'body.state');
      const h = await send(`${s.url}/api/records/c1/review`, 'POST', { state: 'accepted' }, { 'if-match': 'yesterday' });
      assert.equal(h.status, 400);
      assert.equal(h.body.field, 'headers.if-match');
    });

    test('the queue: documents with proposals, their claims with sentences, bulk accept, counts update', async () => {
      const before = await getJson(`${s.url}/api/review/counts`);
      const q = await getJson(`${s.url}/api/review/documents`);
      const doc = q.body.items[0];
      assert.ok(doc.proposed > 0);
      const props = await getJson(`${s.url}/api/review/documents/${doc.id}/proposals?state=proposed`);
      for (const p of props.body.items) {
        assert.equal(typeof p.sentenceText, 'string');
        assert.ok(p.evidence.length >= 1);
      }
      const bulk = await send(`${s.url}/api/review/documents/${doc.id}/accept`, 'POST', {});
      assert.equal(bulk.status, 200);
      assert.equal(bulk.body.accepted.length, doc.proposed);
      const after = await getJson(`${s.url}/api/review/counts`);
      assert.equal(after.body.proposed, before.body.proposed - doc.proposed);
      const q2 = await getJson(`${s.url}/api/review/documents`);
      assert.ok(!q2.body.items.some((d: { id: string }) => d.id === doc.id));
    });
  });

  describe('API: OpenAPI', () => {
    test('served at /api/openapi.json, equal to the committed openapi.json', async () => {
      const r = await getJson(`${s.url}/api/openapi.json`);
      assert.equal(r.status, 200);
      assert.deepEqual(r.body, JSON.parse(readFileSync(join(ROOT, 'openapi.json'), 'utf8')), 'openapi.json is stale: run npm run openapi');
    });
  });

  describe('API: read cache', () => {
    // On PostgreSQL a commit anywhere on the server (another test file's database) is a miss:
    // read until one answer comes from memory.
    const cached = async (path: string) => {
      for (let i = 0; i < 20; i++) { const r = await getJson(`${s.url}${path}`); if (r.headers.get('x-parley-cache') === 'hit') return r; }
      assert.fail(`${path} never served from memory`);
    };
    // Only PostgreSQL lets another process write meanwhile (a PGlite workspace is locked to the server).
    if (backend.name === 'postgres') test('PostgreSQL: a write by another process (a second store handle) is seen at the next request', async () => {
      const other = await openStore({ ...s.options, command: 'another process' });
      try {
        // A claim: read twice (the second from memory), rejected by the other handle, read again.
        const claims = await getJson(`${s.url}/api/claims?state=proposed&kind=date&limit=2`);
        const id = claims.body.items[1].id;
        await cached(`/api/records/${id}`);
        await decideRecord(other, id, 'rejected', 'other');
        const c = await getJson(`${s.url}/api/records/${id}`);
        assert.equal(c.headers.get('x-parley-cache'), null);
        assert.equal(c.body.state, 'rejected');

        // The process view: a statement rejected elsewhere is gone (the record rebuilt).
        const list = await getJson(`${s.url}/api/processes`);
        const pid = list.body.items.find((p: { name: string }) => /Geneva/.test(p.name)).id;
        const v0 = await cached(`/api/processes/${pid}`);
        const st = v0.body.statements[0];
        assert.ok(st, JSON.stringify(v0.body.statements));
        await decideRecord(other, st.id, 'rejected', 'other');
        const v1 = await getJson(`${s.url}/api/processes/${pid}`);
        assert.equal(v1.headers.get('x-parley-cache'), null);
        assert.equal(v1.body.statements.find((x: { id: string }) => x.id === st.id), undefined);

        // A document ingested elsewhere (parley ingest): in the list, the queue and search at once.
        const words = 'quartermaster zephyrine';
        await cached('/api/documents?limit=200');
        await cached('/api/review/documents?limit=200');
        assert.equal((await cached(`/api/search?q=${encodeURIComponent(words)}`)).body.items.length, 0);
        const file = join(tempDir(), 'late-report.txt');
        writeFileSync(file, `Harbour talks adjourned\n\nThe ${words} of the Highland Movement said on Friday that 12 detainees had been freed before the talks in Geneva.\n`);
        await ingestPaths(other, [file], { workers: 0, by: 'other', published: '2025-06-01' });
        const docs = await getJson(`${s.url}/api/documents?limit=200`);
        assert.ok(docs.body.items.some((d: { title: string }) => d.title === 'Harbour talks adjourned'), JSON.stringify(docs.body.items.map((d: { title: string }) => d.title)));
        const queue = await getJson(`${s.url}/api/review/documents?limit=200`);
        assert.ok(queue.body.items.some((d: { title: string }) => d.title === 'Harbour talks adjourned'), JSON.stringify(queue.body.items));
        const found = await getJson(`${s.url}/api/search?q=${encodeURIComponent(words)}`);
        assert.equal(found.headers.get('x-parley-cache'), null);
        assert.ok(found.body.items.length >= 1, JSON.stringify(found.body));
      } finally { await other.close(); }
    });

    test('a read served from memory is dropped by the next write', async () => {
      const claims = await getJson(`${s.url}/api/claims?state=proposed&kind=date&limit=1`);
      const id = claims.body.items[0].id;
      const a = await getJson(`${s.url}/api/records/${id}`);
      const b = await cached(`/api/records/${id}`);
      assert.equal(b.headers.get('etag'), a.headers.get('etag'));
      assert.match(b.headers.get('content-security-policy') ?? '', /script-src 'self'/);
      await send(`${s.url}/api/records/${id}/review`, 'POST', { state: 'rejected' }, { 'if-match': a.headers.get('etag')! });
      const c = await getJson(`${s.url}/api/records/${id}`);
      assert.equal(c.headers.get('x-parley-cache'), null);
      assert.equal(c.body.state, 'rejected');
    });
  });
});
