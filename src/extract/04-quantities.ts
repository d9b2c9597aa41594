import type { Approx, DateMention, Measure, Quantity, Segmented, Span } from '../domain/record.ts';
import { span } from '../domain/span.ts';
import { cuesIn, decideMeasure, HYPHEN_UNITS, isCountNoun, NAME_WORDS, nounClass, NOT_COUNTS, type Cue } from './quantities/measure.ts';
import { approxOf, isWordNumber, NUMBER_CUE, NUMBER_RE, numberValue, pluralValue } from './quantities/numbers.ts';
import { nounAfter, posBySentence } from './quantities/phrase.ts';

const MONEY_WORDS = /^(?:dollars?|pounds?|euros?|usd|roubles?|rubles?|lira|riyals?|dinars?|yuan|yen)$/i;
const DETERMINER = /(?:^|\s)(?:the|these|those|all|both|its|their|his|her|our|my|your|every|each|another|other|first|last|next|whole)\s+$/i;

/**
 * Stage 4: numbers that count people, things, money or shares, with what they count.
 * A number phrase (quantities/numbers.ts) is kept when it is no date, time, age, ordinal,
 * duration or part of a name; its measure comes from its unit, its counted noun and the
 * cues around it (quantities/measure.ts, lexicon/measures.json).
 */
export function findQuantities(seg: Segmented, dates: DateMention[]): Quantity[] {
  const out: Quantity[] = [];
  const dateSpans = new Map<number, Span[]>();
  for (const d of dates) for (const e of d.evidence) dateSpans.set(d.sentence, [...(dateSpans.get(d.sentence) ?? []), e]);
  for (const s of seg.sentences) {
    const text = seg.text.slice(s.start, s.end);
    if (!NUMBER_CUE.test(text)) continue;
    let cues: Cue[] | null = null;
    let pos: Map<number, string> | null = null;
    const inDate = (a: number, b: number) => (dateSpans.get(s.index) ?? []).some((e) => e.start < s.start + b && s.start + a < e.end);
    NUMBER_RE.lastIndex = 0;
    for (let m = NUMBER_RE.exec(text); m; m = NUMBER_RE.exec(text)) {
      const g = m.groups!;
      let start = m.index;
      const mEnd = m.index + m[0].length;
      if (inDate(start, mEnd)) continue;
      const before = text.slice(Math.max(0, start - 30), start);
      const after = text.slice(mEnd, mEnd + 40);
      pos ??= posBySentence(seg, s.index);
      const q = reading(g, before, after);
      if (!q) continue;
      // "from two jails": between/from belong to the phrase only with a range
      if (g.bw && q.max == null) start += m[0].indexOf(g.bw) + g.bw.length + 1;
      let end = mEnd + q.consumed;
      let unit: string | undefined = q.unit;
      let words: string[] = [];
      let partitive = false;
      if (!q.measure) {
        // "300 of the prisoners": the noun after "of the"
        const ofThe = /^\s+of\s+(?:the|those|these|his|her|their|its|our)\s+/i.exec(text.slice(end));
        // "87 people, 30 of them children": a part of a group counted before, people unless named
        const ofThem = !g.pl && !ofThe ? /^\s+of\s+(?:them|whom)\b/i.exec(text.slice(end)) : null;
        if (ofThem) { partitive = true; end += ofThem[0].length; }
        const np = nounAfter(text, ofThe && !g.pl ? end + ofThe[0].length : end, pos, s.start);
        words = np.words;
        if (words.length) { end = np.end; unit = words.at(-1); }
      }
      if (unit && MONEY_WORDS.test(unit)) q.measure = 'money';
      // "40% of the province": a share names what it is a share of
      if (q.measure === 'percent') {
        const of = /^\s+of\s+(?:the\s+|its\s+|their\s+)?/i.exec(text.slice(end));
        const np = of ? nounAfter(text, end + of[0].length, pos, s.start) : null;
        if (np?.words.length) { end = np.end; unit = np.words.at(-1); }
      }
      // "50 people or more"
      if (q.approx === 'exact') q.approx = tailApprox(text.slice(end, end + 16)) ?? 'exact';
      // A bare small number with nothing counted is an age or a score ("then seven,", "was 19 when")
      if (!words.length && !partitive && !q.measure && !g.pl && (g.ap == null || /^(?:under|over|above|below)$/i.test(g.ap)) && q.value < 100 && !(/\d/.test(g.n1 ?? '') && /\b(?:to|reached|reaching|hit|totalled|totaled)\s*$/i.test(before))) continue;
      cues ??= cuesIn(text);
      const at = { start, end };
      const own = cues.filter((c) => c.end <= at.start || c.start >= at.end);
      const cls = partitive && !words.length ? { cls: 'person' as const } : nounClass(words);
      const measure = q.measure ?? decideMeasure(cls, own, at, text);
      out.push({
        text: text.slice(start, end),
        value: q.value,
        ...(q.max != null ? { max: q.max } : {}),
        approx: q.approx,
        measure,
        ...(unit ? { unit } : {}),
        sentence: s.index,
        evidence: [span(s.start + start, s.start + end)],
        confidence: words.length || q.measure ? 0.8 : 0.6,
      });
    }
  }
  return out;
}

/** "or more" / "or less" after a count. */
function tailApprox(after: string): Approx | null {
  if (/^\s+or\s+(?:more|above|over)\b/i.test(after)) return 'at_least';
  if (/^\s+or\s+(?:less|fewer|under|below)\b/i.test(after)) return 'up_to';
  return null;
}

