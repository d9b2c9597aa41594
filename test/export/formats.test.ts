import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { exportRecord, type ExportFormat } from '../../src/app/export-record.ts';
import { parseCsv } from '../../src/export/csv.ts';
import { ACLED_COLUMNS, ACLED_DISORDER_TYPES, ACLED_EVENT_TYPES, ACLED_STRATEGIC_SUB_TYPES } from '../../src/export/acled.ts';
import { HXL_COLUMNS, HXL_HASHTAGS } from '../../src/export/hxl.ts';
import { PLOVER_EVENTS, PLOVER_FIELDS, PLOVER_MODES, PLOVER_SECTORS } from '../../src/export/plover.ts';
import { memorySink } from '../../src/export/sink.ts';
import type { Store } from '../../src/store/open.ts';
import { openStore } from '../../src/store/open.ts';
import { BACKENDS, withFreshStore } from '../store/helpers.ts';
import { seedRecord } from './record-fixture.ts';

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const exportText = async (s: Store, format: ExportFormat, o: { process?: string; includeProposed?: boolean } = {}): Promise<string> => {
  const m = memorySink();
  await exportRecord(s, { format, ...o }, m);
  return m.text();
};

/** PLOVER's event types and modes as its CAMEO conversion table has them, when the codebook is at hand. */
function codebookModes(): Map<string, Set<string>> | undefined {
  const f = new URL('../../../shared/data/plover/CAMEO2PLOVER-2021.txt', import.meta.url);
  if (!existsSync(f)) return undefined;
  const m = new Map<string, Set<string>>();
  for (const line of readFileSync(f, 'utf8').split('\n')) {
    const x = /^\s*\d+:\s*([A-Z]+)\s*,\s*([a-z_-]*)/.exec(line);
    if (!x) continue;
    (m.get(x[1]!) ?? m.set(x[1]!, new Set()).get(x[1]!)!).add(x[2]!);
  }
  return m;
}

const b = BACKENDS[0]!;

// One seeded workspace read by the format tests (a PGlite open and the seeding cost seconds).
let shared: { store: Store; cleanup(): Promise<void> };
before(async () => {
  const f = await b.fresh();
  const store = await openStore(f.options);
  await seedRecord(store);
  shared = { store, async cleanup() { await store.close(); await f.cleanup(); } };
});
after(async () => { await shared.cleanup(); });
const seeded = async (fn: (s: Store) => Promise<void>): Promise<void> => fn(shared.store);

test('plover: one record per event with every field, types and modes from the PLOVER codebook', async () => {
  await seeded(async (s) => {
    const recs = (await exportText(s, 'plover')).trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    assert.ok(recs.length >= 5);
    const book = codebookModes();
    for (const r of recs) {
      assert.deepEqual(Object.keys(r), [...PLOVER_FIELDS]);
      assert.ok((PLOVER_EVENTS as readonly string[]).includes(r.event as string), String(r.event));
      assert.ok((PLOVER_MODES as readonly string[]).includes(r.mode as string), String(r.mode));
      if (book && r.mode) assert.ok(book.get(r.event as string)?.has(r.mode as string), `${String(r.event)}/${String(r.mode)} is not in the codebook`);
      assert.match(r.date as string, ISO_DAY);
      for (const who of [r.actor, r.recipient] as Record<string, string>[]) {
        assert.deepEqual(Object.keys(who), ['actorText', 'code', 'sector']);
        assert.ok((PLOVER_SECTORS as readonly string[]).includes(who.sector!));
      }
      assert.equal(r.language, 'en');
      assert.equal(r.coder, 'parley');
      assert.ok(r.eventText && r.text && r.publication);
      assert.ok((r.sources as unknown[]).length > 0);
    }
    const pairs = recs.map((r) => `${String(r.event)}/${String(r.mode)}`).sort();
    assert.deepEqual(pairs, ['CONSULT/third-party', 'REJECT/meet', 'RETREAT/access', 'RETREAT/ceasefire', 'RETREAT/release']);
    const boycott = recs.find((r) => r.event === 'REJECT')!;
    assert.equal((boycott.actor as { actorText: string }).actorText, 'Eastern Front');
    assert.equal((boycott.actor as { sector: string }).sector, 'REB');
    assert.match(boycott.context as string, /jailed commanders/);
    assert.equal(recs.find((r) => r.mode === 'release')!.size, 40);
  });
});

