import { test } from 'node:test';
import assert from 'node:assert/strict';
import { countScope, type CountScope } from './scope.ts';

/** The scope of `figure` in `sentence`, with the sentence's `others` figures as separators. */
function scopeIn(sentence: string, figure: string, others: string[] = []): CountScope {
  const at = sentence.indexOf(figure);
  assert.ok(at >= 0, figure);
  const spans = others.map((o) => { const s = sentence.indexOf(o); return [s, s + o.length] as const; });
  return countScope(sentence, at, at + figure.length, spans);
}

test('count scope: the period a figure covers and whether it is a forecast', async (t) => {
  const cases: [string, string, string, string[], CountScope][] = [
    ['a count with no period', 'Medics said 40 people were killed on Friday, while monitors said 95 people had died in the past two days.', '40 people', ['95 people'], {}],
    ['"in the past two days": the last 2 days', 'Medics said 40 people were killed on Friday, while monitors said 95 people had died in the past two days.', '95 people', ['40 people'], { span: 'last:2 day' }],
    ['"in the last week": one week', 'Rescuers counted 12 dead on Monday and 70 bodies in the last week.', '70 bodies', ['12 dead'], { span: 'last:1 week' }],
    ['the next figure ends the clause of the one before', 'Rescuers counted 12 dead on Monday and 70 bodies in the last week.', '12 dead', ['70 bodies'], {}],
    ['"since": a running total', 'More than 300 people have been killed since the offensive began.', '300 people', [], { span: 'cumulative' }],
    ['"since" before the figure', 'Since the truce collapsed, 85 fighters have died.', '85 fighters', [], { span: 'cumulative' }],
    ['"so far": a running total', 'The agency said 2,000 families had fled so far.', '2,000 families', [], { span: 'cumulative' }],
    ['"a day": a rate', 'The strikes kill about 20 civilians a day in the valley.', '20 civilians', [], { span: 'per:day' }],
    ['"in a single day": a rate', 'Gunmen seized 45 hostages in a single day.', '45 hostages', [], { span: 'per:day' }],
    ['"a day after" is not a rate', 'A day after the raid, 30 people were buried.', '30 people', [], {}],
    ['a modal before the figure: a forecast', 'Officials fear the assault will drive 500,000 people from their homes.', '500,000 people', [], { forecast: true }],
    ['a modal after the figure: a forecast', 'Up to 900,000 people could be displaced, the agency warned.', '900,000 people', [], { forecast: true }],
    ['"threatens": a forecast', 'The blockade threatens 60,000 residents with hunger.', '60,000 residents', [], { forecast: true }],
    ['the month May is not the modal', 'In May 1,200 prisoners were freed.', '1,200 prisoners', [], {}],
    ['a modal in another clause is not this figure\'s', 'Talks could resume next week; 400 detainees were freed on Tuesday.', '400 detainees', [], {}],
    ['a modal far from the figure is not this figure\'s', 'The envoy, who said the council would meet again before the end of the month, counted 400 detainees.', '400 detainees', [], {}],
  ];
  for (const [name, sentence, figure, others, want] of cases) await t.test(name, () => assert.deepEqual(scopeIn(sentence, figure, others), want));
});
