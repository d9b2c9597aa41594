import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sentenceAround, talksSentences, type StoredTalks } from './talks-sentences.ts';

const DOC = 'Talks in Lisbon broke up on Friday. Mediators said the fourth round had achieved little.\nA separate meeting in Oslo opened. It was the ninth such meeting.';
const at = (s: string): { start: number; end: number } => { const i = DOC.indexOf(s); return { start: i, end: i + s.length }; };
const S0 = 'Talks in Lisbon broke up on Friday.', S1 = 'Mediators said the fourth round had achieved little.';
const S2 = 'A separate meeting in Oslo opened.', S3 = 'It was the ninth such meeting.';

test('sentenceAround: from the full stop before to the next one or a line break', () => {
  const cases: [string, string][] = [['fourth', S1], ['Talks', S0], ['Oslo', S2], ['ninth', S3]];
  for (const [word, sentence] of cases) {
    const r = sentenceAround(DOC, DOC.indexOf(word));
    assert.equal(DOC.slice(r.start, r.end), sentence, word);
  }
});

test('talksSentences: the own sentence, then the sentences the evidence reaches unless another talks event sits there', () => {
  const cases: [string, StoredTalks[], Record<number, string>][] = [
    ['evidence in the next sentence', [{ sentence: 0, text: S0, evidence: [at('Talks'), at('fourth round')] }], { 0: `${S0}\n${S1}` }],
    ['evidence in its own sentence only', [{ sentence: 0, text: S0, evidence: [at('Talks'), at('Lisbon')] }], { 0: S0 }],
    ['another talks event in the sentence reached', [
      { sentence: 0, text: S0, evidence: [at('Talks'), at('meeting in Oslo')] },
      { sentence: 2, text: S2, evidence: [at('meeting in Oslo'), at('ninth')] },
    ], { 0: S0, 2: `${S2}\n${S3}` }],
    ['no document text: the own sentence', [{ sentence: 1, text: S1, evidence: [at('fourth round')] }], { 1: S1 }],
  ];
  for (const [what, talks, want] of cases) assert.deepEqual(talksSentences(DOC, talks), want, what);
  assert.deepEqual(talksSentences('', [{ sentence: 0, text: S0, evidence: [at('Talks'), at('fourth')] }]), { 0: S0 });
});
