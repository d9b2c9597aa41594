import { test } from 'node:test';
import assert from 'node:assert/strict';
import { segment } from './01-segment.ts';
import { actorAt, findActors, mentionsInSentence } from './02-actors.ts';
import type { ActorKind, Mention } from '../domain/record.ts';

/** An expected mention: its text (the n-th occurrence, default first), the actor's name and kind, how it refers. */
type M = { text: string; nth?: number; actor: string; kind: ActorKind; via: Mention['via'] };

const cases: { name: string; text: string; mentions: M[]; absent?: string[] }[] = [
  {
    name: 'a middle initial is part of the name; after a word that is no given name it ends one',
    text: 'Edwin G. Monroy said the road was closed. Monroy left for Area B. Officials said it was calm.',
    mentions: [
      { text: 'Edwin G. Monroy', actor: 'Edwin G. Monroy', kind: 'person', via: 'name' },
      { text: 'Monroy', actor: 'Edwin G. Monroy', kind: 'person', via: 'surname', nth: 1 },
    ],
    absent: ['Area B. Officials', 'Edwin G'],
  },
  {
    name: 'states acting, a capital as subject, a capital as a place',
    text: 'Norway and Qatar hosted the meeting in Oslo. Ankara says it will not attend.',
    mentions: [
      { text: 'Norway', actor: 'Norway', kind: 'state', via: 'name' },
      { text: 'Qatar', actor: 'Qatar', kind: 'state', via: 'name' },
      { text: 'Ankara', actor: 'Turkey', kind: 'state', via: 'metonym' },
    ],
    absent: ['Oslo'],
  },
  {
    name: 'a state that only locates is no actor',
    text: 'Shelling resumed in Yemen and in northern Syria overnight.',
    mentions: [],
    absent: ['Yemen', 'Syria'],
  },
  {
    name: 'the government of a state at civil war, its metonyms and generic references',
    text: 'The Syrian regime rejected the plan. Damascus has demanded guarantees, and government forces kept shelling as Syrian troops advanced.',
    mentions: [
      { text: 'Syrian regime', actor: 'Syrian government', kind: 'government', via: 'alias' },
      { text: 'Damascus', actor: 'Syrian government', kind: 'government', via: 'metonym' },
      { text: 'government forces', actor: 'Syrian government', kind: 'government', via: 'description' },
      { text: 'Syrian troops', actor: 'Syrian government', kind: 'government', via: 'alias' },
    ],
  },
  {
    name: 'a generic "the government" needs a text about one state at war',
    text: 'Officials in Mali and Chad met. The government said nothing.',
    mentions: [],
    absent: ['The government'],
  },
  {
    name: 'acronym defined in brackets, then used alone',
    text: 'The Free Lawyers Association (FLA) filed a complaint. The FLA said it would appeal.',
    mentions: [
      { text: 'Free Lawyers Association', actor: 'Free Lawyers Association', kind: 'organization', via: 'name' },
      { text: 'FLA', nth: 1, actor: 'Free Lawyers Association', kind: 'organization', via: 'acronym' },
    ],
  },
  {
    name: 'person by title, then by surname; organisation by its head word',
    text: 'Foreign Minister Karim Haddad met members of the Coastal Reconciliation Council. Haddad said little.',
    mentions: [
      { text: 'Karim Haddad', actor: 'Karim Haddad', kind: 'person', via: 'name' },
      { text: 'Coastal Reconciliation Council', actor: 'Coastal Reconciliation Council', kind: 'organization', via: 'name' },
      { text: 'Haddad', nth: 1, actor: 'Karim Haddad', kind: 'person', via: 'surname' },
    ],
  },
  {
    name: 'monitors and armed groups by head word and gazetteer',
    text: 'The Desert Rights Observatory said Isis fighters attacked a post held by the Southern Hawks Brigade.',
    mentions: [
      { text: 'Desert Rights Observatory', actor: 'Desert Rights Observatory', kind: 'monitor', via: 'name' },
      { text: 'Isis', actor: 'Islamic State', kind: 'armed_group', via: 'alias' },
      { text: 'Southern Hawks Brigade', actor: 'Southern Hawks Brigade', kind: 'armed_group', via: 'name' },
    ],
  },
  {
    name: 'international bodies and a person with a role before the comma',
    text: 'The UN envoy for Libya, Lorenzo Batti, briefed the security council on Tuesday.',
    mentions: [
      { text: 'UN', actor: 'United Nations', kind: 'international_org', via: 'acronym' },
      { text: 'Lorenzo Batti', actor: 'Lorenzo Batti', kind: 'person', via: 'name' },
      { text: 'security council', actor: 'UN security council', kind: 'international_org', via: 'alias' },
    ],
  },
  {
    name: 'people nouns name the state only as "the X"',
    text: 'The Russians and Iranians objected. Many Russians travel abroad.',
    mentions: [
      { text: 'Russians', actor: 'Russia', kind: 'state', via: 'alias' },
      { text: 'Iranians', actor: 'Iran', kind: 'state', via: 'alias' },
    ],
  },
  {
    name: 'a capital in a list after a preposition stays a place',
    text: 'The envoy has lobbied in Paris, Berlin and London for more aid.',
    mentions: [],
    absent: ['Paris', 'Berlin', 'London'],
  },
  {
    name: 'a state ends an organisation name; a shouted line has no acronyms',
    text: 'The Relief Network for Sudan said WHY THIS IS WRONG was its slogan.',
    mentions: [{ text: 'Relief Network for Sudan', actor: 'Relief Network for Sudan', kind: 'organization', via: 'name' }],
    absent: ['Sudan', 'IS'],
  },
  {
    name: 'a bare acronym spelling a curated body; a derived name inside a longer one is no mention',
    text: 'The SOHR counted 40 dead, the charity Donor Direct Action said.',
    mentions: [{ text: 'SOHR', actor: 'Syrian Observatory for Human Rights', kind: 'monitor', via: 'acronym' }],
    absent: ['Direct Action'],
  },
  {
    name: 'titles inside a capitalised run; a given name alone makes a person',
    text: 'Marine Gen Dara Collins met President Omar Haddad and Mohammed Tarek in Amman.',
    mentions: [
      { text: 'Dara Collins', actor: 'Dara Collins', kind: 'person', via: 'name' },
      { text: 'Omar Haddad', actor: 'Omar Haddad', kind: 'person', via: 'name' },
      { text: 'Mohammed Tarek', actor: 'Mohammed Tarek', kind: 'person', via: 'name' },
    ],
    absent: ['Amman'],
  },
  {
    name: 'an agency credited for the report is no actor; one that reports is',
    text: 'Tass said the convoy arrived. Reuters contributed to this report.',
    mentions: [{ text: 'Tass', actor: 'Tass', kind: 'media', via: 'name' }],
    absent: ['Reuters'],
  },
  {
    name: 'a surname goes to the person the text names in full',
    text: 'Bill Clinton spoke first. Clinton said the deal would hold.',
    mentions: [
      { text: 'Bill Clinton', actor: 'Bill Clinton', kind: 'person', via: 'name' },
      { text: 'Clinton', nth: 1, actor: 'Bill Clinton', kind: 'person', via: 'surname' },
    ],
  },
  {
    name: 'possessive inside a gazetteer name',
    text: 'Fighters of the People’s Protection Units withdrew.',
    mentions: [{ text: 'People’s Protection Units', actor: "People's Protection Units", kind: 'armed_group', via: 'name' }],
  },
  {
    name: 'a state as the topic of a preposition or as a noun modifier is no actor',
    text: 'The envoy for Yemen spoke about the future of Libya. The group drafted its Sudan policy. Oman hosted the talks.',
    mentions: [{ text: 'Oman', actor: 'Oman', kind: 'state', via: 'name' }],
    absent: ['Yemen', 'Libya', 'Sudan'],
  },
  {
    name: 'states listed after "the border with" only locate',
    text: 'Troops massed along the borders with Jordan and Lebanon.',
    mentions: [],
    absent: ['Jordan', 'Lebanon'],
  },
  {
    name: "a leader's name heading a government is that government",
    text: 'The Obama administration rejected the offer.',
    mentions: [{ text: 'Obama administration', actor: 'Obama administration', kind: 'government', via: 'name' }],
    absent: ['Barack Obama'],
  },
  {
    name: 'a person by an apposition naming a role at a body',
    text: 'Tavish Oyelaran, director at the Centre for Conflict Research, doubted the plan.',
    mentions: [{ text: 'Tavish Oyelaran', actor: 'Tavish Oyelaran', kind: 'person', via: 'name' }],
  },
  {
    name: 'Kurdish forces are a party of their own',
    text: 'Kurdish fighters took the village.',
    mentions: [{ text: 'Kurdish fighters', actor: 'Kurdish forces', kind: 'armed_group', via: 'alias' }],
  },
  {
    name: '"of" makes a state a topic only after a noun of things done to it',
    text: 'The partitioning of Libya worried diplomats, but the offensive had the approval of Qatar.',
    mentions: [{ text: 'Qatar', actor: 'Qatar', kind: 'state', via: 'name' }],
    absent: ['Libya'],
  },
  {
    name: "a state's ministry is an actor of its own; the bare possessive still names the state",
    text: "Russia's defence ministry said the raid succeeded. Russia's influence grew.",
    mentions: [
      { text: "Russia's defence ministry", actor: 'Russian defence ministry', kind: 'government', via: 'alias' },
      { text: 'Russia', nth: 1, actor: 'Russia', kind: 'state', via: 'name' },
    ],
  },
  {
    name: 'a state with its own government acts through it, not by its possessive',
    text: "Syria's president flew to Moscow.",
    mentions: [],
    absent: ['Syria'],
  },
  {
    name: 'names after a people noun or role noun, and names joined to them by "and"',
    text: 'Londoners Tavish Oyelaran and Corwin Aldaine were captured. The group is led by activist Merrin Toblasi.',
    mentions: [
      { text: 'Tavish Oyelaran', actor: 'Tavish Oyelaran', kind: 'person', via: 'name' },
      { text: 'Corwin Aldaine', actor: 'Corwin Aldaine', kind: 'person', via: 'name' },
      { text: 'Merrin Toblasi', actor: 'Merrin Toblasi', kind: 'person', via: 'name' },
    ],
    absent: ['Londoners'],
  },
  {
    name: 'a state before a verb the tagger may read as a noun still acts',
    text: 'All three countries and Oman claim not to hold any weapons.',
    mentions: [{ text: 'Oman', actor: 'Oman', kind: 'state', via: 'name' }],
  },
  {
    name: 'the opposition of a state at civil war by noun phrase; opposing is no body',
    text: 'The Syrian government sent its delegation to Geneva. The main opposition said it would attend, and opposition negotiators arrived on Monday. Damascus has rejected their opposition to the agenda. The talks are about Syria\'s future.',
    mentions: [
      { text: 'main opposition', actor: 'Syrian opposition', kind: 'organization', via: 'description' },
      { text: 'opposition negotiators', actor: 'Syrian opposition', kind: 'organization', via: 'description' },
    ],
    absent: ['opposition'],
  },
  {
    name: 'a state\'s opposition named with modifiers between; "some ... figures" names no one',
    text: 'Some opposition figures met officials of the Syrian official opposition in Cairo, and Syria\'s opposition agreed.',
    mentions: [
      { text: 'Syrian official opposition', actor: 'Syrian opposition', kind: 'organization', via: 'name' },
      { text: 'Syria\'s opposition', actor: 'Syrian opposition', kind: 'organization', via: 'name' },
    ],
    absent: ['opposition figures'],
  },
  {
    name: 'a generic opposition mentioned once in passing, as an object, is no actor; as a subject it is',
    text: 'Syrian troops shelled Idlib and Syrian jets hit Hama. Damascus called the opposition resistance over, and its jets attacked opposition groups near Aleppo.',
    mentions: [{ text: 'Damascus', actor: 'Syrian government', kind: 'government', via: 'metonym' }],
    absent: ['the opposition', 'opposition groups'],
  },
  {
    name: 'a generic opposition that acts is the opposition of the state the text is about',
    text: 'Syrian troops shelled Idlib and Syrian jets hit Hama. Damascus sent negotiators. Opposition groups said they will not attend.',
    mentions: [{ text: 'Opposition groups', actor: 'Syrian opposition', kind: 'organization', via: 'description' }],
  },
  {
    name: 'a people without a state acts as one body and takes the text\'s qualified name',
    text: 'Kurdish representatives will be invited, Ankara said, and Syrian Kurds welcomed it.',
    mentions: [
      { text: 'Kurdish representatives', actor: 'Syrian Kurds', kind: 'organization', via: 'alias' },
      { text: 'Syrian Kurds', actor: 'Syrian Kurds', kind: 'organization', via: 'alias' },
    ],
  },
  {
    name: 'a people named only by its plural next to its fighters is those fighters; a state adjective before them joins',
    text: 'Kurdish fighters shelled the town as the Kurds advanced. Iraqi Yazidi militias joined them.',
    mentions: [
      { text: 'Kurdish fighters', actor: 'Kurdish forces', kind: 'armed_group', via: 'alias' },
      { text: 'Kurds', actor: 'Kurdish forces', kind: 'armed_group', via: 'name' },
      { text: 'Iraqi Yazidi militias', actor: 'Yazidi forces', kind: 'armed_group', via: 'alias' },
    ],
  },
  {
    name: 'the adjective of a group that is not its name, before a group noun',
    text: 'Houthi negotiators arrived on Tuesday.',
    mentions: [{ text: 'Houthi negotiators', actor: 'Houthis', kind: 'armed_group', via: 'alias' }],
  },
  {
    name: 'a people qualified by two states is two bodies; the most named keeps the bare plural',
    text: 'Syrian Kurds met Iranian Kurds in Erbil. Syrian Kurdish groups said the Kurds would attend.',
    mentions: [
      { text: 'Syrian Kurds', actor: 'Syrian Kurds', kind: 'organization', via: 'alias' },
      { text: 'Iranian Kurds', actor: 'Iranian Kurds', kind: 'organization', via: 'alias' },
      { text: 'Syrian Kurdish groups', actor: 'Syrian Kurds', kind: 'organization', via: 'alias' },
      { text: 'Kurds', nth: 2, actor: 'Syrian Kurds', kind: 'organization', via: 'name' },
    ],
  },
  {
    name: 'what a head of state at civil war commands is the government',
    text: 'Bashar al-Assad\u2019s regime and Assad\'s forces pressed on.',
    mentions: [
      { text: 'Bashar al-Assad\u2019s regime', actor: 'Syrian government', kind: 'government', via: 'alias' },
      { text: 'Assad\'s forces', actor: 'Syrian government', kind: 'government', via: 'alias' },
    ],
  },
  {
    name: 'a people named once, as no verb\'s subject, is no party; as a subject it is',
    text: 'Most of those who fled were Yazidis. The Druze said they would stay.',
    mentions: [{ text: 'Druze', actor: 'Druze', kind: 'organization', via: 'name' }],
    absent: ['Yazidis'],
  },
  {
    name: 'a generic phrase that a capitalised name goes on from is that name\'s start',
    text: 'The Government of National Accord sent envoys.',
    mentions: [{ text: 'Government of National Accord', actor: 'Government of National Accord', kind: 'government', via: 'name' }],
  },
];

