import { test } from 'node:test';
import assert from 'node:assert/strict';
import { segment } from './01-segment.ts';
import { findDates } from './03-dates.ts';

// Published on Wednesday 10 June 2020.
const PUB = '2020-06-10';
type Want = [text: string, start: string, end?: string];

const cases: { name: string; text: string; want: Want[] }[] = [
  { name: 'weekday, future verb', text: 'The envoy will arrive in Geneva on Friday.', want: [['on Friday', '2020-06-12']] },
  { name: 'weekday, past verb', text: 'The envoy arrived in Geneva on Friday.', want: [['on Friday', '2020-06-05']] },
  { name: 'weekday of publication', text: 'Delegates met on Wednesday to settle the agenda.', want: [['on Wednesday', '2020-06-10']] },
  { name: 'a long place name between the verb and the month', text: 'He will convene the delegates in the Red Sea resort town of Sharm el-Sheikh in South Sinai Governorate probably in March.', want: [['in March', '2021-03']] },
  { name: 'weekday, due to', text: 'The round is due to last until Sunday.', want: [['until Sunday', '2020-06-14']] },
  { name: 'weekday, infinitive', text: 'Both leaders are likely, diplomats say, to sign on Monday.', want: [['on Monday', '2020-06-15']] },
  { name: 'weekday, passive future', text: 'The mediator will be briefed in Vienna on Thursday.', want: [['on Thursday', '2020-06-11']] },
  { name: 'last weekday and possessive', text: 'Monday’s shelling followed the raid of last Wednesday.', want: [['Monday’s', '2020-06-08'], ['last Wednesday', '2020-06-03']] },
  { name: 'late on weekday', text: 'Late on Tuesday the convoy reached the town.', want: [['Late on Tuesday', '2020-06-09']] },
  { name: 'month day range', text: 'Guards freed the detainees on May 3-5, officials said.', want: [['on May 3-5', '2020-05-03', '2020-05-05']] },
  { name: 'day month range', text: 'A conference is planned for 6-9 July in Oslo.', want: [['6-9 July', '2020-07-06', '2020-07-09']] },
  { name: 'between days', text: 'Voting took place between 3 and 5 May.', want: [['between 3 and 5 May', '2020-05-03', '2020-05-05']] },
  { name: 'full date, US order', text: 'The accord was signed on April 5, 2014, in Algiers.', want: [['on April 5, 2014', '2014-04-05']] },
  { name: 'full date, British order', text: 'The accord was signed on 5 April 2014.', want: [['on 5 April 2014', '2014-04-05']] },
  { name: 'day month without year, future', text: 'The truce will be reviewed by 15 January.', want: [['by 15 January', '2021-01-15']] },
  { name: 'since early year', text: 'The conflict has raged since early 2011.', want: [['since early 2011', '2011']] },
  { name: 'year and end of year', text: 'The mission began in 2015 and must end by the end of 2021.', want: [['in 2015', '2015'], ['by the end of 2021', '2021-12']] },
  { name: 'month, future', text: 'A summit will be held in December.', want: [['in December', '2020-12']] },
  { name: 'month, past and later than publication', text: 'Negotiations collapsed in September.', want: [['in September', '2019-09']] },
  { name: 'month possessive', text: 'February’s round of talks ended without a deal.', want: [['February’s', '2020-02']] },
  { name: 'month and year', text: 'Fighting resumed in March 2019.', want: [['in March 2019', '2019-03']] },
  { name: 'relative weeks', text: 'Talks last week failed, and a new round starts next week.', want: [['last week', '2020-06-01', '2020-06-07'], ['next week', '2020-06-15', '2020-06-21']] },
  { name: 'relative months and years', text: 'Last year the mission grew; later this month it will shrink.', want: [['Last year', '2019'], ['later this month', '2020-06']] },
  { name: 'ago', text: 'The ceasefire collapsed two weeks ago.', want: [['two weeks ago', '2020-05-27']] },
  { name: 'yesterday and tomorrow', text: 'Aid arrived yesterday and more is expected tomorrow.', want: [['yesterday', '2020-06-09'], ['tomorrow', '2020-06-11']] },
  { name: 'year range', text: 'The occupation lasted from 2014-2017.', want: [['from 2014-2017', '2014', '2017']] },
  { name: 'two dates joined into a span', text: 'Monitors counted attacks between January 1 and March 15.', want: [['between January 1 and March 15', '2020-01-01', '2020-03-15']] },
  { name: 'weekdays joined into a span', text: 'The talks will run from Monday to Wednesday.', want: [['from Monday to Wednesday', '2020-06-15', '2020-06-17']] },
  { name: 'two full dates joined by to', text: 'The conference ran 28 November to 2 December.', want: [['28 November to 2 December', '2019-11-28', '2019-12-02']] },
  { name: 'a far target year', text: 'The plan aims for elections by 2045.', want: [['by 2045', '2045']] },
  { name: 'fronted weekday, future clause', text: 'On Friday, the leaders will meet again.', want: [['On Friday', '2020-06-12']] },
  { name: 'said on a weekday that something will happen', text: 'The envoy said on Monday that talks will resume.', want: [['on Monday', '2020-06-08']] },
  { name: 'future, then an attribution after a comma', text: 'Troops will withdraw on Saturday, officials said.', want: [['on Saturday', '2020-06-13']] },
  { name: 'perfect infinitive is past', text: 'He was reported to have resigned on Friday.', want: [['on Friday', '2020-06-05']] },
  { name: 'infinitive after a past verb', text: 'A deal allowed many to leave on Sunday.', want: [['on Sunday', '2020-06-07']] },
  { name: 'infinitive after expected', text: 'Inspectors are expected to arrive on Sunday.', want: [['on Sunday', '2020-06-14']] },
  { name: 'day and month of last year', text: 'The siege began on 25 March last year.', want: [['on 25 March last year', '2019-03-25']] },
  { name: 'at the weekend, past', text: 'Rebels regrouped at the weekend.', want: [['the weekend', '2020-06-06', '2020-06-07']] },
  { name: 'over the weekend, future', text: 'Talks will continue over the weekend.', want: [['the weekend', '2020-06-13', '2020-06-14']] },
  { name: 'last night and this morning', text: 'Shelling resumed last night and stopped this morning.', want: [['last night', '2020-06-09'], ['this morning', '2020-06-10']] },
  { name: 'month as a modifier after a possessive', text: 'The president’s December announcement surprised allies.', want: [['December', '2019-12']] },
  // No dates at all
  { name: 'now and a second', text: 'Now the talks are over; he paused for a second.', want: [] },
  { name: 'durations and ages', text: 'The four-year war, a 24-hour truce and a 45-year-old commander.', want: [] },
  { name: 'may as a verb, march as a noun', text: 'Talks may resume. May they succeed, said the march organisers.', want: [] },
  { name: 'numbers that are no years', text: 'Resolution 2254 was adopted, and 2000 troops stayed at 10am.', want: [] },
  { name: 'a programme named Today', text: 'He spoke on the BBC’s Today programme.', want: [] },
  { name: 'no particular weekday', text: 'On a Wednesday morning, as every Friday, the market opened.', want: [] },
  { name: 'a year in a web address', text: 'See https://example.org/2015/04/05/story for more.', want: [] },
];

for (const c of cases) {
  test(`dates: ${c.name}`, () => {
    const seg = segment(c.text);
    const got = findDates(seg, PUB);
    assert.deepEqual(got.map((d) => [d.text, d.start, d.end]), c.want.map(([t, s, e]) => [t, s, e ?? s]));
    for (const d of got) assert.equal(c.text.slice(d.evidence[0]!.start, d.evidence[0]!.end), d.text);
  });
}

test('dates: no publication day, no dates', () => {
  assert.deepEqual(findDates(segment('They met on Monday.'), ''), []);
});
