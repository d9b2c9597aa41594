import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { ingestExtraction } from '../../src/app/ingest-document.ts';
import { BACKENDS, withFreshStore } from './helpers.ts';
import { TEXT_A, extractionOf, wireStory } from './fixtures.ts';

const count = async (db: any, table: string): Promise<number> =>
  Number((await sql<{ n: string }>`select count(*) as n from ${sql.table(table)}`.execute(db)).rows[0]!.n);

for (const b of BACKENDS) {
  test(`${b.name}: the same content twice is stored once, and nothing is duplicated`, { skip: b.skip }, async () => {
    await withFreshStore(b, async (s) => {
      const first = await ingestExtraction(s, extractionOf(TEXT_A), 'v1', 'tester');
      assert.equal(first.status, 'stored');
      assert.equal(first.claims, 2);
      const before = { docs: await count(s.db, 'documents'), claims: await count(s.db, 'claims'), sources: await count(s.db, 'claim_sources'), actors: await count(s.db, 'actors'), members: await count(s.db, 'memberships') };
      // Same text, other file name, trailing whitespace and CRLF: the same content.
      const again = await ingestExtraction(s, extractionOf(TEXT_A.replace(/ /, ' ') + '  \r\n', { id: 'copy' }), 'v1', 'tester');
      assert.equal(again.status, 'already');
      assert.equal(again.documentId, first.documentId);
      const after = { docs: await count(s.db, 'documents'), claims: await count(s.db, 'claims'), sources: await count(s.db, 'claim_sources'), actors: await count(s.db, 'actors'), members: await count(s.db, 'memberships') };
      assert.deepEqual(after, before);
      assert.deepEqual(before, { docs: 1, claims: 2, sources: 2, actors: 3, members: 1 });
      const hist = await s.db.selectFrom('history').select(['action', 'by']).execute();
      assert.deepEqual(hist, [{ action: 'ingest', by: 'tester' }]);
    });
  });

  test(`${b.name}: a near-duplicate wire copy is linked to the first report, a different report is not`, { skip: b.skip }, async () => {
    await withFreshStore(b, async (s) => {
      const story = wireStory(1);
      const a = await ingestExtraction(s, extractionOf(story, { id: 'wire' }), 'v1', 't');
      const copy = await ingestExtraction(s, extractionOf('By a staff reporter. ' + story + ' Additional reporting by a correspondent in the capital.', { id: 'outlet-b' }), 'v1', 't');
      const copyOfCopy = await ingestExtraction(s, extractionOf(story.replace('negotiators', 'mediators') + ' Edited by the desk.', { id: 'outlet-c' }), 'v1', 't');
      const other = await ingestExtraction(s, extractionOf(wireStory(2), { id: 'other' }), 'v1', 't');
      assert.equal(copy.status, 'stored');
      assert.equal(copy.duplicateOf, a.documentId);
      assert.ok(copy.similarity! >= 0.9 && copy.similarity! < 1);
      assert.equal(copyOfCopy.duplicateOf, a.documentId);
      assert.equal(other.duplicateOf, undefined);
      const rows = await s.db.selectFrom('documents').select(['id', 'duplicate_of']).orderBy('id').execute();
      assert.deepEqual(rows.map((r) => r.duplicate_of), [null, a.documentId, a.documentId, null]);
    });
  });

  test(`${b.name}: actors merge across documents by name, alias and acronym; memberships keep their sources`, { skip: b.skip }, async () => {
    await withFreshStore(b, async (s) => {
      await ingestExtraction(s, extractionOf(TEXT_A, { id: 'one' }), 'v1', 't');
      const t2 = 'The RC delegation arrived late. Mara Velden, the alliance spokeswoman, welcomed the Northern Alliance team.';
      await ingestExtraction(s, extractionOf(t2, { id: 'two', riverName: 'RC' }), 'v1', 't');
      const t3 = 'Envoys of the Lake Trade Union met the Northern Alliance. Later the LTU met Mara Velden again, the alliance spokeswoman.';
      const x3 = extractionOf(t3, { id: 'three', withRiverCouncil: false });
      x3.actors.push({ id: 'u1', name: 'Lake Trade Union', kind: 'organization', aliases: [], affiliations: [], evidence: [{ start: 12, end: 28 }], confidence: 0.8 });
      await ingestExtraction(s, x3, 'v1', 't');
      const t4 = 'The LTU said the talks would resume. A statement by the Northern Alliance followed.';
      const x4 = extractionOf(t4, { id: 'four', withRiverCouncil: false });
      x4.actors.push({ id: 'u2', name: 'LTU', kind: 'organization', aliases: [], affiliations: [], evidence: [{ start: 4, end: 7 }], confidence: 0.8 });
      await ingestExtraction(s, x4, 'v1', 't');
      const actors = await s.db.selectFrom('actors').select(['name', 'kind']).orderBy('id').execute();
      assert.deepEqual(actors.map((a) => a.name), ['Northern Alliance', 'Mara Velden', 'River Council', 'Lake Trade Union']);
      const docsPerActor = await s.db.selectFrom('document_actors').innerJoin('actors', 'actors.id', 'document_actors.actor_id')
        .select(['actors.name', (e) => e.fn.countAll<string>().as('n')]).groupBy('actors.name').orderBy('actors.name').execute();
      assert.deepEqual(docsPerActor.map((r) => [r.name, Number(r.n)]), [['Lake Trade Union', 2], ['Mara Velden', 3], ['Northern Alliance', 4], ['River Council', 2]]);
      const m = await s.db.selectFrom('memberships').selectAll().execute();
      assert.equal(m.length, 1);
      assert.equal(m[0]!.role, 'spokeswoman');
      assert.equal(await count(s.db, 'membership_sources'), 3);
    });
  });

  test(`${b.name}: full-text search over documents and claims`, { skip: b.skip }, async () => {
    await withFreshStore(b, async (s) => {
      await ingestExtraction(s, extractionOf(TEXT_A), 'v1', 't');
      const d = await sql<{ id: number }>`select id from documents where tsv @@ websearch_to_tsquery('english', 'prisoners released')`.execute(s.db);
      assert.equal(d.rows.length, 1);
      const c = await sql<{ kind: string }>`select kind from claims where tsv @@ websearch_to_tsquery('english', 'guns silent')`.execute(s.db);
      assert.deepEqual(c.rows, [{ kind: 'quote' }]);
    });
  });
}

