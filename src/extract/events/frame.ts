import type { DateMention, Span } from '../../domain/record.ts';

/**
 * Where a mention stands in time, for telling whether its date may be lent to another mention:
 *  - background: its date starts a stretch, or it tells of many happenings or a habit ("Since
 *    2010, talks have failed", "many rounds of talks", "talks are usually held in spring");
 *  - series: many happenings or a habit, which no later single mention completes;
 *  - future: announced, not yet held ("talks are expected in Vienna", "will open next week");
 *  - present: held now ("talks are under way").
 */
export interface Frame { readonly background: boolean; readonly series: boolean; readonly future: boolean; readonly present: boolean }

/** A date that starts a stretch rather than names a happening: "since 2012", "over the past decade". */
const SPAN_DATE = /\b(?:since|ever\s+since|over\s+the\s+(?:past|last)|for\s+the\s+(?:past|last)|throughout|between)\s+(?:early\s+|late\s+|mid-?\s*)?$/iu;
/** Many happenings under one noun: "numerous rounds of", "previous talks", "years of negotiations". */
const MANY_BEFORE = /\b(?:(?:numerous|many|several|multiple|repeated|successive|countless|various|years\s+of|decades\s+of|months\s+of|series\s+of)\s+(?:[\p{L}'’-]+\s+){0,4}|(?:previous|prior|earlier|past|former)\s+(?:(?!(?:today|tonight|this|that|on|in|at|the)\s)[\p{L}-]+\s+)?)$/iu;
/** A habit: "talks are usually held", "meetings regularly take place" (not "often bitter"). */
const HABIT = /\b(?:usually|often|typically|regularly|routinely|traditionally|habitually|frequently|repeatedly)\s+(?:(?:be|been|have|has)\s+)?(?:held|hold|take|takes|took|meet|meets|met|convene|convenes|convened|happen|happens|happened|end|ends|ended|fail|fails|failed|collapse|collapses|collapsed|break|breaks|broke|stall|stalls|stalled|resume|resumes|resumed|occur|occurs|occurred|drag|drags|dragged|come|comes|came|start|starts|started|begin|begins|began|open|opens|opened)\b|\btime\s+and\s+again\b/iu;
/** Announced, not held: modal or expectation in the cue's clause. */
const FUTURE = /\b(?:will|shall|(?:is|are|was|were)\s+(?:expected|due|set|scheduled|planned|slated|poised|likely|to)\b|expected\s+to|scheduled\s+(?:for|to)|planned\s+for|upcoming|forthcoming|next\s+(?:week|month|year|round)|later\s+this)|['’]ll\b/iu;
/** Held now: "talks are under way", "negotiations continue this week". */
const PRESENT = /\b(?:(?:is|are)\s+(?:now\s+)?(?:under\s*way|ongoing|continuing|being\s+held|taking\s+place|in\s+progress|in\s+(?:its|their))|now|currently|today|this\s+week|(?:begin|begins|open|opens|resume|resumes|continue|continues|meet|meets|convene|convenes))\b/iu;
const PAST = /\b(?:was|were|had|did|ended|collapsed|failed|broke|began|opened|resumed|held|met|took|came|went|yesterday|last\s+(?:week|month|year))\b/iu;
const CLAUSE_END = /[;:]|,\s+(?:but|while|although|whereas)\b/u;
const CLAUSE_ENDS = new RegExp(CLAUSE_END.source, 'gu');
/** "the first meeting since 1991": the date is the one before, not this one's. */
const FIRST_BEFORE = /\b(?:first|last|biggest|largest|worst|deadliest|heaviest|highest|only)\s+(?:[\p{L}-]+\s+){0,3}$/iu;

/** The stretch of the sentence the cue's clause runs over (to the nearest semicolon or contrast). */
function clauseOf(text: string, s: Span, cue: Span): string {
  const before = text.slice(s.start, cue.start);
  const after = text.slice(cue.end, s.end);
  const cut = [...before.matchAll(CLAUSE_ENDS)].at(-1);
  const from = cut ? cut.index! + cut[0].length : 0;
  const to = CLAUSE_END.exec(after)?.index ?? after.length;
  return before.slice(from) + text.slice(cue.start, cue.end) + after.slice(0, to);
}

export function frameOf(text: string, s: Span, cue: Span, date?: DateMention): Frame {
  const clause = clauseOf(text, s, cue);
  const lead = text.slice(Math.max(s.start, cue.start - 60), cue.start);
  const series = MANY_BEFORE.test(lead.slice(lead.search(/[^,;:]*$/u))) || HABIT.test(clause);
  const future = FUTURE.test(clause);
  return { background: series || (!!date && startsStretch(text, s, date)), series, future, present: !future && PRESENT.test(clause) && !PAST.test(clause) };
}

const SINCE = /^(?:ever\s+)?since\b/iu;
/** "since 2012", "over the past decade": a date that starts a stretch rather than names a happening. */
function startsStretch(text: string, s: Span, date: DateMention): boolean {
  const at = date.evidence[0]!.start;
  return SINCE.test(date.text) || SPAN_DATE.test(text.slice(Math.max(s.start, at - 25), at));
}

/** "the first talks between them since 2011": a date after "since" that dates the one before. */
export function datesTheOneBefore(text: string, s: Span, cue: Span, date: DateMention): boolean {
  const at = date.evidence[0]!.start;
  const since = SINCE.test(date.text) || /\bsince\s+$/iu.test(text.slice(Math.max(s.start, at - 8), at));
  return since && cue.end <= at && FIRST_BEFORE.test(text.slice(Math.max(s.start, cue.start - 40), cue.start));
}

/** The last day a date can mean, and the first: "2012" runs to 2012-12-31. */
export const lastDay = (x: string): string => (x.length === 4 ? `${x}-12-31` : x.length === 7 ? `${x}-31` : x);

const before = (iso: string, days: number): string => new Date(Date.parse(iso.slice(0, 10)) - days * 864e5).toISOString().slice(0, 10);

/**
 * May a mention's date be lent to an earlier, undated one? Not a background date, nor a date
 * already past for talks that were announced, nor one years before a report on talks held now.
 */
export function mayLendDate(lender: { background?: boolean; start?: string; end?: string }, borrower: { future?: boolean; present?: boolean }, published?: string): boolean {
  if (lender.background) return false;
  if (!published || !lender.start || !/^\d{4}-\d{2}-\d{2}/.test(published)) return true;
  const end = lastDay(lender.end ?? lender.start);
  if (borrower.future) return end >= before(published, 31);
  if (borrower.present) return end >= before(published, 365);
  return true;
}
