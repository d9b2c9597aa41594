import type { Quote, Segmented, Span, Token } from '../../domain/record.ts';
import type { ActorsFound } from '../02-actors.ts';
import { sentenceIndexAt, tokensOf } from '../text-utils.ts';
import { findCues, tokSpan, type Cue } from './cues.ts';
import { findMarked, type Marked } from './marks.ts';
import type { NP } from './np.ts';
import { SpeakerResolver, type Speaker } from './resolve.ts';

interface Attributed { cue: Cue; speaker: Speaker }
interface Prev { q: Quote; at: number; paragraph: number }

/** Stage 5's work: cues and quotation marks found, speakers resolved in text order. */
export function buildQuotes(seg: Segmented, actors: ActorsFound): Quote[] {
  const text = seg.text;
  const found = findMarked(text, seg.paragraphs);
  const allCues = findCues(seg, found, makeInside(found.filter((m) => !m.unclosed).map((m) => m.inner)));
  const marked = found.map((m) => (m.unclosed ? endUnclosed(seg, m, allCues) : m));
  const inMarked = makeInside(marked.map((m) => m.inner));
  const cues = allCues.filter((c) => !inMarked(c.st[c.vi]!.start));
  // names inside reported clauses are what was said, not who is speaking: pronouns skip them
  const inClauses = makeInside(cues.filter((c) => c.clause).map((c) => tokSpan(c.st, c.clause![0], c.clause![1])));
  const resolver = new SpeakerResolver(seg, actors, inMarked, inClauses);
  const attributed: Attributed[] = cues.map((cue) => ({ cue, speaker: resolver.resolve(cue.st, cue.subject, !cue.agent) }));
  // "..., the foreign minister said. Ana Ruiz said ...": an unnamed role is the person quoted next
  for (const a of attributed) {
    if (!a.speaker.role) continue;
    const next = attributed.find((b) => b.cue.sentence > a.cue.sentence && b.cue.sentence <= a.cue.sentence + 2 && b.speaker.sort === 'person' && b.speaker.speakerId);
    if (next) a.speaker = { ...next.speaker, span: a.speaker.span };
  }

  const quotes: Quote[] = [];
  const clauses: { span: Span; a: Attributed }[] = [];
  for (const a of attributed) {
    const c = a.cue;
    if (!c.clause) continue;
    const span = tokSpan(c.st, c.clause[0], c.clause[1]);
    // a clause that is all inside quotation marks is direct speech, not reported
    if (marked.some((m) => m.inner.start <= span.start + 1 && span.end - 1 <= m.inner.end)) continue;
    clauses.push({ span, a });
    if (c.cls !== 'label') quotes.push(make(text, span, false, a, c.sentence, 0.7));
  }

  let last: Prev | undefined;
  const lastReported = (qs: Quote[], before: number): Prev | undefined => {
    let best: Quote | undefined;
    for (const q of qs) if (!q.direct && q.evidence[0]!.end <= before && (!best || q.evidence[0]!.start > best.evidence[0]!.start)) best = q;
    return best && { q: best, at: best.evidence[0]!.start, paragraph: seg.sentences[best.sentence]!.paragraph };
  };
  const byPos = [...marked].sort((x, y) => x.open - y.open);
  const done = new Set<Marked>();
  for (const m of byPos) {
    const sentence = sentenceIndexAt(seg, m.inner.start);
    const paragraph = seg.sentences[sentence]!.paragraph;
    // a partial quotation inside a reported clause is the reporter's speaker's words
    const inClause = clauses.find((c) => c.span.start < m.open && m.inner.end <= c.span.end);
    const a = inClause ? undefined : before(m, attributed) ?? after(seg, m, attributed);
    let q: Quote | undefined;
    const sign = inClause || a ? undefined : signed(seg, m);
    if (inClause) q = make(text, m.inner, true, inClause.a, sentence, 0.75);
    else if (a) q = make(text, m.inner, true, a, sentence, 0.85);
    else if (sign) {
      const s = resolver.resolve(sign.st, sign.np);
      q = { text: text.slice(m.inner.start, m.inner.end), direct: true, speakerId: s.speakerId, speaker: s.speaker,
        ...(s.speakerDescription ? { speakerDescription: s.speakerDescription } : {}), anonymous: s.anonymous,
        cue: text.slice(sign.dash.start, sign.dash.end), sentence, evidence: [m.inner, s.span, sign.dash], confidence: 0.7 };
    } else if (standsAlone(seg, m, sentence)) {
      // a quotation standing alone continues the speaker just quoted, or the one the next sentence opens with
      const prev = [last, lastReported(quotes, m.open)].filter((x) => !!x).sort((x, y) => y!.at - x!.at)[0];
      const next = attributed.find((x) => x.cue.sentence === sentence + 1 && (x.cue.subject.lead ?? x.cue.subject.from) === 0 && seg.sentences[sentence + 1]!.paragraph === paragraph);
      if (prev && sentence - sentenceIndexAt(seg, prev.at) <= 2 && paragraph - prev.paragraph <= 1) {
        q = { ...prev.q, direct: true, text: text.slice(m.inner.start, m.inner.end), sentence, evidence: [m.inner, ...prev.q.evidence.slice(1)], confidence: 0.6 };
      } else if (next) q = make(text, m.inner, true, next, sentence, 0.5);
    }
    if (!q) continue;
    done.add(m);
    // a quotation run on over paragraphs is one quote a paragraph, all the same speaker's
    if (m.pieces) for (const p of m.pieces) quotes.push({ ...q, text: text.slice(p.start, p.end), evidence: [p, ...q.evidence.slice(1)] });
    else quotes.push(q);
    if (!inClause || a) last = { q, at: m.inner.start, paragraph };
  }
  return quotes.sort((x, y) => x.evidence[0]!.start - y.evidence[0]!.start);
}