for (const b of BACKENDS) {
  test(`${b.name}: a NUL character or a lone surrogate in a report does not stop it being stored`, { skip: b.skip }, async () => {
    await withFreshStore(b, async (s) => {
      const odd = TEXT_A.replace('Monday', 'Mon\u0000day').replace('next week', 'next \ud800week');
      const x = extractionOf(odd);
      x.actors.push({ id: 'odd', name: 'Odd\u0000 \udc00Name', kind: 'organization', aliases: [], affiliations: [], evidence: [{ start: 0, end: 3 }], confidence: 0.5 });
      const r = await ingestExtraction(s, { ...x, quotes: x.quotes.map((q) => ({ ...q, text: q.text + '\ud800' })) }, 'v1', 't');
      assert.equal(r.status, 'stored');
      const d = await s.db.selectFrom('documents').select('text').executeTakeFirstOrThrow();
      assert.equal(d.text.length, odd.length, 'same length: offsets still point right');
      assert.equal(d.text.indexOf('Monday'), -1);
    });
  });
}

test('postgres: two processes storing the same report at once store it once', { skip: BACKENDS[1]!.skip }, async () => {
  const f = await BACKENDS[1]!.fresh();
  const { openStore } = await import('../../src/store/open.ts');
  const a = await openStore(f.options);
  const b = await openStore(f.options);
  try {
    const rs = await Promise.all([ingestExtraction(a, extractionOf(TEXT_A), 'v1', 'a'), ingestExtraction(b, extractionOf(TEXT_A), 'v1', 'b')]);
    assert.deepEqual(rs.map((r) => r.status).sort(), ['already', 'stored']);
    assert.equal(await count(a.db, 'documents'), 1);
    assert.equal(await count(a.db, 'claim_sources'), 2);
  } finally {
    await a.close();
    await b.close();
    await f.cleanup();
  }
});
