import type { Segmented, Sentence, Span, Token } from '../domain/record.ts';

/** The sentence holding offset `at` (binary search; sentences are in order). */
export function sentenceAt(seg: Segmented, at: number): Sentence | undefined {
  let lo = 0, hi = seg.sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = seg.sentences[mid]!;
    if (at < s.start) hi = mid - 1;
    else if (at >= s.end) lo = mid + 1;
    else return s;
  }
  return undefined;
}

/** Index of the sentence holding `at`, or the last sentence starting before it. */
export function sentenceIndexAt(seg: Segmented, at: number): number {
  let lo = 0, hi = seg.sentences.length - 1, best = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (seg.sentences[mid]!.start <= at) { best = mid; lo = mid + 1; } else hi = mid - 1;
  }
  return best;
}

/** Tokens of one sentence (tokens are in order, each carries its sentence index). */
export function tokensOf(seg: Segmented, sentence: number): Token[] {
  const out: Token[] = [];
  let lo = 0, hi = seg.tokens.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (seg.tokens[mid]!.sentence < sentence) lo = mid + 1; else hi = mid; }
  for (let i = lo; i < seg.tokens.length && seg.tokens[i]!.sentence === sentence; i++) out.push(seg.tokens[i]!);
  return out;
}

export const textOf = (seg: Segmented, s: Span): string => seg.text.slice(s.start, s.end);

/** All matches of a global regex inside a span, as spans into the whole text. */
export function matchesIn(text: string, within: Span, re: RegExp): { span: Span; m: RegExpExecArray }[] {
  if (!re.global) throw new Error('matchesIn needs a global regex');
  const slice = text.slice(within.start, within.end);
  const out: { span: Span; m: RegExpExecArray }[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(slice); m; m = re.exec(slice)) {
    if (m[0].length === 0) { re.lastIndex++; continue; }
    out.push({ span: { start: within.start + m.index, end: within.start + m.index + m[0].length }, m });
  }
  return out;
}
