import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql, type Kysely } from 'kysely';
import { reviewCounts, reviewDocuments } from '../../src/server/queries/lists.ts';
import { status } from '../../src/store/queries.ts';
import { proposals, search } from '../../src/store/queries.ts';
import type { DB } from '../../src/store/schema.ts';
import { BACKENDS, withFreshStore } from './helpers.ts';

/** Documents and claims written straight into the tables (as the ingest and the bench generator do). */
async function seed(db: Kysely<DB>): Promise<{ docs: number[]; claims: number[] }> {
  const texts: [string, string][] = [
    ['Talks on the river crossing', 'Delegates met at the old mill to discuss the river crossing and a prisoner exchange.'],
    ['Market report', 'Bread prices rose; a prisoner exchange was mentioned in passing near the river.'],
    ['Weather', 'Rain over the valley. The exchange of letters continued between the river towns.'],
  ];
  const docs = (await db.insertInto('documents').values(texts.map(([title, text], i) => ({
    source: `t/${i}.txt`, input_id: `t${i}`, text, title, publisher: null, url: null, published: `2025-0${i + 1}-01`, published_from: 'option',
    content_hash: `h${i}`, duplicate_of: null, similarity: null, extractor_version: 'test',
  }))).returning('id').execute()).map((r) => r.id);
  const claims = (await db.insertInto('claims').values([0, 1, 2].map((i) => ({
    kind: i === 1 ? 'quantity' as const : 'quote' as const, key: `k${i}`, value: JSON.stringify({ i }), value_norm: 'v', edited_value: null,
    confidence: [0.5, 0.9, 0.7][i]!, summary: ['prisoner exchange on the river', 'released: 40 people', 'letters between towns'][i]!, occurred_on: null,
  }))).returning('id').execute()).map((r) => r.id);
  return { docs, claims };
}

const src = (claim: number, document: number) => ({ claim_id: claim, document_id: document, sentence: 0, sentence_text: 's', evidence: '[]', confidence: 0.5, extractor_version: 'test' });
const counts = async (db: Kysely<DB>) => (await sql<{ id: number; source_count: number }>`select id, source_count from claims order by id`.execute(db)).rows.map((r) => r.source_count);

