import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Event, Participation, ParticipationStatus } from '../domain/record.ts';
import { buildProcesses, processDocOf, type ProcessDoc } from './processes.ts';
import { statedOrdinal } from './processes/ordinals.ts';

/** Fixtures written for these tests: structured items, no report text. */
type T = Partial<Event>;
const talks = (sentence: number, e: T): Event => ({ type: 'talks', sentence, evidence: [{ start: sentence * 10, end: sentence * 10 + 5 }], confidence: 0.8, ...e });
const part = (sentence: number, actorId: string, status: ParticipationStatus, meeting?: string, condition?: string): Participation =>
  ({ actorId, actor: actorId.toUpperCase(), status, sentence, evidence: [{ start: sentence * 10, end: sentence * 10 + 3 }], confidence: 0.7, ...(meeting ? { meeting } : {}), ...(condition ? { condition } : {}) });
const doc = (id: string, published: string, events: Event[], participation: Participation[] = []): ProcessDoc => ({ id, published, events, participation });

test('grouping: series lexicon, place + host rule, partial identities', async (t) => {
  const cases: { name: string; docs: ProcessDoc[]; want: [string, number][]; unplaced?: number }[] = [
    { name: 'Moscow with and without host is one series',
      docs: [doc('a', '2015-01-20', [talks(0, { place: 'Moscow', host: 'Russia', start: '2015-01-26' })]),
        doc('b', '2015-01-27', [talks(0, { place: 'Moscow', start: '2015-01-27' })]),
        doc('c', '2015-01-28', [talks(1, { place: 'Moscow', host: 'Russian Foreign Ministry', start: '2015-01-26', end: '2015-01-29' })])],
      want: [['Moscow consultations', 3]] },
    { name: 'Geneva under UN aliases is the Geneva talks; Nur-Sultan is Astana',
      docs: [doc('a', '2016-02-01', [talks(0, { place: 'Geneva', host: 'United Nations', start: '2016-02-01' })]),
        doc('b', '2016-02-02', [talks(0, { place: 'Geneva', host: 'UN', start: '2016-02-01' }), talks(3, { place: 'Nur-Sultan', host: 'Kazakhstan', start: '2019-04-25' })])],
      want: [['Geneva talks', 2], ['Astana talks', 1]] },
    { name: 'a Geneva meeting under an unknown host is not the Geneva talks',
      docs: [doc('a', '2016-02-01', [talks(0, { place: 'Geneva', host: 'Ruritania', start: '2016-02-01' }), talks(2, { place: 'Geneva', host: 'UN', start: '2016-02-01' })])],
      want: [['Talks in Geneva hosted by Ruritania', 1], ['Geneva talks', 1]] },
    { name: 'an unknown place: same place + same host; a hostless event joins the only one there',
      docs: [doc('a', '2018-05-01', [talks(0, { place: 'Port Vila', host: 'Vanuatu', start: '2018-05-01' }), talks(4, { place: 'Port Vila', start: '2018-05-01' })])],
      want: [['Talks in Port Vila hosted by Vanuatu', 2]] },
    { name: 'a hostless event at a place with two hosts stays apart; placeless and hostless is unplaced',
      docs: [doc('a', '2018-05-01', [talks(0, { place: 'Port Vila', host: 'Vanuatu', start: '2018-05-01' }), talks(1, { place: 'Port Vila', host: 'Fiji', start: '2018-05-01' }),
        talks(2, { place: 'Port Vila', start: '2018-05-02' }), talks(3, { start: '2018-05-02' })])],
      want: [['Talks in Port Vila hosted by Vanuatu', 1], ['Talks in Port Vila hosted by Fiji', 1], ['Talks in Port Vila', 1]], unplaced: 1 },
    { name: 'a host without place joins the only process of that host',
      docs: [doc('a', '2017-01-20', [talks(0, { place: 'Astana', host: 'Turkey', start: '2017-01-23' }), talks(2, { host: 'Turkish government', start: '2017-01-23' })])],
      want: [['Astana talks', 2]] },
  ];
  for (const c of cases) await t.test(c.name, () => {
    const r = buildProcesses(c.docs);
    assert.deepEqual(r.processes.map((p) => [p.name, p.rounds.reduce((n, x) => n + x.sources.length, 0) + p.unassigned.talks.length]), c.want);
    assert.equal(r.unplaced.talks.length, c.unplaced ?? 0);
  });
});

