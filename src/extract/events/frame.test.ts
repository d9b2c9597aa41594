import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { DateMention } from '../../domain/record.ts';
import { datesTheOneBefore, frameOf, mayLendDate } from './frame.ts';

const dm = (text: string, at: number, iso: string): DateMention =>
  ({ text, start: iso, end: iso, precision: 'year', sentence: 0, evidence: [{ start: at, end: at + text.length }], confidence: 1 });

/** sentence, cue, date text (or null), expected frame flags. */
const cases: [string, string, string | null, { background: boolean; series: boolean; future: boolean; present: boolean }][] = [
  ['Since 2009, many rounds of negotiations have come and gone.', 'negotiations', 'Since 2009', { background: true, series: true, future: false, present: false }],
  ['Negotiations have dragged on since 2009.', 'Negotiations', '2009', { background: true, series: false, future: false, present: false }],
  ['Previous talks in Oslo ended in 2011.', 'talks', 'in 2011', { background: true, series: true, future: false, present: false }],
  ['The past week’s talks in Oslo ended on Friday.', 'talks', 'on Friday', { background: false, series: false, future: false, present: false }],
  ['Earlier today talks in Oslo ended.', 'talks', null, { background: false, series: false, future: false, present: false }],
  ['Such meetings usually take place in spring.', 'meetings', null, { background: true, series: true, future: false, present: false }],
  ['The council voted for a truce on Friday after often bitter debate.', 'truce', 'on Friday', { background: false, series: false, future: false, present: false }],
  ['Talks between the two sides are expected in Oslo.', 'Talks', null, { background: false, series: false, future: true, present: false }],
  ['Negotiations will open in Oslo next week.', 'Negotiations', null, { background: false, series: false, future: true, present: false }],
  ['The talks are under way in Oslo.', 'talks', null, { background: false, series: false, future: false, present: true }],
  ['The talks ended in Oslo on Friday.', 'talks', 'on Friday', { background: false, series: false, future: false, present: false }],
];

for (const [text, cue, date, want] of cases) {
  test(`frame: ${text}`, () => {
    const at = text.indexOf(cue);
    const d = date ? dm(date, text.indexOf(date), '2009') : undefined;
    assert.deepEqual(frameOf(text, { start: 0, end: text.length }, { start: at, end: at + cue.length }, d), want);
  });
}

/** lender, borrower, publication date, may lend. */
const lending: [{ background?: boolean; start?: string; end?: string }, { future?: boolean; present?: boolean }, string | undefined, boolean][] = [
  [{ background: true, start: '2020-03-02' }, {}, '2020-03-04', false],
  [{ start: '2012', end: '2012' }, { future: true }, '2020-03-04', false],
  [{ start: '2020-02-24', end: '2020-03-01' }, { future: true }, '2020-03-04', true],
  [{ start: '2020-03-09' }, { future: true }, '2020-03-04', true],
  [{ start: '2016' }, { present: true }, '2020-03-04', false],
  [{ start: '2019-11' }, { present: true }, '2020-03-04', true],
  [{ start: '2012' }, {}, '2020-03-04', true],
  [{ start: '2012' }, { future: true }, undefined, true],
];
for (const [lender, borrower, published, want] of lending) {
  test(`frame: may lend ${JSON.stringify(lender)} to ${JSON.stringify(borrower)}`, () => {
    assert.equal(mayLendDate(lender, borrower, published), want);
  });
}

/** sentence, cue, date after "since": does the date belong to the happening before? */
const before: [string, string, string, boolean][] = [
  ['It would be the first meeting of the two sides since 2011.', 'meeting', '2011', true],
  ['The deadliest attack since March killed 40.', 'attack', 'March', true],
  ['Since 2011, the two sides have met in Oslo.', 'met', 'Since 2011', false],
  ['Talks have stalled since May.', 'Talks', 'May', false],
];
for (const [text, cue, date, want] of before) {
  test(`frame: the one before? ${text}`, () => {
    const at = text.indexOf(cue);
    assert.equal(datesTheOneBefore(text, { start: 0, end: text.length }, { start: at, end: at + cue.length }, dm(date, text.indexOf(date), '2011')), want);
  });
}
