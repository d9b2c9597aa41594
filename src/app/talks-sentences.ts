import type { Span } from '../domain/span.ts';

/** A talks event as stored: its sentence index, that sentence's text, its evidence in the document. */
export interface StoredTalks { readonly sentence: number; readonly text: string; readonly evidence: readonly Span[] }

/** A sentence longer than this is cut around the evidence (a run of text with no full stop). */
const MAX_SENTENCE = 600;
const END_BEFORE = /[.!?]["'”’)\]]*\s+|\n\s*/g;
const END_AFTER = /[.!?]["'”’)\]]*(?=\s|$)|\n/;

/**
 * The text of the sentences that hold a document's talks events, by sentence index, as
 * `processDocOf` (src/record/processes.ts) gives it from an extraction: each event's own sentence,
 * then the other sentences its evidence reaches (one talks event reported over several
 * sentences: "... collapsed. ... the eighth round ...") unless another talks event sits there.
 * The store keeps each claim's own sentence only; the others are cut from the document text at
 * the full stops around the evidence (the segmenter's boundaries, near enough for an ordinal).
 */
export function talksSentences(doc: string, talks: readonly StoredTalks[]): Record<number, string> {
  const own = new Map<number, Span | undefined>();
  for (const t of talks) if (!own.has(t.sentence)) own.set(t.sentence, locate(doc, t));
  const owned = [...own.values()].filter((r): r is Span => !!r);
  const out: Record<number, string> = {};
  for (const t of talks) {
    const parts = [t.text];
    const seen = new Set<number>();
    for (const ev of t.evidence) {
      if (ev.start < 0 || ev.start >= doc.length || owned.some((r) => ev.start >= r.start && ev.start < r.end)) continue;
      const r = sentenceAround(doc, ev.start);
      if (seen.has(r.start)) continue;
      seen.add(r.start);
      parts.push(doc.slice(r.start, r.end));
    }
    const text = parts.filter(Boolean).join('\n');
    if (text) out[t.sentence] = out[t.sentence] ? `${out[t.sentence]}\n${text}` : text;
  }
  return out;
}

/** Where a talks event's own sentence lies in the document: the occurrence its evidence falls in, else the first. */
function locate(doc: string, t: StoredTalks): Span | undefined {
  if (!t.text) return undefined;
  let first: Span | undefined;
  for (let at = doc.indexOf(t.text); at >= 0; at = doc.indexOf(t.text, at + 1)) {
    const r = { start: at, end: at + t.text.length };
    first ??= r;
    if (t.evidence.some((ev) => ev.start >= r.start && ev.start < r.end)) return r;
  }
  return first;
}

/** The sentence around an offset: from the end of the sentence before to the next full stop or line break. */
export function sentenceAround(doc: string, at: number): Span {
  const lo = Math.max(0, at - MAX_SENTENCE);
  let start = lo;
  END_BEFORE.lastIndex = 0;
  const before = doc.slice(lo, at);
  for (let m = END_BEFORE.exec(before); m; m = END_BEFORE.exec(before)) start = lo + m.index + m[0].length;
  const after = doc.slice(at, at + MAX_SENTENCE);
  const m = END_AFTER.exec(after);
  const end = m ? at + m.index + (m[0] === '\n' ? 0 : m[0].length) : Math.min(doc.length, at + MAX_SENTENCE);
  return { start, end };
}
