#!/usr/bin/env node
// The issue's acceptance check, no manual step: ingests ../shared/corpus/guardian/ (dates from its
// manifest.json) and the seed into a fresh temporary workspace, then verifies through the CLI:
// one actor each for the Syrian government, the SNC and the UN envoy whatever the spelling, and
// the two organisations sharing the initials SNC (the Syrian National Coalition and the Syrian
// Negotiation Commission) kept apart; processes for the Geneva, Sochi and Astana talks with their
// rounds, no round dated years before its process's first report, every Moscow consultations round
// within two years, ordinals stated by reports kept, unique and in date order; the Geneva rounds
// of the stored record numbered by the ordinals reports state in their sentences ("the sixth
// round", "Geneva IV"), as when built straight from the extractions; at least one contested
// figure with both values and both sources. Prints what it found; exits 1 when a check fails.
// Usage: node scripts/check-corpus-record.mjs [--corpus DIR] [--seed DIR] [--keep]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const arg = (name, dflt) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : dflt; };
const corpus = resolve(arg('--corpus', join(ROOT, '../shared/corpus/guardian')));
const seed = resolve(arg('--seed', join(ROOT, '../shared/corpus/seed')));
const keep = process.argv.includes('--keep');

for (const d of [corpus, seed]) if (!existsSync(d)) { console.error(`check:record: ${d} not found`); process.exit(2); }
const ws = mkdtempSync(join(tmpdir(), 'parley-check-record-'));
const env = { ...process.env, DATABASE_URL: '', PARLEY_WORKSPACE: '' };

function parley(...args) {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin/parley.mjs'), ...args, '-w', ws], { cwd: ROOT, env, encoding: 'utf8', maxBuffer: 256 << 20 });
  if (r.status !== 0) throw new Error(`parley ${args.join(' ')} exited ${r.status}: ${r.stderr.trim().slice(0, 2000)}`);
  return r.stdout;
}
const json = (...args) => JSON.parse(parley(...args, '--format', 'json'));

const failures = [];

/** The processes built in memory from fresh extractions of the corpus and seed, sentence text included. */
function directProcesses() {
  const code = `import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { extract } from ${JSON.stringify(join(ROOT, 'src/extract/index.ts'))};
import { buildProcesses, processDocOf } from ${JSON.stringify(join(ROOT, 'src/record/processes.ts'))};
const [corpus, seed] = process.argv.slice(1);
let man = new Map();
try { man = new Map(JSON.parse(readFileSync(join(corpus, 'manifest.json'), 'utf8')).map((m) => [m.id, m.published])); } catch {}
const docs = [];
for (const dir of [corpus, seed]) for (const f of readdirSync(dir).filter((x) => x.endsWith('.txt')).sort()) {
  const id = f.slice(0, -4);
  const published = man.get(id) ?? /\\d{4}-\\d{2}-\\d{2}/.exec(f)?.[0] ?? '2000-01-01';
  docs.push(processDocOf(extract(readFileSync(join(dir, f), 'utf8'), { id, published, publishedFrom: 'option', source: f })));
}
const r = buildProcesses(docs);
process.stdout.write(JSON.stringify(r.processes.map((p) => ({ name: p.name, series: p.series, rounds: p.rounds.map((x) => ({ ordinal: x.ordinal, ordinalFrom: x.ordinalFrom, start: x.start })) }))));`;
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code, corpus, seed], { cwd: ROOT, env, encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(`building processes from the extractions failed: ${r.stderr.trim().slice(0, 1000)}`);
  return JSON.parse(r.stdout);
}

/** Publication date of every stored document ("d12" → "2017-11-28"), read from the workspace in one go. */
function documentDates() {
  const code = `import { openStore } from ${JSON.stringify(join(ROOT, 'src/store/open.ts'))};
const s = await openStore({ workspace: process.argv[1] });
const rows = await s.db.selectFrom('documents').select(['id', 'published']).execute();
await s.close();
process.stdout.write(JSON.stringify(rows.map((r) => ['d' + r.id, String(r.published).slice(0, 10)])));`;
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code, ws], { cwd: ROOT, env, encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(`reading document dates failed: ${r.stderr.trim().slice(0, 1000)}`);
  return new Map(JSON.parse(r.stdout));
}
const check = (ok, what) => { console.log(`${ok ? 'PASS' : 'FAIL'}  ${what}`); if (!ok) failures.push(what); };

