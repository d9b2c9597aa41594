import cues from '../lexicon/date-cues.json' with { type: 'json' };

export type Tense = 'future' | 'past' | 'none';

const FUTURE = new Set(cues.future);
const PAST = new Set(cues.past);
const FUT_AUX = new Set(cues.futureAux);
const FINITE = new Set(cues.finite);
const CLAUSE = new Set(cues.clauseStarts);
const DETS = new Set(['the', 'a', 'an', 'its', 'their', 'his', 'her', 'our', 'this', 'that', 'these', 'those']);
const WORD = /[A-Za-z’']+/g;

interface W { w: string; raw: string; start: number; end: number }

// The words of the last sentence asked about: a sentence's dates are resolved one after another.
let lastText = '', lastWords: W[] = [];

function words(text: string): W[] {
  if (text === lastText) return lastWords;
  const out: W[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m; m = WORD.exec(text)) out.push({ w: m[0].toLowerCase(), raw: m[0], start: m.index, end: m.index + m[0].length });
  lastText = text; lastWords = out;
  return out;
}

/** Is a word a past form: a listed one or a regular -ed form? */
const pastForm = (w: string): boolean => PAST.has(w) || (w.length > 4 && w.endsWith('ed') && !w.endsWith('eed'));

/**
 * Which way the verb near a date expression points: the nearest tense marker, looked for
 * first in the eight words before the date, then in the date's own clause after it, then
 * further back. A past participle after will/to be is future ("will be briefed on
 * Thursday"); an infinitive points forward unless a past verb governs it ("attempted to
 * flee on Wednesday").
 */
export function tenseAround(sentence: string, start: number, end: number): Tense {
  const ws = words(sentence);
  const semi = sentence.lastIndexOf(';', start);
  // Names carry no tense and may be long ("in the Black Sea resort of Sochi"): the window skips them.
  const before = ws.filter((x) => x.end <= start && x.start > semi && !(x.raw.charCodeAt(0) <= 90 && x.start > 0 && /^[A-Z][a-z’']/.test(x.raw))).slice(-14);
  // After the expression, only its own clause: "in December that forces would leave" is past.
  const after: W[] = [];
  const fronted = before.length === 0;
  for (const x of ws) {
    if (x.start < end) continue;
    const gap = sentence.slice(after.at(-1)?.end ?? end, x.start);
    // a fronted date ("On Friday, the leaders will meet") reaches over its comma
    if ((fronted ? /[;:“”"(]/ : /[;,:“”"(]/).test(gap) || CLAUSE.has(x.w) || after.length >= 6) break;
    after.push(x);
  }
  const classify = (i: number, list: W[]): Tense => {
    const w = list[i]!.w;
    // "'ll" is its own word after the apostrophe split: "we'll" → "we'll"
    if (FUTURE.has(w) || /['’]ll$/.test(w)) return 'future';
    // "the alleged attack": a participle after a determiner is an adjective
    if (pastForm(w) && DETS.has(list[i - 1]?.w ?? '')) return 'none';
    if (pastForm(w)) {
      // "will be sent", "to be held", "would have met": the group is future
      const p1 = list[i - 1]?.w, p2 = list[i - 2]?.w;
      if (!FINITE.has(w)) {
        if (p1 && FUT_AUX.has(p1)) return 'future';
        // "to be held", "will have met" (but "was reported to have handed" is past)
        if (p1 && p2 && (p1 === 'be' || p1 === 'been') && FUT_AUX.has(p2)) return 'future';
        if (p1 === 'have' && p2 && p2 !== 'to' && FUT_AUX.has(p2)) return 'future';
      }
      return 'past';
    }
    return 'none';
  };
  // "to approve on Wednesday", "to meet on Friday": an infinitive points forward.
  const b1 = before.at(-1), b2 = before.at(-2);
  const b3 = before.at(-3), b4 = before.at(-4);
  if (b1 && b2 && b2.w === 'to' && /^[a-z]+$/.test(b1.raw) && !pastForm(b1.w) && !/s$/.test(b1.w)) {
    // "expected to meet on Friday" is future; "attempted to flee", "allowed many to leave" are past
    if (b3 && FUTURE.has(b3.w)) return 'future';
    const done = (x?: W) => !!x && pastForm(x.w) && !FINITE.has(x.w);
    return done(b3) || done(b4) ? 'past' : 'future';
  }
  // The verb that governs a date mostly comes before it: the nearest eight words before,
  // then the date's own clause after it, then further back.
  const back = (from: number, to: number): Tense => {
    for (let k = from; k < to; k++) {
      const bi = before.length - 1 - k;
      if (bi < 0) break;
      const t = classify(bi, before);
      if (t !== 'none') return t;
    }
    return 'none';
  };
  const near = back(0, 8);
  if (near !== 'none') return near;
  for (let k = 0; k < after.length; k++) { const t = classify(k, after); if (t !== 'none') return t; }
  return back(8, 14);
}
