import { test } from 'node:test';
import assert from 'node:assert/strict';
import { segment, findParagraphs } from './01-segment.ts';

const cases: { name: string; text: string; sentences: string[] }[] = [
  { name: 'abbreviations and initials', text: 'Mr. J. R. Smith met the U.N. envoy on Friday. Talks ended.', sentences: ['Mr. J. R. Smith met the U.N. envoy on Friday.', 'Talks ended.'] },
  { name: 'bullets and headings are stepped over', text: '# Truce holds\n\n• The ceasefire held overnight.\n\n☒ Aid reached the town.', sentences: ['Truce holds', 'The ceasefire held overnight.', 'Aid reached the town.'] },
  { name: 'blank line inside a sentence', text: 'The envoy, who now favours talks because of the\n\nrise of violence, spoke.', sentences: ['The envoy, who now favours talks because of the\n\nrise of violence, spoke.'] },
  // A quotation of several sentences stays several sentences; the quotes stage joins them.
  { name: 'quote of two sentences, then its attribution', text: '“We will come. It is time,” said the minister. Others stayed.', sentences: ['“We will come.', 'It is time,” said the minister.', 'Others stayed.'] },
  { name: 'attribution after a quote ending in a full stop', text: '"It is over." said the envoy. Then he left.', sentences: ['"It is over." said the envoy.', 'Then he left.'] },
];

for (const c of cases) {
  test(`segment: ${c.name}`, () => {
    const seg = segment(c.text);
    assert.deepEqual(seg.sentences.map((s) => c.text.slice(s.start, s.end)), c.sentences);
    for (const t of seg.tokens) assert.equal(c.text.slice(t.start, t.end), t.text);
  });
}

test('paragraph offsets point into the text as read', () => {
  const text = '\n\n  - First point.\n\n\n2. Second point.\n';
  const ps = findParagraphs(text);
  assert.deepEqual(ps.map((p) => text.slice(p.start, p.end)), ['First point.', 'Second point.']);
});
