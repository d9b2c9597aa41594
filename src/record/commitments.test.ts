import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Event } from '../domain/record.ts';
import { buildCommitments, detectCommitment, type CommitmentEvent, type CommitmentStatement, type PamStatus } from './commitments.ts';

/** Sentences written for these tests. */
test('detect: what is committed, the cue, the number promised, to whom', async (t) => {
  const cases: [string, [what: string, object: string, cue: string, quantity?: number, to?: string, conditional?: boolean] | null][] = [
    ['The council agreed to release 1,200 detainees held since the spring.', ['release_detainees', 'release 1,200 detainees', 'agreed', 1200]],
    ['Officials pledged to allow aid convoys into the eastern districts.', ['allow_aid_access', 'allow aid convoys', 'pledged']],
    ['A truce was agreed late on Tuesday.', ['ceasefire', 'truce', 'was agreed']],
    ['Both sides signed a deal on a prisoner swap.', ['prisoner_exchange', 'prisoner swap', 'deal']],
    ['The militia will withdraw its fighters from the port.', ['withdrawal', 'withdraw its fighters', 'will']],
    ['The ministry agreed with the Red Lantern Society to open aid corridors if shelling stops.', ['allow_aid_access', 'open aid corridors', 'agreed', undefined, 'Red Lantern Society', true]],
    ['The parties agreed to hold a referendum next spring.', ['other', 'hold a referendum next spring', 'agreed']],
    ['The minister said he was committed to the peace plan.', null],
    ['The journalists agreed to interviews on Friday.', null],
    ['The envoy begged the coalition to agree to an immediate truce.', null],
    ['The envoy has pleaded with the coalition, which includes two militias, to agree to a truce.', null],
    ['The rebels agreed to sign a truce.', ['ceasefire', 'truce', 'agreed']],
    ['The rebels refused to agree to a truce.', null],
    ['The mediator urged both camps to agree to a ceasefire.', null],
    ['The talks will focus on the release of prisoners.', null],
    ['Guards freed 40 prisoners on Monday.', null],
    ['Shelling went on despite the truce.', null],
    ['The president said the country would withdraw from the 2015 nuclear agreement.', null],
    ['The coalition announced it would withdraw from the border town.', ['withdrawal', 'withdraw from', 'announced']],
  ];
  for (const [s, want] of cases) await t.test(s, () => {
    const c = detectCommitment(s);
    if (!want) return assert.equal(c, null);
    assert.ok(c);
    const [what, object, cue, quantity, to, conditional] = want;
    assert.deepEqual([c.what, s.slice(c.object.start, c.object.end), s.slice(c.cue.start, c.cue.end), c.quantity, c.to, c.conditional],
      [what, object, cue, quantity, to, conditional ?? false]);
  });
});

const stmt = (documentId: string, published: string, text: string, extra: Partial<CommitmentStatement> = {}): CommitmentStatement => ({ documentId, published, text, sentence: 0, ...extra });
const evt = (documentId: string, published: string, e: Partial<Event> & Pick<Event, 'type'>, sentence = 3): CommitmentEvent =>
  ({ documentId, published, event: { sentence, evidence: [{ start: 0, end: 4 }], confidence: 0.8, ...e } });
const GOV = { actorId: 'gov', actor: 'Government' };

