import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql, type Kysely } from 'kysely';
import { descriptionsOf, ingestExtractions } from '../../src/app/ingest-batch.ts';
import { ingestPaths, startExtractionWorkers } from '../../src/app/ingest.ts';
import type { Extractor } from '../../src/app/ingest-pool.ts';
import type { Extraction } from '../../src/domain/record.ts';
import type { DB } from '../../src/store/schema.ts';
import { BACKENDS, withFreshStore } from './helpers.ts';
import { TEXT_A, extractionOf, wireStory } from './fixtures.ts';

/** The record as a person reads it: names instead of ids, which differ with the order of inserts. */
async function snapshot(db: Kysely<DB>): Promise<unknown> {
  const q = async (s: ReturnType<typeof sql>) => (await s.execute(db)).rows;
  return {
    documents: await q(sql`select d.input_id, o.input_id as copy_of from documents d left join documents o on o.id = d.duplicate_of order by d.input_id`),
    actors: await q(sql`select a.name, a.kind, array_agg(l.alias_norm order by l.alias_norm) as aliases from actors a join actor_aliases l on l.actor_id = a.id group by a.id order by a.name, a.kind`),
    claims: await q(sql`select regexp_replace(c.key, '@[0-9]+', '@', 'g') as key, c.value_norm, c.confidence, c.review_state,
      (select array_agg(d.input_id order by d.input_id) from claim_sources s join documents d on d.id = s.document_id where s.claim_id = c.id) as sources,
      (select array_agg(a.name || ':' || x.role order by a.name, x.role) from claim_actors x join actors a on a.id = x.actor_id where x.claim_id = c.id) as actors
      from claims c order by 1, 2`),
    links: await q(sql`select d.input_id, a.name, x.mentions from document_actors x join documents d on d.id = x.document_id join actors a on a.id = x.actor_id order by 1, 2`),
    memberships: await q(sql`select p.name as person, o.name as org, m.role, (select count(*) from membership_sources s where s.membership_id = m.id)::int as sources
      from memberships m join actors p on p.id = m.person_id join actors o on o.id = m.organization_id order by 1, 2`),
    history: await q(sql`select action, count(*)::int as n from history group by action order by action`),
  };
}

const story = wireStory(3);
const reports = (): Extraction[] => [
  extractionOf(TEXT_A, { id: 'a' }),
  extractionOf(story, { id: 'wire' }),
  extractionOf('By a staff reporter. ' + story + ' More to follow.', { id: 'wire-copy' }),
  extractionOf(TEXT_A + '\r\n', { id: 'a-again' }),
  extractionOf(TEXT_A.replace('Lakeside', 'Hillport'), { id: 'a-elsewhere' }),
  extractionOf(wireStory(4), { id: 'other' }),
];

