import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeBrief, renderBrief, type BriefOptions } from '../../src/app/make-brief.ts';
import type { Brief } from '../../src/brief/model.ts';
import { openStore, type Store } from '../../src/store/open.ts';
import { BACKENDS, tempDir } from '../store/helpers.ts';
import { runCli } from '../store/cli.ts';
import { ANON_DESCRIPTION, seedRecord } from '../export/record-fixture.ts';

const HAS_PDFTOTEXT = spawnSync('pdftotext', ['-v']).error === undefined;
const NO_PDFTOTEXT = HAS_PDFTOTEXT ? false : 'pdftotext not installed (apt-get install -y poppler-utils)';

/** Two workspaces: every claim accepted, and nothing reviewed yet. */
let reviewed: Store, unreviewed: Store;
const cleanups: (() => Promise<void>)[] = [];
before(async () => {
  for (const accept of [true, false]) {
    const f = await BACKENDS[0]!.fresh();
    const s = await openStore(f.options);
    await seedRecord(s, { accept });
    if (accept) reviewed = s; else unreviewed = s;
    cleanups.push(async () => { await s.close(); await f.cleanup(); });
  }
});
after(async () => { for (const c of cleanups) await c(); });

const brief = (o: BriefOptions = {}, s: Store = reviewed): Promise<Brief> => makeBrief(s, o);
const lines = (b: Brief) => b.sections.flatMap((s) => s.groups.flatMap((g) => g.lines));

test('every statement carries footnotes, and every footnote resolves to a stored report', async () => {
  const b = await brief();
  assert.ok(lines(b).length >= 10);
  for (const l of [...lines(b), ...b.timeline]) assert.ok(l.notes.length > 0, `no source for: ${'text' in l ? l.text : l.label}`);
  const docs = await reviewed.db.selectFrom('documents').select(['id', 'publisher', 'published', 'url']).execute();
  assert.deepEqual(b.footnotes.map((f) => f.n), b.footnotes.map((_, i) => i + 1));
  for (const f of b.footnotes) {
    const d = docs.find((x) => x.id === f.documentId)!;
    assert.deepEqual([f.outlet, f.date, f.url], [d.publisher, d.published, d.url]);
  }
  const md = renderBrief(b, 'md') as string;
  const cited = new Set([...md.matchAll(/\[\^(\d+)\](?!:)/g)].map((m) => Number(m[1])));
  const defined = new Map([...md.matchAll(/^\[\^(\d+)\]: (.*)$/gm)].map((m) => [Number(m[1]), m[2]!]));
  assert.deepEqual([...cited].sort((x, y) => x - y), [...defined.keys()].sort((x, y) => x - y));
  assert.match(defined.get(1)!, /^Harbour Herald, 2026-03-02, .*https:\/\/news\.example\.org\/harbour\/talks-open$/);
  for (const line of md.split('\n').filter((l) => l.startsWith('- '))) assert.match(line, /\[\^\d+\]$/, line);
  const html = renderBrief(b, 'html') as string;
  for (const m of html.matchAll(/href="#fn(\d+)"/g)) assert.ok(html.includes(`id="fn${m[1]}"`));
});

test('the brief says where the process stands, who boycotts on what condition, and what was said', async () => {
  const md = renderBrief(await brief({ since: '2026-03-01' }), 'md') as string;
  for (const want of [
    'Last round: round 3, 2026-03-02, in Lakeside', 'Venue: Lakeside', 'Host: Norway',
    'Eastern Front boycotts (the talks); condition: its jailed commanders are released',
    'Northern Alliance attends', '### Northern Alliance', 'Mara Velden: “We came to listen, not to lecture”',
    '### River Council', 'said that the council will free more detainees',
    'Ceasefire, by River Council, in Hillport, on 2026-03-05', 'Commitment: release detainees (made 2026-03-02); status: not initiated (0/3)',
    'Commitment: ceasefire by River Council in Hillport', 'changed: start from 2026-03-04 to 2026-03-05', 'status: edited; 1 independent report',
    'released (prisoners), reported 2026-03-02: reports differ', '**[contested]** at least 40 prisoners', '**[contested]** about 55 prisoners',
  ]) assert.ok(md.includes(want), `missing: ${want}\n${md}`);
  const later = renderBrief(await brief({ since: '2026-03-03' }), 'md') as string;
  assert.ok(!later.includes('We came to listen'), 'statements before --since are left out');
});