for (const b of BACKENDS) {
  test(`${b.name}: a claim's source count follows its sources; the review listing reads it in order and pages on`, { skip: b.skip }, async () => {
    await withFreshStore(b, async (s) => {
      const { docs: [d1, d2, d3], claims: [c1, c2, c3] } = await seed(s.db);
      await s.db.insertInto('claim_sources').values([src(c1!, d1!), src(c2!, d1!), src(c3!, d1!)]).execute();
      assert.deepEqual(await counts(s.db), [1, 1, 1]);
      await s.db.insertInto('claim_sources').values([src(c3!, d2!), src(c3!, d3!), src(c2!, d2!)]).execute();
      assert.deepEqual(await counts(s.db), [1, 2, 3]);
      // An upsert rewriting a source in place changes nothing; a source moved to another claim moves a count.
      await s.db.insertInto('claim_sources').values([src(c3!, d2!)]).onConflict((oc) => oc.columns(['claim_id', 'document_id']).doUpdateSet({ sentence: 1 })).execute();
      await s.db.updateTable('claim_sources').set({ claim_id: c1! }).where('claim_id', '=', c2!).where('document_id', '=', d2!).execute();
      assert.deepEqual(await counts(s.db), [2, 1, 3]);
      await s.db.deleteFrom('claim_sources').where('claim_id', '=', c3!).where('document_id', '=', d3!).execute();
      assert.deepEqual(await counts(s.db), [2, 1, 2]);

      // c1 and c3 have two sources each, c3 the higher confidence; c2 one.
      const all = await proposals(s.db, { limit: 10 });
      assert.deepEqual(all.map((r) => [r.id, r.sources]), [[`c${c3}`, 2], [`c${c1}`, 2], [`c${c2}`, 1]]);
      const first = await proposals(s.db, { limit: 1 });
      const next = await proposals(s.db, { limit: 5, after: Number(first[0]!.id.slice(1)) });
      assert.deepEqual(next.map((r) => r.id), [`c${c1}`, `c${c2}`]);
      assert.deepEqual((await proposals(s.db, { kind: 'quantity', limit: 5 })).map((r) => r.id), [`c${c2}`]);
      await s.db.updateTable('claims').set({ review_state: 'accepted' }).where('id', '=', c3!).execute();
      assert.deepEqual((await proposals(s.db, { limit: 5 })).map((r) => r.id), [`c${c1}`, `c${c2}`]);
      // A claim deleted with its sources (cascade) takes them along without complaint.
      await s.db.deleteFrom('claims').where('id', '=', c1!).execute();
      assert.deepEqual(await counts(s.db), [1, 2]);
    });
  });

  test(`${b.name}: the review queue lists the documents with proposals left, whatever changed them`, { skip: b.skip }, async () => {
    await withFreshStore(b, async (s) => {
      const { docs: [d1, d2, d3], claims: [c1, c2, c3] } = await seed(s.db);
      const queue = async () => (await reviewDocuments(s.db, { limit: 10 })).items.map((r) => [r.id, r.proposed]);
      await s.db.insertInto('claim_sources').values([src(c1!, d1!), src(c2!, d2!), src(c3!, d2!), src(c3!, d3!)]).execute();
      assert.deepEqual(await queue(), [[`d${d1}`, 1], [`d${d2}`, 2], [`d${d3}`, 1]]);
      await s.db.updateTable('claims').set({ review_state: 'accepted' }).where('id', 'in', [c1!, c3!]).execute();
      assert.deepEqual(await queue(), [[`d${d2}`, 1]]);
      await s.db.updateTable('claims').set({ review_state: 'proposed' }).where('id', '=', c1!).execute();
      await s.db.updateTable('claim_sources').set({ claim_id: c1! }).where('claim_id', '=', c3!).where('document_id', '=', d3!).execute();
      assert.deepEqual(await queue(), [[`d${d1}`, 1], [`d${d2}`, 1], [`d${d3}`, 1]]);
      assert.deepEqual(await reviewCounts(s.db), { proposed: 2, accepted: 1, rejected: 0, edited: 0 });
      await s.db.deleteFrom('claims').where('id', '=', c1!).execute();
      assert.deepEqual(await queue(), [[`d${d2}`, 1]]);
      assert.deepEqual(await reviewCounts(s.db), { proposed: 1, accepted: 1, rejected: 0, edited: 0 });
      assert.deepEqual((await status(s.db)).claims, [{ kind: 'quantity', state: 'proposed', count: 1 }, { kind: 'quote', state: 'accepted', count: 1 }]);
      const page = await reviewDocuments(s.db, { limit: 1 });
      assert.equal(page.items.length, 1);
    });
  });

  test(`${b.name}: search ranks title matches first, keeps phrases exact, and finds claims`, { skip: b.skip }, async () => {
    await withFreshStore(b, async (s) => {
      const { docs: [d1, d2, d3], claims: [c1] } = await seed(s.db);
      const words = await search(s.db, 'river crossing', 10);
      assert.equal(words[0]!.id, `d${d1}`, JSON.stringify(words));
      const exchange = (await search(s.db, 'exchange', 10)).filter((r) => r.kind === 'document').map((r) => r.id).sort();
      assert.deepEqual(exchange, [`d${d1}`, `d${d2}`, `d${d3}`].sort());
      const phrase = await search(s.db, '"prisoner exchange"', 10);
      assert.deepEqual(phrase.filter((r) => r.kind === 'document').map((r) => r.id).sort(), [`d${d1}`, `d${d2}`].sort());
      assert.ok(phrase.some((r) => r.id === `c${c1}`));
      assert.deepEqual(await search(s.db, '"exchange prisoner"', 10), []);
      const not = await search(s.db, 'river -"prisoner exchange"', 10);
      assert.deepEqual(not.filter((r) => r.kind === 'document').map((r) => r.id), [`d${d3}`]);
    });
  });
}
