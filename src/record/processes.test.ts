import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Event, Participation, ParticipationStatus } from '../domain/record.ts';
import { buildProcesses, type ProcessDoc } from './processes.ts';

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
