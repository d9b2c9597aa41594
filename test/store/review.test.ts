import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ingestExtraction } from '../../src/app/ingest-document.ts';
import { decideRecord, editRecord } from '../../src/app/decide-record.ts';
import { aliasActor, mergeActors, splitActor } from '../../src/app/merge-actors.ts';
import { showRecord } from '../../src/app/show-record.ts';
import type { Store } from '../../src/store/open.ts';
import type { ClaimKind } from '../../src/store/schema.ts';
import { BACKENDS, withFreshStore } from './helpers.ts';
import { TEXT_A, extractionOf } from './fixtures.ts';

const claimOf = async (s: Store, kind: ClaimKind) =>
  s.db.selectFrom('claims').selectAll().where('kind', '=', kind).orderBy('id').execute();

const QUOTE = '"We will keep talking until the guns fall silent," said Mara Velden, the alliance spokeswoman.';

/** A report where the quote is the River Council's, named as `council`. */
function councilReport(council: string, extra = ''): ReturnType<typeof extractionOf> {
  const text = `Envoys of the ${council} met the Northern Alliance. ${QUOTE} ${extra}`.trim();
  const x = extractionOf(text, { id: council, riverName: council });
  return { ...x, quotes: x.quotes.map((q) => ({ ...q, speakerId: 'a3', speaker: council })) };
}

