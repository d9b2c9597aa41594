import type { Paragraph, Span } from '../../domain/record.ts';

/** A stretch in quotation marks: the marks' offsets and the words between them. */
export interface Marked {
  readonly open: number;
  /** Offset of the closing mark; the paragraph end when the mark is missing. */
  readonly close: number;
  /** Offset just after the closing mark. */
  readonly closeEnd: number;
  readonly inner: Span;
  /** No closing mark was found: the quotation ran to its paragraph's end. */
  readonly unclosed?: boolean;
  /** A quotation run on over paragraphs ("“A. ¶ “B.”"): each paragraph's words, in order. */
  readonly pieces?: Span[];
}

const MARK = /["“”„«»]|''(?!')|``/g;
const DOUBLE = new Set(['"', '“', '”', '„', '«', '»']);
const OPEN_SIDE = /[\s([{\u2014\u2013\-/:]/u;
const SENTENCE_END = /[.!?…]["”’)\]]?\s*$/u;

type Side = 'open' | 'close' | 'either';

/** Width of a double quotation mark at `i`: 1, 2 for two apostrophes ('' as some wires print ”), or 0. */
function markAt(text: string, i: number): number {
  if (DOUBLE.has(text[i]!)) return 1;
  if ((text[i] === "'" && text[i + 1] === "'" || text[i] === '`' && text[i + 1] === '`') && text[i + 2] !== "'") return 2;
  return 0;
}

function sideOf(text: string, i: number, w: number, p: Paragraph): Side {
  const c = text[i]!;
  const before = i > p.start ? text[i - 1]! : ' ';
  const after = i + w < p.end ? text[i + w]! : ' ';
  const canOpen = OPEN_SIDE.test(before) || DOUBLE.has(before);
  const canClose = !/\s/.test(before) && (/\s/.test(after) || /[\p{P}]/u.test(after) || i + w >= p.end);
  if (canOpen && !/\s/.test(after) && !canClose) return 'open';
  if (canClose && !canOpen) return 'close';
  if (c === '“' || c === '„' || c === '«' || c === '`') return 'open';
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
  let open = -1, openW = 1;
  let runOn: number[] = [];
  for (let pi = 0; pi < paragraphs.length; pi++) {
    const p = paragraphs[pi]!;
    MARK.lastIndex = p.start;
    for (let mm = MARK.exec(text); mm && mm.index < p.end; mm = MARK.exec(text)) {
      const i = mm.index;
      const w = markAt(text, i);
      if (!w) continue;
      if (open >= 0 && i === p.start) { runOn.push(i); continue; } // the run-on mark of a quotation over paragraphs
      const side = sideOf(text, i, w, p);
      if (open < 0) {
        if (side !== 'close') { open = i; openW = w; }
      } else if (side === 'open' && SENTENCE_END.test(text.slice(Math.max(open, i - 4), i))) {
        runOn.push(i); // a quotation running on over a lost paragraph break
      } else if (side !== 'open' || text[i] === '"' || w === 2) {
        push(out, text, open, openW, i, w, false, runOn);
        open = -1; runOn = [];
      } else {
        open = i; openW = w; runOn = []; // an unclosed mark earlier: start again here
      }
    }
    if (open >= 0) {
      const next = paragraphs[pi + 1];
      if (next && markAt(text, next.start)) continue;
      push(out, text, open, openW, p.end, 0, true, runOn);
      open = -1; runOn = [];
    }
  }
  return out;
}

function push(out: Marked[], text: string, open: number, openW: number, close: number, closeW: number, unclosed = false, runOn: number[] = []): void {
  const inner = trim(text, open + openW, close);
  if (!inner) return;
  const m = { open, close, closeEnd: close + closeW, inner };
  const cuts = [open, ...runOn, close];
  const pieces: Span[] = [];
  for (let k = 0; k + 1 < cuts.length; k++) {
    const piece = trim(text, cuts[k]! + (k === 0 ? openW : markAt(text, cuts[k]!)), cuts[k + 1]!);
    if (piece) pieces.push(piece);
  }
  out.push({ ...m, ...(unclosed ? { unclosed } : {}), ...(pieces.length > 1 ? { pieces } : {}) });
}

function trim(text: string, start: number, end: number): Span | null {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return end > start && /[\p{L}\p{N}]/u.test(text.slice(start, end)) ? { start, end } : null;
}