try {
  const t0 = performance.now();
  const ing = json('ingest', corpus, seed);
  const secs = (performance.now() - t0) / 1000;
  console.log(`ingested ${ing.files} files (${ing.stored} stored, ${ing.nearDuplicates} near-duplicates, ${ing.failed.length} failed) in ${secs.toFixed(1)} s`);
  check(ing.failed.length === 0 && ing.files >= 250, `all ${ing.files} reports ingested`);

  // Actors: every spelling of each must land on one actor (its name or an alias).
  const actors = json('actors', '--limit', '100000');
  const names = (a) => [a.name, ...String(a.aliases ?? '').split(', ').filter(Boolean)];
  const found = new Map();
  const GROUPS = [
    ['Syrian government', /^(the )?(syrian (arab )?government|syrian regime|assad (regime|government)|government of (syria|bashar al-assad)|damascus government)$/i],
    ['SNC', /^(the )?(syrian national coalition|national coalition (of|for) syrian revolution(ary)? and opposition forces)$/i],
    ['Syrian Negotiation Commission', /^(the )?syrian negotiati(on|ons|ng) commission$/i],
    ['UN envoy', /^(staffan )?de mistura$|^mistura$|^(the )?(un|united nations)( special)? envoy( (to|for) syria)?$/i],
  ];
  console.log('\nactors:');
  for (const [label, re] of GROUPS) {
    const hits = actors.filter((a) => names(a).some((n) => re.test(n.trim())));
    for (const a of hits) console.log(`  ${label}: ${a.id} ${a.name} (${a.kind}, ${a.documents} documents) aliases: ${a.aliases || '-'}`);
    check(hits.length === 1, `one actor for the ${label} (${hits.length} found)`);
    found.set(label, hits);
  }
  // Initials shared by two organisations never merge them.
  const [coalition] = found.get('SNC'), [commission] = found.get('Syrian Negotiation Commission');
  check(!!coalition && !!commission && coalition.id !== commission.id, 'the Syrian National Coalition and the Syrian Negotiation Commission are two actors');

  // Processes and their rounds.
  const rounds = json('processes', '--limit', '100000');
  console.log('\nprocesses:');
  for (const series of ['Geneva', 'Sochi', 'Astana']) {
    const mine = rounds.filter((r) => r.name.toLowerCase().includes(series.toLowerCase()) || r.venue.toLowerCase().includes(series.toLowerCase()));
    const withRounds = mine.filter((r) => r.round);
    for (const r of withRounds) console.log(`  ${r.name} (${r.process}) round ${r.round}: ${r.dates || 'undated'}${r.participation ? ' — ' + r.participation.slice(0, 160) : ''} [${r.sources}]`);
    check(withRounds.length > 0, `a process for the ${series} talks with its rounds (${new Set(mine.map((r) => r.process)).size} process, ${withRounds.length} rounds)`);
  }
  const moscow = rounds.filter((r) => /moscow/i.test(r.name) && r.round);
  for (const r of moscow) console.log(`  ${r.name} round ${r.round}: ${r.dates || 'undated'}${r.participation ? ' — ' + r.participation.slice(0, 160) : ''}`);

  // Rounds over time: a place alone does not pull talks years apart into one series, and no round
  // is dated years before its process's first report unless a report names that round.
  const DAY = 86_400_000;
  const dayOf = (iso) => (iso ? Date.parse(iso.length === 4 ? `${iso}-01-01` : iso.length === 7 ? `${iso}-01` : iso) / DAY : undefined);
  const startOf = (r) => dayOf(String(r.dates || '').split('..')[0]);
  const stated = (r) => r.round && !/by order/.test(r.round);
  const series = rounds.filter((r) => r.name === 'Moscow consultations' && r.round && startOf(r) !== undefined).map(startOf);
  const span = series.length ? Math.max(...series) - Math.min(...series) : 0;
  check(series.length >= 2 && span <= 730, `the Moscow consultations' ${series.length} dated rounds lie within two years (${Math.round(span)} days)`);
  const published = documentDates();
  const byProcess = new Map();
  for (const r of rounds) if (r.round) (byProcess.get(r.process) ?? byProcess.set(r.process, []).get(r.process)).push(r);
  const early = [], ordinalTrouble = [];
  for (const [p, rs] of byProcess) {
    const firstReport = Math.min(...rs.flatMap((r) => String(r.sources).split(/\s+/).map((d) => dayOf(published.get(d))).filter((x) => x !== undefined)));
    for (const r of rs) if (!stated(r) && startOf(r) !== undefined && startOf(r) < firstReport - 365) early.push(`${r.name} (${p}) round ${r.round}: ${r.dates}`);
    const ords = rs.map((r) => parseInt(r.round, 10));
    if (new Set(ords).size !== ords.length) ordinalTrouble.push(`${rs[0].name} (${p}): an ordinal given twice (${rs.map((r) => r.round).join(', ')})`);
    const named = rs.filter((r) => stated(r) && startOf(r) !== undefined).sort((a, b) => startOf(a) - startOf(b));
    for (let i = 1; i < named.length; i++) {
      if (parseInt(named[i].round, 10) < parseInt(named[i - 1].round, 10)) ordinalTrouble.push(`${rs[0].name} (${p}): round ${named[i].round} dated before round ${named[i - 1].round}`);
    }
  }
  for (const e of early) console.log(`  too early: ${e}`);
  check(early.length === 0, `no round dated more than a year before its process's first report without a report naming it (${early.length} found)`);
  for (const e of ordinalTrouble) console.log(`  ${e}`);
  const statedCount = rounds.filter(stated).length;
  check(ordinalTrouble.length === 0, `ordinals unique per process, the ${statedCount} stated by reports in date order`);

  // The same grouping straight from the extractions with their sentence text: ordinals stated in a
  // sentence ("a sixth round", "now in its eighth round") number the Geneva rounds; date order
  // only fills the gaps.
  const direct = directProcesses();
  const geneva = direct.find((p) => p.series === 'geneva');
  console.log('\nfrom the extractions with sentence text:');
  for (const p of direct.filter((x) => /geneva|moscow|astana/i.test(x.name))) {
    console.log(`  ${p.name}: ${p.rounds.map((r) => `${r.ordinal ?? '?'}${r.ordinalFrom === 'order' ? ' (by order)' : ''} ${r.start ?? 'undated'}`).join('; ')}`);
  }
  const gStated = (geneva?.rounds ?? []).filter((r) => r.ordinalFrom === 'text' && r.start);
  const inOrder = gStated.every((r, i) => i === 0 || r.ordinal > gStated[i - 1].ordinal);
  check(gStated.length > 0 && inOrder, `Geneva rounds numbered by the ordinals reports state (${gStated.map((r) => `${r.ordinal} on ${r.start}`).join(', ') || 'none'}), in date order`);

  // The stored record reads each talks event's sentence too (src/app/recompute-record.ts): its
  // Geneva process carries the same stated ordinals on the same dates, not a numbering by date order.
  const storedGeneva = rounds.filter((r) => geneva && r.name === geneva.name && r.round);
  const dateOf = (r) => String(r.dates || '').replace(/ \(contested\)$/, '').split('..')[0];
  console.log(`\nthe stored record: ${geneva?.name ?? 'no Geneva process'}: ${storedGeneva.map((r) => `${r.round} ${dateOf(r) || 'undated'}`).join('; ')}`);
  const missing = gStated.filter((g) => !storedGeneva.some((r) => stated(r) && parseInt(r.round, 10) === g.ordinal && dateOf(r) === g.start));
  const storedStated = storedGeneva.filter((r) => stated(r) && dateOf(r)).sort((a, b) => startOf(a) - startOf(b));
  const storedInOrder = storedStated.every((r, i) => i === 0 || parseInt(r.round, 10) > parseInt(storedStated[i - 1].round, 10));
  check(gStated.length > 0 && missing.length === 0 && storedInOrder,
    `the stored Geneva rounds carry the ordinals reports state (${storedStated.map((r) => `${parseInt(r.round, 10)} on ${dateOf(r)}`).join(', ') || 'none'}), in date order${missing.length ? `; missing: ${missing.map((g) => `${g.ordinal} on ${g.start}`).join(', ')}` : ''}`);

  // A contested figure: both values and both sources.
  const figures = json('figures', '--contested', '--limit', '100000');
  const byId = new Map(figures.map((f) => [f.id, f]));
  const pairs = [];
  for (const f of figures) {
    for (const m of String(f.against).matchAll(/\((c\d+)\)/g)) {
      const g = byId.get(m[1]);
      if (g && f.id < g.id && f.from && g.from && f.from !== g.from) pairs.push([f, g]);
    }
  }
  console.log(`\ncontested figures: ${figures.length} values in ${pairs.length} pairs; the first ones:`);
  for (const [f, g] of pairs.slice(0, 5)) {
    console.log(`  ${f.measure}: "${f.text}" (${f.value}, ${f.approx}) from ${f.from}\n     vs "${g.text}" (${g.value}, ${g.approx}) from ${g.from}`);
  }
  check(pairs.length > 0, 'at least one contested figure with both values and both sources');
  const commitments = json('commitments', '--limit', '100000');
  console.log(`\ncommitments: ${commitments.length}; timeline rows: ${json('timeline', '--limit', '100000').length}`);
} catch (e) {
  check(false, `the check ran: ${e.message}`);
} finally {
  if (keep) console.log(`workspace kept: ${ws}`); else rmSync(ws, { recursive: true, force: true });
}
console.log(failures.length ? `\n${failures.length} check(s) failed` : '\nall checks passed');
process.exit(failures.length ? 1 : 0);
