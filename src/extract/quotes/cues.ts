import type { Segmented, Span, Token } from '../../domain/record.ts';
import { CUE_FORMS, PARTICIPLE_CUES, TIME_WORDS, type CueForm } from './lexicon.ts';
import type { Marked } from './marks.ts';
import { firstSubject, isPunct, isQuoteMark, low, npAfter, subjectBefore, type NP } from './np.ts';

/**
 * A verb of saying with its speaker and what it introduces: a reported clause after it
 * (forward), a clause or quotation before it ("..., the minister said": backward), or a
 * quotation after a colon (intro).
 */
export interface Cue {
  readonly sentence: number;
  readonly st: Token[];
  readonly vi: number;
  readonly last: number;
  readonly lemma: string;
  readonly subject: NP;
  readonly mode: 'forward' | 'backward' | 'intro';
  /** Token indices (inclusive) of the reported clause, when there is one. */
  clause?: [number, number];
  /** First token of the attribution (speaker or verb, whichever comes first). */
  readonly regionStart: number;
  /** Offset where the introduced quotation's mark is expected (intro mode). */
  readonly introAt?: number;
}

const BE = new Set(['is', 'was', 'were', 'are', 'be', 'been', 'being', "'s", '’s']);
const NEG = new Set(['not', "n't", 'never', '’t']);
const CUT_AFTER_COMMA = new Set(['according', ...PARTICIPLE_CUES]);

/** All speech cues of the text, sentence by sentence. */
export function findCues(seg: Segmented, marked: Marked[], inMarked: (at: number) => boolean): Cue[] {
  const out: Cue[] = [];
  let ti = 0;
  for (const s of seg.sentences) {
    const st: Token[] = [];
    while (ti < seg.tokens.length && seg.tokens[ti]!.sentence === s.index) pushGlued(st, seg.tokens[ti++]!);
    const here: Cue[] = [];
    for (let i = 0; i < st.length; i++) {
      if (inMarked(st[i]!.start)) continue;
      const c = cueAt(seg, st, i, s.index, here, marked);
      if (c) { here.push(c); i = c.last; }
    }
    // "CLAUSE, X said" when the clause has a verb of saying of its own is that one's clause
    for (const c of here) if (c.mode === 'backward' && c.clause && here.some((d) => d !== c && d.vi < c.clause![1])) c.clause = undefined;
    cutClauses(st, here);
    out.push(...here);
  }
  return out;
}

const LETTERS = /^[\p{L}\p{M}]+$/u;

/** wink cuts some names apart at non-ASCII letters ("Çavu ş o ğ lu"): glue them back. */
function pushGlued(st: Token[], t: Token): void {
  const prev = st.at(-1);
  const word = (x: string) => LETTERS.test(x) || /^[\p{L}\p{M}]+(?:-[\p{L}\p{M}]*)+$/u.test(x);
  if (prev && prev.end === t.start && (word(prev.text) && (LETTERS.test(t.text) || t.text === '-') || prev.text.endsWith('-') && word(t.text))) {
    st[st.length - 1] = { ...prev, end: t.end, text: prev.text + t.text, pos: prev.pos === 'PROPN' || t.pos === 'PROPN' || /^\p{Lu}/u.test(t.text) ? 'PROPN' : t.text === '-' ? prev.pos : t.pos };
  } else st.push(t);
}

function formAt(st: Token[], i: number): { form: CueForm | 'according'; last: number } | null {
  const l = low(st[i]);
  if (l === 'according' && low(st[i + 1]) === 'to') return { form: 'according', last: i + 1 };
  const forms = CUE_FORMS.get(l);
  if (!forms || st[i]!.pos !== 'VERB') return null;
  for (const f of forms) {
    if (!f.particle) return { form: f, last: i };
    if (low(st[i + 1]) === f.particle) return { form: f, last: i + 1 };
  }
  return null;
}