type RoundWant = [ordinal: number | undefined, from: string | undefined, start: string | undefined, end: string | undefined, sources: number];
test('rounds: ordinals, date clusters, month and day precision', async (t) => {
  const M = { place: 'Moscow', host: 'Russia' };
  const cases: { name: string; docs: ProcessDoc[]; want: RoundWant[]; unassigned?: number }[] = [
    { name: 'January’s first round, reported in April, is the January cluster',
      docs: [doc('jan', '2015-01-28', [talks(0, { ...M, start: '2015-01-26', end: '2015-01-29' })]),
        doc('apr', '2015-04-05', [talks(1, { ...M, start: '2015-04-06', end: '2015-04-09', round: 2 }), talks(4, { ...M, start: '2015-01', end: '2015-01', round: 1 })])],
      want: [[1, 'text', '2015-01-26', '2015-01-29', 2], [2, 'text', '2015-04-06', '2015-04-09', 1]] },
    { name: 'overlapping or close dates are one round; a later cluster is the next round',
      docs: [doc('a', '2016-03-10', [talks(0, { ...M, start: '2016-03-10', end: '2016-03-12' })]),
        doc('b', '2016-03-15', [talks(0, { ...M, start: '2016-03-14' })]),
        doc('c', '2016-06-01', [talks(0, { ...M, start: '2016-06-01' })])],
      want: [[1, 'order', '2016-03-10', '2016-03-14', 2], [2, 'order', '2016-06-01', '2016-06-01', 1]] },
    { name: 'a later unnumbered cluster follows a named round',
      docs: [doc('a', '2016-03-10', [talks(0, { ...M, start: '2016-03-10', round: 3 })]),
        doc('b', '2016-06-01', [talks(0, { ...M, start: '2016-06-01' })])],
      want: [[3, 'text', '2016-03-10', '2016-03-10', 1], [4, 'order', '2016-06-01', '2016-06-01', 1]] },
    { name: 'a month-only report joins the one round inside that month',
      docs: [doc('a', '2016-03-10', [talks(0, { ...M, start: '2016-03-10' })]),
        doc('b', '2016-05-01', [talks(0, { ...M, start: '2016-03' })])],
      want: [[1, 'order', '2016-03-10', '2016-03-10', 2]] },
    { name: 'a month-only report over two rounds is unassigned, not guessed',
      docs: [doc('a', '2016-03-10', [talks(0, { ...M, start: '2016-03-02' }), talks(1, { ...M, start: '2016-03-25' })]),
        doc('b', '2016-05-01', [talks(0, { ...M, start: '2016-03' })])],
      want: [[1, 'order', '2016-03-02', '2016-03-02', 1], [2, 'order', '2016-03-25', '2016-03-25', 1]], unassigned: 1 },
    { name: 'a month-only report alone is a round at month precision',
      docs: [doc('a', '2016-05-01', [talks(0, { ...M, start: '2016-03' }), talks(2, { ...M, start: '2016-03' })])],
      want: [[1, 'order', '2016-03', '2016-03', 2]] },
    { name: 'an undated mention joins the round near its publication',
      docs: [doc('a', '2016-03-10', [talks(0, { ...M, start: '2016-03-10' })]), doc('b', '2016-03-12', [talks(0, { ...M })]),
        doc('c', '2016-09-12', [talks(0, { ...M })])],
      want: [[1, 'order', '2016-03-10', '2016-03-10', 2]], unassigned: 1 },
    { name: 'an undated named round sits by its ordinal',
      docs: [doc('a', '2016-03-10', [talks(0, { ...M, start: '2016-03-10', round: 1 }), talks(2, { ...M, round: 2 }), talks(3, { ...M, start: '2016-08-01', round: 3 })])],
      want: [[1, 'text', '2016-03-10', '2016-03-10', 1], [2, 'text', undefined, undefined, 1], [3, 'text', '2016-08-01', '2016-08-01', 1]] },
  ];
  for (const c of cases) await t.test(c.name, () => {
    const [p] = buildProcesses(c.docs).processes;
    assert.deepEqual(p!.rounds.map((r): RoundWant => [r.ordinal, r.ordinalFrom, r.start, r.end, r.sources.length]), c.want);
    assert.equal(p!.unassigned.talks.length, c.unassigned ?? 0);
  });
});

test('rounds: different dates for one named round are kept side by side and flagged', () => {
  const M = { place: 'Moscow', host: 'Russia' };
  const [p] = buildProcesses([doc('a', '2016-03-10', [talks(0, { ...M, start: '2016-03-10', round: 2 })]),
    doc('b', '2016-04-30', [talks(0, { ...M, start: '2016-04-28', round: 2 })])]).processes;
  const r = p!.rounds[0]!;
  assert.equal(r.datesContested, true);
  assert.deepEqual(r.dates.map((d) => [d.start, d.sources.map((s) => s.documentId)]), [['2016-03-10', ['a']], ['2016-04-28', ['b']]]);
});

