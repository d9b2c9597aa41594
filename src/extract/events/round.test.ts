import { test } from 'node:test';
import assert from 'node:assert/strict';
import { roundOf } from './round.ts';

/** sentence, the talks cue in it, the round it names (undefined: none). */
const cases: [string, string, number | undefined][] = [
  // The ordinal heads the noun phrase the cue ends: modifiers may stand between.
  ['A ninth round of EU-brokered Caldorian talks opened on Monday.', 'talks', 9],
  ['Envoys prepared the seventh round of the OSCE-backed negotiations on the border.', 'negotiations', 7],
  ['The third round of talks began in Vienna.', 'round of talks', 3],
  ['Both sides expect the second and final round of direct peace talks to be short.', 'talks', 2],
  ['The 12th round of talks opened.', 'round of talks', 12],
  ['Round 4 of the Vienna talks ended early.', 'talks', 4],
  ['Round two of the negotiations ended early.', 'negotiations', 2],
  ['Fifth-round talks were called off.', 'talks', 5],
  ['The fourth round of this month’s talks was cut short.', 'talks', 4],
  // The clause says which round the talks are in.
  ['The talks, now in their sixth round, stalled over prisoners.', 'talks', 6],
  ['The negotiations in Vienna, now in their fifth round, stalled.', 'negotiations', 5],
  ['The talks in Oslo are in their third round.', 'talks', 3],
  ['Negotiations that entered their tenth round on Monday made no headway.', 'Negotiations', 10],
  ['The meeting will be the second round.', 'meeting', 2],
  ['The talks, the fourth round since spring, ended.', 'talks', 4],
  // A numbered venue.
  ['Delegates arrived for the Oslo III talks.', 'talks', 3],
  ['The conference, dubbed Riga VII, closed on Friday.', 'conference', 7],
  // Ordinals that count something else.
  ['The second day of talks ended without progress.', 'talks', undefined],
  ['For the third time, talks collapsed.', 'talks', undefined],
  ['A second attempt at talks failed.', 'talks', undefined],
  ['Monitors watched the second round of voting in the talks.', 'talks', undefined],
  ['After the second round of elections, talks resumed.', 'talks', undefined],
  ['Talks resumed as the election went into its second round.', 'Talks', undefined],
  ['Veterans of World War II talks were honoured.', 'talks', undefined],
  ['The third and fourth rounds of talks were held abroad.', 'talks', undefined],
];

for (const [text, cue, want] of cases) {
  test(`round: ${text}`, () => {
    const at = text.indexOf(cue);
    const span = { start: at, end: at + cue.length };
    assert.equal(roundOf(text, { start: 0, end: text.length }, [span]), want);
  });
}

test('round: only within the sentence', () => {
  const text = 'Voters face a second round. Talks open on Monday.';
  const at = text.indexOf('Talks');
  assert.equal(roundOf(text, { start: 28, end: text.length }, [{ start: at, end: at + 5 }]), undefined);
});
