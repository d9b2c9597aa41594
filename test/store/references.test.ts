import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ingestExtraction } from '../../src/app/ingest-document.ts';
import { BACKENDS, withFreshStore } from './helpers.ts';
import { TEXT_A, extractionOf } from './fixtures.ts';

// Migration 0009 checks the references of claim sources, claim actors and document actors once per
// statement: a row naming a document or actor that is not there is still refused, as is deleting
// a document or actor still named.
for (const b of BACKENDS) {
  test(`${b.name}: references to documents and actors are checked per statement`, { skip: b.skip }, async () => {
    await withFreshStore(b, async (s) => {
      const r = await ingestExtraction(s, extractionOf(TEXT_A), 'v1', 'machine');
      const doc = r.documentId;
      const claim = (await s.db.selectFrom('claims').select('id').executeTakeFirstOrThrow()).id;
      const actor = (await s.db.selectFrom('actors').select('id').executeTakeFirstOrThrow()).id;
      const refused = (re: RegExp) => (e: Error & { code?: string }) => { assert.equal(e.code, '23503'); assert.match(e.message, re); return true; };

      await assert.rejects(s.db.insertInto('claim_sources').values([
        { claim_id: claim, document_id: 999_999, sentence: 0, sentence_text: 'x', evidence: '[]', confidence: 0.5, extractor_version: 'v1' },
      ]).execute(), refused(/claim_sources\.document_id = 999999: no such row in documents/));
      await assert.rejects(s.db.insertInto('document_actors').values([
        { document_id: doc, actor_id: actor, original_actor_id: 888_888, as_name: 'x', mentions: 1 },
      ]).execute(), refused(/document_actors\.original_actor_id = 888888/));
      await assert.rejects(s.db.updateTable('claim_actors').set({ actor_id: 777_777 }).execute(), refused(/claim_actors\.actor_id = 777777/));
      await assert.rejects(s.db.deleteFrom('documents').where('id', '=', doc).execute(), refused(new RegExp(`documents ${doc} is still referenced|violates foreign key`)));
      await assert.rejects(s.db.deleteFrom('actors').where('id', '=', actor).execute(), refused(/actors \d+ is still referenced|violates foreign key/));

      // An actor named only by a document link: the statement trigger is what refuses its deletion.
      const lone = (await s.db.insertInto('actors').values({ name: 'Lone Observer', name_norm: 'lone observer', kind: 'person', lexicon_id: null, description: null, merged_into: null })
        .returning('id').executeTakeFirstOrThrow()).id;
      await s.db.insertInto('document_actors').values({ document_id: doc, actor_id: lone, original_actor_id: lone, as_name: 'Lone Observer', mentions: 1 }).execute();
      await assert.rejects(s.db.deleteFrom('actors').where('id', '=', lone).execute(), refused(new RegExp(`actors ${lone} is still referenced from document_actors\\.actor_id`)));
      await s.db.deleteFrom('document_actors').where('actor_id', '=', lone).execute();
      await s.db.deleteFrom('actors').where('id', '=', lone).execute();

      // Nothing refused was written; the report's rows are all there.
      const n = async (t: 'claim_sources' | 'document_actors') => Number((await s.db.selectFrom(t).select((e) => e.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
      assert.ok(await n('claim_sources') > 0);
      assert.equal(await n('document_actors'), (await s.db.selectFrom('document_actors').selectAll().where('document_id', '=', doc).execute()).length);
    });
  });
}