interface Reading { value: number; max?: number; approx: Approx; measure?: Measure; unit?: string; consumed: number }

/** Reads one number phrase, or null when it is no count (a time, an age, a duration, a name...). */
function reading(g: Record<string, string | undefined>, before: string, after: string): Reading | null {
  const prev = /([A-Za-z][\w.’'-]*)\s*$/.exec(before)?.[1];
  if (prev && NAME_WORDS.has(prev.toLowerCase()) && !g.ap) return null;
  if (/\b(?:aged?|ages|age of)\s*$/i.test(before)) return null;
  if (g.pl) {
    const v = pluralValue(g.pl);
    if (v == null) return null;
    const next = /^\s*([a-z]+)/.exec(after)?.[1];
    if (next && NOT_COUNTS.has(next)) return null;
    return { value: v, approx: g.ap ? approxOf(g.ap) : 'at_least', consumed: 0 };
  }
  const n1 = g.n1!, v1 = numberValue(n1);
  if (v1 == null) return null;
  let v2 = g.n2 ? numberValue(g.n2) : null;
  if (g.sep && /and/i.test(g.sep) && !g.bw) v2 = null;
  // "a 2-1 loss", "74-13": a score or a split, not a range
  if (v2 != null && v2 <= v1) {
    if (!/and/i.test(g.sep ?? '')) return null;
    v2 = null;
  }
  const money = !!(g.c1 || g.c2), pct = !!g.pct;
  const words = isWordNumber(n1);
  // "one" is mostly a pronoun or an article: only "one million" counts
  if (/^one$/i.test(n1.trim())) return null;
  if (/^(?:st|nd|rd|th)\b/i.test(after) || /^[/:]\d/.test(after)) return null; // 1st, 9/11, 24/7, 10:30
  // long bare digit strings are identifiers, not counts
  if (/^\d{7,}$/.test(n1)) return null;
  if (!money && !pct) {
    if (/^\s*(?:[ap]\.?m\b|gmt|bst|utc|cet|o['’]clock|hrs\b|h\b)/i.test(after) || /^[:]\d\d/.test(after)) return null;
    if (/\bat\s*$/i.test(before) && /^\d{1,2}\.\d\d$/.test(n1)) return null;
    // "Bashar al-Assad, 52, said": an age after a name
    if (!g.ap && v1 < 120 && /[A-Z][\w’'-]+,\s*$/.test(before) && /^\s*[,)]/.test(after)) return null;
    // a bare year
    if (/^(?:19|20)\d\d$/.test(n1) && !g.n2) {
      const next = /^\s*([a-z]+)/.exec(after)?.[1];
      if (!next || !/s$/.test(next)) return null;
    }
    // a name with a number: "Resolution 2254", "Radio 4" (not at the start of the sentence)
    if (!g.ap && !words && prev && /^[A-Z]/.test(prev) && !/(?:^|[.!?“"]\s*)[A-Z][\w’'-]*\s*$/.test(before)) return null;
    // "Eighteen Bridges": a capitalised number word inside a sentence is a name
    if (words && !g.ap && /^[A-Z]/.test(n1) && /[\p{Ll},]\s*$/u.test(before)) return null;
    if (words && !g.ap && !g.n2 && !/^\s?[-–]/.test(after) && DETERMINER.test(before)) return null;
    // "two of the sponsors" is no count, "one million of his citizens" and "three of them" are
    if (words && !/\s(?:hundred|thousand|million|billion)$/i.test(n1.trim()) && /^\s+of\s+(?:the|us|those|these|which|his|her|their|its|our)\b/i.test(after)) return null;
  }
  let measure: Measure | undefined = money ? 'money' : pct ? 'percent' : undefined;
  let unit: string | undefined;
  let consumed = 0;
  // hyphenated units: "12-mile", "30,000-strong"; a duration or an age is no count ("four-year war")
  const hy = /^\s?[-–]\s?([A-Za-z]+)/.exec(after);
  if (hy && !/^to$/i.test(hy[1]!)) {
    const u = hy[1]!.toLowerCase();
    if (!HYPHEN_UNITS.has(u)) return null;
    unit = u; consumed = hy[0].length;
    if (u === 'strong') measure = 'fighters';
    else measure ??= 'other';
  } else {
    const att = /^([A-Za-z]+)\b/.exec(after);
    if (att) {
      if (!HYPHEN_UNITS.has(att[1]!.toLowerCase())) return null; // "3D", "5G", "40C"
      unit = att[1]; consumed = att[0].length; measure ??= 'other';
    }
    // "six years", "three or four hours", "five brutal years": a duration
    const w1 = /^(?:\s+(?:or|to)\s+\S+)?(?:\s+and\s+a\s+half)?\s+([A-Za-z][\w’'-]*)(?:\s+([A-Za-z][\w’'-]*))?/.exec(after);
    if (w1 && !money && !pct) {
      const a = w1[1]!.toLowerCase().replace(/['’]s?$/, ''), b = w1[2]?.toLowerCase().replace(/['’]s?$/, '');
      if (NOT_COUNTS.has(a) || (b && NOT_COUNTS.has(b) && /^[a-z]/.test(w1[1]!) && !isCountNoun(a))) return null;
    }
  }
  let approx = approxOf(g.ap);
  approx = tailApprox(after) ?? (/^-?plus\b/i.test(after) ? 'more_than' : approx);
  return { value: v1, ...(v2 != null ? { max: v2 } : {}), approx, ...(measure ? { measure } : {}), ...(unit ? { unit } : {}), consumed };
}
