import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Actor, ActorKind, Mention } from '../domain/record.ts';
import { segment } from './01-segment.ts';
import type { ActorsFound } from './02-actors.ts';
import { findQuotes } from './05-quotes.ts';

/** Actors built by hand: [id, name, kind, ...mention texts (first occurrence of each)]. */
type ActorSpec = [string, string, ActorKind, ...string[]];

function actorsFor(text: string, specs: ActorSpec[]): ActorsFound {
  const actors: Actor[] = [];
  const mentions: Mention[] = [];
  for (const [id, name, kind, ...texts] of specs) {
    actors.push({ id, name, kind, aliases: [], affiliations: [], evidence: [], confidence: 1 });
    for (const t of texts) {
      const start = text.indexOf(t);
      assert.ok(start >= 0, `mention "${t}" not in text`);
      mentions.push({ actorId: id, start, end: start + t.length, text: t, sentence: 0, via: 'name' });
    }
  }
  return { actors, mentions };
}

interface Want { text: string; direct: boolean; speaker: string | null; description?: string }
interface Case { name: string; text: string; actors?: ActorSpec[]; want: Want[] }

const D = (text: string, speaker: string | null, description?: string): Want => ({ text, direct: true, speaker, ...(description ? { description } : {}) });
const I = (text: string, speaker: string | null, description?: string): Want => ({ text, direct: false, speaker, ...(description ? { description } : {}) });

