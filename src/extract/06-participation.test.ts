import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ActorKind } from '../domain/record.ts';
import { segment } from './01-segment.ts';
import { findParticipation } from './06-participation.ts';
import { actorsByName } from './participation/fixtures.ts';

type Spec = { name: string; kind: ActorKind; aliases?: string[] };
const A = {
  rebels: { name: 'Northern Front', kind: 'armed_group', aliases: ['NF'] },
  council: { name: 'Unity Council', kind: 'organization', aliases: ['UC'] },
  gov: { name: 'Caldorian government', kind: 'government' },
  ruthenia: { name: 'Ruthenia', kind: 'state' },
  vesna: { name: 'Vesna', kind: 'state' },
  kortia: { name: 'Kortia', kind: 'state' },
  mira: { name: 'Mira Hollis', kind: 'person' },
  tomas: { name: 'Tomas Brand', kind: 'person' },
  un: { name: 'United Nations', kind: 'international_org', aliases: ['UN'] },
} satisfies Record<string, Spec>;

interface Case { name: string; text: string; actors: Spec[]; want: [string, string, string?][] }

// [actor, status, condition?]
const cases: Case[] = [
  { name: 'plain attend', text: 'The Northern Front will attend the peace talks in Vienna next week.', actors: [A.rebels], want: [['Northern Front', 'attend']] },
  { name: 'coordinated subjects meet', text: 'Ruthenia, Vesna and Kortia will meet in Astana on Friday to discuss the truce.', actors: [A.ruthenia, A.vesna, A.kortia], want: [['Ruthenia', 'attend'], ['Vesna', 'attend'], ['Kortia', 'attend']] },
  { name: 'a lone subject of meet is not enough', text: 'Ruthenia will meet its obligations under the accord.', actors: [A.ruthenia], want: [] },
  { name: 'host and guests', text: 'Mira Hollis hosted Tomas Brand at her residence for a summit on the border.', actors: [A.mira, A.tomas], want: [['Mira Hollis', 'attend'], ['Tomas Brand', 'attend']] },
  { name: 'boycott', text: 'The Unity Council boycotted the second round of negotiations.', actors: [A.council], want: [['Unity Council', 'boycott']] },
  { name: 'negated attend is a boycott', text: 'The UC did not take part in the conference in Doha.', actors: [A.council], want: [['Unity Council', 'boycott']] },
  { name: 'a refusal to come is a declined invitation', text: 'The UC said it will not take part in the conference in Doha.', actors: [A.council], want: [['Unity Council', 'declined']] },
  { name: 'passive boycott takes the agent', text: 'The first round of talks in Minsk was shunned by the Unity Council.', actors: [A.council], want: [['Unity Council', 'boycott']] },
  {
    name: 'condition in the next sentence, through a pronoun',
    text: 'The first round of talks in Minsk was shunned by the Unity Council. It said it would take part only if the talks were to lead to new elections.',
    actors: [A.council], want: [['Unity Council', 'boycott', 'only if the talks were to lead to new elections']],
  },
  { name: 'condition after the verb', text: 'The Northern Front said it would attend the talks on condition that prisoners are freed first.', actors: [A.rebels], want: [['Northern Front', 'attend', 'on condition that prisoners are freed first']] },
  { name: 'invitation, passive', text: 'Vesna was invited to the conference, officials said.', actors: [A.vesna], want: [['Vesna', 'invited']] },
  { name: 'asked to meet', text: 'The envoy said he was asking Ruthenia and Kortia to meet on 3 May, followed by a meeting with Vesna.', actors: [A.ruthenia, A.kortia, A.vesna], want: [['Ruthenia', 'invited'], ['Kortia', 'invited'], ['Vesna', 'invited']] },
  { name: 'declined the invitation', text: 'Kortia declined the invitation to the summit.', actors: [A.kortia], want: [['Kortia', 'declined']] },
  { name: 'undecided', text: 'The Northern Front has not decided whether to attend the conference.', actors: [A.rebels], want: [['Northern Front', 'undecided']] },
  { name: 'not ruled out attending', text: 'The Unity Council has not definitively ruled out attending the congress in Sochi.', actors: [A.council], want: [['Unity Council', 'undecided']] },
  { name: 'talks between', text: 'Talks last month between the Caldorian government and the UN led to a deal.', actors: [A.gov, A.un], want: [['Caldorian government', 'attend'], ['United Nations', 'attend']] },
  { name: 'relative clause between subject and verb', text: 'Mira Hollis and Tomas Brand, who back the Caldorian government and the rebels respectively, are due to meet in Geneva.', actors: [A.mira, A.tomas, A.gov], want: [['Mira Hollis', 'attend'], ['Tomas Brand', 'attend']] },
  { name: 'an actor after a preposition is no subject', text: 'Dozens of groups opposed to Mira Hollis will gather in Doha for talks.', actors: [A.mira], want: [] },
  { name: 'join a war is not participation', text: 'Ruthenia joined the war in 2015.', actors: [A.ruthenia], want: [] },
  { name: 'negotiate with', text: 'Rebel fighters are trying to negotiate with the Caldorian government.', actors: [A.gov], want: [['Caldorian government', 'attend']] },
  { name: 'in talks', text: 'Ruthenia and Vesna are in talks to exchange prisoners.', actors: [A.ruthenia, A.vesna], want: [['Ruthenia', 'attend'], ['Vesna', 'attend']] },
  { name: 'delegation', text: "Vesna's delegation arrived in Geneva on Sunday for the talks.", actors: [A.vesna], want: [['Vesna', 'attend']] },
  { name: 'reduced passive', text: 'Vesna will attend a summit boycotted by the Unity Council.', actors: [A.vesna, A.council], want: [['Vesna', 'attend'], ['Unity Council', 'boycott']] },
  { name: 'an unnamed speaker is no one', text: 'Kortia hosted the talks. Officials in the north said on Sunday they would not attend the talks.', actors: [A.kortia], want: [['Kortia', 'attend']] },
  { name: 'the pronoun of a named speaker', text: 'The Unity Council said on Monday it would send a delegation to the talks in Doha.', actors: [A.council], want: [['Unity Council', 'attend']] },
  { name: 'urging someone to attend is no attendance', text: 'Ruthenia met Vesna. Kortia had been urging it to attend the conference.', actors: [A.ruthenia, A.vesna, A.kortia], want: [['Ruthenia', 'attend'], ['Vesna', 'attend']] },
  { name: 'an open question', text: 'Tomas Brand has not confirmed whether or not he will attend the summit.', actors: [A.tomas], want: [['Tomas Brand', 'undecided']] },
  { name: 'a condition ends with its clause', text: 'The Caldorian government, which said it would boycott the talks if the rebels attended, has since changed course.', actors: [A.gov], want: [['Caldorian government', 'boycott', 'if the rebels attended']] },
  { name: 'a date between subject and verb', text: 'Mira Hollis on Saturday hosted Tomas Brand for talks.', actors: [A.mira, A.tomas], want: [['Mira Hollis', 'attend'], ['Tomas Brand', 'attend']] },
  { name: 'a possessor is no object of meet', text: 'Tomas Brand did not meet the Unity Council’s polling threshold.', actors: [A.tomas, A.council], want: [] },
  { name: 'host as a noun', text: 'Mira Hollis told radio host Tomas Brand about the talks.', actors: [A.mira, A.tomas], want: [] },
  { name: 'an invitation extended to someone', text: 'Kortia objected after an invitation was extended to the Unity Council for the summit.', actors: [A.kortia, A.council], want: [['Unity Council', 'invited']] },
  { name: 'sending invitations', text: 'Ruthenia will send its invitations to Vesna and Kortia for the conference in Minsk.', actors: [A.ruthenia, A.vesna, A.kortia], want: [['Vesna', 'invited'], ['Kortia', 'invited']] },
  { name: 'sponsors of talks attend', text: 'Vesna and Kortia are co-sponsoring the peace talks in Minsk.', actors: [A.vesna, A.kortia], want: [['Vesna', 'attend'], ['Kortia', 'attend']] },
  { name: 'talks that nobody holds', text: 'The Unity Council said there would be no talks with the Caldorian government.', actors: [A.council, A.gov], want: [] },
  { name: 'represented at talks', text: 'Ruthenia was represented by Mira Hollis at the talks in Minsk.', actors: [A.ruthenia, A.mira], want: [['Ruthenia', 'attend'], ['Mira Hollis', 'attend']] },
  { name: 'heading a delegation', text: 'Tomas Brand will head the Caldorian government delegation to the summit. A team led by Mira Hollis flew in for the talks.', actors: [A.tomas, A.gov, A.mira], want: [['Tomas Brand', 'attend'], ['Mira Hollis', 'attend']] },
  { name: 'absent, snubbed, walked away', text: 'Vesna was absent from the talks. Kortia snubbed the summit. The Unity Council walked away from the negotiations.', actors: [A.vesna, A.kortia, A.council], want: [['Vesna', 'boycott'], ['Kortia', 'boycott'], ['Unity Council', 'boycott']] },
  { name: 'attendance not confirmed', text: 'Kortia has not confirmed its participation in the conference.', actors: [A.kortia], want: [['Kortia', 'undecided']] },
  { name: 'gathering somewhere is attending only when a meeting follows', text: 'Caldorian government forces gathered in large numbers near Idlib. The summit opened in Minsk on Monday.', actors: [A.gov], want: [] },
  { name: 'press conference is no meeting', text: 'Tomas Brand will attend a press conference on Monday.', actors: [A.tomas], want: [] },
  {
    name: 'a bare cue is about the meeting the headline names; its condition joins the boycott',
    text: 'Minsk talks open without the rebels\n\nThe talks opened on Monday. Vesna sent a large delegation.\n\nThe Northern Front did not send a delegation. The Northern Front said it would take part only if its commanders were released.',
    actors: [A.rebels, A.vesna], want: [['Vesna', 'attend'], ['Northern Front', 'boycott', 'only if its commanders were released']],
  },
  { name: 'a bare cue in a report about something else names no meeting', text: 'Floods hit the north.\n\nRescuers worked all night. The Northern Front did not send a delegation.', actors: [A.rebels], want: [] },
  { name: 'taking part in something that is not a meeting', text: 'The talks resumed in Minsk. The Northern Front took part in the protests in the capital.', actors: [A.rebels], want: [] },
  { name: 'an invitation includes whom it names after "including"', text: 'Ruthenia will send out 300 invitations to local associations, including to some members of the Unity Council, for the congress.', actors: [A.ruthenia, A.council], want: [['Unity Council', 'invited']] },
  { name: 'a host named before the invitations stays a host', text: 'Mira Hollis will host a congress in Minsk and send invitations to the Unity Council.', actors: [A.mira, A.council], want: [['Mira Hollis', 'attend'], ['Unity Council', 'invited']] },
  { name: 'who postpones a conference organises it', text: 'The conference in Minsk has been postponed by Ruthenia twice.', actors: [A.ruthenia], want: [['Ruthenia', 'attend']] },
  { name: 'a possessive before a delegation stands for its possessor; not confirming is open', text: 'Vesna has not yet confirmed that its delegation will attend the talks in Minsk.', actors: [A.vesna], want: [['Vesna', 'undecided']] },
  { name: 'voting not to attend', text: 'The Unity Council voted on Saturday not to attend the conference.', actors: [A.council], want: [['Unity Council', 'boycott']] },
  { name: 'a threat to boycott is undecided', text: 'Kortia had threatened to boycott the talks over the agenda.', actors: [A.kortia], want: [['Kortia', 'undecided']] },
  { name: 'invited somewhere to discuss is invited to a meeting', text: 'Mira Hollis has invited two leaders of the Unity Council to Minsk to discuss the border.', actors: [A.mira, A.council], want: [['Unity Council', 'invited']] },
  { name: 'the antecedent of a relative clause', text: 'The Unity Council, which boycotted the first round, will now attend the talks. Mira Hollis, a veteran envoy who attended the summit, left early.', actors: [A.council, A.mira], want: [['Unity Council', 'boycott'], ['Unity Council', 'attend'], ['Mira Hollis', 'attend']] },
  { name: 'attending in a role, arriving with nothing after', text: 'Minsk talks resume\n\nThe talks resumed on Monday. Officials said Ruthenia and Vesna would attend as observers. Kortia arrived on Tuesday.', actors: [A.ruthenia, A.vesna, A.kortia], want: [['Ruthenia', 'attend'], ['Vesna', 'attend'], ['Kortia', 'attend']] },
  { name: 'sent a delegation; invited at the last minute', text: 'A conference on the border opened in Minsk on Sunday. Vesna was invited at the last minute. Ruthenia sent a delegation.', actors: [A.ruthenia, A.vesna], want: [['Vesna', 'invited'], ['Ruthenia', 'attend']] },
  { name: 'a delegation led by someone described first', text: 'The talks opened in Minsk. Ruthenia sent a delegation led by its foreign minister, Tomas Brand.', actors: [A.ruthenia, A.tomas], want: [['Ruthenia', 'attend'], ['Tomas Brand', 'attend']] },
  { name: 'a plural possessor\'s delegation', text: "The Northern Front' delegation arrived in Minsk for the talks on Friday.", actors: [A.rebels], want: [['Northern Front', 'attend']] },
  { name: 'what the delegation\'s verb says outweighs the delegation', text: "Vesna's delegation did not attend the talks, and the Northern Front' negotiators walked out of them.", actors: [A.vesna, A.rebels], want: [['Vesna', 'boycott'], ['Northern Front', 'boycott']] },
];

for (const c of cases) {
  test(`participation: ${c.name}`, () => {
    const seg = segment(c.text);
    const found = findParticipation(seg, actorsByName(seg, c.actors), []);
    const got = found.map((p) => [p.actor, p.status, ...(p.condition ? [p.condition] : [])]);
    assert.deepEqual(got, c.want);
    for (const p of found) for (const e of p.evidence) assert.ok(e.start >= 0 && e.end <= c.text.length && e.start < e.end);
  });
}

test('participation: evidence points at the actor and the cue', () => {
  const text = 'The Unity Council boycotted the talks.';
  const seg = segment(text);
  const [p] = findParticipation(seg, actorsByName(seg, [A.council]), []);
  assert.equal(text.slice(p!.evidence[0]!.start, p!.evidence[0]!.end), 'Unity Council');
  assert.equal(text.slice(p!.evidence[1]!.start, p!.evidence[1]!.end), 'boycotted');
  assert.equal(p!.meeting, 'the talks');
});
