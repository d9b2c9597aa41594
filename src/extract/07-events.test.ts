import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ActorKind, DateMention, Event, Measure, Quantity, Segmented } from '../domain/record.ts';
import { segment } from './01-segment.ts';
import { findEvents } from './07-events.ts';
import { actorsByName } from './participation/fixtures.ts';
import { sentenceIndexAt } from './text-utils.ts';

type Spec = { name: string; kind: ActorKind; aliases?: string[] };
const A = {
  army: { name: 'Caldorian army', kind: 'government', aliases: ['the army'] },
  rebels: { name: 'Northern Front', kind: 'armed_group' },
  ruthenia: { name: 'Ruthenia', kind: 'state' },
  un: { name: 'United Nations', kind: 'international_org', aliases: ['UN'] },
} satisfies Record<string, Spec>;

/** Stage 3 and 4 stand-ins: the dates and counts of a test sentence, written by hand. */
function date(seg: Segmented, text: string, start: string, end = start): DateMention {
  const at = seg.text.indexOf(text);
  return { text, start, end, precision: 'day', sentence: sentenceIndexAt(seg, at), evidence: [{ start: at, end: at + text.length }], confidence: 1 };
}
function qty(seg: Segmented, text: string, value: number, measure: Measure): Quantity {
  const at = seg.text.indexOf(text);
  return { text, value, approx: 'exact', measure, sentence: sentenceIndexAt(seg, at), evidence: [{ start: at, end: at + text.length }], confidence: 1 };
}

type Want = Partial<Pick<Event, 'type' | 'actor' | 'place' | 'start' | 'end' | 'quantity' | 'round'>>;
interface Case {
  name: string; text: string; actors: Spec[];
  dates?: [string, string, string?][]; qtys?: [string, number, Measure][];
  /** The report's publication date, when the case is about it. */
  published?: string;
  want: Want[];
}