const cases: Case[] = [
  // direct speech
  { name: 'straight marks, speaker after the verb', text: '"The truce is holding," said Maria Lopez.', want: [D('The truce is holding,', 'Maria Lopez')] },
  { name: 'curly marks split by the attribution are two quotes', text: '“We will not sign,” Okafor said, “until the shelling stops.”',
    want: [D('We will not sign,', 'Okafor'), D('until the shelling stops.', 'Okafor')] },
  { name: 'a quotation of several sentences is one quote', text: '“The roads are closed. Food is running out,” said Dr Amira Haddad.',
    want: [D('The roads are closed. Food is running out,', 'Amira Haddad')] },
  { name: 'a quotation over paragraphs: no closing mark, the next paragraph opens with one', text: 'Lena Park said:\n\n“The first convoy arrived at dawn.\n\n“The second one is still waiting at the border.”',
    want: [D('The first convoy arrived at dawn.', 'Lena Park'), D('The second one is still waiting at the border.', 'Lena Park')] },
  { name: 'a quotation run on over a lost paragraph break is one quote a paragraph, one speaker', text: 'Tomas Reyes said: “The bridge is open. “Trucks can cross by noon.”',
    want: [D('The bridge is open.', 'Tomas Reyes'), D('Trucks can cross by noon.', 'Tomas Reyes')] },
  { name: 'countered / reaffirmed are verbs of saying', text: 'Ines Moreau countered that the offer was never made.',
    want: [I('the offer was never made', 'Ines Moreau')] },
  { name: 'a pronoun goes back to the speaker, not a name inside the reported clause', text: 'Karl Ost said the envoy Pia Lind had left. He said the talks would resume.',
    actors: [['a1', 'Karl Ost', 'person', 'Karl Ost'], ['a2', 'Pia Lind', 'person', 'Pia Lind']],
    want: [I('the envoy Pia Lind had left', 'Karl Ost'), I('the talks would resume', 'Karl Ost')] },
  { name: 'a colon introduces the quotation', text: 'Jonas Berg said: "We are ready to talk."', want: [D('We are ready to talk.', 'Jonas Berg')] },
  { name: 'a quotation alone continues the speaker just quoted', text: '"The truce is holding," said Maria Lopez. "We expect more convoys next week."',
    want: [D('The truce is holding,', 'Maria Lopez'), D('We expect more convoys next week.', 'Maria Lopez')] },
  { name: 'two apostrophes as marks', text: "''We are ready,'' Mr. Berg told the paper.", want: [D('We are ready,', 'Berg')] },
  { name: 'a name after an apposition', text: '“It was a fair vote,” Nasser, who now chairs the Reform Bloc, said.', actors: [['o1', 'Reform Bloc', 'organization', 'Reform Bloc']],
    want: [D('It was a fair vote,', 'Nasser')] },
  { name: 'a scare quote is no speech', text: 'The so-called "green zone" remains closed to civilians.', want: [] },
  // reported speech
  { name: 'said that', text: 'Jonas Berg told reporters that the talks would resume on Monday.', want: [I('the talks would resume on Monday', 'Jonas Berg')] },
  { name: 'warned, no "that"', text: 'The Northern Alliance warned the ceasefire could collapse within days.', want: [I('the ceasefire could collapse within days', 'Northern Alliance')] },
  { name: 'according to X, clause', text: 'According to the monitoring group Civic Watch, 40 detainees were freed on Sunday.', want: [I('40 detainees were freed on Sunday', 'Civic Watch')] },
  { name: 'clause, according to X', text: 'Forty detainees were freed on Sunday, according to Civic Watch.', want: [I('Forty detainees were freed on Sunday', 'Civic Watch')] },
  { name: 'clause, said X', text: 'Five villages were shelled overnight, said the Lakeside Observatory.', want: [I('Five villages were shelled overnight', 'Lakeside Observatory')] },
  { name: 'clause, X said', text: 'Aid must reach the city before winter, Petrova said.', want: [I('Aid must reach the city before winter', 'Petrova')] },
  { name: 'called on X to', text: 'The Arctic Council has called on both sides to return to the table.', want: [I('both sides to return to the table', 'Arctic Council')] },
  { name: 'accused X of', text: 'Tomas Ruiz accused the army of blocking the convoy.', want: [I('the army of blocking the convoy', 'Tomas Ruiz')] },
  { name: 'the name before an apposition', text: 'Karim Nasser, who now chairs the Reform Bloc, said the vote was rigged.', actors: [['o1', 'Reform Bloc', 'organization', 'Reform Bloc']],
    want: [I('the vote was rigged', 'Karim Nasser')] },
  { name: 'a role, then the name', text: "The bloc's chief negotiator, Lucia Ferro, said the draft was acceptable.", want: [I('the draft was acceptable', 'Lucia Ferro')] },
  { name: 'a participle shares the speaker', text: 'Okafor rejected the plan, saying it would reward the militias.', want: [I('it would reward the militias', 'Okafor')] },
  { name: 'a coordinated verb shares the subject', text: 'The Unity Front boycotted the meeting and said it would not return.', want: [I('it would not return', 'Unity Front')] },
  { name: 'told by an agent', text: 'Ana Lima was told by the envoy, Piotr Nowak, that the border would reopen.', want: [I('the border would reopen', 'Piotr Nowak')] },
  { name: 'a denial of speech is no quote', text: 'The ministry did not say when the talks would resume.', want: [] },
  { name: 'a clause ends before an added remark', text: 'Okafor said the talks had failed, adding that he would resign.',
    want: [I('the talks had failed', 'Okafor'), I('he would resign', 'Okafor')] },
  // partial quotations
  { name: 'a partial quotation inside a reported clause is also a direct quote', text: 'Ferro said the offer was "just a gesture" and would change nothing.',
    want: [I('the offer was "just a gesture" and would change nothing', 'Ferro'), D('just a gesture', 'Ferro')] },
  { name: 'a quotation inside "described as"', text: 'One aid worker described the camp as a “prison”.', want: [D('prison', null, 'One aid worker')] },
  { name: 'a party tag after the name', text: '"The vote was fair," said Rep. Joan Miles (D-Ore.).', want: [D('The vote was fair,', 'Joan Miles')] },
  { name: 'a time phrase before the clause', text: 'Okafor said after the meeting he would resign.', want: [I('he would resign', 'Okafor')] },
  { name: 'speakers named by a relative clause', text: 'Those who have left the council complain that the talks were rigged.',
    want: [I('the talks were rigged', null, 'Those who have left the council')] },
  { name: 'a quotation with no closing mark ends before the next attributed sentence',
    text: 'Ruiz said: "The harvest is lost. The roads are mined. The government said on Friday that aid would come.',
    want: [D('The harvest is lost. The roads are mined.', 'Ruiz'), I('aid would come', null, 'The government')] },
  { name: 'a quotation before the sentence that names its speaker', text: '"We were never consulted about the plan." Okafor, who leads the farmers, said the plan was rushed.',
    want: [D('We were never consulted about the plan.', 'Okafor'), I('the plan was rushed', 'Okafor')] },
  // speakers
  { name: 'he: the person named before', text: 'Daniel Osei arrived in Vienna on Tuesday. He said the delegation would stay until Friday.',
    actors: [['p1', 'Daniel Osei', 'person', 'Daniel Osei']], want: [I('the delegation would stay until Friday', 'Daniel Osei')] },
  { name: 'it: the organisation, not the person', text: 'Maria Lopez met the Unity Front on Monday. It said the proposal ignored the refugees.',
    actors: [['p1', 'Maria Lopez', 'person', 'Maria Lopez'], ['o1', 'Unity Front', 'organization', 'Unity Front']], want: [I('the proposal ignored the refugees', 'Unity Front')] },
  { name: 'they: the group just named as a subject', text: 'The Dawn Brigade withdrew from the hills on Monday. They said the town was now safe.',
    actors: [['g1', 'Dawn Brigade', 'armed_group', 'Dawn Brigade']], want: [I('the town was now safe', 'Dawn Brigade')] },
  { name: 'a surname mapped to the actor', text: '"We are ready," Berg said.', actors: [['p1', 'Jonas Berg', 'person', 'Berg']], want: [D('We are ready,', 'Jonas Berg')] },
  { name: 'the group: the group named before', text: 'Hamid Rostami, a spokesman for the Dawn Brigade, spoke on Monday. The group said it had withdrawn from the town.',
    actors: [['p1', 'Hamid Rostami', 'person', 'Hamid Rostami'], ['g1', 'Dawn Brigade', 'armed_group', 'Dawn Brigade']], want: [I('it had withdrawn from the town', 'Dawn Brigade')] },
  { name: 'an unnamed speaker keeps its description', text: '"It will be a long winter," said a senior diplomat, who declined to be named.',
    want: [D('It will be a long winter,', null, 'a senior diplomat, who declined to be named')] },
  { name: 'plural unnamed speakers', text: 'Residents said the water supply had been cut for three days.', want: [I('the water supply had been cut for three days', null, 'Residents')] },
  { name: 'officials qualified by a country are still unnamed', text: 'US officials said the sanctions would stay.', actors: [['s1', 'United States', 'state', 'US']],
    want: [I('the sanctions would stay', null, 'US officials')] },
  // unnamed roles and descriptions that are an actor of the context
  { name: 'a role in the lead is the person quoted next', text: 'The border will reopen next week, the Chilean president has said. Marta Ruiz said the army would withdraw.',
    actors: [['p1', 'Marta Ruiz', 'person', 'Marta Ruiz']],
    want: [I('The border will reopen next week', 'Marta Ruiz'), I('the army would withdraw', 'Marta Ruiz')] },
  { name: 'a role word alone is the person last quoted', text: 'Omar Talal said the road was open. “We will keep it open,” the foreign minister said.',
    actors: [['p1', 'Omar Talal', 'person', 'Omar Talal']],
    want: [I('the road was open', 'Omar Talal'), D('We will keep it open,', 'Omar Talal')] },
  { name: 'a role goes to the person named beside it, not to one named in a reported clause', text: 'The Kenyan president, Paul Otieno, met rebels. Dina Faro said Ugo Bassi had left. The talks went well, the Kenyan president said.',
    actors: [['p1', 'Paul Otieno', 'person', 'Paul Otieno'], ['p2', 'Dina Faro', 'person', 'Dina Faro'], ['p3', 'Ugo Bassi', 'person', 'Ugo Bassi']],
    want: [I('Ugo Bassi had left', 'Dina Faro'), I('The talks went well', 'Paul Otieno')] },
  { name: 'an unnamed official stays unnamed', text: 'Omar Talal said the road was open. An official said the road was mined.',
    actors: [['p1', 'Omar Talal', 'person', 'Omar Talal']],
    want: [I('the road was open', 'Omar Talal'), I('the road was mined', null, 'An official')] },
  { name: 'a description holding a body\'s name words is that body', text: 'The Coalition for Clean Water met the envoy, and Port Authority staff met later. The water coalition said the dam was unsafe.',
    actors: [['o1', 'Coalition for Clean Water', 'organization', 'Coalition for Clean Water'], ['o2', 'Port Authority', 'organization', 'Port Authority']],
    want: [I('the dam was unsafe', 'Coalition for Clean Water')] },
  // participles and quotations opening a clause
  { name: '", saying" after a long clause is the sentence subject\'s', text: 'Farmers rejected the plan drawn up by the ministry, saying it ignored the drought.',
    want: [I('it ignored the drought', null, 'Farmers')] },
  { name: '"with X admitting" is X\'s', text: 'The talks ended, with the envoy Lea Marten admitting the gap was wide.',
    actors: [['p1', 'Lea Marten', 'person', 'Lea Marten']],
    want: [I('the gap was wide', 'Lea Marten')] },
  { name: 'a quotation opening what was said is direct speech', text: 'The fighters posted a message saying “we will not leave” and calling for help.',
    want: [D('we will not leave', null, 'The fighters')] },
  // clause boundaries
  { name: 'a modal after "but" goes on with what was said', text: 'Ravi Anand said he would not sign but would review the draft.',
    want: [I('he would not sign but would review the draft', 'Ravi Anand')] },
  { name: '"but would not say" is the reporter\'s again', text: 'Ravi Anand said he would sign but would not say when.',
    want: [I('he would sign', 'Ravi Anand')] },
  { name: 'a parenthetical attribution: what was said goes on after it', text: 'The ceasefire, Ravi Anand often says, is the only way forward.',
    want: [I('is the only way forward', 'Ravi Anand')] },
  { name: 'a participle after a closing attribution is no parenthesis', text: 'Nine people died in the raid, the monitor said, bringing the toll to forty.',
    want: [I('Nine people died in the raid', null, 'the monitor')] },
  { name: 'a verb of saying tagged as a noun between a name and "that"', text: 'Then, the loans. Ms. Okoye notes that rates are low.',
    want: [I('rates are low', 'Okoye')] },
  // speakers described through a body or a role
  { name: 'a spokesperson named by a body speaks for it', text: 'A Health Ministry spokesperson said the clinics were closed.',
    actors: [['g1', 'Health Ministry', 'government', 'Health Ministry']],
    want: [I('the clinics were closed', 'Health Ministry')] },
  { name: 'fighters of a named armed group speak as the group', text: 'Delta Front fighters said the hill was taken.',
    actors: [['m1', 'Delta Front', 'armed_group', 'Delta Front']],
    want: [I('the hill was taken', 'Delta Front')] },
  { name: 'a spokeswoman for a person is no body', text: 'A spokeswoman for Ravi Anand said the trip was off.',
    actors: [['p1', 'Ravi Anand', 'person', 'Ravi Anand']],
    want: [I('the trip was off', null, 'A spokeswoman for Ravi Anand')] },
  { name: 'an opening participle phrase is no subject', text: 'Speaking with a Leeds accent, the man says he is a nurse.',
    want: [I('he is a nurse', null, 'the man')] },
  { name: 'a role of a body named as its possessor, then the name', text: 'The Clean Water Coalition’s director, Ana Velez, claimed the dam was unsafe.',
    actors: [['o1', 'Clean Water Coalition', 'organization', 'Clean Water Coalition'], ['p1', 'Ana Velez', 'person', 'Ana Velez']],
    want: [I('the dam was unsafe', 'Ana Velez')] },
  { name: 'a reported clause ends before a quotation opened after a comma', text: 'The union said the deal is fair to workers, “which nobody expected a year ago.”',
    want: [I('the deal is fair to workers', null, 'The union')] },
  { name: 'a clause ends at "but" before another speaker\'s whole description', text: 'Ravi Anand urged the rebels to talk, but the rebel spokesman Amir Daud said talks were pointless.',
    want: [I('the rebels to talk', 'Ravi Anand'), I('talks were pointless', 'Amir Daud')] },
  { name: 'a hypothetical verb of saying reports nothing', text: 'The ministry could argue the delay was planned.', want: [] },
  { name: '"May" the name is no modal', text: 'Theresa May said the vote would go ahead.', actors: [['p1', 'Theresa May', 'person', 'Theresa May']],
    want: [I('the vote would go ahead', 'Theresa May')] },
  { name: 'an object then a second verb of the subject is no clause', text: 'Ravi Anand said he would report the findings to the council and would keep working.',
    want: [I('he would report the findings to the council and would keep working', 'Ravi Anand')] },
  { name: 'a gerund after a preposition with an object says nothing', text: 'The council widened the zone by adding three villages to it.', want: [] },
  { name: 'a gerund after a preposition with a clause still reports', text: 'The council changed course by saying it would accept the plan.',
    want: [I('it would accept the plan', null, 'The council')] },
  { name: 'a reported clause ends before ", putting ..."', text: 'Ravi Anand said the vote would be close, quietly putting pressure on his allies.',
    want: [I('the vote would be close', 'Ravi Anand')] },
  { name: '", including ..." stays in the clause', text: 'Ravi Anand said all parties would attend, including the rebels.',
    want: [I('all parties would attend, including the rebels', 'Ravi Anand')] },
  { name: 'after an opening "while" clause the main clause is the reporter\'s', text: 'While Ravi Anand said the talks had stalled, the envoy has kept travelling.',
    want: [I('the talks had stalled', 'Ravi Anand')] },
  { name: '"said at X announcing that": the clause is the participle\'s, the quotation the speaker\'s', text: '“The valley was promised safe passage, and we will hold them to it, day by day,” she said at a news conference announcing that her ministry would sue the council.',
    want: [D('The valley was promised safe passage, and we will hold them to it, day by day,', null, 'she'), I('her ministry would sue the council', null, 'she')] },
  { name: 'a speaker "on" a body after the verb', text: '“The bridge will open,” said an official on the council.',
    want: [D('The bridge will open,', null, 'an official on the council')] },
  { name: '"on Monday" after the speaker is no part of it; a "not" inside the marks does not deny the saying', text: '“It will not,” said a farmer on Monday.', want: [D('It will not,', null, 'a farmer')] },
  { name: '"did not say" says nothing', text: 'The envoy did not say the talks would resume.', want: [] },
  { name: '"Late on Monday" before the subject is no speaker', text: 'Late on Monday, the envoy, Ana Ruiz, warned the council not to “recklessly attack” the valley.',
    actors: [['p1', 'Ana Ruiz', 'person', 'Ana Ruiz']],
    want: [I('the council not to “recklessly attack” the valley', 'Ana Ruiz'), D('recklessly attack', 'Ana Ruiz')] },
  { name: 'a commissioner speaks', text: 'The commissioner says the talks will resume.', want: [I('the talks will resume', null, 'The commissioner')] },
  // quotations signed with a dash
  { name: 'a quotation signed with a dash is the signer\'s, one a line', text: '“We want the road open before winter.” ― Amina Saleh\n“Nobody asked us before the deal was signed.” — Omar Haddad, a farmer from Tal Abyad\n\nThe council met on Monday.',
    actors: [['p1', 'Amina Saleh', 'person', 'Amina Saleh'], ['p2', 'Omar Haddad', 'person', 'Omar Haddad']],
    want: [D('We want the road open before winter.', 'Amina Saleh'), D('Nobody asked us before the deal was signed.', 'Omar Haddad')] },
  { name: 'a dash and a name inside a sentence sign nothing', text: 'The film “Return to Homs” — Talal Derki directed it — won a prize.', want: [] },
];