function cueAt(seg: Segmented, st: Token[], i: number, sentence: number, here: Cue[], marked: Marked[]): Cue | null {
  const f = formAt(st, i);
  if (!f) return null;
  const { form, last } = f;
  if (form === 'according') return according(st, i, last, sentence);
  const prev = low(st[i - 1]);
  if (prev === 'to' || NEG.has(prev) || NEG.has(low(st[i - 2])) && BE.has(prev)) return null;
  // passive: "was told", "were asked", "is said to"
  if (BE.has(prev) || BE.has(low(st[i - 2])) && st[i - 1]!.pos === 'ADV') return null;
  const lemma = form.lemma;
  const base = { sentence, st, vi: i, last, lemma };
  // participle after a comma: "..., adding that ...", with the speaker of the clause before
  if (/ing$/.test(low(st[i])) && prev === ',') {
    const subject = here.at(-1)?.subject ?? firstSubject(st, i - 1);
    if (!subject) return null;
    return forward(st, { ...base, subject, regionStart: i }, form.cls, last + 1, marked);
  }
  // inversion: "..., said the representative" / "” said Kassis"
  if (prev === ',' || isQuoteMark(st[i - 1]) || i === 0) {
    const np = npAfter(st, last + 1);
    if (np && endsAttribution(st, (np.relEnd ?? np.to) + 1)) {
      return withBackClause(st, { ...base, subject: np, mode: 'backward', regionStart: i });
    }
  }
  let subject = subjectBefore(st, i);
  if (subject === 'coord') subject = here.at(-1)?.subject ?? firstSubject(st, i);
  if (!subject) return null;
  const regionStart = Math.min(subject.from, i);
  return forward(st, { ...base, subject, regionStart }, form.cls, last + 1, marked, seg);
}

type Base = Omit<Cue, 'mode' | 'clause' | 'introAt'>;

function forward(st: Token[], b: Base, cls: string, a: number, marked: Marked[], seg?: Segmented): Cue | null {
  if (cls === 'object') {
    // "urged X to ...", "accused X of ...": the clause keeps the addressee
    for (let k = a; k < Math.min(st.length, a + 12); k++) {
      if (['to', 'of', 'for'].includes(low(st[k])) && k > a) return { ...b, mode: 'forward', clause: [a, st.length - 1] };
      if (isPunct(st[k]) && !isQuoteMark(st[k])) break;
    }
    return null;
  }
  let k = skipAdverbial(st, a);
  if (cls === 'tell' && low(st[k]) !== 'that') {
    const obj = npAfter(st, k);
    if (obj && !obj.pronoun || obj?.pronoun && ['him', 'her', 'them', 'us', 'me'].includes(low(st[obj.from]))) k = skipAdverbial(st, obj!.to + 1);
  }
  const t = st[k];
  if (low(t) === 'that') return { ...b, mode: 'forward', clause: [k + 1, st.length - 1] };
  if (!t || t.text === '.' || t.text === '!' || t.text === '?' || t.text === ',' && !isQuoteMark(st[k + 1])) return withBackClause(st, { ...b, mode: 'backward' });
  if (t.text === ':' || t.text === ',' ) return intro(st, b, k, seg);
  if (isQuoteMark(t)) {
    const m = marked.find((x) => x.open === t.start);
    const lastWord = lastContent(st);
    if (m && m.close >= st[lastWord]!.start) return intro(st, b, k - 1, seg);
  }
  if (isPunct(t) && !isQuoteMark(t)) return null;
  return { ...b, mode: 'forward', clause: [k, st.length - 1] };
}

function intro(st: Token[], b: Base, k: number, seg?: Segmented): Cue {
  const next = st[k + 1];
  const introAt = next ? next.start : nextStart(seg, st[k]!.end);
  return { ...b, mode: 'intro', introAt };
}

function nextStart(seg: Segmented | undefined, end: number): number {
  if (!seg) return -1;
  let i = end;
  while (i < seg.text.length && /\s/.test(seg.text[i]!)) i++;
  return i;
}

