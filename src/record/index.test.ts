import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as record from './index.ts';
import { bucketOf, daysOf, intervalOf, isoOf } from './dates.ts';
import { independentCount, rootOf } from './sources.ts';
import { ordinalIn } from './text.ts';

test('the index exports the three builders', () => {
  for (const f of ['buildProcesses', 'groupClaims', 'buildCommitments', 'roundKey', 'claimKey']) assert.equal(typeof (record as Record<string, unknown>)[f], 'function', f);
});

test('dates: month and day precision combine', async (t) => {
  const cases: [string, string | undefined, [string, string, string] | undefined][] = [
    ['2015-01', undefined, ['2015-01', '2015-01', 'month']],
    ['2015-01-26', '2015-01-29', ['2015-01-26', '2015-01-29', 'day']],
    ['2015-01-26', '2015-02', ['2015-01', '2015-02', 'month']],
    ['2016-02', undefined, ['2016-02', '2016-02', 'month']],
    ['2015', undefined, ['2015', '2015', 'year']],
    ['2015-04-09', '2015-04-06', ['2015-04-09', '2015-04-09', 'day']],
    ['next week', undefined, undefined],
  ];
  for (const [s, e, want] of cases) await t.test(`${s}..${e ?? ''}`, () => {
    const i = intervalOf(s, e);
    assert.deepEqual(i && [isoOf(i).start, isoOf(i).end, i.precision], want);
  });
  assert.equal(daysOf('2016-02')!.hi - daysOf('2016-02')!.lo, 28);
  assert.equal(bucketOf('2016-02-29'), '2016-02');
  assert.equal(bucketOf(undefined), '-');
});

test('sources: wire copies and chains count once', () => {
  const dup = new Map([['c', 'b'], ['b', 'a'], ['x', 'y'], ['y', 'x']]);
  assert.equal(rootOf('c', dup), 'a');
  assert.equal(typeof rootOf('x', dup), 'string');
  assert.equal(independentCount([{ documentId: 'a' }, { documentId: 'b' }, { documentId: 'c' }, { documentId: 'd' }], dup), 2);
  assert.equal(independentCount([{ documentId: 'a' }, { documentId: 'b' }], (id) => (id === 'b' ? 'a' : undefined)), 1);
});

test('ordinals named in a phrase', async (t) => {
  const cases: [string, number | undefined][] = [
    ['the second round of talks', 2], ['a third session', 3], ['round 4', 4], ['the 5th round', 5],
    ['the first direct round', 1], ['the talks', undefined], ['a second time', undefined],
  ];
  for (const [s, n] of cases) await t.test(s, () => assert.equal(ordinalIn(s), n));
});