/**
 * A quotation with no verb of saying next to it is speech only when it stands as a sentence
 * of its own (or is long); a few words in marks inside a sentence are a title or a term.
 */
function standsAlone(seg: Segmented, m: Marked, sentence: number): boolean {
  const words = seg.text.slice(m.inner.start, m.inner.end).split(/\s+/).length;
  const before = seg.text.slice(seg.sentences[sentence]!.start, m.open);
  return words >= 8 || words >= 3 && !/[\p{L}\p{N}]/u.test(before);
}

/**
 * A quotation with no closing mark ends before the first later sentence with a verb of
 * saying of its own: the reporter's voice is back.
 */
function endUnclosed(seg: Segmented, m: Marked, cues: Cue[]): Marked {
  const first = sentenceIndexAt(seg, m.open);
  const c = cues.find((x) => x.sentence > first && x.st[x.vi]!.start > m.open);
  if (!c || c.st[0]!.start >= m.close) return m;
  const end = seg.sentences[c.sentence - 1]!.end;
  if (end <= m.inner.start) return m;
  const pieces = m.pieces?.filter((x) => x.start < end).map((x) => ({ start: x.start, end: Math.min(x.end, end) }));
  return { ...m, close: end, closeEnd: end, inner: { start: m.inner.start, end }, pieces: pieces && pieces.length > 1 ? pieces : undefined };
}

/** "“...,” said X" / "“...,” X, who ..., said": an attribution right after the closing mark. */
function after(seg: Segmented, m: Marked, attributed: Attributed[]): Attributed | undefined {
  for (const a of attributed) {
    const c = a.cue;
    const r = c.st[c.regionStart]!;
    if (r.start <= m.close) continue;
    if (c.mode === 'forward') { if (r.start > m.close + 40) return undefined; continue; }
    const gap = seg.text.slice(m.closeEnd, r.start);
    if (/^[\s,.!?;:—–-]*$/u.test(gap)) return a;
    if (r.start > m.close + 40) return undefined;
  }
  return undefined;
}

/**
 * "“...” ― Ana Ruiz" / "“...” — Ana Ruiz, a teacher in Hama": a quotation signed with a dash
 * after its closing mark, the name ending the line (a pull quote, a vox pop). The name's
 * tokens, as a phrase for the speaker resolver.
 */
const SIGNED = /^[ \t]*([―—–])[ \t]*(\p{Lu}[\p{L}\p{M}.’'-]*(?:[ \t]+\p{Lu}[\p{L}\p{M}.’'-]*){0,4})(?:,[^\n]{1,80}?)?[ \t]*\.?[ \t]*$/u;
function signed(seg: Segmented, m: Marked): { st: Token[]; np: NP; dash: Span } | undefined {
  if (m.unclosed) return undefined;
  const para = seg.paragraphs.find((p) => p.start <= m.closeEnd && m.closeEnd <= p.end);
  if (!para) return undefined;
  // The name ends its line: lines of signed quotes often make one paragraph.
  const nl = seg.text.indexOf('\n', m.closeEnd);
  const sign = SIGNED.exec(seg.text.slice(m.closeEnd, nl >= 0 && nl < para.end ? nl : para.end));
  if (!sign) return undefined;
  const dashAt = m.closeEnd + sign[0].indexOf(sign[1]!);
  const nameAt = m.closeEnd + sign[0].indexOf(sign[2]!, dashAt - m.closeEnd + 1), nameEnd = nameAt + sign[2]!.length;
  const sentence = sentenceIndexAt(seg, nameAt);
  const st = tokensOf(seg, sentence);
  const from = st.findIndex((t) => t.start >= nameAt);
  let to = from;
  while (to + 1 < st.length && st[to + 1]!.end <= nameEnd) to++;
  if (from < 0 || st[from]!.end > nameEnd) return undefined;
  return { st, np: { from, to, pronoun: false }, dash: { start: dashAt, end: dashAt + 1 } };
}

/** "X said: “...”": a colon or comma introduction right before the opening mark. */
function before(m: Marked, attributed: Attributed[]): Attributed | undefined {
  return attributed.find((a) => a.cue.mode === 'intro' && a.cue.introAt === m.open);
}

function make(text: string, span: Span, direct: boolean, a: Attributed, sentence: number, confidence: number): Quote {
  const s = a.speaker, c = a.cue;
  const cue = tokSpan(c.st, c.vi, c.last);
  return {
    text: text.slice(span.start, span.end),
    direct,
    speakerId: s.speakerId,
    speaker: s.speaker,
    ...(s.speakerDescription ? { speakerDescription: s.speakerDescription } : {}),
    anonymous: s.anonymous,
    cue: text.slice(cue.start, cue.end),
    sentence,
    evidence: [span, s.span, cue],
    confidence,
  };
}

function makeInside(spans: Span[]): (at: number) => boolean {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  return (at) => {
    let lo = 0, hi = sorted.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1, s = sorted[mid]!;
      if (at < s.start) hi = mid - 1;
      else if (at >= s.end) lo = mid + 1;
      else return true;
    }
    return false;
  };
}
