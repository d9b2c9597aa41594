import type { Span } from '../../domain/record.ts';

/** Words that separate what a speaker did from what is reported: attributes do not cross them. */
const BARRIER = /;|\b(?:said|says|told|according to|claimed|denied|warned|insisted|added|announced)\b/iu;
/** A date right after a verb of saying dates the saying, not the event ("denied on Sunday that"). */
const SPEECH_BEFORE = /\b(?:said|says|told|announced|denied|claimed|warned|insisted|added|stated|reported|declared|confirmed|tweeted)(?:\s+[\w’'-]+){0,2}\s+$/iu;

export function sameClause(text: string, a: Span, b: Span): boolean {
  const [x, y] = a.start <= b.start ? [a, b] : [b, a];
  if (y.start <= x.end) return true;
  return !BARRIER.test(text.slice(x.end, y.start));
}

export function datesSpeech(text: string, sentenceStart: number, at: number): boolean {
  return SPEECH_BEFORE.test(text.slice(Math.max(sentenceStart, at - 50), at));
}

export const distance = (a: Span, b: Span): number => (a.end <= b.start ? b.start - a.end : b.end <= a.start ? a.start - b.end : 0);