test('status over time', async (t) => {
  const cases: { name: string; st: CommitmentStatement[]; ev: CommitmentEvent[]; want: [PamStatus, string[]] }[] = [
    { name: 'made, nothing yet: 0',
      st: [stmt('a', '2016-02-01', 'The government agreed to release 1,000 detainees.', GOV)], ev: [], want: [0, ['made:0']] },
    { name: 'a release of 650 of 1,000 promised: intermediate; the rest: full',
      st: [stmt('a', '2016-02-01', 'The government agreed to release 1,000 detainees.', GOV)],
      ev: [evt('b', '2016-02-10', { type: 'release', ...GOV, quantity: 650, start: '2016-02-09' }),
        evt('c', '2016-02-11', { type: 'release', ...GOV, quantity: 650, start: '2016-02-09' }),
        evt('d', '2016-03-02', { type: 'release', quantity: 400, start: '2016-03-01' })],
      want: [3, ['made:0', 'implemented:2', 'implemented:3']] },
    { name: 'a release without a promised number: minimal, then intermediate on a second date',
      st: [stmt('a', '2016-02-01', 'The government pledged to release detainees.', GOV)],
      ev: [evt('b', '2016-02-10', { type: 'release', ...GOV, quantity: 650, start: '2016-02-09' }),
        evt('c', '2016-02-20', { type: 'release', ...GOV, quantity: 20, start: '2016-02-19' })],
      want: [2, ['made:0', 'implemented:1', 'implemented:2']] },
    { name: 'a release before the commitment, or by someone else, does not count',
      st: [stmt('a', '2016-02-01', 'The government agreed to release detainees.', GOV)],
      ev: [evt('b', '2016-01-10', { type: 'release', ...GOV, start: '2016-01-09' }), evt('c', '2016-02-10', { type: 'release', actorId: 'reb', actor: 'Rebels', start: '2016-02-09' })],
      want: [0, ['made:0']] },
    { name: 'a ceasefire event is a commitment; a later ceasefire report raises it; an attack by a party reverses it',
      st: [], ev: [evt('a', '2016-02-27', { type: 'ceasefire', ...GOV, start: '2016-02-27' }),
        evt('b', '2016-03-05', { type: 'ceasefire', start: '2016-03-05' }),
        evt('c', '2016-03-20', { type: 'attack', ...GOV, start: '2016-03-19' })],
      want: ['reversed', ['made:0', 'implemented:1', 'violated:reversed']] },
    { name: 'an unattributed attack at the ceasefire’s place lowers it by one level; repeats join that entry',
      st: [stmt('a', '2016-02-27', 'A ceasefire was agreed on Saturday.', { date: '2016-02-27', place: 'Northtown' })],
      ev: [evt('b', '2016-03-05', { type: 'ceasefire', start: '2016-03-01' }), evt('b', '2016-03-05', { type: 'ceasefire', start: '2016-03-05' }, 4),
        evt('c', '2016-03-20', { type: 'attack', place: 'Northtown', start: '2016-03-19' }), evt('d', '2016-03-22', { type: 'attack', place: 'Northtown', start: '2016-03-21' })],
      want: [0, ['made:0', 'implemented:1', 'implemented:2', 'violated_unattributed:1', 'violated_unattributed:0']] },
    { name: 'an unattributed attack without a place does not touch a ceasefire',
      st: [stmt('a', '2016-02-27', 'A ceasefire was agreed on Saturday.', { date: '2016-02-27', place: 'Northtown' })],
      ev: [evt('c', '2016-03-20', { type: 'attack', start: '2016-03-19' }), evt('c', '2016-03-20', { type: 'attack', ...GOV, start: '2016-03-19' }, 5)],
      want: [0, ['made:0']] },
    { name: 'an attack at another place does not touch a ceasefire with a place',
      st: [stmt('a', '2016-02-27', 'A ceasefire was agreed.', { place: 'Northtown' })],
      ev: [evt('c', '2016-03-20', { type: 'attack', place: 'Southport', start: '2016-03-19' })],
      want: [0, ['made:0']] },
    { name: 'an unattributed release a year on is another one; the committer\'s own still counts',
      st: [stmt('a', '2016-02-01', 'The government agreed to release detainees.', GOV)],
      ev: [evt('b', '2017-03-05', { type: 'release', start: '2017-03-05' }), evt('c', '2017-04-02', { type: 'release', ...GOV, start: '2017-04-01' })],
      want: [1, ['made:0', 'implemented:1']] },
    { name: 'an unattributed release in one town says nothing of a release agreed for no place; one with no place counts',
      st: [stmt('a', '2016-02-01', 'The government agreed to release detainees.', GOV)],
      ev: [evt('b', '2016-02-10', { type: 'release', place: 'Northtown', start: '2016-02-10' }), evt('c', '2016-02-20', { type: 'release', start: '2016-02-20' })],
      want: [1, ['made:0', 'implemented:1']] },
    { name: 'unattributed reports keep counting while each comes within the window of the one before',
      st: [stmt('a', '2016-02-01', 'Officials promised to allow aid convoys into the town.', GOV)],
      ev: [evt('b', '2016-04-01', { type: 'aid_access', start: '2016-04-01' }), evt('c', '2016-06-20', { type: 'aid_access', start: '2016-06-20' }),
        evt('d', '2017-01-10', { type: 'aid_access', start: '2017-01-10' })],
      want: [2, ['made:0', 'implemented:1', 'implemented:2']] },
    { name: 'a reversal, then deliveries resume',
      st: [stmt('a', '2016-02-01', 'Officials promised to allow aid convoys into the town.', GOV)],
      ev: [evt('b', '2016-02-05', { type: 'aid_access', start: '2016-02-05' }), evt('c', '2016-02-08', { type: 'siege', ...GOV, start: '2016-02-08' }),
        evt('d', '2016-02-12', { type: 'aid_access', ...GOV, start: '2016-02-12' })],
      want: [2, ['made:0', 'implemented:1', 'violated:reversed', 'resumed:2']] },
  ];
  for (const c of cases) await t.test(c.name, () => {
    const [k, ...rest] = buildCommitments(c.st, c.ev);
    assert.equal(rest.length, 0);
    assert.deepEqual([k!.status, k!.history.map((h) => `${h.rule}:${h.status}`)], c.want);
  });
});

test('merging: one commitment across reports, committer from mentions, wire copies once', () => {
  const text = 'On Monday the Government agreed to release 500 prisoners.';
  const at = text.indexOf('Government');
  const ks = buildCommitments([
    stmt('a', '2016-02-02', text, { mentions: [{ actorId: 'gov', actor: 'Government', start: at, end: at + 10 }], offset: 100, date: '2016-02-01' }),
    stmt('a-copy', '2016-02-02', text, { ...GOV }),
    stmt('b', '2016-02-03', 'The government pledged to release 700 prisoners.', GOV),
    stmt('c', '2016-02-04', 'A deal to release prisoners was reached.'),
  ], [], { duplicateOf: new Map([['a-copy', 'a']]) });
  assert.equal(ks.length, 1);
  const k = ks[0]!;
  assert.deepEqual([k.what, k.actorId, k.made, k.promised, k.sources.length, k.independent], ['release_detainees', 'gov', '2016-02-01', 700, 4, 3]);
  assert.deepEqual(k.sources[0]!.evidence, [{ start: 100 + text.indexOf('agreed'), end: 100 + text.indexOf('agreed') + 6 }, { start: 100 + text.indexOf('release'), end: 100 + text.indexOf(' prisoners') + 10 }]);
});