for (const b of BACKENDS) {
  test(`${b.name}: a batch stores what storing each report alone would`, { skip: b.skip }, async () => {
    let alone: unknown;
    await withFreshStore(b, async (s) => {
      for (const x of reports()) await ingestExtractions(s, [{ extraction: x }], 'v1', 'machine');
      alone = await snapshot(s.db);
    });
    await withFreshStore(b, async (s) => {
      const rs = await ingestExtractions(s, reports().map((extraction) => ({ extraction })), 'v1', 'machine');
      assert.deepEqual(rs.map((r) => r.status), ['stored', 'stored', 'stored', 'already', 'stored', 'stored']);
      // The same content twice in one batch is one document; a copy links to the batch's first report.
      assert.equal(rs[3]!.documentId, rs[0]!.documentId);
      assert.equal(rs[2]!.duplicateOf, rs[1]!.documentId);
      assert.ok(rs[2]!.similarity! >= 0.9);
      assert.equal(rs[5]!.duplicateOf, undefined);
      const together = await snapshot(s.db);
      assert.deepEqual(together, alone);
      // Two reports of one batch naming the same parties meet in one actor and one claim.
      const quote = (together as { claims: { key: string; sources: string[] }[] }).claims.find((c) => c.key.startsWith('quote|'));
      assert.deepEqual(quote?.sources, ['a', 'a-elsewhere']);
      // Writing the batch again changes nothing.
      const again = await ingestExtractions(s, reports().map((extraction) => ({ extraction })), 'v1', 'machine');
      assert.ok(again.every((r) => r.status === 'already'));
      assert.deepEqual(await snapshot(s.db), together);
    });
  });

  test(`${b.name}: a report the store refuses fails alone; the rest of its batch is stored`, { skip: b.skip }, async () => {
    await withFreshStore(b, async (s) => {
      const dir = mkdtempSync(join(tmpdir(), 'parley-batch-'));
      try {
        const names = ['r1', 'r2', 'r2-bad', 'r3', 'r4', 'r5', 'r6', 'r7', 'r8'];
        for (const [i, n] of names.entries()) writeFileSync(join(dir, `${n}.txt`), `${TEXT_A} Report ${i} of the series.`);
        // An extractor handing back a publication date the schema refuses, for one report. The
        // first report comes last, so the others are ready by then and go in one batch with it.
        const extractor: Extractor = {
          async run(input) {
            if (input.id === 'r1') await new Promise((r) => setTimeout(r, 300));
            const x = extractionOf(input.text, { id: input.id });
            return { extraction: input.id === 'r2-bad' ? { ...x, document: { ...x.document, published: '2026-3-2' } } : x };
          },
          async close() {},
        };
        const sum = await ingestPaths(s, [dir], { extractor, recompute: false, by: 'machine' });
        assert.equal(sum.stored, names.length - 1);
        assert.deepEqual(sum.failed.map((f) => f.source), [join(dir, 'r2-bad.txt')]);
        const n = Number((await sql<{ n: string }>`select count(*) as n from documents`.execute(s.db)).rows[0]!.n);
        assert.equal(n, names.length - 1);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
}

test('extraction workers started before the store opens: only for many files, and they extract', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'parley-early-'));
  try {
    for (let i = 0; i < 3; i++) writeFileSync(join(dir, `r${i}.txt`), `${TEXT_A} Report ${i}.`);
    assert.equal(await startExtractionWorkers([dir]), undefined, 'three reports are extracted on the calling thread');
    for (let i = 3; i < 10; i++) writeFileSync(join(dir, `r${i}.txt`), `${TEXT_A} Report ${i}.`);
    const pool = await startExtractionWorkers([dir, join(dir, 'missing.txt')]);
    assert.ok(pool, 'ten reports get workers');
    try {
      const r = await pool.run({ text: TEXT_A, source: 'r.txt', id: 'r' } as Parameters<Extractor['run']>[0], '2026-03-02');
      assert.ok(r.extraction.actors.some((a) => a.name === 'Northern Alliance'));
      assert.equal(r.bands?.length, 16);
    } finally { await pool.close(); }
    assert.ok(await startExtractionWorkers([dir], 0) === undefined, '--workers 0 keeps extraction inline');
  } finally { rmSync(dir, { recursive: true, force: true }); }
});

/**
 * An invented report where an opposition is named once and then only described: "the
 * opposition" is how the report refers to it, not a name another report's opposition shares.
 */
function described(id: string, land: string): Extraction {
  const text = `${land} opposition leaders met in the capital. The talks with the opposition resumed on Monday.`;
  const x = extractionOf(text, { id, withRiverCouncil: false });
  const name = { start: 0, end: `${land} opposition`.length };
  const passing = { start: text.indexOf('the opposition'), end: text.indexOf('the opposition') + 'the opposition'.length };
  return {
    ...x,
    actors: [{ id: 'o', name: `${land} opposition`, kind: 'organization', aliases: ['the opposition'], affiliations: [], evidence: [name, passing], confidence: 0.6 }],
    mentions: [
      { ...name, actorId: 'o', text: `${land} opposition`, sentence: 0, via: 'name' },
      { ...passing, actorId: 'o', text: 'the opposition', sentence: 1, via: 'description' },
    ],
  };
}

test('descriptionsOf: words a report uses for an actor only in passing; an alias it also names the actor by is a name', () => {
  assert.deepEqual([...(descriptionsOf(described('n', 'Northland')).get('o') ?? [])], ['opposition']);
  const x = described('n', 'Northland');
  const named = { ...x, mentions: [...x.mentions, { ...x.mentions[1]!, via: 'alias' as const }] };
  assert.deepEqual([...(descriptionsOf(named).get('o') ?? [])], []);
});

for (const b of BACKENDS) {
  test(`${b.name}: two reports' "the opposition" are two oppositions; the description is kept to show`, { skip: b.skip }, async () => {
    await withFreshStore(b, async (s) => {
      await ingestExtractions(s, [{ extraction: described('north', 'Northland') }], 'v1', 'machine');
      await ingestExtractions(s, [{ extraction: described('south', 'Southland') }], 'v1', 'machine');
      const rows = (await sql<{ name: string; alias: string; via: string }>`select a.name, l.alias, l.via from actors a join actor_aliases l on l.actor_id = a.id
        where a.name like '%opposition' and l.via <> 'acronym' order by a.name, l.alias`.execute(s.db)).rows;
      assert.deepEqual(rows, [
        { name: 'Northland opposition', alias: 'Northland opposition', via: 'name' },
        { name: 'Northland opposition', alias: 'the opposition', via: 'description' },
        { name: 'Southland opposition', alias: 'Southland opposition', via: 'name' },
        { name: 'Southland opposition', alias: 'the opposition', via: 'description' },
      ]);
    });
  });
}

/** An invented report naming a people in its own form ("Northern Kurds"), as stage 2 gives it. */
function people(id: string, form: string): Extraction {
  const text = `${form} leaders met in the capital on Monday.`;
  const x = extractionOf(text, { id, withRiverCouncil: false });
  const span = { start: 0, end: form.length };
  return {
    ...x,
    actors: [{ id: 'k', name: form, kind: 'organization', aliases: [], lexiconId: 'people:kurds', affiliations: [], evidence: [span], confidence: 0.7 }],
    mentions: [{ ...span, actorId: 'k', text: form, sentence: 0, via: 'name' }],
  };
}

for (const b of BACKENDS) {
  test(`${b.name}: a people is named as a people across reports; each report's form stays an alias`, { skip: b.skip }, async () => {
    await withFreshStore(b, async (s) => {
      await ingestExtractions(s, [{ extraction: people('a', 'Syrian Kurds') }], 'v1', 'machine');
      await ingestExtractions(s, [{ extraction: people('b', 'Iraqi Kurds') }], 'v1', 'machine');
      const rows = (await sql<{ name: string; alias: string }>`select a.name, l.alias from actors a join actor_aliases l on l.actor_id = a.id
        where a.lexicon_id = 'people:kurds' and l.via <> 'acronym' order by l.alias`.execute(s.db)).rows;
      assert.deepEqual(rows, [
        { name: 'Kurds', alias: 'Iraqi Kurds' },
        { name: 'Kurds', alias: 'Kurds' },
        { name: 'Kurds', alias: 'Syrian Kurds' },
      ]);
    });
  });
}
