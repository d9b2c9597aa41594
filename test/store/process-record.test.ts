import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Actor, Event, Extraction, Participation, Quantity, Sentence } from '../../src/domain/record.ts';
import { ingestExtraction } from '../../src/app/ingest-document.ts';
import { decideRecord } from '../../src/app/decide-record.ts';
import { ensureProcessRecord } from '../../src/app/recompute-record.ts';
import { parseManifest } from '../../src/app/manifest.ts';
import { commitments, processRounds, timeline } from '../../src/store/process-queries.ts';
import { figures } from '../../src/store/queries.ts';
import { showCommitment } from '../../src/app/show-commitment.ts';
import type { Store } from '../../src/store/open.ts';
import { BACKENDS, withFreshStore } from './helpers.ts';

// Invented reports on invented talks: the process record across documents, from hand-built extractions.
interface Item { readonly in: string }
type Ev = Partial<Event> & Pick<Event, 'type'> & Item;
type Pa = Omit<Participation, 'sentence' | 'evidence' | 'confidence' | 'actorId'> & { actorId: string } & Item;
type Qu = Pick<Quantity, 'value' | 'approx' | 'measure' | 'unit'> & { text: string } & Item;

const ACTORS: Record<string, [string, Actor['kind']]> = { a1: ['Northern Alliance', 'armed_group'], a2: ['River Council', 'government'], a3: ['Valley Wire', 'media'] };

function report(id: string, published: string, sentences: string[], o: { events?: Ev[]; participation?: Pa[]; quantities?: Qu[] } = {}): Extraction {
  const text = sentences.join(' ');
  const sents: Sentence[] = [];
  let at = 0;
  for (const s of sentences) { sents.push({ start: at, end: at + s.length, index: sents.length, paragraph: 0 }); at += s.length + 1; }
  const find = (needle: string): { sentence: number; evidence: { start: number; end: number }[] } => {
    const i = text.indexOf(needle);
    assert.ok(i >= 0, `fixture: "${needle}" not in ${id}`);
    return { sentence: sents.findIndex((s) => i >= s.start && i < s.end), evidence: [{ start: i, end: i + needle.length }] };
  };
  const actors: Actor[] = Object.entries(ACTORS).filter(([, [name]]) => text.includes(name))
    .map(([aid, [name, kind]]) => ({ id: aid, name, kind, aliases: [], affiliations: [], evidence: [find(name).evidence[0]!], confidence: 0.9 }));
  return {
    document: { id, published, publishedFrom: 'option', source: `${id}.txt` }, text,
    paragraphs: [{ start: 0, end: text.length, index: 0 }], sentences: sents, actors,
    mentions: actors.map((a) => ({ ...a.evidence[0]!, actorId: a.id, text: a.name, sentence: find(a.name).sentence, via: 'name' as const })),
    quotes: [], dates: [],
    quantities: (o.quantities ?? []).map(({ in: s, ...q }) => ({ ...q, ...find(s), confidence: 0.8 })),
    participation: (o.participation ?? []).map(({ in: s, ...p }) => ({ ...p, ...find(s), confidence: 0.8 })),
    events: (o.events ?? []).map(({ in: s, ...e }) => ({ ...e, ...find(s), confidence: 0.8 })),
  };
}