test('only accepted records by default; --include-proposed marks proposals', async () => {
  const plain = await brief({}, unreviewed);
  assert.equal(lines(plain).length, 0);
  assert.equal(plain.footnotes.length, 0);
  const md = renderBrief(await brief({ includeProposed: true }, unreviewed), 'md') as string;
  assert.match(md, /includes proposals not yet reviewed/);
  const items = md.split('\n').filter((l) => l.startsWith('- '));
  assert.ok(items.length >= 10 && items.every((l) => l.startsWith('- **[proposed]**')), md);
});

test('anonymous speakers stay anonymous; --redact drops their descriptions in every format', async () => {
  const open = await brief();
  assert.ok((renderBrief(open, 'md') as string).includes(ANON_DESCRIPTION), 'described without --redact');
  const red = await brief({ redact: true });
  const md = renderBrief(red, 'md') as string;
  const html = renderBrief(red, 'html') as string;
  assert.ok(md.includes('An unnamed source said that the council'));
  for (const text of [md, html, JSON.stringify(red)]) {
    assert.ok(!text.includes(ANON_DESCRIPTION));
    assert.ok(!/asked not to be named/.test(text));
  }
  if (HAS_PDFTOTEXT) assert.ok(!pdfText(renderBrief(red, 'pdf') as Buffer).includes('asked not to be named'));
});

function pdfText(pdf: Buffer): string {
  const file = join(tempDir(), 'brief.pdf');
  writeFileSync(file, pdf);
  const r = spawnSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout;
}

const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();

test('the PDF is a valid PDF holding the brief\'s text and its timeline', { skip: NO_PDFTOTEXT }, async () => {
  const b = await brief({ since: '2026-03-01' });
  const pdf = renderBrief(b, 'pdf') as Buffer;
  assert.equal(pdf.subarray(0, 8).toString('latin1'), '%PDF-1.4');
  assert.match(pdf.subarray(-6).toString('latin1'), /%%EOF\n$/);
  const file = join(tempDir(), 'brief.pdf');
  writeFileSync(file, pdf);
  const info = spawnSync('pdfinfo', [file], { encoding: 'utf8' });
  assert.equal(info.status, 0, info.stderr);
  assert.equal(info.stderr, '', 'pdfinfo finds no error in the file');
  assert.match(info.stdout, /Title:\s+Situation brief: Talks in Lakeside/);
  const text = squash(pdfText(pdf));
  for (const l of [...lines(b).map((x) => x.text), ...b.footnotes.map((f) => f.outlet), b.title, 'Timeline', 'round 3, Lakeside']) {
    assert.ok(text.includes(squash(l)), `PDF lacks: ${l}`);
  }
});

test('the HTML brief draws the timeline as SVG', async () => {
  const html = renderBrief(await brief(), 'html') as string;
  const svg = /<svg[\s\S]*?<\/svg>/.exec(html)?.[0] ?? '';
  assert.ok(svg.includes('<rect'), 'a round');
  assert.equal((svg.match(/<circle/g) ?? []).length, 3, 'release, aid access, ceasefire');
  assert.match(svg, /round 3, Lakeside/);
});

test('cli: parley brief writes md, html and pdf; bad arguments exit 2', { skip: NO_PDFTOTEXT }, async () => {
  const dir = tempDir();
  const f = await BACKENDS[0]!.fresh();
  try {
    const s = await openStore(f.options);
    await seedRecord(s);
    await s.close();
    const bad = await runCli(['brief', '--since', 'March'], f.env);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--since must be a date/);
    for (const ext of ['md', 'pdf']) {
      const out = join(dir, `brief.${ext}`);
      const ok = await runCli(['brief', '--process', 'lakeside', '-o', out], f.env);
      assert.equal(ok.code, 0, ok.stderr);
      assert.ok(readFileSync(out).length > 500);
    }
    assert.match(pdfText(readFileSync(join(dir, 'brief.pdf'))), /Eastern Front boycotts/);
    const none = await runCli(['brief', '--process', 'Geneva'], f.env);
    assert.equal(none.code, 6);
  } finally {
    await f.cleanup();
  }
});