for (const c of cases) {
  test(`actors: ${c.name}`, () => {
    const found = findActors(segment(c.text));
    const got = found.mentions.map((m) => {
      const a = found.actors.find((x) => x.id === m.actorId)!;
      return { start: m.start, end: m.end, actor: a.name, kind: a.kind, via: m.via };
    });
    const want = c.mentions.map((m) => {
      let at = -1;
      for (let k = 0; k <= (m.nth ?? 0); k++) at = c.text.indexOf(m.text, at + 1);
      assert.ok(at >= 0, `test text lacks ${m.text}`);
      return { start: at, end: at + m.text.length, actor: m.actor, kind: m.kind, via: m.via };
    });
    for (const w of want) assert.ok(got.some((g) => JSON.stringify(g) === JSON.stringify(w)), `missing ${JSON.stringify(w)} in ${JSON.stringify(got)}`);
    for (const a of c.absent ?? []) assert.ok(!got.some((g) => c.text.slice(g.start, g.end) === a), `${a} should not be a mention`);
    if (!c.mentions.length) assert.deepEqual(got, []);
    for (const m of found.mentions) assert.equal(c.text.slice(m.start, m.end), m.text);
  });
}

test('actors: apposition gives description and affiliations, former and current', () => {
  const text = 'Leila Moussa, a former SNC member who now heads the Union of Free Engineers, said the talks were useful.';
  const found = findActors(segment(text));
  const p = found.actors.find((a) => a.name === 'Leila Moussa');
  assert.ok(p, JSON.stringify(found.actors.map((a) => a.name)));
  assert.equal(p.kind, 'person');
  assert.match(p.description ?? '', /^a former SNC member/);
  const by = Object.fromEntries(p.affiliations.map((a) => [a.organization, a]));
  assert.equal(by['Syrian National Coalition']?.tense, 'former');
  assert.equal(by['Syrian National Coalition']?.role, 'member');
  assert.equal(by['Union of Free Engineers']?.tense, 'current');
  assert.equal(by['Union of Free Engineers']?.role, 'head');
});

