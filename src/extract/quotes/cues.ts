import type { Segmented, Span, Token } from '../../domain/record.ts';
import { ANON_HEADS, CUE_FORMS, GROUP_HEADS, INVERSION_VERBS, QUANTITY_HEADS, SOURCE_HEADS, TIME_WORDS, type CueClass, type CueForm } from './lexicon.ts';
import { cutClauses } from './clauses.ts';
import type { Marked } from './marks.ts';
import { firstSubject, hasCapitalHead, headIndex, isPunct, isQuoteMark, low, nearestSubject, npAfter, subjectBefore, type NP } from './np.ts';

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
  readonly cls: CueClass | 'according';
  readonly subject: NP;
  readonly mode: 'forward' | 'backward' | 'intro';
  /** Token indices (inclusive) of the reported clause, when there is one. */
  clause?: [number, number];
  /** First token of the attribution (speaker or verb, whichever comes first). */
  readonly regionStart: number;
  /** The verb shares a subject named before it ("... and said", "..., adding"). */
  readonly shared?: boolean;
  /** Offset where the introduced quotation's mark is expected (intro mode). */
  readonly introAt?: number;
  /** The speaker is an agent after "by", not the sentence's subject. */
  readonly agent?: boolean;
}

const BE = new Set(['is', 'was', 'were', 'are', 'be', 'been', 'being', "'s", '’s']);
const NEG = new Set(['not', "n't", 'never', '’t', 'nor', 'neither']);
/** After a verb of saying these open no reported clause: "said as ...", "told reporters during ...". */
const NO_COMPLEMENT = new Set(['as', 'during', 'after', 'before', 'since', 'while', 'amid', 'at', 'in', 'on', 'with', 'without', 'following', 'despite', 'ahead', 'to', 'from', 'by', 'for', 'about', 'of', 'than', 'through', 'outside']);
const PRONOUNS_SUBJ = new Set(['he', 'she', 'it', 'they', 'we', 'i', 'you']);
const LETTERS = /^[\p{L}\p{M}]+$/u;
const WORD = /^[\p{L}\p{M}]+(?:[-–][\p{L}\p{M}]*)*$/u;