type RowWant = [actor: string, status: ParticipationStatus, sources: number, independent: number, contested: boolean, conditions: string[]];
test('participation: one table per round, merged across reports', async (t) => {
  const M = { place: 'Moscow', host: 'Russia' };
  const cases: { name: string; docs: ProcessDoc[]; dup?: Map<string, string>; round: number; want: RowWant[]; unplaced?: number; loose?: number }[] = [
    { name: 'rows merge by (actor, status); a boycott and an attend are both kept, contested',
      docs: [doc('a', '2015-04-05', [talks(0, { ...M, start: '2015-04-06', round: 2 })], [part(0, 'gov', 'attend'), part(1, 'opp', 'boycott', undefined, 'unless the army withdraws')]),
        doc('b', '2015-04-07', [talks(0, { ...M, start: '2015-04-06' })], [part(0, 'gov', 'attend'), part(2, 'opp', 'attend')]),
        doc('c', '2015-04-07', [talks(0, { ...M, start: '2015-04-06' })], [part(2, 'opp', 'boycott', undefined, 'Unless the army withdraws.')])],
      round: 2,
      want: [['gov', 'attend', 2, 2, false], ['opp', 'boycott', 2, 2, true, ['unless the army withdraws']], ['opp', 'attend', 1, 1, true]].map((w) => [w[0], w[1], w[2], w[3], w[4], w[5] ?? []] as RowWant) },
    { name: 'a wire copy adds a source but not an independent one',
      docs: [doc('a', '2015-04-05', [talks(0, { ...M, start: '2015-04-06' })], [part(0, 'gov', 'attend')]),
        doc('a2', '2015-04-05', [talks(0, { ...M, start: '2015-04-06' })], [part(0, 'gov', 'attend')])],
      dup: new Map([['a2', 'a']]), round: 1, want: [['gov', 'attend', 2, 1, false, []]] },
    { name: 'the meeting phrase names the round and the series',
      docs: [doc('a', '2015-04-05', [talks(0, { ...M, start: '2015-04-06', round: 2 }), talks(1, { ...M, start: '2015-01', round: 1 })],
        [part(5, 'opp', 'declined', 'the first round of talks'), part(6, 'gov', 'invited', 'the Moscow consultations')])],
      round: 1, want: [['opp', 'declined', 1, 1, false, []], ['gov', 'invited', 1, 1, false, []]] },
    { name: 'a known series named only in a meeting phrase gets its process; the round by its ordinal',
      docs: [doc('a', '2017-01-20', [], [part(0, 'opp', 'boycott', 'the second round of the Astana talks'), part(1, 'gov', 'attend', 'the Astana talks')])],
      round: 2, want: [['opp', 'boycott', 1, 1, false, []]], loose: 1 },
    { name: 'participation in a report without talks events and no named place is unplaced',
      docs: [doc('a', '2015-04-05', [talks(0, { ...M, start: '2015-04-06' })]), doc('b', '2015-04-05', [], [part(0, 'gov', 'attend', 'the talks')])],
      round: 1, want: [], unplaced: 1 },
  ];
  for (const c of cases) await t.test(c.name, () => {
    const rec = buildProcesses(c.docs, c.dup ? { duplicateOf: c.dup } : {});
    const r = rec.processes[0]!.rounds.find((x) => x.ordinal === c.round)!;
    assert.deepEqual(r.participation.map((x): RowWant => [x.actorId!, x.status, x.sources.length, x.independent, x.contested, x.conditions]), c.want);
    assert.equal(rec.unplaced.participation.length, c.unplaced ?? 0);
    assert.equal(rec.processes[0]!.unassigned.participation.length, c.loose ?? 0);
  });
});

test('participation naming a round no talks event reports opens it in ordinal order', () => {
  const M = { place: 'Moscow', host: 'Russia' };
  const [p] = buildProcesses([doc('a', '2016-05-01', [talks(0, { ...M, start: '2016-01-10', round: 1 }), talks(1, { ...M, start: '2016-04-10', round: 3 })],
    [part(4, 'opp', 'attend', 'the second round in Moscow')])]).processes;
  assert.deepEqual(p!.rounds.map((r) => [r.ordinal, r.start, r.participation.length]), [[1, '2016-01-10', 0], [2, undefined, 1], [3, '2016-04-10', 0]]);
});

