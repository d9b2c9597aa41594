import { addDays, addMonths, compare, iso, mondayOf, validDay, weekday, type Day, type Precision } from './calendar.ts';
import { countWord, monthNumber, weekdayNumber, type RawDate } from './patterns.ts';
import { tenseAround, type Tense } from './tense.ts';

export interface Resolved { readonly start: string; readonly end: string; readonly precision: Precision }

const dayIso = (x: Day) => iso(x, 'day');
const days = (a: Day, b: Day = a): Resolved => ({ start: dayIso(a), end: dayIso(b), precision: 'day' });
const month = (y: number, m: number): Resolved => ({ start: iso({ y, m }, 'month'), end: iso({ y, m }, 'month'), precision: 'month' });
const year = (y: number, qual?: string): Resolved => {
  // "the end of 2018" names its last month, "the beginning of 2018" its first.
  if (qual && /\bend\b/.test(qual)) return month(y, 12);
  if (qual && /beginning|start/.test(qual)) return month(y, 1);
  return { start: String(y), end: String(y), precision: 'year' };
};

/** Words that may stand before a bare month or year name when it is a date ("similar to January"). */
const BEFORE_BARE = /['’]s\s+$|(?:^|[\s(])(?:in|since|until|till|by|from|on|during|before|after|between|into|through|to|of|than|and|or|last|next|this|early|late|mid|the|for|as)\s+$/i;
const APPROX_BEFORE = /(?:than|about|some|nearly|almost|around|roughly|least|to|over|under|just|only|approximately|estimated|No\.?|number|page|[$£€])\s*$/i;

/** The year for a yearless day or month: the publication year, moved by the tense when it points the other way. */
function yearFor(pub: Day, m: number, d: number | null, tense: Tense): number {
  const cand: Day = { y: pub.y, m, d: d ?? 15 };
  const diff = compare(cand, pub) / 86_400_000;
  if (tense === 'future' && diff < -45) return pub.y + 1;
  if (tense === 'past' && diff > 45) return pub.y - 1;
  if (tense === 'none' && diff > 100) return pub.y - 1;
  return pub.y;
}

/** Nearest given weekday: on/after the publication date for the future, on/before otherwise. */
function weekdayNear(pub: Day, wd: number, dir: 'future' | 'past', strict: boolean): Day {
  const w = weekday(pub);
  let delta = dir === 'future' ? (wd - w + 7) % 7 : -((w - wd + 7) % 7);
  if (strict && delta === 0) delta = dir === 'future' ? 7 : -7;
  return addDays(pub, delta);
}

/** "at the weekend": the last one for the past, the coming one for the future (Saturday and Sunday). */
function weekendNear(pub: Day, tense: Tense): Resolved {
  const w = weekday(pub);
  const sat = tense === 'future'
    ? addDays(pub, w === 0 ? -1 : 6 - w)
    : addDays(pub, w === 6 ? 0 : w === 0 ? -1 : -(w + 1));
  return days(sat, addDays(sat, 1));
}

/** Resolves one raw expression in its sentence against the publication day, or null when it is no date. */
export function resolve(raw: RawDate, sentence: string, pub: Day): Resolved | null {
  const g = raw.g;
  const tense = () => {
    const t = tenseAround(sentence, raw.start, raw.end);
    if (t === 'none' && raw.prefix && /^(until|till|by)$/.test(raw.prefix)) return 'future';
    return t;
  };
  const before = sentence.slice(Math.max(0, raw.start - 20), raw.start);
  if (g.d1 || g.d2) {
    const m = monthNumber((g.m1 ?? g.m2)!);
    const d = +(g.d1 ?? g.d2)!, db = g.d1b ?? g.d2b;
    const ys = g.y1 ?? g.y2, rel = g.r1 ?? g.r2;
    const y = ys ? +ys : rel ? pub.y + (rel === 'last' ? -1 : rel === 'next' ? 1 : 0) : yearFor(pub, m, d, tense());
    if (!validDay(y, m, d)) return null;
    if (db != null) {
      const e = +db;
      if (e <= d || !validDay(y, m, e)) return null;
      return days({ y, m, d }, { y, m, d: e });
    }
    return days({ y, m, d });
  }
  if (g.m3) {
    const m = monthNumber(g.m3);
    const y = g.y3 ? +g.y3 : pub.y + (g.rel3 === 'last' ? -1 : g.rel3 === 'next' ? 1 : 0);
    return month(y, m);
  }
  if (g.ya) {
    const a = +g.ya, bs = g.yb!;
    const b = bs.length === 2 ? Math.floor(a / 100) * 100 + +bs : +bs;
    if (b <= a || b - a > 50) return null;
    return { start: String(a), end: String(b), precision: 'year' };
  }
  if (g.rd) {
    const w = g.rd.toLowerCase();
    // "Radio 4's Today programme": a capitalised word inside a sentence is a name
    if (/^[A-Z]/.test(g.rd) && /[\p{L}\d,’']\s*$/u.test(before)) return null;
    return days(addDays(pub, w === 'yesterday' || /^last/.test(w) ? -1 : w === 'tomorrow' ? 1 : 0));
  }
  if (g.ru) {
    const w = g.rw!.toLowerCase(), u = g.ru;
    // "at the weekend" names one; "the week", "the year" alone do not
    if (w === 'the' && !raw.qual && !(u === 'weekend' && /\b(?:at|over|during|on)\s+$/i.test(before))) return null;
    // "in the last week" is the seven days before, not last calendar week
    if (w === 'last' && /\bthe\s+$/i.test(before)) return null;
    const shift = w === 'last' ? -1 : w === 'next' ? 1 : 0;
    if (u === 'year') return year(pub.y + shift, raw.qual);
    if (u === 'month') { const [y, m] = addMonths(pub.y, pub.m, shift); return month(y, m); }
    if (u === 'weekend' && w === 'the') return weekendNear(pub, tense());
    const mon = addDays(mondayOf(pub), 7 * shift);
    return u === 'week' ? days(mon, addDays(mon, 6)) : days(addDays(mon, 5), addDays(mon, 6));
  }
  if (g.an) {
    const n = countWord(g.an), u = g.au!.replace(/s$/, '');
    if (!n) return null;
    if (u === 'day') return days(addDays(pub, -n));
    if (u === 'week') return days(addDays(pub, -7 * n));
    if (u === 'month') { const [y, m] = addMonths(pub.y, pub.m, -n); return month(y, m); }
    return year(pub.y - n);
  }
  if (g.wd) {
    const wd = weekdayNumber(g.wd), rel = g.wr?.toLowerCase();
    // "on a Wednesday morning", "every Friday": no particular day
    if (!rel && /\b(?:a|every|each|any)\s+$/i.test(before)) return null;
    if (rel === 'last') return days(weekdayNear(pub, wd, 'past', true));
    if (rel === 'next') return days(weekdayNear(pub, wd, 'future', true));
    return days(weekdayNear(pub, wd, tense() === 'future' ? 'future' : 'past', false));
  }
  if (g.m4) {
    const m = monthNumber(g.m4), rel = g.mr?.toLowerCase();
    const cued = raw.prefix || raw.qual || rel || /['’]s$/.test(g.m4 + sentence.slice(raw.end - 2, raw.end)) || BEFORE_BARE.test(before);
    if (!cued) return null;
    if (/^(may|march)$/i.test(g.m4) && !(raw.prefix || raw.qual || rel || /['’]s$/.test(sentence.slice(raw.start, raw.end)))) {
      if (!/(?:in|since|until|by|from|during|before|after|of|early|late|mid|last|next)\s+$/i.test(before)) return null;
    }
    if (rel === 'last') return month(m < pub.m ? pub.y : pub.y - 1, m);
    if (rel === 'next') return month(m > pub.m ? pub.y : pub.y + 1, m);
    return month(yearFor(pub, m, null, tense()), m);
  }
  if (g.dec) {
    const a = +g.dec;
    if (a % 10 !== 0) return null;
    return { start: String(a), end: String(a + 9), precision: 'year' };
  }
  if (g.y5) {
    const y = +g.y5;
    if (y > pub.y + (raw.prefix || raw.qual ? 50 : 10)) return null;
    if (!raw.prefix && !raw.qual) {
      if (APPROX_BEFORE.test(before)) return null;
      // "Resolution 2042", "Vision 2030": a name with a number
      if (/[A-Z][\w-]*\s+$/.test(before) && !/(?:^|[.!?]\s+)[A-Z][\w-]*\s+$/.test(before) && !/(?:In|Since|By|Until|From|During|The|Of)\s+$/.test(before)) return null;
      // "2000 troops": a count, unless it follows "the" ("the 2015 elections")
      const next = /^\s+([a-z][\w-]*)/.exec(sentence.slice(raw.end));
      if (next && /s$/.test(next[1]!) && !/\bthe\s+$/i.test(before)) return null;
      if (next && /^(people|men|women|children|troops|of)$/.test(next[1]!)) return null;
    }
    return year(y, raw.qual);
  }
  return null;
}
