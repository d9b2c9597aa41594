import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolveActors, type ActorInput } from '../../src/store/actors-repo.ts';
import { sameFullName } from '../../src/store/names.ts';
import { BACKENDS, withFreshStore } from './helpers.ts';

// Invented organisations: two of them share the initials NPC, as different bodies often do.
type In = [localId: string, name: string, aliases?: string[], extra?: Partial<ActorInput>];
const org = ([localId, name, aliases = [], extra = {}]: In): ActorInput => ({ localId, name, kind: 'organization', aliases, ...extra });
const COUNCIL: In = ['council', 'Northern Peace Council', ['NPC']];
const CONGRESS: In = ['congress', 'National Party Congress', ['NPC']];

interface Case {
  readonly name: string;
  /** Each inner list is one call (one batch of inputs). */
  readonly calls: In[][];
  /** Local ids that must resolve to one actor. */
  readonly same?: string[][];
  /** Local ids that must resolve to different actors. */
  readonly apart?: string[][];
}

const CASES: Case[] = [
  { name: 'two organisations sharing initials stay apart', calls: [[COUNCIL], [CONGRESS]], apart: [['council', 'congress']] },
  { name: 'in the other order too', calls: [[CONGRESS], [COUNCIL]], apart: [['council', 'congress']] },
  { name: 'in one call too', calls: [[COUNCIL, CONGRESS]], apart: [['council', 'congress']] },
  { name: 'a full name joins the actor known only by its acronym; a second full name with those initials does not',
    calls: [[['bare', 'NPC']], [COUNCIL], [CONGRESS]], same: [['bare', 'council']], apart: [['council', 'congress']] },
  { name: 'derived initials link a later bare acronym to the full name',
    calls: [[['full', 'Northern Peace Council']], [['bare', 'NPC']]], same: [['full', 'bare']] },
  { name: 'spellings of one full name that differ in word endings merge on their acronym',
    calls: [[['a', 'Coastal Negotiation Committee', ['CNC']]], [['b', 'Coastal Negotiations Committee', ['CNC']]], [['c', 'Coastal Negotiating Committee']]],
    same: [['a', 'b', 'c']] },
  { name: 'a bare acronym goes to the organisation its own document spells out',
    calls: [[COUNCIL], [CONGRESS], [
      ['x', 'NPC', [], { documentKey: 'd1' }], ['y', 'National Party Congress', ['NPC'], { documentKey: 'd1' }],
      ['z', 'NPC', [], { documentKey: 'd2' }], ['w', 'Northern Peace Council', [], { documentKey: 'd2' }],
    ]],
    same: [['x', 'y', 'congress'], ['z', 'w', 'council']] },
  { name: 'a bare acronym nobody spells out: the newest of equally supported ones',
    calls: [[COUNCIL], [CONGRESS], [['bare', 'NPC']]], same: [['bare', 'congress']], apart: [['bare', 'council']] },
  { name: 'the same full name still merges whatever its acronym meets',
    calls: [[COUNCIL], [CONGRESS], [['again', 'Northern Peace Council', ['NPC']]]], same: [['again', 'council']] },
  { name: 'an acronym that is not the initials of both names is a name of its own: it merges',
    calls: [[['a', 'Hill Defence Units', ['ZKP']]], [['b', 'Highland Defence Units', ['ZKP']]]], same: [['a', 'b']] },
  { name: 'initials of one name and a written acronym of the other still collide only when both are initials',
    calls: [[['a', 'Hill Defence Units', ['HDU']]], [['b', 'Harbour Dock Union', ['HDU']]]], apart: [['a', 'b']] },
  { name: 'another lexicon identity under the very same name is one actor',
    calls: [[['a', 'Valley Fighters', [], { lexiconId: 'valley' }]], [['b', 'Valley Fighters', ['Valley men'], { lexiconId: 'valley-collective' }]]], same: [['a', 'b']] },
  { name: 'a description two reports share joins nothing: each is its own country\'s opposition',
    calls: [[['a', 'Northland opposition', [], { descriptions: ['the opposition'] }]], [['b', 'Southland opposition', [], { descriptions: ['the opposition'] }]]],
    apart: [['a', 'b']] },
  { name: 'in one call too',
    calls: [[['a', 'Northland opposition', [], { descriptions: ['the opposition'], documentKey: 'd1' }], ['b', 'Southland opposition', [], { descriptions: ['the opposition'], documentKey: 'd2' }]]],
    apart: [['a', 'b']] },
  { name: 'what one report only described is no key for another report that names an actor so',
    calls: [[['a', 'Northland opposition', [], { descriptions: ['the opposition'] }]], [['b', 'Southland opposition', ['the opposition']]]],
    apart: [['a', 'b']] },
  { name: 'the same words as an alias (a name) still join',
    calls: [[['a', 'Northland opposition', ['the opposition']]], [['b', 'Southland opposition', ['the opposition']]]],
    same: [['a', 'b']] },
  { name: 'different lexicon identities never merge on a shared alias',
    calls: [[['a', 'Alpha Front', ['the Front'], { lexiconId: 'alpha' }]], [['b', 'Beta Front', ['the Front'], { lexiconId: 'beta' }]]],
    apart: [['a', 'b']] },
];

for (const b of BACKENDS) {
  test(`${b.name}: actors sharing an acronym`, { skip: b.skip }, async (t) => {
    await withFreshStore(b, async (s) => {
      for (const c of CASES) await t.test(c.name, async () => {
        // Each case in its own transaction, rolled back, so cases do not see each other's actors.
        const ids = new Map<string, number>();
        await s.db.transaction().execute(async (tx) => {
          for (const call of c.calls) for (const [k, v] of await resolveActors(tx, call.map(org))) ids.set(k, v);
          throw new Rollback();
        }).catch((e: unknown) => { if (!(e instanceof Rollback)) throw e; });
        for (const g of c.same ?? []) assert.equal(new Set(g.map((l) => ids.get(l))).size, 1, `${g.join(', ')} should be one actor: ${g.map((l) => `${l}=${ids.get(l)}`).join(' ')}`);
        for (const g of c.apart ?? []) assert.equal(new Set(g.map((l) => ids.get(l))).size, g.length, `${g.join(', ')} should be apart: ${g.map((l) => `${l}=${ids.get(l)}`).join(' ')}`);
      });
    });
  });
}

class Rollback extends Error {}

test('sameFullName: word endings only', async (t) => {
  const cases: [string, string, boolean][] = [
    ['Coastal Negotiation Committee', 'Coastal Negotiations Committee', true],
    ['Coastal Negotiation Committee', 'the Coastal Negotiating Committee', true],
    ['Northern Peace Council', 'National Party Congress', false],
    ['Coastal Negotiation Committee', 'Coastal National Committee', false],
    ['Coastal Negotiation Committee', 'Coastal Negotiation Committee of Elders', false],
    ['Hill Front', 'Hills Front', true],
    ['Hill Front', 'Hilt Front', false],
    ['Lakeside Peace Centre', 'Lakeside Peace Center', true],
  ];
  for (const [a, b, want] of cases) await t.test(`${a} ~ ${b}`, () => assert.equal(sameFullName(a, b), want));
});