// Fixtures below are invented: structured items plus, where a rule reads it, a sentence of our own.
const withText = (d: ProcessDoc, sentences: Record<number, string>): ProcessDoc => ({ ...d, sentences });
type Shape = [name: string, rounds: [ordinal: number | undefined, from: string | undefined, start: string | undefined][]];
const shape = (docs: ProcessDoc[]): Shape[] => buildProcesses(docs).processes.map((p): Shape => [p.name, p.rounds.map((r) => [r.ordinal, r.ordinalFrom, r.start])]);

test('series identity over time: a place alone does not join talks years apart', async (t) => {
  const cases: { name: string; docs: ProcessDoc[]; want: Shape[] }[] = [
    { name: 'numbered consultations, then unrelated meetings in the same city years later, are apart',
      docs: [doc('a', '2016-02-01', [talks(0, { place: 'Moscow', host: 'Russia', start: '2016-02-01', round: 1 })]),
        doc('b', '2016-05-03', [talks(0, { place: 'Moscow', start: '2016-05-03', round: 2 })]),
        doc('c', '2018-10-10', [talks(2, { place: 'Moscow', start: '2018-10-09' })]),
        doc('d', '2020-03-01', [talks(1, { place: 'Moscow', start: '2020-02-28' })])],
      want: [['Talks in Moscow', [[1, 'order', '2018-10-09']]], ['Talks in Moscow', [[1, 'order', '2020-02-28']]],
        ['Moscow consultations', [[1, 'text', '2016-02-01'], [2, 'text', '2016-05-03']]]] },
    { name: 'a stated ordinal bridges a long pause',
      docs: [doc('a', '2016-02-01', [talks(0, { place: 'Vienna', start: '2016-02-01', round: 2 })]),
        doc('b', '2017-09-03', [talks(0, { place: 'Vienna', start: '2017-09-04', round: 3 })])],
      want: [['Vienna talks', [[2, 'text', '2016-02-01'], [3, 'text', '2017-09-04']]]] },
    { name: 'reports naming the series keep their eras in it; an era years apart with only the place is apart',
      docs: [withText(doc('a', '2015-02-01', [talks(0, { place: 'Vienna', start: '2015-02-01' })]), { 0: 'The Vienna talks open on Sunday.' }),
        doc('b', '2016-09-01', [talks(0, { place: 'Vienna', start: '2016-09-01' })]),
        withText(doc('c', '2017-11-03', [talks(0, { place: 'Vienna', start: '2017-11-04' })]), { 0: 'The Vienna talks reconvene on Saturday after a long pause.' })],
      want: [['Talks in Vienna', [[1, 'order', '2016-09-01']]], ['Vienna talks', [[1, 'order', '2015-02-01'], [2, 'order', '2017-11-04']]]] },
    { name: 'no evidence anywhere: the era with the most reports keeps the process',
      docs: [doc('a', '2012-06-01', [talks(0, { place: 'Port Vila', host: 'Vanuatu', start: '2012-06-01' })]),
        doc('b', '2014-03-02', [talks(0, { place: 'Port Vila', host: 'Vanuatu', start: '2014-03-02' })]),
        doc('c', '2014-03-03', [talks(0, { place: 'Port Vila', host: 'Vanuatu', start: '2014-03-03' })]),
        doc('d', '2014-07-03', [talks(0, { place: 'Port Vila', host: 'Vanuatu', start: '2014-07-01' })])],
      want: [['Talks in Port Vila hosted by vanuatu', [[1, 'order', '2012-06-01']]],
        ['Talks in Port Vila hosted by Vanuatu', [[1, 'order', '2014-03-02'], [2, 'order', '2014-07-01']]]] },
    { name: 'a date years before the first report, with no round named, is a past reference, not a round',
      docs: [doc('a', '2019-05-02', [talks(0, { place: 'Geneva', host: 'UN', start: '2019-05-01' })]),
        doc('b', '2019-05-03', [talks(0, { place: 'Geneva', start: '2013', end: '2013' })])],
      want: [['Geneva talks', [[1, 'order', '2019-05-01']]]] },
    { name: 'an old date with a stated round is kept: the report says which round it was',
      docs: [doc('a', '2019-05-02', [talks(0, { place: 'Geneva', host: 'UN', start: '2019-05-01', round: 4 }), talks(3, { place: 'Geneva', start: '2013-02', round: 1 })])],
      want: [['Geneva talks', [[1, 'text', '2013-02'], [4, 'text', '2019-05-01']]]] },
  ];
  for (const c of cases) await t.test(c.name, () => {
    const got = shape(c.docs);
    assert.deepEqual(got.map(([n, r]) => [n.toLowerCase(), r]).sort(), c.want.map(([n, r]) => [n.toLowerCase(), r]).sort());
  });
});