const R1 = report('r1', '2026-01-21', ['The first round of the Lakeside talks opened on Tuesday.', 'The Northern Alliance sent a delegation.'], {
  events: [{ type: 'talks', place: 'Lakeside', round: 1, start: '2026-01-20', in: 'The first round of the Lakeside talks' }],
  participation: [{ actorId: 'a1', actor: 'Northern Alliance', status: 'attend', meeting: 'the Lakeside talks', in: 'The Northern Alliance sent a delegation' }],
});
const R2 = report('r2', '2026-04-05', ['A second round of the Lakeside talks will run from 6 to 9 April.', 'The Northern Alliance will stay away unless the shelling stops.'], {
  events: [{ type: 'talks', place: 'Lakeside', round: 2, start: '2026-04-06', end: '2026-04-09', in: 'A second round of the Lakeside talks' }],
  participation: [{ actorId: 'a1', actor: 'Northern Alliance', status: 'boycott', condition: 'the shelling stops', meeting: 'the Lakeside talks', in: 'The Northern Alliance will stay away' }],
});
const R3 = report('r3', '2026-04-07', ['Delegates met in Lakeside on Monday for the second round of talks.', 'The River Council took part.'], {
  events: [{ type: 'talks', place: 'Lakeside', round: 2, start: '2026-04-06', in: 'Delegates met in Lakeside' }],
  participation: [{ actorId: 'a2', actor: 'River Council', status: 'attend', in: 'The River Council took part' }],
});

const rounds = async (s: Store) => { await ensureProcessRecord(s.db); return processRounds(s.db, { limit: 100 }); };

