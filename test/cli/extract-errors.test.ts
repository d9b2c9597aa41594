import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { assertOneErrorLine, fixtures, parley, report } from './run-cli.ts';

// Every bad input: one line on stderr naming the file and the problem, a non-zero exit,
// nothing on stdout, never a stack trace. Fixtures are written at test time.
const fx = fixtures({
  'empty.txt': '',
  'blank.txt': '\n   \n\t\n',
  'blob.txt': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]),
  'latin1.txt': Buffer.concat([Buffer.from('Talks resumed in Gen'), Buffer.from([0xe8]), Buffer.from('ve on Monday.\n')]),
  'menus.html': '<!doctype html><html><head><title>Home</title></head><body><header><nav><a href="/">Home</a><a href="/w">World</a></nav></header><aside><p>Most read</p></aside><footer><p>© 2025</p></footer><script>var a = "<p>no</p>";</script></body></html>',
  'french.txt': 'Pourparlers à Genève\n\nLes deux délégations se sont rencontrées mardi à Genève et ont accepté de se revoir le mois prochain, a déclaré l’envoyé des Nations unies. Les discussions porteront sur les prisonniers et sur l’accès humanitaire.\n',
  'arabic.txt': 'التقى الوفدان يوم الثلاثاء في جنيف واتفقا على الاجتماع مجددا الشهر المقبل، بحسب المبعوث الأممي.\n',
  'report.pdf': '%PDF-1.7\n',
  'folder/keep.txt': 'x',
  'good1.txt': report('Second round opens in Nairobi'),
  'good2.txt': report('Talks continue in Nairobi'),
});
// Just over the limit, made here rather than committed.
const big = fixtures({ 'big.txt': Buffer.alloc(5 * 1024 * 1024 + 10, 'The talks went on. ') });
after(() => { fx.done(); big.done(); });

const cases: [name: string, file: string, what: RegExp, exit: number][] = [
  ['missing file', fx.path('nope.txt'), /: no such file$/, 3],
  ['directory', fx.path('folder'), /: is a directory, not a file$/, 3],
  ['empty file', fx.path('empty.txt'), /: is empty$/, 4],
  ['blank file', fx.path('blank.txt'), /: is empty$/, 4],
  ['binary file', fx.path('blob.txt'), /: is a binary file, not text$/, 4],
  ['invalid UTF-8', fx.path('latin1.txt'), /: is not valid UTF-8 \(first bad byte at offset 20\); save it as UTF-8$/, 4],
  ['file over 5 MB', big.path('big.txt'), /: is 5\.1 MB, over the 5 MB limit for one report$/, 4],
  ['HTML with no article text', fx.path('menus.html'), /: is an HTML page with no article text$/, 4],
  ['text in French', fx.path('french.txt'), /: is in French; only English is extracted for now$/, 4],
  ['text in Arabic', fx.path('arabic.txt'), /: is in Arabic; only English is extracted for now$/, 4],
  ['a PDF', fx.path('report.pdf'), /: is a PDF document \(\.pdf\); parley reads plain text/, 4],
];

for (const [name, file, what, exit] of cases) {
  test(`bad input: ${name}`, () => {
    const r = parley(['extract', '--published', '2025-03-01', file]);
    assertOneErrorLine(r, file, what);
    assert.equal(r.status, exit);
    assert.equal(r.stdout, '');
  });
}

test('bad input: the size limit holds on standard input too', () => {
  const r = parley(['extract', '--published', '2025-03-01', '-'], { input: Buffer.alloc(5 * 1024 * 1024 + 10, 'a') });
  assertOneErrorLine(r, '-', /: is over the 5 MB limit for one report$/);
  assert.notEqual(r.status, 0);
});

test('batch: two good files and a bad one give two results, one error line, a failing exit', () => {
  const bad = fx.path('french.txt');
  const r = parley(['extract', '--format', 'json', '--published', '2025-03-01', fx.path('good1.txt'), bad, fx.path('good2.txt')]);
  const results = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { document: { id: string } });
  assert.deepEqual(results.map((x) => x.document.id), ['good1', 'good2']);
  assertOneErrorLine(r, bad, /is in French/);
  assert.equal(r.status, 4);
});

test('batch: summaries of the good files, the missing one reported', () => {
  const r = parley(['extract', '--published', '2025-03-01', fx.path('good1.txt'), fx.path('gone.md'), fx.path('good2.txt')]);
  assert.match(r.stdout, /Second round opens in Nairobi/);
  assert.match(r.stdout, /Talks continue in Nairobi/);
  assertOneErrorLine(r, fx.path('gone.md'), /no such file/);
  assert.equal(r.status, 3);
});

const badArgs: [name: string, args: string[], what: RegExp][] = [
  ['--published not a date', ['--published', 'yesterday'], /--published must be a date as YYYY-MM-DD, not "yesterday"/],
  ['--published not a calendar day', ['--published', '2025-02-30'], /--published must be a date as YYYY-MM-DD, not "2025-02-30"/],
  ['--format unknown', ['--format', 'xml'], /argument 'xml' is invalid/],
];
for (const [name, args, what] of badArgs) {
  test(`bad argument: ${name}`, () => {
    const r = parley(['extract', ...args, fx.path('good1.txt')]);
    const lines = r.stderr.trim().split('\n');
    assert.equal(lines.length, 1, r.stderr);
    assert.match(lines[0]!, what);
    assert.equal(r.status, 2);
    assert.equal(r.stdout, '');
    assert.ok(!r.stderr.includes('    at '));
  });
}
