import type { Segmented, Token } from '../domain/record.ts';

/** A lexicon identity's key part: "Syrian government" → "syrian-government". */
export const slug = (s: string): string => s.toLowerCase().normalize('NFKD').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '');

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
