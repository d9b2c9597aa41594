import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Approx } from '../domain/record.ts';
import { claimKey, claimValue, compatible, groupClaims, quantityFact, unitKey, type ClaimFact, type ClaimInput, type QuantityFact } from './claims.ts';
import { countedPhrase, currencyOf } from './claims/counted.ts';
import { rangeOf, roundingSlack } from './claims/ranges.ts';
import type { Quantity } from '../domain/record.ts';

const q = (value: number, approx: Approx = 'exact', max?: number, extra: Partial<QuantityFact> = {}): QuantityFact =>
  ({ kind: 'quantity', measure: 'displaced', subject: 'place:north', period: '2016-04-02', unit: 'people', value, approx, ...(max !== undefined ? { max } : {}), ...extra });
/** A quantity as stage 4 gives it, in one sentence with a place. */
const n = (text: string, value: number): Quantity => ({ text, value, approx: 'exact', measure: 'displaced', unit: 'people', sentence: 0, evidence: [], confidence: 0.8 });
const at = { subject: 'place:north', period: '2016-04-02' };
const src = (documentId: string, sentence = 0): ClaimInput['source'] => ({ documentId, sentence });

test('rounding slack and ranges', async (t) => {
  const cases: [string, number | [number, Approx, number?], [number, number]][] = [
    ['650 is taken as written', 650, [650, 650]],
    ['220,000: a round number, ±2.5%', 220_000, [214_500, 225_500]],
    ['1,500: a round number, ±2.5%', 1_500, [1_462.5, 1_537.5]],
    ['about 200: 10%', [200, 'about'], [180, 220]],
    ['about 220,000: 10% beats rounding', [220_000, 'about'], [198_000, 242_000]],
    ['more than 220,000: closed, open-ended', [220_000, 'more_than'], [220_000, Infinity]],
    ['at least 40', [40, 'at_least'], [40, Infinity]],
    ['up to 300', [300, 'up_to'], [0, 300]],
    ['200 to 300', [200, 'exact', 300], [200, 300]],
  ];
  for (const [name, n, want] of cases) await t.test(name, () => {
    const [value, approx, max] = typeof n === 'number' ? [n, 'exact' as Approx, undefined] : n;
    const r = rangeOf({ value, approx, ...(max !== undefined ? { max } : {}) });
    assert.deepEqual([r.lo, r.hi], want);
  });
  assert.equal(roundingSlack(0), 0);
  assert.equal(roundingSlack(2.5), 0);
});

test('compatibility of values', async (t) => {
  const cases: [string, ClaimFact, ClaimFact, boolean][] = [
    ['more than 220,000 vs 220,000', q(220_000, 'more_than'), q(220_000), true],
    ['more than 220,000 vs 250,000', q(220_000, 'more_than'), q(250_000), true],
    ['more than 220,000 vs 200,000', q(220_000, 'more_than'), q(200_000), false],
    ['about 200 vs 215', q(200, 'about'), q(215), true],
    ['650 vs 600', q(650), q(600), false],
    ['220,000 vs 224,000', q(220_000), q(224_000), true],
    ['220,000 vs 230,000: two round numbers within their slack', q(220_000), q(230_000), true],
    ['220,000 vs 240,000', q(220_000), q(240_000), false],
    ['220,000 vs 223,517', q(220_000), q(223_517), true],
    ['650 vs 640', q(650), q(640), false],
    ['up to 300 vs 200 to 250', q(300, 'up_to'), q(200, 'exact', 250), true],
    ['less than 100 vs at least 150', q(100, 'less_than'), q(150, 'at_least'), false],
    ['a month and a day in it', { kind: 'date', event: 'e', start: '2015-01' }, { kind: 'date', event: 'e', start: '2015-01-26' }, true],
    ['overlapping ranges of days', { kind: 'date', event: 'e', start: '2015-01-26', end: '2015-01-29' }, { kind: 'date', event: 'e', start: '2015-01-28' }, true],
    ['two different days', { kind: 'date', event: 'e', start: '2015-01-26' }, { kind: 'date', event: 'e', start: '2015-02-02' }, false],
    ['attend vs boycott', { kind: 'participation', actor: 'a1', round: 'r', status: 'attend' }, { kind: 'participation', actor: 'a1', round: 'r', status: 'boycott' }, false],
    ['invited vs declined', { kind: 'participation', actor: 'a1', round: 'r', status: 'invited' }, { kind: 'participation', actor: 'a1', round: 'r', status: 'declined' }, true],
    ['a quote direct vs reported', { kind: 'quote', speaker: 'a1', text: 'x', direct: true }, { kind: 'quote', speaker: 'a1', text: 'x', direct: false }, true],
  ];
  for (const [name, a, b, want] of cases) await t.test(name, () => {
    assert.equal(compatible(a, b), want);
    assert.equal(compatible(b, a), want);
  });
});