test('ordinals: stated ones first, date order only as a fallback', async (t) => {
  const G = { place: 'Geneva', host: 'UN' };
  const cases: { name: string; docs: ProcessDoc[]; want: Shape[1] }[] = [
    { name: 'a sentence states the round the event does not carry; earlier rounds count back from it',
      docs: [doc('a', '2020-01-10', [talks(0, { ...G, start: '2020-01-10' })]),
        doc('b', '2020-03-05', [talks(0, { ...G, start: '2020-03-05' })]),
        withText(doc('c', '2020-06-02', [talks(1, { ...G, start: '2020-06-01' })]), { 1: 'Envoys sat down on Monday for what is now the seventh round of talks.' }),
        doc('d', '2020-09-01', [talks(0, { ...G, start: '2020-09-01' })])],
      want: [[5, 'order', '2020-01-10'], [6, 'order', '2020-03-05'], [7, 'text', '2020-06-01'], [8, 'order', '2020-09-01']] },
    { name: 'a Roman numeral after the series place is its ordinal',
      docs: [withText(doc('a', '2020-06-02', [talks(2, { ...G, start: '2020-06-01' })]), { 2: 'Delegations arrived for Geneva IX with low hopes.' }),
        doc('b', '2020-09-01', [talks(0, { ...G, start: '2020-09-01' })])],
      want: [[9, 'text', '2020-06-01'], [10, 'order', '2020-09-01']] },
    { name: 'a round named without a date is the unnumbered round near the report',
      docs: [doc('a', '2020-06-01', [talks(0, { ...G, start: '2020-06-01' })]),
        withText(doc('b', '2020-05-30', [talks(0, { ...G })]), { 0: 'A twelfth round of talks opens in Geneva next week.' })],
      want: [[12, 'text', '2020-06-01']] },
    { name: 'two talks in one sentence: its ordinal is nobody’s',
      docs: [withText(doc('a', '2020-06-02', [talks(0, { ...G, start: '2020-06-01' }), talks(0, { place: 'Astana', start: '2020-05-01' })]), { 0: 'After the third round in Astana, talks moved to Geneva.' })],
      want: [[1, 'order', '2020-06-01']] },
    { name: 'a participation phrase naming the round numbers its report’s round',
      docs: [doc('a', '2020-01-10', [talks(0, { ...G, start: '2020-01-10' })]),
        doc('b', '2020-03-05', [talks(0, { ...G, start: '2020-03-05' })], [part(1, 'opp', 'boycott', 'the fourth round of talks')])],
      want: [[3, 'order', '2020-01-10'], [4, 'text', '2020-03-05']] },
  ];
  for (const c of cases) await t.test(c.name, () => {
    const p = buildProcesses(c.docs).processes.find((x) => x.series === 'geneva')!;
    assert.deepEqual(p.rounds.map((r) => [r.ordinal, r.ordinalFrom, r.start]), c.want);
  });
});

test('statedOrdinal: ordinal words, numbers and Roman numerals after the place', async (t) => {
  const cases: [string, number | undefined][] = [
    ['The process is now in its eighth round of talks.', 8],
    ['Round 3 opens on Monday.', 3],
    ['Delegations arrived for Geneva IV on Thursday.', 4],
    ['The Geneva 4 talks began.', 4],
    ['He said in Geneva I would not go.', undefined],
    ['Talks resume in Geneva 10 days later.', undefined],
    ['A new round of talks opens in Geneva.', undefined],
  ];
  for (const [s, want] of cases) await t.test(s, () => assert.equal(statedOrdinal(s, ['geneva']), want));
});

test('processDocOf: an event reported over several sentences reads the ordinal of any of them', () => {
  const text = 'Talks opened in Geneva on Monday. Few expect much. The process is now in its ninth round of talks.';
  const sentences = [{ start: 0, end: 33 }, { start: 34, end: 50 }, { start: 51, end: text.length }];
  const at = (w: string): { start: number; end: number } => ({ start: text.indexOf(w), end: text.indexOf(w) + w.length });
  const event: Event = { type: 'talks', sentence: 0, evidence: [at('Talks'), at('round of talks')], confidence: 0.8, place: 'Geneva', host: 'UN', start: '2020-06-01' };
  const d = processDocOf({ document: { id: 'a', published: '2020-06-02' }, events: [event], participation: [], text, sentences });
  const [p] = buildProcesses([d]).processes;
  assert.deepEqual(p!.rounds.map((r) => [r.ordinal, r.ordinalFrom]), [[9, 'text']]);
});
