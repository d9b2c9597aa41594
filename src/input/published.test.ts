import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findPublishedInText, parseDateString } from './published.ts';

const dates: [string, string | undefined][] = [
  ['2024-03-12', '2024-03-12'],
  ['2024-03-12T23:30:00-05:00', '2024-03-12'],
  ['2024/03/12', '2024-03-12'],
  ['20240312', '2024-03-12'],
  ['March 12, 2024', '2024-03-12'],
  ['Tuesday, March 12, 2024 10:41 GMT', '2024-03-12'],
  ['12 Mar 2024', '2024-03-12'],
  ['Published: Tue 12 March 2024', '2024-03-12'],
  ['Updated on 3rd September 2023', '2023-09-03'],
  ['Sept. 3, 2023', '2023-09-03'],
  ['2024-02-30', undefined],
  ['March 2024', undefined],
  ['the talks will resume', undefined],
];
for (const [s, want] of dates) test(`parseDateString: ${s}`, () => assert.equal(parseDateString(s), want));

const texts: [string, string, string | undefined][] = [
  ['title, then a date line', '# Talks resume\n\n12 March 2024\n\nThe talks resumed.', '2024-03-12'],
  ['bold date line', 'Talks resume\n**Published: March 12, 2024**\n', '2024-03-12'],
  ['a date inside the first sentence is no date line', 'On 12 March 2024 the two sides met in Muscat and agreed to meet again next month to continue.', undefined],
  ['byline and date on one line', 'Talks resume\n\nBy Jane Doe | Reuters | March 12, 2025 | 4:30 PM\n\nThe talks resumed.', '2025-03-12'],
  ['a headline with a date is no date line', 'Talks set for March 25, 2025 in Geneva\n\nThe talks will open.', undefined],
  ['date line too far down', 'A\n\nB\n\nC\n\nD\n\n12 March 2024', undefined],
];
for (const [name, text, want] of texts) test(`findPublishedInText: ${name}`, () => assert.equal(findPublishedInText(text), want));