test('keys: the same fact whoever reports it', async (t) => {
  const cases: [string, ClaimFact, ClaimFact, boolean][] = [
    ['same measure, subject, month, unit (plural folded)', q(5, 'exact', undefined, { unit: 'Prisoners', period: '2016-04-02' }), q(7, 'exact', undefined, { unit: 'prisoner', period: '2016-04-20' }), true],
    ['another month is another fact', q(5, 'exact', undefined, { period: '2016-04-02' }), q(5, 'exact', undefined, { period: '2016-05-02' }), false],
    ['another subject is another fact', q(5, 'exact', undefined, { subject: 'place:north' }), q(5, 'exact', undefined, { subject: 'place:south' }), false],
    ['another measure is another fact', q(5), q(5, 'exact', undefined, { measure: 'killed' }), false],
    ['a quote: case, marks and punctuation ignored', { kind: 'quote', speaker: 'a1', text: '“We will not go,” he said.'.slice(1, 17), direct: true }, { kind: 'quote', speaker: 'a1', text: 'we will NOT go', direct: false }, true],
    ['a quote by another speaker', { kind: 'quote', speaker: 'a1', text: 'we will not go', direct: true }, { kind: 'quote', speaker: 'a2', text: 'we will not go', direct: true }, false],
    ['the words that qualify the noun tell two counts apart', quantityFact(n('up to 700,000 newly displaced people', 700_000), at), quantityFact(n('3.5 million people', 3_500_000), at), false],
    ['a number word or partitive is not a qualifier', quantityFact(n('tens of thousands of people', 10_000), at), quantityFact(n('about 12,000 people', 12_000), at), true],
    ['a figure with no subject meets the same number', q(650, 'exact', undefined, { subject: undefined }), q(650, 'about', undefined, { subject: undefined }), true],
    ['a figure with no subject never meets another number', q(650, 'exact', undefined, { subject: undefined }), q(600, 'exact', undefined, { subject: undefined }), false],
    ['a figure dated by its sentence meets another number of that month', q(650, 'exact', undefined, { subject: undefined, dated: true, period: '2016-04-02' }), q(600, 'exact', undefined, { subject: undefined, dated: true, period: '2016-04-05' }), true],
    ['sums in two currencies are two facts', quantityFact({ ...n('£2.75bn', 2.75e9), measure: 'money', unit: undefined }, at), quantityFact({ ...n('$5bn', 5e9), measure: 'money', unit: undefined }, at), false],
    ['sums in one currency are one fact', quantityFact({ ...n('$3.5bn', 3.5e9), measure: 'money', unit: undefined }, at), quantityFact({ ...n('US$5bn', 5e9), measure: 'money', unit: undefined }, at), true],
    ['a bare number of other things meets only the same number', quantityFact({ ...n('9,500', 9500), measure: 'other', unit: undefined }, at), quantityFact({ ...n('65,000', 65000), measure: 'other', unit: undefined }, at), false],
    ['a count over the last two days and a count with no period are two figures', q(95, 'exact', undefined, { span: 'last:2 day' }), q(40), false],
    ['two counts over the same period are one figure', q(95, 'exact', undefined, { span: 'last:2 day' }), q(80, 'exact', undefined, { span: 'last:2 day' }), true],
    ['a size is not a count of what happens: no period, no forecast', q(60, 'exact', undefined, { measure: 'other', unit: 'miles', forecast: true }), q(60, 'exact', undefined, { measure: 'other', unit: 'miles', span: 'last:18 month' }), true],
    ['a forecast and what happened are two figures', q(500_000, 'exact', undefined, { forecast: true }), q(40_000), false],
    ['a sum dated by its sentence, with no subject, meets only the same number', quantityFact({ ...n('$3.5bn', 3.5e9), measure: 'money', unit: undefined }, { period: '2016-04-02', dated: true }), quantityFact({ ...n('$5bn', 5e9), measure: 'money', unit: undefined }, { period: '2016-04-05', dated: true }), false],
    ['participation of one actor in two rounds', { kind: 'participation', actor: 'a1', round: 'r1', status: 'attend' }, { kind: 'participation', actor: 'a1', round: 'r2', status: 'attend' }, false],
  ];
  for (const [name, a, b, same] of cases) await t.test(name, () => assert.equal(claimKey(a) === claimKey(b), same));
  assert.equal(unitKey('detainees'), 'detainee');
  assert.equal(countedPhrase('hundreds of local battle-hardened fighters', 'fighters'), 'local battle-hardened fighters');
  assert.equal(countedPhrase('650 of the prisoners', 'prisoners'), 'prisoners');
  assert.equal(countedPhrase('a 30,000-strong force', 'strong'), 'strong');
  assert.equal(countedPhrase('9,000', undefined), undefined);
  assert.deepEqual(['£2.75bn', 'US$3.5bn', 'A$40m', '300 Syrian pounds', '2 million euros', 'about 400 detainees'].map(currencyOf), ['gbp', 'usd', 'aud', 'syp', 'eur', 'money']);
  assert.equal(unitKey('casualties'), 'casualty');
  assert.equal(claimValue(q(220_000, 'more_than')), 'more_than|220000|');
});

