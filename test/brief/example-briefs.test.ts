// Writes briefs for people to read: out/briefs/examples.{md,html,pdf} from examples/ always, and
// out/briefs/seed.{md,html,pdf} from the seed article when ../shared is there (the seed text is
// evaluation material: it is read in place, never copied into the project; out/ is gitignored).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractReport } from '../../src/app/extract-report.ts';
import { ingestExtraction } from '../../src/app/ingest-document.ts';
import { makeBrief, renderBrief } from '../../src/app/make-brief.ts';
import { readInputFile } from '../../src/input/read-input.ts';
import { BACKENDS, ROOT, withFreshStore } from '../store/helpers.ts';

const OUT = join(ROOT, 'out/briefs');
const SEED = join(ROOT, '../shared/corpus/seed');
const HAS_PDFTOTEXT = spawnSync('pdftotext', ['-v']).error === undefined;

async function writeBriefs(name: string, files: string[], title: string): Promise<void> {
  await withFreshStore(BACKENDS[0]!, async (s) => {
    for (const f of files) await ingestExtraction(s, extractReport(await readInputFile(f)).extraction, 'brief-test', 'machine');
    // Nothing here has been reviewed: the brief shows the machine's proposals, marked as such.
    const b = await makeBrief(s, { includeProposed: true, title });
    mkdirSync(OUT, { recursive: true });
    for (const format of ['md', 'html', 'pdf'] as const) writeFileSync(join(OUT, `${name}.${format}`), renderBrief(b, format));
    const md = renderBrief(b, 'md') as string;
    assert.ok(b.footnotes.length >= 1 && b.footnotes.length <= files.length);
    const cited = new Set([...md.matchAll(/\[\^(\d+)\](?!:)/g)].map((m) => m[1]));
    for (const n of cited) assert.match(md, new RegExp(`^\\[\\^${n}\\]: `, 'm'));
    assert.ok(b.sections.some((x) => x.groups.some((g) => g.lines.length > 0)), 'the brief says something');
    if (HAS_PDFTOTEXT) {
      const r = spawnSync('pdftotext', [join(OUT, `${name}.pdf`), '-'], { encoding: 'utf8' });
      assert.equal(r.status, 0, r.stderr);
      assert.ok(r.stdout.includes('Sources') && r.stdout.includes(b.footnotes[0]!.date));
    }
  });
}

test('example briefs: out/briefs/examples.md, .html and .pdf', async () => {
  const dir = join(ROOT, 'examples');
  const files = readdirSync(dir).filter((f) => f !== 'README.md').sort().map((f) => join(dir, f));
  await writeBriefs('examples', files, 'Situation brief: the parley examples');
});

test('seed brief: out/briefs/seed.md, .html and .pdf', { skip: existsSync(SEED) ? false : '../shared is not here' }, async () => {
  const files = readdirSync(SEED).filter((f) => f.endsWith('.txt')).sort().map((f) => join(SEED, f));
  await writeBriefs('seed', files, 'Situation brief: the seed article');
});