for (const b of BACKENDS) {
  test(`${b.name}: accept, reject and edit keep a history and refuse stale versions`, { skip: b.skip }, async () => {
    await withFreshStore(b, async (s) => {
      await ingestExtraction(s, extractionOf(TEXT_A), 'v1', 'machine');
      const [q] = await claimOf(s, 'quote');
      const [n] = await claimOf(s, 'quantity');
      const acc = await decideRecord(s, `c${q!.id}`, 'accepted', 'ana', 1);
      assert.deepEqual([acc.state, acc.version], ['accepted', 2]);
      await assert.rejects(decideRecord(s, `c${q!.id}`, 'rejected', 'ben', 1), (e: Error & { code?: string }) => e.code === 'CONFLICT' && /version 2, not 1/.test(e.message));
      const ed = await editRecord(s, `c${n!.id}`, { value: '45' }, 'ana');
      assert.deepEqual(ed.changes, [{ field: 'value', before: 40, after: 45 }]);
      await assert.rejects(editRecord(s, `c${n!.id}`, { colour: 'red' }, 'ana'), /has no field "colour"/);
      await assert.rejects(decideRecord(s, 'c99999', 'accepted', 'ana'), (e: Error & { code?: string }) => e.code === 'NOT_FOUND');
      await assert.rejects(decideRecord(s, 'd1', 'accepted', 'ana'), /is a document/);
      const shown = await showRecord(s, `c${n!.id}`) as { value: { value: number }; machineValue: { value: number }; state: string; history: { by: string; field: string; before: unknown; after: unknown }[] };
      assert.equal(shown.value.value, 45);
      assert.equal(shown.machineValue.value, 40);
      assert.equal(shown.state, 'edited');
      assert.deepEqual(shown.history.map((h) => [h.by, h.field, h.before, h.after]), [['ana', 'value', 40, 45], ['ana', 'review_state', 'proposed', 'edited']]);
      const actor = (await s.db.selectFrom('actors').select('id').where('name', '=', 'River Council').executeTakeFirstOrThrow()).id;
      await editRecord(s, `a${actor}`, { name: 'River Council of the Delta' }, 'ana');
      const m = (await s.db.selectFrom('memberships').select('id').executeTakeFirstOrThrow()).id;
      await editRecord(s, `m${m}`, { start: '2025-06', status: 'former' }, 'ana');
      await decideRecord(s, `a${actor}`, 'accepted', 'ana');
      // The renamed actor still answers to its old name on the next ingest.
      await ingestExtraction(s, extractionOf(TEXT_A + ' The River Council declined to comment.'), 'v1', 'machine');
      const councils = await s.db.selectFrom('actors').select(['name', 'review_state']).where('name_norm', 'like', 'river council%').execute();
      assert.deepEqual(councils, [{ name: 'River Council of the Delta', review_state: 'accepted' }]);
    });
  });

  test(`${b.name}: human decisions survive re-ingesting and a newer extractor`, { skip: b.skip }, async () => {
    await withFreshStore(b, async (s) => {
      const text = TEXT_A + ' The alliance said 12 fighters were wounded.';
      const x1 = extractionOf(text);
      x1.quantities.push({ text: '12 fighters', value: 12, approx: 'exact', measure: 'injured', unit: 'fighters', sentence: 4, evidence: [{ start: text.indexOf('12 fighters'), end: text.indexOf('12 fighters') + 11 }], confidence: 0.7 });
      await ingestExtraction(s, x1, 'v1', 'machine');
      const [quote] = await claimOf(s, 'quote');
      const [released, wounded] = await claimOf(s, 'quantity');
      await decideRecord(s, `c${quote!.id}`, 'accepted', 'ana');
      await editRecord(s, `c${released!.id}`, { approx: 'exact' }, 'ana');
      await decideRecord(s, `c${wounded!.id}`, 'rejected', 'ana');
      // Same content, same extractor: nothing happens.
      assert.equal((await ingestExtraction(s, extractionOf(text), 'v1', 'machine')).status, 'already');
      // A newer extractor reads 45 released and no longer sees the wounded fighters.
      const r = await ingestExtraction(s, extractionOf(text, { released: 45 }), 'v2', 'machine');
      assert.equal(r.status, 'updated');
      const quotes = await claimOf(s, 'quote');
      assert.deepEqual(quotes.map((c) => [c.id, c.review_state]), [[quote!.id, 'accepted']]);
      const qs = await claimOf(s, 'quantity');
      const byId = new Map(qs.map((c) => [c.id, c]));
      assert.equal(byId.get(released!.id)?.review_state, 'edited');
      assert.equal((byId.get(released!.id)?.edited_value as { approx: string }).approx, 'exact');
      assert.equal(byId.get(wounded!.id)?.review_state, 'rejected', 'a rejection is not undone');
      const fresh = qs.filter((c) => c.id !== released!.id && c.id !== wounded!.id);
      assert.deepEqual(fresh.map((c) => [c.review_state, (c.value as { value: number }).value]), [['proposed', 45]]);
      // Decided claims keep their evidence from this document.
      const sources = await s.db.selectFrom('claim_sources').select('claim_id').execute();
      assert.deepEqual(sources.map((x) => x.claim_id).sort(), [quote!.id, released!.id, wounded!.id, fresh[0]!.id].sort());
      // A third extractor that drops the new proposal removes it; the decided ones stay.
      await ingestExtraction(s, extractionOf(text), 'v3', 'machine');
      assert.equal((await claimOf(s, 'quantity')).some((c) => c.id === fresh[0]!.id), false);
    });
  });

  test(`${b.name}: merges, aliases and splits hold for later ingests; claims of merged actors join`, { skip: b.skip }, async () => {
    await withFreshStore(b, async (s) => {
      await ingestExtraction(s, councilReport('River Council'), 'v1', 'm');
      await ingestExtraction(s, councilReport('Delta Authority', 'They met again on Friday.'), 'v1', 'm');
      assert.equal((await claimOf(s, 'quote')).length, 2, 'two speakers, two claims');
      const [q1] = await claimOf(s, 'quote');
      await decideRecord(s, `c${q1!.id}`, 'accepted', 'ana');
      const r = await mergeActors(s, 'River Council', 'Delta Authority', 'ana');
      const quotes = await claimOf(s, 'quote');
      assert.equal(quotes.length, 1, 'the same words of one speaker: one claim');
      assert.equal(quotes[0]!.review_state, 'accepted');
      const shown = await showRecord(s, `c${quotes[0]!.id}`) as { sources: unknown[] };
      assert.equal(shown.sources.length, 2);
      // Later reports naming the merged actor land on the survivor, even re-extracted ones.
      await ingestExtraction(s, councilReport('Delta Authority', 'A third meeting is planned.'), 'v1', 'm');
      await ingestExtraction(s, councilReport('Delta Authority', 'They met again on Friday.'), 'v2', 'm');
      const live = await s.db.selectFrom('actors').select('name').where('merged_into', 'is', null).orderBy('id').execute();
      assert.deepEqual(live.map((a) => a.name), ['Northern Alliance', 'Mara Velden', 'River Council']);
      assert.equal((await claimOf(s, 'quote')).length, 1);
      // An alias decided by a person.
      await aliasActor(s, 'River Council', 'Council of the River', 'ana');
      await ingestExtraction(s, councilReport('Council of the River'), 'v1', 'm');
      assert.equal((await s.db.selectFrom('actors').select('id').where('merged_into', 'is', null).execute()).length, 3);
      // Split: the Delta Authority comes back with its claims, and stays apart on later ingests.
      const sp = await splitActor(s, `a${r.into}`, 'Delta Authority', 'ana');
      assert.equal(sp.actor, r.from);
      await ingestExtraction(s, councilReport('Delta Authority', 'A fourth meeting followed.'), 'v1', 'm');
      const delta = await s.db.selectFrom('claim_actors').select('claim_id').where('actor_id', '=', r.from).execute();
      assert.ok(delta.length >= 1);
      const names = await s.db.selectFrom('actors').select('name').where('merged_into', 'is', null).orderBy('id').execute();
      assert.deepEqual(names.map((a) => a.name), ['Northern Alliance', 'Mara Velden', 'River Council', 'Delta Authority']);
      const hist = await s.db.selectFrom('history').select(['action', 'by']).where('entity', '=', 'actor').orderBy('id').execute();
      assert.deepEqual(hist.map((h) => h.action), ['merge', 'alias', 'split']);
    });
  });
}
