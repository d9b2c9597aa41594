import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { ROOT, fixtures, parley, report } from './run-cli.ts';

const fx = fixtures({
  'dated.txt': report('Second round opens in Nairobi', 'Tuesday 4 March 2025'),
  'undated.txt': report('Talks continue in Nairobi'),
});
after(() => fx.done());

type Span = { start: number; end: number };
const isSpan = (s: unknown, len: number): boolean => {
  const x = s as Span;
  return Number.isInteger(x.start) && Number.isInteger(x.end) && 0 <= x.start && x.start < x.end && x.end <= len;
};

test('--format json: the full record, its text exactly as read, every span inside it', () => {
  const r = parley(['extract', '--format', 'json', fx.path('dated.txt')]);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stderr, '');
  const o = JSON.parse(r.stdout);
  assert.equal(o.format, 'parley-record/1');
  assert.equal(o.text, readFileSync(fx.path('dated.txt'), 'utf8'));
  assert.deepEqual(
    { id: o.document.id, title: o.document.title, published: o.document.published, from: o.document.publishedFrom, source: o.document.source },
    { id: 'dated', title: 'Second round opens in Nairobi', published: '2025-03-04', from: 'text', source: fx.path('dated.txt') },
  );
  for (const k of ['paragraphs', 'sentences', 'actors', 'mentions', 'quotes', 'quantities', 'dates', 'participation', 'events']) {
    assert.ok(Array.isArray(o[k]), k);
  }
  assert.ok(o.sentences.length >= 4);
  for (const s of [...o.paragraphs, ...o.sentences]) assert.ok(isSpan(s, o.text.length));
  for (const k of ['actors', 'quotes', 'quantities', 'dates', 'participation', 'events']) {
    for (const item of o[k]) for (const ev of item.evidence) assert.ok(isSpan(ev, o.text.length), `${k} evidence`);
  }
});

test('--format parley-eval: the scoring shape (../shared/eval/FORMAT.md)', () => {
  const r = parley(['extract', '--format', 'parley-eval', '--published', '2025-03-05', fx.path('dated.txt')]);
  assert.equal(r.status, 0, r.stderr);
  const o = JSON.parse(r.stdout);
  assert.equal(o.format, 'parley-eval/1');
  assert.deepEqual(o.document, { id: 'dated', published: '2025-03-05' });
  assert.deepEqual(Object.keys(o).sort(), ['actors', 'dates', 'document', 'events', 'format', 'participation', 'quantities', 'quotes']);
  const len = readFileSync(fx.path('dated.txt'), 'utf8').length;
  for (const k of ['actors', 'quotes', 'quantities', 'dates', 'participation', 'events']) {
    assert.ok(Array.isArray(o[k]), k);
    for (const item of o[k]) {
      assert.ok(Array.isArray(item.evidence) && item.evidence.length > 0, `${k} has evidence`);
      for (const ev of item.evidence) assert.ok(isSpan(ev, len));
    }
  }
});

test('no publication date: a warning on stderr, dates resolved against today, exit 0', () => {
  const r = parley(['extract', '--format', 'parley-eval', fx.path('undated.txt')]);
  assert.equal(r.status, 0);
  const today = new Date().toISOString().slice(0, 10);
  assert.match(r.stderr.trim(), /^parley: .*undated\.txt: no publication date found .*resolved against today, \d{4}-\d{2}-\d{2}$/);
  assert.equal(r.stderr.trim().split('\n').length, 1);
  assert.ok([today, r.stderr.trim().slice(-10)].includes(JSON.parse(r.stdout).document.published));
});

test('--published wins over the date line, and silences the warning', () => {
  const r = parley(['extract', '--format', 'json', '--published', '2024-12-31', fx.path('undated.txt')]);
  assert.equal(r.stderr, '');
  const o = JSON.parse(r.stdout);
  assert.equal(o.document.published, '2024-12-31');
  assert.equal(o.document.publishedFrom, 'option');
});

test('standard input: "-" reads text, its id is "stdin"', () => {
  const text = report('Talks by pipe', '12 May 2025');
  const r = parley(['extract', '--format', 'json', '-'], { input: text });
  assert.equal(r.status, 0, r.stderr);
  const o = JSON.parse(r.stdout);
  assert.equal(o.text, text);
  assert.deepEqual([o.document.id, o.document.source, o.document.published], ['stdin', '-', '2025-05-12']);
});

test('standard input: an HTML page is read as a page', () => {
  const html = '<!DOCTYPE html><html><head><meta property="article:published_time" content="2025-06-01T09:00:00Z"><title>Piped page</title></head>'
    + '<body><nav><a href="/">Home</a></nav><article><p>The envoy met both delegations in Doha on Sunday.</p></article><footer>© 2025</footer></body></html>';
  const r = parley(['extract', '--format', 'json', '-'], { input: html });
  assert.equal(r.status, 0, r.stderr);
  const o = JSON.parse(r.stdout);
  assert.equal(o.text, 'The envoy met both delegations in Doha on Sunday.');
  assert.deepEqual([o.document.title, o.document.published, o.document.publishedFrom], ['Piped page', '2025-06-01', 'metadata']);
});

test('summary: the title, the source and the publication date head the output', () => {
  const r = parley(['extract', fx.path('dated.txt')]);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout.split('\n')[0], `Second round opens in Nairobi  (${fx.path('dated.txt')}, published 2025-03-04)`);
  for (const section of ['Actors', 'Participation', 'Statements', 'Events', 'Figures', 'Dates']) assert.match(r.stdout, new RegExp(`^${section} \\(\\d+\\)$`, 'm'));
  assert.ok(!r.stdout.includes('\x1b['), 'no colour when not a terminal');
});

test('every bundled example runs clean, with its date and title found', () => {
  const dir = join(ROOT, 'examples');
  const files = readdirSync(dir).filter((f) => /\.(txt|html)$/.test(f) || (f.endsWith('.md') && f !== 'README.md')).map((f) => join('examples', f));
  assert.ok(files.length >= 3);
  const r = parley(['extract', '--format', 'json', ...files]);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stderr, '');
  const docs = r.stdout.trim().split('\n').map((l) => JSON.parse(l).document);
  assert.equal(docs.length, files.length);
  for (const d of docs) {
    assert.ok(d.title, `${d.id} has a title`);
    assert.match(d.published, /^\d{4}-\d{2}-\d{2}$/);
    assert.notEqual(d.publishedFrom, 'today');
  }
});

test('output piped into a reader that stops early (| head): no error, no stack, exit 0', () => {
  const ex = join(ROOT, 'examples/yemen-muscat-talks.txt');
  const script = `exec 3>&1; "${process.execPath}" bin/parley.mjs extract -f json ${Array(6).fill(`'${ex}'`).join(' ')} 2>&3 | head -c 10 >/dev/null; echo "rc=\${PIPESTATUS[0]}"`;
  const r = spawnSync('bash', ['-c', script], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 60_000 });
  assert.equal(r.stdout.trim(), 'rc=0');
});