test('grouping: corroboration by independent reports, contested values side by side', async (t) => {
  const dup = new Map([['a-copy', 'a'], ['a-copy2', 'a-copy']]);
  const cases: { name: string; inputs: ClaimInput[]; want: { contested: boolean; independent: number; values: [string, number, number, number][] } }[] = [
    { name: 'wire copies of one report count once',
      inputs: [{ fact: q(650), source: src('a') }, { fact: q(650), source: src('a-copy') }, { fact: q(650), source: src('a-copy2') }, { fact: q(650), source: src('b') }],
      want: { contested: false, independent: 2, values: [['exact|650|', 4, 2, 2]] } },
    { name: 'approximate values are compatible: kept apart, supporting each other, not contested',
      inputs: [{ fact: q(220_000, 'more_than'), source: src('a') }, { fact: q(220_000), source: src('b') }, { fact: q(220_000), source: src('c') }],
      want: { contested: false, independent: 3, values: [['exact|220000|', 2, 2, 3], ['more_than|220000|', 1, 1, 3]] } },
    { name: 'different counts: contested, both kept',
      inputs: [{ fact: q(650), source: src('a') }, { fact: q(400), source: src('b') }, { fact: q(650), source: src('c') }],
      want: { contested: true, independent: 3, values: [['exact|650|', 2, 2, 2], ['exact|400|', 1, 1, 1]] } },
  ];
  for (const c of cases) await t.test(c.name, () => {
    const [g, ...rest] = groupClaims(c.inputs, { duplicateOf: dup });
    assert.equal(rest.length, 0);
    assert.equal(g!.contested, c.want.contested);
    assert.equal(g!.independent, c.want.independent);
    assert.deepEqual(g!.values.map((v) => [v.value, v.sources.length, v.independent, v.supporting]), c.want.values);
  });
  await t.test('different counts with no subject are two facts, neither contested', () => {
    const gs = groupClaims([{ fact: q(650, 'exact', undefined, { subject: undefined }), source: src('a') }, { fact: q(400, 'exact', undefined, { subject: undefined }), source: src('b') }]);
    assert.deepEqual(gs.map((g) => g.contested), [false, false]);
  });
  await t.test('a quote reported in part joins the whole quote; a short fragment does not', () => {
    const Q = (text: string, direct = true): ClaimFact => ({ kind: 'quote', speaker: 'a1', text, direct });
    const gs = groupClaims([{ fact: Q('We will not attend unless the shelling stops.'), source: src('a') },
      { fact: Q('will not attend unless the shelling', false), source: src('b') },
      { fact: Q('unless the shelling'), source: src('c') }, { fact: Q('We will not attend', true), source: { documentId: 'd' } }]);
    assert.deepEqual(gs.map((g) => [g.key, g.independent, g.values.map((v) => v.value)]), [
      ['quote|a1|we will not attend unless the shelling stops', 3, ['direct', 'reported']], ['quote|a1|unless the shelling', 1, ['direct']]]);
  });
  await t.test('conflict pairs are listed', () => {
    const gs = groupClaims([{ fact: { kind: 'date', event: 'talks|x|2', start: '2016-03-10' }, source: src('a') },
      { fact: { kind: 'date', event: 'talks|x|2', start: '2016-03' }, source: src('b') },
      { fact: { kind: 'date', event: 'talks|x|2', start: '2016-04-28' }, source: src('c') }]);
    assert.equal(gs.length, 1);
    assert.deepEqual(gs[0]!.conflicts, [['2016-03-10..2016-03-10', '2016-04-28..2016-04-28'], ['2016-03..2016-03', '2016-04-28..2016-04-28']]);
    assert.deepEqual(gs[0]!.values.find((v) => v.value === '2016-03..2016-03')!.compatibleWith, ['2016-03-10..2016-03-10']);
  });
});
