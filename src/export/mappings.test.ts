import { test } from 'node:test';
import assert from 'node:assert/strict';
import { acledOf } from './acled.ts';
import type { ClaimRow } from './claims.ts';
import { csvLine, parseCsv } from './csv.ts';
import { hxlOf } from './hxl.ts';
import { ploverOf } from './plover.ts';

const claim = (kind: string, value: Record<string, unknown>, actorKind?: string): ClaimRow => ({
  id: 7, kind, key: 'k', value, state: 'accepted', summary: 'a summary', occurredOn: '2026-03-02', updatedAt: '2026-03-05T10:00:00.000Z',
  sources: [{ documentId: 1, sentence: 0, sentenceText: 'A sentence.', evidence: [], source: 'a.txt', title: null, publisher: 'Outlet', url: 'https://x.example/1', published: '2026-03-02', duplicateOf: null }],
  actors: actorKind ? [{ id: 3, name: 'Some Party', kind: actorKind, role: 'actor', asName: 'Some Party' }] : [],
});

test('event types → PLOVER event and mode, ACLED sub-event type', () => {
  const table: [string, Record<string, unknown>, string | undefined, string | undefined][] = [
    // kind, value, PLOVER event/mode, ACLED sub_event_type
    ['event', { type: 'talks' }, 'CONSULT/', 'Agreement'],
    ['event', { type: 'talks', host: 'Norway' }, 'CONSULT/third-party', 'Agreement'],
    ['event', { type: 'release', quantity: 12 }, 'RETREAT/release', 'Agreement'],
    ['event', { type: 'aid_access' }, 'RETREAT/access', undefined],
    ['event', { type: 'ceasefire' }, 'RETREAT/ceasefire', 'Agreement'],
    ['event', { type: 'withdrawal' }, 'RETREAT/withdraw', 'Non-violent transfer of territory'],
    ['event', { type: 'agreement' }, 'AGREE/', 'Agreement'],
    ['event', { type: 'arrest' }, 'COERCE/arrest', 'Arrests'],
    ['event', { type: 'attack' }, 'ASSAULT/', undefined],
    ['event', { type: 'displacement' }, undefined, undefined],
    ['participation', { status: 'boycott', meeting: 'the talks' }, 'REJECT/meet', undefined],
    ['participation', { status: 'declined' }, 'REJECT/meet', undefined],
    ['participation', { status: 'attend' }, undefined, undefined],
    ['quote', { text: 'x' }, undefined, undefined],
  ];
  for (const [kind, value, plover, acled] of table) {
    const p = ploverOf(claim(kind, value, 'armed_group'));
    assert.equal(p ? `${String(p.event)}/${String(p.mode)}` : undefined, plover, JSON.stringify(value));
    assert.equal(acledOf(claim(kind, value, 'armed_group'))?.sub_event_type, acled, JSON.stringify(value));
  }
});

test('actor kinds → PLOVER sectors and ACLED inter codes; unknown stays empty', () => {
  for (const [kind, sector, inter] of [['government', 'GOV', 1], ['armed_group', 'REB', 2], ['international_org', 'IGO', ''], ['person', '', ''], [undefined, '', '']] as const) {
    const c = claim('event', { type: 'release' }, kind);
    assert.equal((ploverOf(c)!.actor as { sector: string }).sector, sector, String(kind));
    assert.equal(acledOf(c)!.inter1, inter, String(kind));
  }
});

test('ACLED time precision from the date range', () => {
  for (const [start, end, p] of [['2026-03-02', null, 1], ['2026-03-02', '2026-03-05', 2], ['2026-03-02', '2026-03-30', 3], ['2026-03', null, 3]] as const) {
    assert.equal(acledOf(claim('event', { type: 'agreement', start, end }))!.time_precision, p);
  }
});

test('HXL: figures fill killed and injured only for those measures', () => {
  const killed = hxlOf(claim('quantity', { measure: 'killed', value: 14, approx: 'at_least', unit: 'people' }))!;
  assert.deepEqual([killed[6], killed[7], killed[9], killed[10]], ['killed (people)', '14', '14', '']);
  const displaced = hxlOf(claim('quantity', { measure: 'displaced', value: 900, approx: 'about' }))!;
  assert.deepEqual([displaced[7], displaced[9], displaced[10]], ['900', '', '']);
  assert.equal(hxlOf(claim('event', { type: 'attack' })), undefined);
});

test('CSV cells are quoted when they must be, and parse back', () => {
  const rows = [['plain', 'with, comma', 'with "quotes"', 'two\nlines', '', 'é—“x”']];
  const text = rows.map(csvLine).join('');
  assert.equal(text, 'plain,"with, comma","with ""quotes""","two\nlines",,é—“x”\n');
  assert.deepEqual(parseCsv(text), rows);
});
