import { test } from 'node:test';
import assert from 'node:assert/strict';
import { widthOf, winAnsi } from './fonts.ts';
import { PdfWriter } from './writer.ts';
import { wrap } from '../render-pdf.ts';

test('text → WinAnsi codes: Latin-1 and typographic quotes kept, accents stripped, the rest "?"', () => {
  const table: [string, number[]][] = [
    ['Ab 1', [65, 98, 32, 49]],
    ['café', [99, 97, 102, 0xe9]],
    ['“x” – ’', [0x93, 120, 0x94, 32, 0x96, 32, 0x92]],
    ['Đ', [63]],
    ['ă', [97]],
    ['■→', [35, 45, 62]],
    ['北', [63]],
  ];
  for (const [s, codes] of table) assert.deepEqual(winAnsi(s), codes, s);
});

test('widths follow Helvetica: "i" is narrower than "m", a size scales linearly', () => {
  assert.ok(widthOf(winAnsi('iiii'), 10) < widthOf(winAnsi('mmmm'), 10));
  assert.equal(widthOf(winAnsi('Hello'), 20), 2 * widthOf(winAnsi('Hello'), 10));
});

test('wrap keeps words whole, cuts only words longer than the line', () => {
  const lines = wrap('one two three four five six seven', 60, 10);
  assert.ok(lines.length > 1);
  assert.equal(lines.join(' '), 'one two three four five six seven');
  for (const l of lines) assert.ok(widthOf(winAnsi(l), 10) <= 60);
  const url = wrap('https://example.org/a/very/long/address/that/cannot/fit/on/one/line', 80, 10);
  assert.equal(url.join(''), 'https://example.org/a/very/long/address/that/cannot/fit/on/one/line');
});

test('the writer makes a well-formed file: header, objects at the offsets the xref gives, trailer', () => {
  const w = new PdfWriter();
  w.text(50, 700, 'Hello (world) \\ back', 12);
  w.line(50, 690, 200, 690);
  w.newPage();
  w.circle(100, 100, 5, [1, 0, 0]);
  const pdf = w.finish('A title');
  const s = pdf.toString('latin1');
  assert.ok(s.startsWith('%PDF-1.4\n'));
  assert.ok(s.endsWith('%%EOF\n'));
  assert.match(s, /\(Hello \\\(world\\\) \\\\ back\) Tj/);
  assert.match(s, /\/Count 2/);
  const xref = Number(/startxref\n(\d+)/.exec(s)![1]);
  assert.ok(s.slice(xref).startsWith('xref\n'));
  const offsets = [...s.slice(xref).matchAll(/^(\d{10}) 00000 n $/gm)].map((m) => Number(m[1]));
  offsets.forEach((o, i) => assert.ok(s.slice(o).startsWith(`${i + 1} 0 obj`), `object ${i + 1}`));
});