test('actors: aliases are the forms as written, evidence every mention', () => {
  const text = 'Russia vetoed the draft. Moscow has said it will table its own. Russian forces stayed.';
  const found = findActors(segment(text));
  const ru = found.actors.find((a) => a.name === 'Russia')!;
  assert.deepEqual(ru.aliases, ['Moscow', 'Russian forces']);
  assert.equal(ru.evidence.length, 3);
  assert.equal(ru.kind, 'state');
});

test('actors: actorAt and mentionsInSentence', () => {
  const text = 'Turkey objected. The Kurdish Freedom Movement welcomed the plan.';
  const found = findActors(segment(text));
  const at = text.indexOf('Freedom');
  assert.equal(actorAt(found, { start: at, end: at + 7 })?.name, 'Kurdish Freedom Movement');
  assert.deepEqual(mentionsInSentence(found, 0).map((m) => m.text), ['Turkey']);
});

test('actors: "X of the Y" gives an affiliation of unknown tense; places are no persons', () => {
  const text = 'Samir Nouri of the Aleppo Medical Association said Eastern Ghouta and Abu Kamal were shelled.';
  const found = findActors(segment(text));
  const p = found.actors.find((a) => a.name === 'Samir Nouri');
  assert.ok(p);
  assert.deepEqual(p.affiliations.map((a) => [a.organization, a.tense]), [['Aleppo Medical Association', 'unknown']]);
  assert.ok(!found.actors.some((a) => a.name === 'Abu Kamal' || a.name === 'Eastern Ghouta'));
});