for (const b of BACKENDS) {
  test(`${b.name}: talks from three reports make one process with two rounds and merged participation`, { skip: b.skip }, async () => {
    await withFreshStore(b, async (s) => {
      for (const r of [R1, R2, R3]) await ingestExtraction(s, r, 'v1', 'machine');
      const rs = await rounds(s);
      assert.equal(new Set(rs.map((r) => r.process)).size, 1, JSON.stringify(rs));
      assert.deepEqual(rs.map((r) => [r.round, r.dates]), [['1', '2026-01-20'], ['2', '2026-04-06..2026-04-09']]);
      assert.match(rs[0]!.participation, /Northern Alliance: attend/);
      assert.match(rs[1]!.participation, /Northern Alliance: boycott/);
      assert.match(rs[1]!.participation, /River Council: attend/);
      assert.match(rs[1]!.conditions, /shelling stops/);
      assert.equal(rs[1]!.independent, 2);
      const tl = await timeline(s.db, { from: '2026-04', limit: 100 });
      assert.ok(tl.some((r) => r.kind === 'round' && r.date.startsWith('2026-04-06')));
      assert.ok(tl.every((r) => r.date >= '2026-04'));
    });
  });

  test(`${b.name}: one figure from two reports is one claim; a different one is contested beside it`, { skip: b.skip }, async () => {
    await withFreshStore(b, async (s) => {
      // The figures' subject: the place of the release their sentence reports.
      const fig = (id: string, day: string, value: number, text: string) => report(id, day, [`Officials in ${id} said ${text} were freed in Greywater.`], {
        quantities: [{ value, approx: 'exact', measure: 'released', unit: 'prisoners', text, in: text }],
        events: [{ type: 'release', place: 'Greywater', in: 'were freed in Greywater' }],
      });
      await ingestExtraction(s, fig('f1', '2026-03-27', 650, '650 prisoners'), 'v1', 'machine');
      await ingestExtraction(s, fig('f2', '2026-03-28', 650, '650 prisoners'), 'v1', 'machine');
      let all = await figures(s.db, { limit: 10 });
      assert.equal(all.length, 1);
      assert.deepEqual([all[0]!.independent, all[0]!.contested], [2, false]);
      await ingestExtraction(s, fig('f3', '2026-03-30', 600, '600 prisoners'), 'v1', 'machine');
      all = await figures(s.db, { contested: true, limit: 10 });
      assert.deepEqual(all.map((f) => [f.value, f.independent, f.contested]), [[650, 2, true], [600, 1, true]]);
      assert.match(all[0]!.against, /600 prisoners/);
      assert.match(all[1]!.from, /2026-03-30/);
      // "more than 600" can be true beside 650 and beside 600: not contested.
      await ingestExtraction(s, report('f4', '2026-03-29', ['More than 600 prisoners were freed in Greywater, aid workers said.'], {
        quantities: [{ value: 600, approx: 'more_than', measure: 'released', unit: 'prisoners', text: 'More than 600 prisoners', in: 'More than 600 prisoners' }],
        events: [{ type: 'release', place: 'Greywater', in: 'were freed in Greywater' }],
      }), 'v1', 'machine');
      const more = (await figures(s.db, { limit: 10 })).find((f) => f.approx === 'more_than')!;
      assert.deepEqual([more.contested, more.against], [false, '']);
      // With no place or party, a count of prisoners elsewhere may be another release: not contested.
      await ingestExtraction(s, report('f5', '2026-03-29', ['Some 300 prisoners were freed, a monitor said.'], {
        quantities: [{ value: 300, approx: 'about', measure: 'released', unit: 'prisoners', text: 'Some 300 prisoners', in: 'Some 300 prisoners' }],
      }), 'v1', 'machine');
      const loose = (await figures(s.db, { limit: 10 })).find((f) => f.value === 300)!;
      assert.deepEqual([loose.contested, loose.against], [false, '']);
      // What may happen, and a count per day, are other figures than the 650 freed.
      const other = (id: string, sentence: string, value: number, text: string) => report(id, '2026-03-29', [sentence], {
        quantities: [{ value, approx: 'exact', measure: 'released', unit: 'prisoners', text, in: text }],
        events: [{ type: 'release', place: 'Greywater', in: 'in Greywater' }],
      });
      await ingestExtraction(s, other('f6', 'The amnesty could free 900 prisoners in Greywater, a lawyer said.', 900, '900 prisoners'), 'v1', 'machine');
      await ingestExtraction(s, other('f7', 'Guards freed 40 prisoners a day in Greywater, a monitor said.', 40, '40 prisoners'), 'v1', 'machine');
      const rest = (await figures(s.db, { limit: 10 })).filter((f) => f.value === 900 || f.value === 40);
      assert.equal(rest.length, 2);
      for (const f of rest) assert.deepEqual([f.value, f.contested, f.against], [f.value, false, '']);
      assert.deepEqual((await figures(s.db, { contested: true, limit: 10 })).map((f) => f.value), [650, 600]);
    });
  });

  test(`${b.name}: a later report of releases moves a commitment's status, linked to its event`, { skip: b.skip }, async () => {
    await withFreshStore(b, async (s) => {
      await ingestExtraction(s, report('k1', '2026-03-01', ['The River Council agreed to release 1,000 detainees held since the spring.'], {
        quantities: [{ value: 1000, approx: 'exact', measure: 'released', unit: 'detainees', text: '1,000 detainees', in: '1,000 detainees' }],
      }), 'v1', 'machine');
      await ensureProcessRecord(s.db);
      let ks = await commitments(s.db, { limit: 10 });
      assert.equal(ks.length, 1, JSON.stringify(ks));
      assert.deepEqual([ks[0]!.what, ks[0]!.made, ks[0]!.promised, ks[0]!.status], ['release_detainees', '2026-03-01', 1000, '0 not started']);
      await ingestExtraction(s, report('k2', '2026-03-28', ['Guards freed 650 detainees on Friday, the monitors said.'], {
        events: [{ type: 'release', quantity: 650, start: '2026-03-27', in: 'Guards freed 650 detainees' }],
      }), 'v1', 'machine');
      await ensureProcessRecord(s.db);
      const id = ks[0]!.id;
      ks = await commitments(s.db, { limit: 10 });
      assert.equal(ks[0]!.status, '2 intermediate');
      assert.match(ks[0]!.changes, /2026-03-27 → 2 intermediate \(implemented: release 650 2026-03-27 \[d2\]\)/);
      // The record was rebuilt whole; the commitment keeps its id, and `show` gives its sentence and events.
      assert.equal(ks[0]!.id, id);
      const shown = await showCommitment(s.db, id) as { status: string; sources: { document: string; sentence: string }[]; changes: { status: string; events: { documents: string; quantity: number }[] }[] };
      assert.equal(shown.status, '2 intermediate');
      assert.deepEqual(shown.sources.map((x) => [x.document, x.sentence]), [['d1', 'The River Council agreed to release 1,000 detainees held since the spring.']]);
      assert.deepEqual(shown.changes.map((c) => [c.status, c.events.map((e) => `${e.quantity} ${e.documents}`).join()]), [['0 not started', ''], ['2 intermediate', '650 d2']]);
      await assert.rejects(showCommitment(s.db, 'k0000000000'), /no commitment k0000000000/);
    });
  });

  test(`${b.name}: the agency that reports a commitment is not the party that made it`, { skip: b.skip }, async () => {
    await withFreshStore(b, async (s) => {
      // The agency is stored first, so its actor id is the lower one.
      await ingestExtraction(s, report('w0', '2026-02-01', ['Valley Wire opened a bureau in Lakeside.']), 'v1', 'machine');
      const said = 'Valley Wire reported that the River Council agreed to release 1,000 detainees.';
      const clause = 'the River Council agreed to release 1,000 detainees';
      const x = report('k1', '2026-03-01', [said], { events: [{ type: 'release', actor: 'River Council', actorId: 'a2', in: 'release 1,000 detainees' }] });
      const at = said.indexOf(clause);
      await ingestExtraction(s, { ...x, quotes: [{ text: clause, direct: false, speakerId: 'a3', speaker: 'Valley Wire', anonymous: false, cue: 'reported', sentence: 0, evidence: [{ start: at, end: at + clause.length }], confidence: 0.8 }] }, 'v1', 'machine');
      await ensureProcessRecord(s.db);
      const ks = await commitments(s.db, { limit: 10 });
      assert.deepEqual(ks.map((k) => [k.what, k.by]), [['release_detainees', 'River Council']], JSON.stringify(ks));
    });
  });

  test(`${b.name}: decisions on the claims behind rounds and figures survive a re-ingest`, { skip: b.skip }, async () => {
    await withFreshStore(b, async (s) => {
      for (const r of [R1, R2, R3]) await ingestExtraction(s, r, 'v1', 'machine');
      const boycott = await s.db.selectFrom('claims').select('id').where('kind', '=', 'participation').where('value_norm', '=', 'boycott').executeTakeFirstOrThrow();
      const attend = await s.db.selectFrom('claims').select('id').where('kind', '=', 'participation').where('summary', 'like', 'River Council%').executeTakeFirstOrThrow();
      await decideRecord(s, `c${boycott.id}`, 'rejected', 'ana');
      await decideRecord(s, `c${attend.id}`, 'accepted', 'ana');
      assert.doesNotMatch((await rounds(s))[1]!.participation, /boycott/);
      // A newer extractor reads the reports again: the person's decisions stand.
      for (const r of [R1, R2, R3]) await ingestExtraction(s, r, 'v2', 'machine');
      const states = await s.db.selectFrom('claims').select(['id', 'review_state']).where('id', 'in', [boycott.id, attend.id]).orderBy('id').execute();
      assert.deepEqual(states.map((x) => x.review_state).sort(), ['accepted', 'rejected']);
      const rs = await rounds(s);
      assert.doesNotMatch(rs[1]!.participation, /boycott/);
      assert.match(rs[1]!.participation, /River Council: attend/);
    });
  });
}

test('manifest: publication dates by file id, as a list or a map', () => {
  const cases: [unknown, [string, string][]][] = [
    [[{ id: 'r-001', published: '2019-04-10', source: 'X' }, { id: 'r-002' }], [['r-001', '2019-04-10']]],
    [{ files: [{ file: 'dir/r-003.txt', date: '2020-01-02T10:00:00Z' }] }, [['r-003', '2020-01-02']]],
    [{ 'r-004.html': '2021-05-06', 'r-005': 'soon' }, [['r-004', '2021-05-06']]],
  ];
  for (const [json, want] of cases) assert.deepEqual([...parseManifest(json)], want);
});
