import cues from '../lexicon/date-cues.json' with { type: 'json' };

/** One date expression found in a sentence, before resolution: offsets into the sentence. */
export interface RawDate {
  readonly start: number;
  readonly end: number;
  readonly prefix?: string;
  readonly qual?: string;
  readonly g: Record<string, string | undefined>;
}

const FULL_MONTHS = Object.keys(cues.months).filter((k) => (k.length > 3 || k === 'may') && k !== 'sept');
const ABBR = Object.keys(cues.months).filter((k) => k.length <= 4 && !FULL_MONTHS.includes(k));
const cap = (s: string) => s[0]!.toUpperCase() + s.slice(1);
const MONTH = `(?:${FULL_MONTHS.map(cap).join('|')}|(?:${ABBR.map(cap).join('|')})\\.?)`;
const FMONTH = `(?:${FULL_MONTHS.map(cap).join('|')})`;
const WDAY = `(?:${Object.keys(cues.weekdays).map(cap).join('|')})`;
const ORD = '(?:st|nd|rd|th)?';
const DASH = '\\s*(?:-|–|—|to|and|&)\\s*';
const YEAR = '(?:1[89]\\d\\d|20\\d\\d)';
const POSS = "(?:['’]s)?";
const NUMW = Object.keys(cues.numberWords).map((w) => w.replace(' ', '\\s+')).sort((a, b) => b.length - a.length).join('|');

const PREFIX = '(?<prefix>[Ss]ince|[Uu]ntil|[Tt]ill|[Bb]y|[Ff]rom|[Oo]n|[Ii]n|[Dd]uring|[Bb]efore|[Aa]fter|[Bb]etween|[Ii]nto|[Tt]hrough|[Aa]s of|[Ll]ate on|[Ee]arly on|[Ll]ater on)\\s+';
const QUAL = '(?<qual>(?:the\\s+)?(?:end|beginning|start|middle|turn|first half|second half|spring|summer|autumn|fall|winter)\\s+of|(?:[Ee]arly|[Ll]ate|[Mm]id)(?:-|\\s+))\\s*';

const ALTS = [
  // Monday 6 April 2015 / 6-9 April / 10 and 11 September / 25th March
  `(?:(?<wd1>${WDAY}),?\\s+)?(?<d1>\\d{1,2})${ORD}(?:${DASH}(?<d1b>\\d{1,2})${ORD})?\\s+(?:of\\s+)?(?<m1>${MONTH})(?:,?\\s+(?<y1>${YEAR})|\\s+(?<r1>last|this|next)\\s+year)?(?![\\w-])`,
  // Monday, April 6, 2015 / March 25-27
  `(?:(?<wd2>${WDAY}),?\\s+)?(?<m2>${MONTH})\\s+(?<d2>\\d{1,2})${ORD}(?:${DASH}(?<d2b>\\d{1,2})${ORD})?(?![\\d,.]\\d)(?!\\d)(?:,?\\s+(?<y2>${YEAR})|\\s+(?<r2>last|this|next)\\s+year)?(?![\\w-])`,
  // March 2015 / March of 2015 / March last year
  `(?<m3>${FMONTH})\\s+(?:of\\s+)?(?:(?<y3>${YEAR})|(?<rel3>last|this|next)\\s+year)(?![\\w-])`,
  // 2011-2015, 2011-15, between 2011 and 2014
  `(?<ya>${YEAR})(?:-|–|\\s+(?:to|and)\\s+)(?<yb>${YEAR}|\\d\\d)(?![\\w%-])`,
  // relative days
  `(?<rd>[Yy]esterday|[Tt]oday|[Tt]omorrow|[Tt]onight|[Ll]ast\\s+night|[Tt]his\\s+(?:morning|afternoon|evening))${POSS}(?![\\w-])`,
  // this week, later this month, last year's, the end of the year
  `(?:(?<rq>[Ll]ater|[Ee]arlier)\\s+)?(?<rw>[Tt]his|[Ll]ast|[Nn]ext|[Tt]he)\\s+(?<ru>week|weekend|month|year)${POSS}(?![\\w-])`,
  // two weeks ago
  `(?<an>${NUMW}|\\d{1,2})\\s+(?<au>days?|weeks?|months?|years?)\\s+ago(?![\\w-])`,
  // last Sunday, Sunday's, late on Monday, Monday night
  `(?:(?<wr>[Ll]ast|[Nn]ext|[Tt]his)\\s+)?(?<wd>${WDAY})${POSS}(?:\\s+(?:morning|afternoon|evening|night))?(?![\\w-])`,
  // last March, in December, January's
  `(?:(?<mr>[Ll]ast|[Nn]ext|[Tt]his)\\s+)?(?<m4>${FMONTH})${POSS}(?![\\w-])`,
  // the 1990s, in 2015, 2015's, mid-2011
  `(?<dec>${YEAR})s(?![\\w-])|(?<y5>${YEAR})${POSS}(?![\\w%-]|,\\d|\\.\\d)`,
];

export const DATE_RE = new RegExp(`(?<![\\w$£€/-])(?:${PREFIX})?(?:${QUAL})?(?:${ALTS.join('|')})`, 'g');

/** A cheap test: could this sentence hold a date at all? */
export const DATE_CUE = new RegExp(`${MONTH}|${WDAY}|${YEAR}|yesterday|today|tomorrow|tonight|night|morning|afternoon|evening|week|month|year|ago`, 'i');

/** All raw date expressions in a sentence's text. */
export function scanDates(text: string): RawDate[] {
  const out: RawDate[] = [];
  DATE_RE.lastIndex = 0;
  for (let m = DATE_RE.exec(text); m; m = DATE_RE.exec(text)) {
    const g = m.groups ?? {};
    out.push({ start: m.index, end: m.index + m[0].length, prefix: g.prefix?.toLowerCase(), qual: g.qual?.toLowerCase().replace(/\s+/g, ' ').replace(/[-\s]+$/, ''), g });
  }
  return out;
}

export const monthNumber = (name: string): number => (cues.months as Record<string, number>)[name.toLowerCase().replace('.', '')] ?? 0;
export const weekdayNumber = (name: string): number => (cues.weekdays as Record<string, number>)[name.toLowerCase()] ?? -1;
export const countWord = (w: string): number => /^\d+$/.test(w) ? +w : (cues.numberWords as Record<string, number>)[w.toLowerCase().replace(/\s+/g, ' ')] ?? 0;
