import type { Paragraph, Span } from '../../domain/record.ts';

/** A stretch in quotation marks: the marks' offsets and the words between them. */
export interface Marked {
  readonly open: number;
  /** Offset of the closing mark; the paragraph end when the mark is missing. */
  readonly close: number;
  readonly inner: Span;
  /** No closing mark was found: the quotation ran to its paragraph's end. */
  readonly unclosed?: boolean;
}

const DOUBLE = new Set(['"', '“', '”', '„', '«', '»']);
const OPEN_SIDE = /[\s([{\u2014\u2013\-/:]/u;
const SENTENCE_END = /[.!?…]["”’)\]]?\s*$/u;

type Side = 'open' | 'close' | 'either';

function sideOf(text: string, i: number, p: Paragraph): Side {
  const c = text[i]!;
  const before = i > p.start ? text[i - 1]! : ' ';
  const after = i + 1 < p.end ? text[i + 1]! : ' ';
  const canOpen = OPEN_SIDE.test(before) || DOUBLE.has(before);
  const canClose = !/\s/.test(before) && (/\s/.test(after) || /[\p{P}]/u.test(after) || i + 1 >= p.end);
  if (canOpen && !/\s/.test(after) && !canClose) return 'open';
  if (canClose && !canOpen) return 'close';
  if (c === '“' || c === '„' || c === '«') return 'open';
  if (c === '”' || c === '»') return 'close';
  return 'either';
}

/**
 * Direct speech: pairs of double quotation marks, straight or curly, told apart by what
 * stands on each side. A quotation whose paragraph ends with no closing mark runs on when
 * the next paragraph opens with a mark (the convention for speech over paragraphs); a new
 * opening mark right after a sentence's end inside an open quotation is the same
 * convention with the paragraph break lost.
 */
export function findMarked(text: string, paragraphs: Paragraph[]): Marked[] {
  const out: Marked[] = [];
  let open = -1;
  for (let pi = 0; pi < paragraphs.length; pi++) {
    const p = paragraphs[pi]!;
    for (let i = p.start; i < p.end; i++) {
      if (!DOUBLE.has(text[i]!)) continue;
      if (open >= 0 && i === p.start) continue; // the run-on mark of a quotation over paragraphs
      const side = sideOf(text, i, p);
      if (open < 0) {
        if (side !== 'close') open = i;
      } else if (side === 'open' && SENTENCE_END.test(text.slice(Math.max(open, i - 4), i))) {
        // a quotation running on over a lost paragraph break
      } else if (side !== 'open' || text[i] === '"') {
        push(out, text, open, i);
        open = -1;
      } else {
        open = i; // an unclosed mark earlier: start again here
      }
    }
    if (open >= 0) {
      const next = paragraphs[pi + 1];
      if (next && DOUBLE.has(text[next.start]!)) continue;
      push(out, text, open, p.end, true);
      open = -1;
    }
  }
  return out;
}

function push(out: Marked[], text: string, open: number, close: number, unclosed = false): void {
  let start = open + 1, end = close;
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  if (end > start && /[\p{L}\p{N}]/u.test(text.slice(start, end))) out.push(unclosed ? { open, close, inner: { start, end }, unclosed } : { open, close, inner: { start, end } });
}
