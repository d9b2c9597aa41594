import { test } from 'node:test';
import assert from 'node:assert/strict';
import { userInfo } from 'node:os';
import { main } from '../../src/cli/main.ts';
import { fieldPairs } from '../../src/cli/store-record-commands.ts';
import { formatRows } from '../../src/cli/store-output.ts';
import { freshWorkspace } from './helpers.ts';
import { reportsFolder } from './cli.ts';

/** Runs parley in this process, capturing what it prints. */
async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '', err = '';
  const o = process.stdout.write, e = process.stderr.write;
  process.stdout.write = ((s: string) => ((out += s), true)) as typeof o;
  process.stderr.write = ((s: string) => ((err += s), true)) as typeof e;
  try {
    const code = await main(args);
    return { code, out, err };
  } finally {
    process.stdout.write = o;
    process.stderr.write = e;
  }
}

test('field pairs and tables', () => {
  assert.deepEqual(fieldPairs(['--value', '40', '--speaker-description=a diplomat']), { value: '40', speakerDescription: 'a diplomat' });
  assert.throws(() => fieldPairs(['value']), /expected --field value/);
  assert.throws(() => fieldPairs(['--value']), /needs a value/);
  assert.equal(formatRows([{ id: 'c1', text: 'a, "b"' }], 'csv'), 'id,text\nc1,"a, ""b"""\n');
  assert.equal(formatRows([{ id: 'c1', text: 'long text here' }], 'table', 16), 'id  text\n--  ------------\nc1  long text h…\n');
});

test('the record commands: status, review, accept, edit, show, actors, quotes, figures, search', async () => {
  const ws = await freshWorkspace();
  process.env.PARLEY_EXTRACTOR_VERSION = 'test';
  const w = ['--workspace', ws];
  const ing = await cli('ingest', reportsFolder(3), '--published', '2026-03-30', '--workers', '0', ...w);
  assert.equal(ing.code, 0, ing.err);
  const st = JSON.parse((await cli('status', '--format', 'json', ...w)).out);
  assert.equal(st.documents, 3);
  assert.ok(st.proposals > 0);
  const review = JSON.parse((await cli('review', '--format', 'json', ...w)).out) as { id: string; kind: string }[];
  assert.ok(review.length > 0 && review.every((r) => /^c\d+$/.test(r.id)));
  const quote = review.find((r) => r.kind === 'quote');
  const figure = review.find((r) => r.kind === 'quantity');
  assert.ok(quote && figure, JSON.stringify(review));
  assert.equal((await cli('accept', quote.id, ...w)).code, 0);
  const ed = await cli('edit', figure.id, '--value', '99', '--format', 'json', ...w);
  assert.equal(ed.code, 0, ed.err);
  assert.equal(JSON.parse(ed.out)[0].after, 99);
  const shown = JSON.parse((await cli('show', figure.id, '--format', 'json', ...w)).out);
  assert.equal(shown.state, 'edited');
  assert.equal(shown.value.value, 99);
  assert.equal(shown.history[0].by, userInfo().username);
  assert.ok(shown.sources[0].sentence.length > 0);
  const stale = await cli('accept', figure.id, '--if-version', '1', ...w);
  assert.equal(stale.code, 7);
  assert.match(stale.err, /changed since you read it/);
  const left = JSON.parse((await cli('review', '--format', 'json', '--limit', '500', ...w)).out) as { id: string }[];
  assert.ok(!left.some((r) => r.id === quote.id || r.id === figure.id));
  const members = await cli('review', '--kind', 'membership', '--format', 'json', ...w);
  assert.ok(Array.isArray(JSON.parse(members.out)), members.err);
  const actors = (await cli('actors', '--format', 'csv', ...w)).out.split('\n');
  assert.equal(actors[0], 'id,name,kind,state,documents,claims,aliases');
  // Initials parley derived ("VC") still find the council but are not listed among its names.
  const council = JSON.parse((await cli('actor', 'VC', '--format', 'json', ...w)).out) as { name: string; aliases: string[] };
  assert.equal(council.name, 'Valley Council');
  assert.ok(!council.aliases.includes('VC'), JSON.stringify(council.aliases));
  assert.ok(!actors.find((l) => l.includes('Valley Council'))?.includes('VC'), actors.join('\n'));
  const quotes = JSON.parse((await cli('quotes', '--format', 'json', ...w)).out) as { id: string; state: string }[];
  assert.equal(quotes.find((q) => q.id === quote.id)?.state, 'accepted');
  const figures = JSON.parse((await cli('figures', '--format', 'json', ...w)).out) as { id: string; value: number }[];
  assert.equal(figures.find((f) => f.id === figure.id)?.value, 99);
  const found = JSON.parse((await cli('search', 'negotiators', 'draft', '--format', 'json', ...w)).out) as { id: string }[];
  assert.ok(found.some((r) => /^d\d+$/.test(r.id)));
  const doc = JSON.parse((await cli('show', 'd1', '--format', 'json', ...w)).out);
  assert.ok(doc.claims.length > 0);
  assert.equal((await cli('show', 'c99999', ...w)).code, 6);
  const bad = await cli('show', 'x1', ...w);
  assert.equal(bad.code, 2);
  assert.match(bad.err, /not a record id/);
  delete process.env.PARLEY_EXTRACTOR_VERSION;
});