for (const c of cases) {
  test(`quotes: ${c.name}`, () => {
    const seg = segment(c.text);
    const got = findQuotes(seg, actorsFor(c.text, c.actors ?? []));
    assert.deepEqual(
      got.map((q) => ({ text: q.text, direct: q.direct, speaker: q.speaker, ...(q.speaker == null && q.speakerDescription ? { description: q.speakerDescription } : {}) })),
      c.want.map((w) => ({ text: w.text, direct: w.direct, speaker: w.speaker, ...(w.description ? { description: w.description } : {}) })),
    );
    for (const q of got) {
      // the scorer's provenance check: the first evidence span holds the quoted words
      assert.equal(c.text.slice(q.evidence[0]!.start, q.evidence[0]!.end), q.text);
      assert.equal(q.anonymous, q.speaker == null);
      if (q.speaker && c.actors?.some(([, name]) => name === q.speaker)) assert.ok(q.speakerId);
    }
  });
}

test('quotes: evidence offsets of a split quotation point at the words and the speaker', () => {
  const text = '“We will not sign,” Okafor said, “until the shelling stops.”';
  const [a, b] = findQuotes(segment(text), { actors: [], mentions: [] });
  assert.deepEqual(a!.evidence[0], { start: 1, end: 18 });
  assert.equal(text.slice(a!.evidence[1]!.start, a!.evidence[1]!.end), 'Okafor');
  assert.equal(a!.cue, 'said');
  assert.equal(text.slice(b!.evidence[0]!.start, b!.evidence[0]!.end), 'until the shelling stops.');
});