test('merging in time: reports within 30 days of a commitment\'s last are one; a year on, another commitment', () => {
  const ks = buildCommitments([
    stmt('a', '2016-02-02', 'The government agreed to a ceasefire.', { ...GOV, date: '2016-02-01' }),
    stmt('b', '2016-02-25', 'The government agreed to a ceasefire.', GOV),
    stmt('c', '2016-03-20', 'The government agreed to a ceasefire.', GOV),
    stmt('d', '2017-05-02', 'The government agreed to a ceasefire.', GOV),
    stmt('e', '1994-06-01', 'A truce was agreed.', { date: '1994' }),
    stmt('f', '2016-08-01', 'A truce was agreed.'),
  ], []);
  assert.deepEqual(ks.map((k) => [k.actorId ?? '-', k.made, k.sources.map((x) => x.documentId).join(' ')]).sort((x, y) => x[1]!.localeCompare(y[1]!)), [
    ['-', '1994', 'e'], ['gov', '2016-02-01', 'a b c'], ['-', '2016-08-01', 'f'], ['gov', '2017-05-02', 'd'],
  ]);
  assert.equal(new Set(ks.map((k) => k.key)).size, ks.length);
});

test('a party\'s new ceasefire a year on is a commitment of its own, not the old one\'s implementation', () => {
  const ks = buildCommitments([], [
    evt('a', '2016-02-27', { type: 'ceasefire', ...GOV, start: '2016-02-27' }),
    evt('b', '2016-03-10', { type: 'ceasefire', ...GOV, start: '2016-03-10' }),
    evt('c', '2017-05-01', { type: 'ceasefire', ...GOV, start: '2017-05-01' }),
  ]);
  assert.deepEqual(ks.map((k) => [k.made, k.history.map((h) => `${h.rule}:${h.status}`)]), [
    ['2016-02-27', ['made:0', 'implemented:1']],
    ['2017-05-01', ['made:0']],
  ]);
});

test('who brokered a truce did not commit to it; the truce its sentence states is read once', () => {
  const text = 'In 1996 the Northern League brokered a truce between the two clans.';
  const at = text.indexOf('Northern League');
  const league = { actorId: 'league', actor: 'Northern League' };
  const ks = buildCommitments([
    stmt('a', '2016-02-02', text, { mentions: [{ ...league, start: at, end: at + 15 }], sentence: 4 }),
    stmt('b', '2016-02-02', 'The Northern League mediated a ceasefire in the valley.', { ...league, sentence: 0 }),
  ], [evt('a', '2016-02-02', { type: 'ceasefire', ...league, start: '1996' }, 4)]);
  assert.deepEqual(ks.map((k) => [k.what, k.actorId ?? '-', k.made, k.sources.map((x) => `${x.documentId}:${x.sentence}`).join(' ')]), [
    ['ceasefire', '-', '1996', 'a:4'],
    ['ceasefire', '-', '2016-02-02', 'b:0'],
  ]);
});

test('evidence is capped, the rest counted: sources, events per change, reports per event', () => {
  const st = [1, 2, 3].map((d) => stmt(`s${d}`, `2016-02-0${d}`, 'The government agreed to release detainees.', GOV));
  // Five distinct releases after the commitment, the first reported by three outlets.
  const ev = [
    ...['x', 'y', 'z'].map((d) => evt(d, '2016-02-10', { type: 'release', ...GOV, start: '2016-02-10' })),
    ...[11, 12, 13, 14].map((day) => evt(`r${day}`, `2016-02-${day}`, { type: 'release', ...GOV, start: `2016-02-${day}` })),
  ];
  const [k] = buildCommitments(st, ev, { maxSources: 2, caps: { eventsPerChange: 2, sourcesPerEvent: 2 } });
  assert.ok(k);
  assert.deepEqual([k.sources.length, k.sourceCount, k.independent], [2, 3, 3]);
  const rows = k.history.map((h) => [h.rule, h.status, h.events.length, h.eventCount ?? null, h.events.map((e) => `${e.sources.length}/${e.sourceCount ?? '-'}`).join(' ')]);
  assert.deepEqual(rows, [['made', 0, 0, null, ''], ['implemented', 1, 1, null, '2/3'], ['implemented', 2, 2, 4, '1/- 1/-']]);
  // Uncapped, the same status and the same changes.
  const [u] = buildCommitments(st, ev);
  assert.deepEqual([u!.status, u!.history.map((h) => h.events.length)], [k.status, [0, 1, 4]]);
});