const cases: Case[] = [
  {
    name: 'talks with round, place and dates',
    text: 'Ruthenia will host a second round of talks in Vienna on Monday.',
    actors: [A.ruthenia], dates: [['on Monday', '2020-03-02']],
    want: [{ type: 'talks', actor: 'Ruthenia', place: 'Vienna', start: '2020-03-02', end: '2020-03-02', round: 2 }],
  },
  {
    name: 'the same round later only extends the dates',
    text: 'A second round of talks opens in Vienna on Monday. The second round of talks is due to last until Thursday. The talks will focus on aid.',
    actors: [], dates: [['on Monday', '2020-03-02'], ['until Thursday', '2020-03-05']],
    want: [{ type: 'talks', place: 'Vienna', start: '2020-03-02', end: '2020-03-05', round: 2 }],
  },
  {
    name: 'release with actor, count, place and dates',
    text: 'Monitors said the Caldorian army had freed 120 detainees from a jail in Aleppo on May 3-5.',
    actors: [A.army], dates: [['on May 3-5', '2020-05-03', '2020-05-05']], qtys: [['120 detainees', 120, 'released']],
    want: [{ type: 'release', actor: 'Caldorian army', place: 'Aleppo', start: '2020-05-03', end: '2020-05-05', quantity: 120 }],
  },
  {
    name: 'a release of a statement is no release',
    text: 'The Caldorian army released a statement in Aleppo.',
    actors: [A.army], want: [],
  },
  {
    name: 'attack: place and date attach to the offensive, not the ceasefire after it',
    text: 'The Caldorian army launched an offensive on Sunday in eastern Ghouta in defiance of a ceasefire brokered by the UN.',
    actors: [A.army, A.un], dates: [['on Sunday', '2020-02-23']],
    want: [
      { type: 'attack', actor: 'Caldorian army', place: 'eastern Ghouta', start: '2020-02-23', end: '2020-02-23' },
      { type: 'ceasefire', actor: 'United Nations' },
    ],
  },
  {
    name: 'a later mention that adds nothing is the same event',
    text: 'The Northern Front shelled Idlib on Friday, killing 12 civilians. The shelling drew protests.',
    actors: [A.rebels], dates: [['on Friday', '2020-01-10']], qtys: [['12 civilians', 12, 'killed']],
    want: [{ type: 'attack', actor: 'Northern Front', place: 'Idlib', start: '2020-01-10', end: '2020-01-10', quantity: 12 }],
  },
  {
    name: 'a mention with a new date is a new event',
    text: 'Airstrikes hit Raqqa on Monday. More airstrikes hit Raqqa on Thursday.',
    actors: [], dates: [['on Monday', '2020-01-06'], ['on Thursday', '2020-01-09']],
    want: [{ type: 'attack', place: 'Raqqa', start: '2020-01-06', end: '2020-01-06' }, { type: 'attack', place: 'Raqqa', start: '2020-01-09', end: '2020-01-09' }],
  },
  {
    name: 'two talks in one sentence keep their own places',
    text: 'Rebel groups will gather in Doha for talks before the UN-led talks resume in Geneva on 28 June.',
    actors: [A.un], dates: [['on 28 June', '2020-06-28']],
    want: [{ type: 'talks', place: 'Doha' }, { type: 'talks', place: 'Geneva', start: '2020-06-28', end: '2020-06-28' }],
  },
  {
    name: 'a date of saying is not the date of the event',
    text: 'Ruthenia denied on Sunday that it had broken the truce in Idlib.',
    actors: [A.ruthenia], dates: [['on Sunday', '2020-02-23']],
    want: [{ type: 'ceasefire', place: 'Idlib' }],
  },
  {
    name: 'displacement with its count',
    text: 'The fighting has displaced 40,000 people in Hodeidah.',
    actors: [], qtys: [['40,000 people', 40000, 'displaced']],
    want: [{ type: 'displacement', place: 'Hodeidah', quantity: 40000 }],
  },
  {
    name: 'withdrawal, but not from talks',
    text: 'Ruthenia will withdraw its troops from northern Syria. The Northern Front withdrew from the talks.',
    actors: [A.ruthenia, A.rebels],
    want: [{ type: 'withdrawal', actor: 'Ruthenia', place: 'northern Syria' }, { type: 'talks', actor: 'Northern Front' }],
  },
  {
    name: 'leaving an accord is not a withdrawal of forces',
    text: 'Ruthenia will withdraw from the 2019 border accord. Ruthenia will withdraw from the river port.',
    actors: [A.ruthenia],
    // The accord is still an agreement the report names.
    want: [{ type: 'agreement', actor: 'Ruthenia' }, { type: 'withdrawal', actor: 'Ruthenia' }],
  },
  {
    name: 'a town before the cue is the venue; a country is the topic',
    text: 'The Sochi summit ended. Officials hope Yemen talks will resume.',
    actors: [], want: [{ type: 'talks', place: 'Sochi' }],
  },
  {
    name: 'people held in camps are no arrest; people arrested are',
    text: 'Some 2,000 foreigners detained in camps in Hasakah wait for trial. Police arrested 40 protesters in Kabul on Friday.',
    actors: [], dates: [['on Friday', '2020-01-10']], qtys: [['40 protesters', 40, 'detained']],
    want: [{ type: 'arrest', place: 'Kabul', start: '2020-01-10', end: '2020-01-10', quantity: 40 }],
  },
  {
    name: 'towns joined by a dash name the parties of talks',
    text: 'The Ankara–Moscow talks stalled over the border.',
    actors: [], want: [],
  },
  {
    name: 'a call for a truce is no truce; the capital is the place of talks',
    text: 'Ruthenia rejected calls for a ceasefire in Idlib. A new round of talks is due to be held in Kazakhstan’s capital, Astana.',
    actors: [A.ruthenia], want: [{ type: 'talks', place: 'Astana' }],
  },
  {
    name: 'a video released is no release',
    text: 'A video released on Tuesday showed children in the camp.',
    actors: [], dates: [['on Tuesday', '2020-01-07']], want: [],
  },
  {
    name: 'a failed agreement is none; who besieges is the agent only',
    text: 'The sides failed to reach an agreement in Doha. UN helicopters evacuated the wounded from the besieged town of Foua.',
    actors: [A.un], want: [{ type: 'evacuation', actor: 'United Nations', place: 'Foua' }, { type: 'siege', place: 'Foua' }],
  },
  {
    name: 'a town the text calls a town: "Xyz, a town in ..."',
    text: 'Airstrikes on Tel Varosh, a village in Idlib province, killed nine civilians.',
    actors: [], qtys: [['nine civilians', 9, 'killed']],
    want: [{ type: 'attack', place: 'Tel Varosh', quantity: 9 }],
  },
  {
    name: 'a named camp is a place; aid cues',
    text: 'The UN delivered humanitarian aid at al-Rasheed camp.',
    actors: [A.un], want: [{ type: 'aid_access', actor: 'United Nations', place: 'al-Rasheed' }],
  },
  {
    name: 'a negated verb cue is no event; an invasion is an attack',
    text: 'Ruthenia said it would not attack the rebels. The invasion of Idlib began in May. Kortia must not attack Minsk. Aid will go to host communities in Vienna.',
    actors: [A.ruthenia], dates: [['in May', '2020-05']],
    want: [{ type: 'attack', place: 'Idlib', start: '2020-05', end: '2020-05' }],
  },
  {
    name: 'fighters who release a video free no one',
    text: 'Northern Front fighters released a new video from Idlib.',
    actors: [A.rebels], want: [],
  },
  {
    name: 'a place before a time phrase is not the cue\'s',
    text: 'Ruthenian officials flew to Vienna ahead of the offensive.',
    actors: [], want: [],
  },
  {
    name: 'people who fled the areas of a town; captured people are arrested',
    text: 'About 5,000 people took flight from rural areas of neighbouring Raqqa. Two aid workers were captured in Aleppo.',
    actors: [], qtys: [['5,000 people', 5000, 'displaced']],
    want: [{ type: 'displacement', place: 'Raqqa', quantity: 5000 }, { type: 'arrest', place: 'Aleppo' }],
  },
  {
    name: 'talks with only a date date the talks named before',
    text: 'Talks between Ruthenia and the UN opened in Vienna. The talks ended on Thursday.',
    actors: [A.ruthenia, A.un], dates: [['on Thursday', '2020-01-09']],
    want: [{ type: 'talks', actor: 'Ruthenia', place: 'Vienna', start: '2020-01-09', end: '2020-01-09' }],
  },
  {
    name: 'the one place of a sentence with one cue, past another verb',
    text: 'Local militias are fighting to clear the rebels near the town of Varosh.',
    actors: [], want: [{ type: 'attack', place: 'Varosh' }],
  },
  {
    name: 'the subject of a passive cue is no actor; the agent is',
    text: 'Two Ruthenia officials were captured in Aleppo. The town of Varosh was attacked by the Northern Front.',
    actors: [A.ruthenia, A.rebels], want: [{ type: 'arrest', place: 'Aleppo' }, { type: 'attack', actor: 'Northern Front', place: 'Varosh' }],
  },
  {
    name: 'a later "the talks" with a date of its own is the same talks',
    text: 'Talks between Ruthenia and the UN ended in Vienna on Monday. The envoy will brief the council on the outcome of the talks next week.',
    actors: [A.ruthenia, A.un], dates: [['on Monday', '2020-01-06'], ['next week', '2020-01-13', '2020-01-19']],
    want: [{ type: 'talks', actor: 'Ruthenia', place: 'Vienna', start: '2020-01-06', end: '2020-01-06' }],
  },
  {
    name: 'talks through "of" have the verb\'s subject; talks of other parties stay apart',
    text: 'Ruthenia is to hold two rounds of talks in May. The conference in Vienna was postponed by the United Nations.',
    actors: [A.ruthenia, A.un], dates: [['in May', '2020-05']],
    want: [{ type: 'talks', actor: 'Ruthenia', start: '2020-05', end: '2020-05' }, { type: 'talks', actor: 'United Nations', place: 'Vienna' }],
  },
  {
    name: 'a nationality adjective names the actor when the country is one',
    text: 'Officials condemned the Turkish military offensive in Idlib. A Russian-backed assault on Hama began.',
    actors: [{ name: 'Turkey', kind: 'state' }, { name: 'Russia', kind: 'state' }], want: [{ type: 'attack', actor: 'Turkey', place: 'Idlib' }, { type: 'attack', place: 'Hama' }],
  },
  {
    name: 'carrying out the operation is an attack; a rescue operation is not',
    text: 'Northern Front fighters were carrying out the operation. Medics carried out a rescue operation in Idlib.',
    actors: [A.rebels], want: [{ type: 'attack', actor: 'Northern Front' }],
  },
  {
    name: 'a participle before its noun is no verb between the talks and their place',
    text: 'The fourth round of talks between Ruthenia\'s internationally recognised government and the Northern Front opened in Vienna on Monday.',
    actors: [A.ruthenia, A.rebels], dates: [['on Monday', '2020-03-02']],
    want: [{ type: 'talks', place: 'Vienna', start: '2020-03-02', end: '2020-03-02', round: 4 }],
  },
  {
    name: 'an agreement the talks led to takes their parties and date',
    text: 'Talks last week between Ruthenia and the UN led to agreement on a new timetable.',
    actors: [A.ruthenia, A.un], dates: [['last week', '2020-02-24', '2020-03-01']],
    want: [
      { type: 'talks', actor: 'Ruthenia', start: '2020-02-24', end: '2020-03-01' },
      { type: 'agreement', actor: 'Ruthenia', start: '2020-02-24', end: '2020-03-01' },
    ],
  },
  {
    name: 'an agreement merely near talks takes nothing from them',
    text: 'Talks last week between Ruthenia and the UN were tense, and the agreement is fragile.',
    actors: [A.ruthenia, A.un], dates: [['last week', '2020-02-24', '2020-03-01']],
    want: [{ type: 'talks', actor: 'Ruthenia', start: '2020-02-24', end: '2020-03-01' }],
  },
  {
    name: 'endorsing a plan is an agreement',
    text: 'The Northern Front endorsed the UN plan on Monday.',
    actors: [A.rebels, A.un], dates: [['on Monday', '2020-03-02']],
    want: [{ type: 'agreement', actor: 'Northern Front', start: '2020-03-02', end: '2020-03-02' }],
  },
  {
    name: 'buses leaving a town with people on board are an evacuation',
    text: 'On Sunday, 40 buses left Aleppo carrying 2,000 fighters and their families.',
    actors: [], dates: [['On Sunday', '2020-03-01']], qtys: [['2,000 fighters', 2000, 'fighters']],
    want: [{ type: 'evacuation', place: 'Aleppo', start: '2020-03-01', end: '2020-03-01', quantity: 2000 }],
  },
  { name: 'a deal nobody expects, a swap talks will focus on', text: 'Nobody expects a final deal, and the round will focus on a prisoner exchange.', actors: [], want: [] },
  {
    name: 'a surrender is another event; a proposed one is none',
    text: 'About 300 fighters of the Northern Front surrendered in Aleppo on Sunday. The Caldorian army refused to surrender.',
    actors: [A.rebels, A.army], dates: [['on Sunday', '2020-03-01']], qtys: [['300 fighters', 300, 'fighters']],
    want: [{ type: 'other', actor: 'Northern Front', place: 'Aleppo', start: '2020-03-01', end: '2020-03-01', quantity: 300 }],
  },
  {
    name: 'an agreement between two parties; an agency reporting it is no party',
    text: 'The deal reported by Tass holds. The agreement between Ruthenia and the Northern Front holds.',
    actors: [A.ruthenia, A.rebels, { name: 'Tass', kind: 'media' }],
    want: [{ type: 'agreement', actor: 'Ruthenia' }],
  },
  {
    name: 'freed fishermen are a release',
    text: 'The Northern Front released 12 fishermen on Sunday.',
    actors: [A.rebels], dates: [['on Sunday', '2020-03-01']], qtys: [['12 fishermen', 12, 'released']],
    want: [{ type: 'release', actor: 'Northern Front', start: '2020-03-01', end: '2020-03-01', quantity: 12 }],
  },
  {
    name: 'a round read through the modifiers of its noun phrase; the second day of talks is no round',
    text: 'A fifth round of EU-sponsored Caldorian talks opens in Vienna on Monday. The second day of talks was tense.',
    actors: [], dates: [['on Monday', '2020-03-09']],
    want: [{ type: 'talks', place: 'Vienna', start: '2020-03-09', end: '2020-03-09', round: 5 }],
  },
  {
    name: 'talks now in their sixth round',
    text: 'The negotiations in Vienna, now in their sixth round, resumed on Monday.',
    actors: [], dates: [['on Monday', '2020-03-02']],
    want: [{ type: 'talks', place: 'Vienna', start: '2020-03-02', end: '2020-03-02', round: 6 }],
  },
  {
    name: 'a date that starts a stretch ("since 2014") is lent to no announced talks',
    text: 'Talks between Ruthenia and the Northern Front are expected in Vienna. Since 2014, many rounds of negotiations have come and gone.',
    actors: [A.ruthenia, A.rebels], dates: [['Since 2014', '2014']], published: '2020-03-04',
    want: [{ type: 'talks', actor: 'Ruthenia', place: 'Vienna' }, { type: 'talks', start: '2014', end: '2014' }],
  },
  {
    name: 'a stretch of talks is completed by no later talks',
    text: 'Talks are expected in Vienna. Since 2014, many rounds of negotiations have failed. Last spring Ruthenia held talks with the Northern Front in Oslo.',
    actors: [A.ruthenia, A.rebels], dates: [['Since 2014', '2014']], published: '2020-03-04',
    want: [{ type: 'talks', place: 'Vienna' }, { type: 'talks', start: '2014', end: '2014' }, { type: 'talks', actor: 'Ruthenia', place: 'Oslo' }],
  },
  {
    name: 'a participle set off by commas does not part the talks from their date; who sponsors them hosts them',
    text: 'Negotiations, sponsored by the United Nations, are expected in Vienna this week.',
    actors: [A.un], dates: [['this week', '2020-03-02', '2020-03-08']], published: '2020-03-04',
    want: [{ type: 'talks', actor: 'United Nations', place: 'Vienna', start: '2020-03-02', end: '2020-03-08' }],
  },
  {
    name: 'a date years past is not that of talks announced',
    text: 'Talks between Ruthenia and the Northern Front will open in Vienna. The negotiations ended in 2015.',
    actors: [A.ruthenia, A.rebels], dates: [['in 2015', '2015']], published: '2020-03-04',
    want: [{ type: 'talks', actor: 'Ruthenia', place: 'Vienna' }, { type: 'talks', start: '2015', end: '2015' }],
  },
  {
    name: 'a coming date is that of talks announced',
    text: 'Talks between Ruthenia and the Northern Front will open in Vienna. The talks are due to start on Monday.',
    actors: [A.ruthenia, A.rebels], dates: [['on Monday', '2020-03-09']], published: '2020-03-04',
    want: [{ type: 'talks', actor: 'Ruthenia', place: 'Vienna', start: '2020-03-09', end: '2020-03-09' }],
  },
  {
    name: 'a past date still dates talks told as past',
    text: 'Talks between Ruthenia and the Northern Front collapsed in Vienna. The talks ended on 4 May 2015.',
    actors: [A.ruthenia, A.rebels], dates: [['on 4 May 2015', '2015-05-04']], published: '2020-03-04',
    want: [{ type: 'talks', actor: 'Ruthenia', place: 'Vienna', start: '2015-05-04', end: '2015-05-04' }],
  },
  {
    name: 'a habit lends no date',
    text: 'Ruthenia held talks with the Northern Front in Vienna. Such talks usually take place in March.',
    actors: [A.ruthenia, A.rebels], dates: [['in March', '2020-03']], published: '2020-05-04',
    want: [{ type: 'talks', actor: 'Ruthenia', place: 'Vienna' }, { type: 'talks', start: '2020-03', end: '2020-03' }],
  },
];

const pick = (e: Event): Want => Object.fromEntries(Object.entries(e).filter(([k]) => ['type', 'actor', 'place', 'start', 'end', 'quantity', 'round'].includes(k)));

for (const c of cases) {
  test(`events: ${c.name}`, () => {
    const seg = segment(c.text);
    const dates = (c.dates ?? []).map(([t, s, e]) => date(seg, t, s, e));
    const quantities = (c.qtys ?? []).map(([t, v, m]) => qty(seg, t, v, m));
    const got = findEvents(seg, { actors: actorsByName(seg, c.actors), dates, quantities, ...(c.published ? { published: c.published } : {}) });
    assert.deepEqual(got.map(pick), c.want);
    for (const e of got) for (const v of e.evidence) assert.ok(v.start >= 0 && v.end <= c.text.length && v.start < v.end);
  });
}

test('events: evidence points at the cue', () => {
  const text = 'The Northern Front shelled Idlib on Friday.';
  const seg = segment(text);
  const [e] = findEvents(seg, { actors: actorsByName(seg, [A.rebels]), dates: [], quantities: [] });
  assert.equal(text.slice(e!.evidence[0]!.start, e!.evidence[0]!.end), 'shelled');
});