/** All speech cues of the text, sentence by sentence. */
export function findCues(seg: Segmented, marked: Marked[], inMarked: (at: number) => boolean): Cue[] {
  const out: Cue[] = [];
  let ti = 0;
  for (const s of seg.sentences) {
    const st: Token[] = [];
    while (ti < seg.tokens.length && seg.tokens[ti]!.sentence === s.index) pushGlued(st, seg.tokens[ti++]!);
    const here: Cue[] = [];
    for (let i = 0; i < st.length; i++) {
      const l = low(st[i]);
      if (!CUE_FORMS.has(l) && l !== 'according' || inMarked(st[i]!.start)) continue;
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

/** wink cuts some names apart at non-ASCII letters and hyphens ("Çavu ş o ğ lu"): glue them back. */
function pushGlued(st: Token[], t: Token): void {
  const prev = st.at(-1);
  if (prev && prev.end === t.start && (WORD.test(prev.text) && (LETTERS.test(t.text) || t.text === '-' || t.text === '–') || /[-–]$/.test(prev.text) && WORD.test(t.text))) {
    const pos = prev.pos === 'PROPN' || /^\p{Lu}/u.test(t.text) ? 'PROPN' : /^[-–]$/.test(t.text) ? prev.pos : t.pos;
    st[st.length - 1] = { ...prev, end: t.end, text: prev.text + t.text, pos };
  } else st.push(t);
}

function formAt(st: Token[], i: number): { form: CueForm | 'according'; last: number } | null {
  const l = low(st[i]);
  if (l === 'according' && low(st[i + 1]) === 'to') return { form: 'according', last: i + 1 };
  const forms = CUE_FORMS.get(l);
  if (!forms) return null;
  const participle = /ing$/.test(l) && st[i - 1]?.text === ',';
  // "Mr. Lee notes that ...": a form tagged as a noun between a name or pronoun and "that" is the verb
  const verbal = low(st[i + 1]) === 'that' && (st[i - 1]?.pos === 'PROPN' || st[i - 1]?.pos === 'PRON' && PRONOUNS_SUBJ.has(low(st[i - 1])));
  if (st[i]!.pos !== 'VERB' && !participle && !verbal) return null;
  for (const f of forms) {
    if (!f.particle) return { form: f, last: i };
    if (low(st[i + 1]) === f.particle) return { form: f, last: i + 1 };
  }
  return null;
}

function negated(st: Token[], i: number): boolean {
  // Back to a comma or a closing mark at most: '“It will not,” said X' is said.
  for (let k = i - 1; k >= Math.max(0, i - 3) && !isPunct(st[k]); k--) if (NEG.has(low(st[k])) || low(st[k]) === 'no') return true;
  return false;
}

function cueAt(seg: Segmented, st: Token[], i: number, sentence: number, here: Cue[], marked: Marked[]): Cue | null {
  const f = formAt(st, i);
  if (!f) return null;
  const { form, last } = f;
  if (form === 'according') return according(st, i, last, sentence);
  const prev = low(st[i - 1]);
  const ing = /ing$/.test(low(st[i]));
  // "to say", "did not say", "can argue": nothing was said
  if (prev === 'to' || negated(st, i) || hypothetical(st[i - 1]) || hypothetical(st[i - 2]) && st[i - 1]?.pos === 'ADV') return null;
  const base = { sentence, st, vi: i, last, lemma: form.lemma, cls: form.cls };
  // passive: "was told", "were asked", "is said to" (but "is insisting" speaks); "was told by X that"
  if (!ing && (BE.has(prev) || BE.has(low(st[i - 2])) && st[i - 1]!.pos === 'ADV')) return byAgent(st, base);
  // a participle: "..., adding that ...", "by saying ...", "tweets saying ...": the speaker of the clause before
  // "by adding two towns to the list": a gerund after a preposition says nothing unless a clause or quotation follows
  const n1 = st[last + 1];
  if (ing && st[i - 1]?.pos === 'ADP' && low(n1) !== 'that' && !PRONOUNS_SUBJ.has(low(n1)) && !/^[:,]$/.test(n1?.text ?? '') && !isQuoteMark(n1)) return null;
  if (ing && !BE.has(prev) && st[i - 1]?.pos !== 'PRON') {
    // "X did this, saying ..." is X's; "with X admitting ..." is X's
    const before = st[i - 1]?.text === ',' ? firstSubject(st, i - 1) : absoluteSubject(st, i);
    const subject = here.at(-1)?.subject ?? (before && canSpeak(st, before) ? before : nearestSubject(st, i - 1));
    if (!subject) return null;
    return forward(st, { ...base, subject, regionStart: i, shared: true }, last + 1, marked, seg);
  }
  // inversion: "..., said the representative" / "” said Kassis"
  if ((prev === ',' || isQuoteMark(st[i - 1]) || i === 0) && INVERSION_VERBS.has(form.lemma)) {
    const np = npAfter(st, last + 1);
    if (np && endsAttribution(st, (np.relEnd ?? np.to) + 1)) {
      return withBackClause(st, { ...base, subject: np, mode: 'backward', regionStart: i });
    }
  }
  let subject = subjectBefore(st, i);
  let shared = false;
  if (subject === 'coord') {
    shared = true;
    let c = i - 1;
    while (c > 0 && !['and', 'but', 'or'].includes(low(st[c]))) c--;
    subject = here.at(-1)?.subject ?? (st[c - 1]?.text === ',' ? firstSubject(st, c) : nearestSubject(st, c));
  }
  if (!subject || !canSpeak(st, subject)) return null;
  const regionStart = shared ? i : Math.min(subject.lead ?? subject.from, i);
  return forward(st, { ...base, subject, regionStart, shared }, last + 1, marked, seg);
}

type Base = Omit<Cue, 'mode' | 'clause' | 'introAt'>;

/** A speaker is named, a pronoun, or a noun for people, bodies or documents ("the plan" is none). */
function canSpeak(st: Token[], np: NP): boolean {
  if (np.pronoun || hasCapitalHead(st, np)) return true;
  let h = low(st[headIndex(st, np)]);
  if (QUANTITY_HEADS.has(h) || /^\d/.test(h)) h = low(st[np.to]); // "hundreds of women"
  return ANON_HEADS.has(h) || GROUP_HEADS.has(h) || SOURCE_HEADS.has(h) || st.slice(np.from, np.to + 1).some((t) => /^\p{Lu}/u.test(t.text) && t !== st[0]);
}

/** "he was told by the adviser, X, that ...": the agent speaks. */
function byAgent(st: Token[], b: Omit<Base, 'subject' | 'regionStart'>): Cue | null {
  if (low(st[b.last + 1]) !== 'by') return null;
  let np = npAfter(st, b.last + 2);
  if (!np) return null;
  let k = np.to + 1;
  if (st[k]?.text === ',') {
    const name = npAfter(st, k + 1);
    if (name && /^\p{Lu}/u.test(st[name.from]!.text)) { np = name; k = name.to + 1; if (st[k]?.text === ',') k++; }
  }
  if (low(st[k]) !== 'that') return null;
  return { ...b, subject: np, regionStart: b.vi, mode: 'forward', clause: [k + 1, st.length - 1], agent: true };
}

function forward(st: Token[], b: Base, a: number, marked: Marked[], seg: Segmented): Cue | null {
  if (b.cls === 'object' || b.cls === 'label') {
    // "urged X to ...", "accused X of ...", "described it as ...": the clause keeps the addressee
    // "which he described as ...": the object went before
    if (b.cls === 'label' && low(st[a]) === 'as') return { ...b, mode: 'forward', clause: [a, st.length - 1] };
    const obj = st[a]?.pos === 'PRON' ? { from: a, to: a, pronoun: true } : npAfter(st, a);
    if (!obj) return null;
    let k = obj.to + 1;
    if (low(st[k]) === 'not') k++;
    const next = low(st[k]);
    const ok = b.cls === 'label' ? next === 'as' || isQuoteMark(st[a]) : ['to', 'of', 'for'].includes(next);
    if (b.cls === 'label' && isQuoteMark(st[a])) return { ...b, mode: 'forward', clause: [a, st.length - 1] };
    return ok ? { ...b, mode: 'forward', clause: [a, st.length - 1] } : null;
  }
  let k = skipAdverbial(st, a);
  if (b.cls === 'tell' && low(st[k]) !== 'that') {
    const obj = npAfter(st, k);
    if (obj && (!obj.pronoun || ['him', 'her', 'them', 'us', 'me'].includes(low(st[obj.from])))) k = skipAdverbial(st, obj.to + 1);
  }
  const t = st[k];
  if (low(t) === 'that') return { ...b, mode: 'forward', clause: [k + 1, st.length - 1] };
  if (t && NO_COMPLEMENT.has(low(t)) && (t.pos === 'ADP' || t.pos === 'SCONJ')) {
    // "said after the deal was announced that ...": the clause comes after the adverbial; but
    // in "said at a news conference announcing that ..." it is the other verb's
    for (let j = k + 1; j < Math.min(st.length, k + 10) && st[j]!.text !== ','; j++) {
      if (low(st[j]) === 'that' && st[j]!.pos === 'SCONJ') return { ...b, mode: 'forward', clause: [j + 1, st.length - 1] };
      if (st[j]!.pos === 'VERB' && /ing$/i.test(st[j]!.text)) break;
    }
    // "said after the convention he would ...": a phrase, then the clause
    const pp = t.pos === 'ADP' || t.pos === 'SCONJ' ? npAfter(st, k + 1) : null;
    const j = pp ? pp.to + 1 : -1;
    if (pp && !pp.pronoun && st[j] && (st[j]!.pos === 'PRON' && PRONOUNS_SUBJ.has(low(st[j])) || st[j]!.pos === 'DET') && st.slice(j + 1).some((x) => x.pos === 'VERB' || x.pos === 'AUX')) {
      return { ...b, mode: 'forward', clause: [j, st.length - 1] };
    }
    return withBackClause(st, { ...b, mode: 'backward' });
  }
  if (!t || /^[.!?;)]$/.test(t.text) || t.text === ',' && !isQuoteMark(st[k + 1])) return withBackClause(st, { ...b, mode: 'backward' });
  if (t.text === ':' || t.text === ',') return intro(st, b, k, seg);
  if (isQuoteMark(t)) {
    // "saying “...”" / "saying “...” and urging ...": what the marks hold is direct speech
    const m = marked.find((x) => x.open === t.start);
    if (m && (m.close >= st[lastContent(st)]!.start || endsQuotedClause(st, m.closeEnd))) return intro(st, b, k - 1, seg);
  }
  if (isPunct(t) && !isQuoteMark(t)) return null;
  // "claimed responsibility": a noun phrase, not a reported clause
  if (!st.slice(k).some((x) => x.pos === 'VERB' || x.pos === 'AUX')) return null;
  // "would report the outcome to the council and would not stop": an object, then a second verb of the subject
  const v = st.findIndex((x, j) => j > k && (x.pos === 'VERB' || x.pos === 'AUX'));
  let p = v - 1;
  while (p > k && st[p]!.pos === 'ADV') p--;
  if (v > k && st[p]!.pos === 'CCONJ' && st[v]!.pos === 'AUX') return null;
  return { ...b, mode: 'forward', clause: [k, st.length - 1] };
}

/** After a quotation's closing mark: a comma, a full stop or a conjunction ends what was said. */
function endsQuotedClause(st: Token[], closeEnd: number): boolean {
  const n = st.find((x) => x.start >= closeEnd);
  return !n || /^[,.;!?]$/.test(n.text) || n.pos === 'CCONJ';
}

/** "with X admitting ...": the phrase right before a participle after "with" is its subject. */
function absoluteSubject(st: Token[], i: number): NP | null {
  for (let w = i - 2; w >= Math.max(0, i - 10) && !isPunct(st[w]); w--) {
    if (low(st[w]) === 'with') return st[w + 1]?.pos === 'PRON' ? null : { from: w + 1, to: i - 1, pronoun: false };
  }
  return null;
}

function intro(st: Token[], b: Base, k: number, seg: Segmented): Cue {
  const next = st[k + 1];
  let introAt = next ? next.start : st[k]!.end;
  if (!next) while (introAt < seg.text.length && /\s/.test(seg.text[introAt]!)) introAt++;
  return { ...b, mode: 'intro', introAt };
}

function lastContent(st: Token[]): number {
  let k = st.length - 1;
  while (k > 0 && isPunct(st[k]) && !isQuoteMark(st[k])) k--;
  return k;
}

/** "CLAUSE, X said." / "CLAUSE, said X.": the reported clause is the sentence before the comma. */
function withBackClause(st: Token[], c: Cue): Cue {
  const r = c.regionStart;
  // "The plan, he said, is dead": a parenthetical attribution; what was said goes on after it
  const k = skipAdverbial(st, Math.max(c.last, c.subject.relEnd ?? c.subject.to) + 1);
  const n = st[k + 1], v = n?.pos === 'ADV' ? st[k + 2] : n;
  if (st[r - 1]?.text === ',' && st[k]?.text === ',' && (v?.pos === 'VERB' || v?.pos === 'AUX') && !/ing$/.test(low(v)) && !isQuoteMark(st[0])) {
    const e = lastContent(st);
    if (e - (k + 1) >= 2) { c.clause = [k + 1, e]; return c; }
  }
  if (st[r - 1]?.text !== ',' || r - 1 < 4 || isQuoteMark(st[0])) return c;
  if (isQuoteMark(st[r - 2])) {
    // "..., he said" after a closing mark: reported speech only when the marks open mid-sentence
    let k = r - 3;
    while (k > 0 && !isQuoteMark(st[k])) k--;
    if (k <= 1) return c;
  }
  c.clause = [0, r - 2];
  return c;
}

/** After a speaker placed after the verb: the sentence ends, a comma, or a time phrase. */
function endsAttribution(st: Token[], k: number): boolean {
  if (st[k]?.text === '(') while (k < st.length && st[k - 1]?.text !== ')') k++; // "Rep. X (D-Wis.)"
  k = skipAdverbial(st, k);
  const t = st[k];
  return !t || /^[.,;!?:]$/.test(t.text) || isQuoteMark(t);
}

/** Steps over "on Sunday", "this week", "in a statement", "earlier", ", however,". */
export function skipAdverbial(st: Token[], k: number): number {
  for (;;) {
    const t = st[k];
    if (!t) return k;
    if (t.text === ',' && st[k + 1]?.pos === 'ADV' && st[k + 2]?.text === ',') { k += 3; continue; }
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
  const base = { sentence, st, vi: i, last, lemma: 'according to', cls: 'according' as const, subject: np, regionStart: i };
  let j = 0;
  while (j < i && isPunct(st[j])) j++;
  if (j === i) {
    const k = st[npEnd + 1]?.text === ',' ? npEnd + 2 : npEnd + 1;
    return k < st.length - 1 ? { ...base, mode: 'forward', clause: [k, st.length - 1] } : null;
  }
  return withBackClause(st, { ...base, mode: 'backward' });
}

const HYPOTHETICAL = new Set(['can', 'could', 'might', 'may']);
const hypothetical = (t: Token | undefined): boolean => !!t && HYPOTHETICAL.has(t.text) && t.pos === 'AUX';

export const tokSpan = (st: Token[], a: number, b: number): Span => ({ start: st[a]!.start, end: st[b]!.end });