test('acled-csv: ACLED columns in order, strategic developments only, nothing parley does not know', async () => {
  await seeded(async (s) => {
    const rows = parseCsv(await exportText(s, 'acled-csv'));
    assert.deepEqual(rows[0], [...ACLED_COLUMNS]);
    assert.equal(rows[0]!.length, 31);
    const body = rows.slice(1).map((r) => Object.fromEntries(ACLED_COLUMNS.map((c, i) => [c, r[i]!])));
    assert.ok(body.length >= 3);
    for (const r of body) {
      assert.equal(Object.keys(r).length, 31);
      assert.ok((ACLED_DISORDER_TYPES as readonly string[]).includes(r.disorder_type!));
      assert.ok((ACLED_EVENT_TYPES as readonly string[]).includes(r.event_type!));
      assert.equal(r.event_type, 'Strategic developments');
      assert.ok((ACLED_STRATEGIC_SUB_TYPES as readonly string[]).includes(r.sub_event_type!));
      assert.match(r.event_date!, ISO_DAY);
      assert.equal(r.year, r.event_date!.slice(0, 4));
      assert.ok(['1', '2', '3'].includes(r.time_precision!));
      assert.match(r.timestamp!, /^\d+$/);
      assert.ok(r.source && r.notes);
      // Never invented: parley has no coordinates, countries or fatality counts for these.
      for (const k of ['latitude', 'longitude', 'iso', 'country', 'fatalities', 'geo_precision'] as const) assert.equal(r[k], '', k);
    }
    assert.ok(body.some((r) => r.sub_event_type === 'Agreement' && /released/.test(r.notes!)));
    assert.ok(body.some((r) => r.location === 'Lakeside' && r.actor2 === 'Norway'));
  });
});

test('popolo: persons, organizations and memberships with sources; memberships point at listed people', async () => {
  await seeded(async (s) => {
    const p = JSON.parse(await exportText(s, 'popolo')) as { persons: Record<string, unknown>[]; organizations: Record<string, unknown>[]; memberships: Record<string, unknown>[] };
    assert.deepEqual(Object.keys(p), ['persons', 'organizations', 'memberships']);
    assert.deepEqual(p.persons.map((x) => x.name).sort(), ['Ilya Brandt', 'Mara Velden']);
    assert.ok(p.organizations.some((o) => o.name === 'Northern Alliance' && o.classification === 'armed_group'));
    const ids = new Set([...p.persons, ...p.organizations].map((x) => x.id));
    for (const x of [...p.persons, ...p.organizations, ...p.memberships]) {
      assert.equal(typeof x.id, 'string');
      const src = x.sources as { url: string; note: string }[];
      assert.ok(src.length > 0 && src.every((y) => /^https:\/\//.test(y.url) && y.note), JSON.stringify(x));
    }
    assert.equal(p.memberships.length, 2);
    for (const m of p.memberships) {
      assert.ok(ids.has(m.person_id) && ids.has(m.organization_id));
      assert.ok(p.persons.some((x) => x.id === m.person_id));
      for (const k of ['start_date', 'end_date']) if (k in m) assert.match(m[k] as string, /^\d{4}(-\d{2}(-\d{2})?)?$/);
    }
    assert.ok(p.memberships.some((m) => m.role === 'spokeswoman'));
  });
});

test('hxl-csv: a header, a row of valid core hashtags, figures and humanitarian events', async () => {
  await seeded(async (s) => {
    const rows = parseCsv(await exportText(s, 'hxl-csv'));
    assert.deepEqual(rows[0], HXL_COLUMNS.map((c) => c[0]));
    const tags = rows[1]!;
    for (const t of tags) {
      assert.match(t, /^#[a-z][a-z0-9_]*(\+[a-z][a-z0-9_]*)*$/, t);
      assert.ok((HXL_HASHTAGS as readonly string[]).includes(t.slice(1).split('+')[0]!), t);
    }
    const col = (tag: string): number => tags.indexOf(tag);
    const body = rows.slice(2);
    assert.ok(body.every((r) => r.length === tags.length));
    const figures = body.filter((r) => r[col('#indicator+name')]!.startsWith('released')).map((r) => r[col('#indicator+num')]);
    assert.ok(figures.includes('40') && figures.includes('55'), 'contested figures both exported');
    assert.ok(body.some((r) => r[col('#event+type')] === 'aid_access' && r[col('#access')] === 'allowed' && r[col('#loc+name')] === 'Hillport'));
    assert.ok(body.every((r) => ISO_DAY.test(r[col('#date')]!) && r[col('#meta+source')]));
  });
});

test('exports hold only reviewed records unless proposals are asked for, and --process narrows them', async () => {
  await withFreshStore(b, async (s) => {
    await seedRecord(s, { accept: false });
    assert.equal((await exportText(s, 'plover')).trim(), '');
    assert.equal(parseCsv(await exportText(s, 'acled-csv')).length, 1);
    const acled = parseCsv(await exportText(s, 'acled-csv', { includeProposed: true }));
    assert.ok(acled.length > 1 && acled.slice(1).every((r) => r[ACLED_COLUMNS.indexOf('tags')] === 'parley: proposed, not reviewed'));
    const lakeside = (await exportText(s, 'plover', { includeProposed: true, process: 'lakeside' })).trim().split('\n');
    // The process draws on report 1 and its copy: report 2's aid access and ceasefire are out.
    assert.ok(lakeside.length >= 2 && lakeside.every((l) => !/Hillport/.test(l)));
    await assert.rejects(exportText(s, 'plover', { includeProposed: true, process: 'Geneva' }), (e: Error & { code?: string }) => e.code === 'NOT_FOUND');
    await assert.rejects(exportText(s, 'json', { process: 'lakeside' }), (e: Error & { code?: string }) => e.code === 'BAD_ARGUMENT');
  });
});