function lastContent(st: Token[]): number {
  let k = st.length - 1;
  while (k > 0 && isPunct(st[k]) && !isQuoteMark(st[k])) k--;
  return k;
}

/** "CLAUSE, X said." / "CLAUSE, said X.": the reported clause is the sentence before the comma. */
function withBackClause(st: Token[], c: Cue): Cue {
  const r = c.regionStart;
  if (st[r - 1]?.text === ',' && !isQuoteMark(st[r - 2]) && r - 1 >= 4 && !isQuoteMark(st[0])) c.clause = [0, r - 2];
  return c;
}

/** After a speaker placed after the verb: the sentence ends, a comma, or a time phrase. */
function endsAttribution(st: Token[], k: number): boolean {
  k = skipAdverbial(st, k);
  const t = st[k];
  return !t || /^[.,;!?:]$/.test(t.text) || isQuoteMark(t);
}

/** Steps over "on Sunday", "this week", "in a statement", "earlier". */
export function skipAdverbial(st: Token[], k: number): number {
  for (;;) {
    const t = st[k];
    if (!t) return k;
    if (TIME_WORDS.has(low(t)) && (t.pos === 'ADV' || t.pos === 'NOUN' || t.pos === 'PROPN' || t.pos === 'DET' || t.pos === 'ADJ')) {
      let j = k + 1;
      while (TIME_WORDS.has(low(st[j])) && st[j]!.pos !== 'ADP') j++;
      k = j; continue;
    }
    if (t.pos === 'ADP' && ['on', 'in', 'at', 'during', 'late', 'early', 'via'].includes(low(t))) {
      let j = k + 1, hit = -1;
      for (; j < Math.min(st.length, k + 5); j++) {
        if (TIME_WORDS.has(low(st[j]))) { hit = j; continue; }
        if (st[j]!.pos === 'DET' || st[j]!.pos === 'ADJ' || st[j]!.pos === 'NUM') continue;
        break;
      }
      if (hit < 0) return k;
      k = hit + 1; continue;
    }
    return k;
  }
}

function according(st: Token[], i: number, last: number, sentence: number): Cue | null {
  const np = npAfter(st, last + 1);
  if (!np) return null;
  const npEnd = np.relEnd ?? np.to;
  const base = { sentence, st, vi: i, last, lemma: 'according to', subject: np, regionStart: i };
  let j = 0;
  while (j < i && isPunct(st[j])) j++;
  if (j === i) {
    const k = st[npEnd + 1]?.text === ',' ? npEnd + 2 : npEnd + 1;
    return k < st.length - 1 ? { ...base, mode: 'forward', clause: [k, st.length - 1] } : null;
  }
  return withBackClause(st, { ...base, mode: 'backward' });
}

/** A reported clause ends before "..., adding", "..., according to" and a later "..., X said". */
function cutClauses(st: Token[], cues: Cue[]): void {
  for (const c of cues) {
    if (!c.clause || c.mode !== 'forward') continue;
    let [a, e] = c.clause;
    for (let k = a + 1; k <= e; k++) {
      if (st[k]!.text === ',' && CUT_AFTER_COMMA.has(low(st[k + 1])) || st[k]!.text === ';') { e = k - 1; break; }
    }
    for (const d of cues) {
      if (d === c || d.regionStart <= a || d.regionStart > e) continue;
      const before = st[d.regionStart - 1];
      if (d.mode === 'backward' || before?.text === ';' || ['but', 'while', 'whereas'].includes(low(before))) e = Math.min(e, d.regionStart - 1);
    }
    while (e > a && (isPunct(st[e]) && !isQuoteMark(st[e]) || ['and', 'but', 'while'].includes(low(st[e])))) e--;
    c.clause = e - a >= 1 ? [a, e] : undefined;
  }
}

export const tokSpan = (st: Token[], a: number, b: number): Span => ({ start: st[a]!.start, end: st[b]!.end });
