import { test } from 'node:test';
import assert from 'node:assert/strict';
import { segment } from './01-segment.ts';
import { findDates } from './03-dates.ts';
import { findQuantities } from './04-quantities.ts';

const PUB = '2020-06-10';
// [text, value, approx, measure, max?]
type Want = [text: string, value: number, approx: string, measure: string, max?: number];

const cases: { name: string; text: string; want: Want[] }[] = [
  { name: 'released prisoners', text: 'The authorities released 650 prisoners from two jails.', want: [['650 prisoners', 650, 'exact', 'released'], ['two jails', 2, 'exact', 'other']] },
  { name: 'killed, more than', text: 'The war has killed more than 220,000 people since it began.', want: [['more than 220,000 people', 220000, 'more_than', 'killed']] },
  { name: 'participants', text: 'More than 30 representatives attended the first round.', want: [['More than 30 representatives', 30, 'more_than', 'participants']] },
  { name: 'groups that gather', text: 'As many as 12 groups will gather in Doha.', want: [['As many as 12 groups', 12, 'up_to', 'participants']] },
  { name: 'money', text: 'Donors pledged $4bn and a further €1.5 billion.', want: [['$4bn', 4e9, 'exact', 'money'], ['€1.5 billion', 1.5e9, 'exact', 'money']] },
  { name: 'percent', text: 'Rebels hold 40% of the province and 12 per cent of the coast.', want: [['40% of the province', 40, 'exact', 'percent'], ['12 per cent of the coast', 12, 'exact', 'percent']] },
  { name: 'tens of thousands fled', text: 'Tens of thousands of villagers fled the shelling.', want: [['Tens of thousands of villagers', 10000, 'at_least', 'displaced']] },
  { name: 'hundreds of thousands of refugees', text: 'Hundreds of thousands of refugees have returned home.', want: [['Hundreds of thousands of refugees', 100000, 'at_least', 'refugees']] },
  { name: 'thousands, hundreds, dozens', text: 'Thousands of soldiers, hundreds of detainees and dozens of journalists.', want: [['Thousands of soldiers', 1000, 'at_least', 'fighters'], ['hundreds of detainees', 100, 'at_least', 'detained'], ['dozens of journalists', 12, 'at_least', 'other']] },
  { name: 'range with between', text: 'Between 200 and 300 fighters surrendered.', want: [['Between 200 and 300 fighters', 200, 'exact', 'fighters', 300]] },
  { name: 'range with a dash', text: 'Officials counted 200-300 militants in the hills.', want: [['200-300 militants', 200, 'exact', 'fighters', 300]] },
  { name: 'up to, detained', text: 'Up to 5,000 detainees are held in the camp.', want: [['Up to 5,000 detainees', 5000, 'up_to', 'detained']] },
  { name: 'fewer than, injured', text: 'Fewer than 50 civilians were wounded in the raid.', want: [['Fewer than 50 civilians', 50, 'less_than', 'injured']] },
  { name: 'about a dozen arrested', text: 'Police arrested about a dozen students.', want: [['about a dozen students', 12, 'about', 'detained']] },
  { name: 'strong force', text: 'The plan creates a 30,000-strong border force.', want: [['30,000-strong', 30000, 'exact', 'fighters']] },
  { name: 'besieged, millions', text: 'Some 1.5 million people remain besieged in the enclave.', want: [['Some 1.5 million people', 1500000, 'about', 'besieged']] },
  { name: 'a million', text: 'The country hosts more than a million Iraqis.', want: [['more than a million Iraqis', 1e6, 'more_than', 'other']] },
  { name: 'word numbers and the dead', text: 'Three children died and the number of dead rose to 75.', want: [['Three children', 3, 'exact', 'killed'], ['75', 75, 'exact', 'killed']] },
  { name: 'distance range', text: 'A six- to 9-mile buffer zone.', want: [['six- to 9-mile', 6, 'exact', 'other', 9]] },
  { name: 'estimated', text: 'The estimated 4,000 gunmen in the city refused.', want: [['The estimated 4,000 gunmen', 4000, 'about', 'fighters']] },
  { name: 'or more, or less', text: 'Families earning $500 or less and groups of 50 officials or more.', want: [['$500', 500, 'up_to', 'money'], ['50 officials', 50, 'at_least', 'other']] },
  { name: 'agent nouns are people', text: 'Gunmen killed 14 bakers and 3 drivers at dawn.', want: [['14 bakers', 14, 'exact', 'killed'], ['3 drivers', 3, 'exact', 'killed']] },
  { name: 'a strong force without a hyphen', text: 'They raised a 5,000 strong militia.', want: [['5,000 strong militia', 5000, 'exact', 'fighters']] },
  { name: 'people are no aid', text: 'Aid reached 25,000 people and two aid workers were hurt.', want: [['25,000 people', 25000, 'exact', 'other'], ['two aid workers', 2, 'exact', 'injured']] },
  { name: 'things with aid', text: 'A convoy of 40 lorries carrying food supplies arrived.', want: [['40 lorries', 40, 'exact', 'aid']] },
  { name: 'no-break space before the noun', text: 'Police detained 300\u00a0protesters.', want: [['300\u00a0protesters', 300, 'exact', 'detained']] },
  { name: 'tried fighters are detained', text: 'Courts will put on trial 300 suspected militants.', want: [['300 suspected militants', 300, 'exact', 'detained']] },
  { name: 'lost men, fate unknown', text: 'The group lost more than 1,500 men, and 300 women whose fate is unknown.', want: [['more than 1,500 men', 1500, 'more_than', 'killed'], ['300 women', 300, 'exact', 'missing']] },
  { name: 'a part of a group counted before', text: 'The blast killed at least 40 people, 12 of them children.', want: [['at least 40 people', 40, 'at_least', 'killed'], ['12 of them children', 12, 'exact', 'killed']] },
  { name: 'a scaled word number before "of its"', text: 'The regime has killed nearly one million of its citizens.', want: [['nearly one million of its citizens', 1e6, 'about', 'killed']] },
  { name: 'a verb governs its list of counts', text: 'Airstrikes killed about 35 militants and 15 foreign fighters.', want: [['about 35 militants', 35, 'about', 'killed'], ['15 foreign fighters', 15, 'exact', 'killed']] },
  { name: 'a count with its own verb leaves the list', text: 'Raids killed 20 soldiers and 30 rebels were captured.', want: [['20 soldiers', 20, 'exact', 'killed'], ['30 rebels', 30, 'exact', 'detained']] },
  { name: 'invitations count participants', text: 'The hosts sent out over 900 invitations.', want: [['over 900 invitations', 900, 'more_than', 'participants']] },
  { name: 'a participation cue about someone else', text: 'The 60 organisations in the network urged the envoy, a veteran diplomat, not to attend the conference.', want: [['60 organisations', 60, 'exact', 'other']] },
  { name: 'people at large are civilians', text: 'Millions of people are facing a cold winter.', want: [['Millions of people', 1e6, 'at_least', 'civilians']] },
  { name: 'verbs of displacement in the present', text: 'The offensive could displace 700,000 people.', want: [['700,000 people', 700000, 'exact', 'displaced']] },
  // Not quantities
  { name: 'slashes and temperatures', text: 'Since 9/11 the heat reached 40C on 24/7 shifts.', want: [] },
  { name: 'scores', text: 'The team suffered a 2-1 loss.', want: [] },
  { name: 'identifiers', text: 'The post (id 778257943577919488) was shared.', want: [] },
  { name: 'durations', text: 'The four-year war and six years of talks ended a 30-day truce.', want: [] },
  { name: 'ages', text: 'A 45-year-old man, aged 45, met Omar Aziz, 52, yesterday.', want: [] },
  { name: 'names and titles', text: 'Resolution 2254 and Route 4 were discussed at the G20.', want: [] },
  { name: 'times and ordinals', text: 'The 2nd round opened at 10am and the second at 3.30pm.', want: [] },
  { name: 'anaphoric word numbers and one', text: 'The three leaders met, and one of them left with the two envoys.', want: [] },
  { name: 'ages after at, half years, possessive durations', text: 'He retired at 49 and was jailed for seven and a half years, then six months’ more.', want: [] },
  { name: 'a number word in a name', text: 'The essay ran in Nine Rivers, a magazine.', want: [] },
  { name: 'dates are not counts', text: 'Talks ran on 25-27 March and in 2015.', want: [] },
];

for (const c of cases) {
  test(`quantities: ${c.name}`, () => {
    const seg = segment(c.text);
    const got = findQuantities(seg, findDates(seg, PUB));
    assert.deepEqual(
      got.map((q) => [q.text, q.value, q.approx, q.measure, ...(q.max != null ? [q.max] : [])]),
      c.want.map(([t, v, a, m, max]) => [t, v, a, m, ...(max != null ? [max] : [])]),
    );
    for (const q of got) assert.equal(c.text.slice(q.evidence[0]!.start, q.evidence[0]!.end), q.text);
  });
}
