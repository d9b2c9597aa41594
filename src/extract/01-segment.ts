import type { Paragraph, Segmented, Sentence, Token } from '../domain/record.ts';
import { nlp, its } from './nlp.ts';

/**
 * Stage 1: cut the text as read into paragraphs, sentences and tokens, all as offsets into
 * the untouched text. Scraped text comes with bullet symbols, markdown headings and stray
 * blank lines, even inside a sentence; those are stepped over, never rewritten.
 */
export function segment(text: string): Segmented {
  const paragraphs = findParagraphs(text);
  const sentences: Sentence[] = [];
  const tokens: Token[] = [];
  for (const p of paragraphs) {
    const doc = nlp.readDoc(text.slice(p.start, p.end));
    const values = doc.tokens().out(its.value) as string[];
    const spaces = doc.tokens().out(its.precedingSpaces) as string[];
    const pos = doc.tokens().out(its.pos) as string[];
    const starts: number[] = [];
    let at = p.start;
    for (let i = 0; i < values.length; i++) {
      at += spaces[i]!.length;
      starts.push(at);
      at += values[i]!.length;
    }
    doc.sentences().each((s: any) => {
      const [first, last] = s.out(its.span) as unknown as [number, number];
      const start = starts[first]!;
      const end = starts[last]! + values[last]!.length;
      if (end <= start) return;
      const index = sentences.length;
      sentences.push({ index, paragraph: p.index, start, end });
      for (let i = first; i <= last; i++) {
        tokens.push({ start: starts[i]!, end: starts[i]! + values[i]!.length, text: values[i]!, pos: pos[i]!, sentence: index });
      }
    });
  }
  return { text, paragraphs, sentences: mergeSplitQuotes(text, sentences, tokens), tokens };
}

const BULLET = /^(?:[#>]+|[-*+•·●▪■□☐☒☑◦‣–—]|\d+[.)])\s+/u;
const TERMINAL = /[.!?:"'”’)\]]$/u;

/** Paragraphs are blocks between blank lines, with bullets and heading marks stepped over. */
export function findParagraphs(text: string): Paragraph[] {
  const blocks: { start: number; end: number }[] = [];
  const re = /[^\n]+(?:\n[ \t]*[^\s][^\n]*)*/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    let start = m.index;
    let end = m.index + m[0].length;
    while (start < end && /\s/.test(text[start]!)) start++;
    const bullet = BULLET.exec(text.slice(start, Math.min(end, start + 12)));
    if (bullet) start += bullet[0].length;
    while (end > start && /\s/.test(text[end - 1]!)) end--;
    if (end > start) blocks.push({ start, end });
  }
  // A blank line inside a sentence (a block ending mid-sentence, the next starting in lower
  // case) is a scraping artefact: the two blocks are one paragraph.
  const merged: { start: number; end: number }[] = [];
  for (const b of blocks) {
    const prev = merged.at(-1);
    if (prev && !TERMINAL.test(text.slice(prev.start, prev.end)) && /^[a-z]/.test(text[b.start]!) && /[a-z,]$/.test(text[prev.end - 1]!)) {
      prev.end = b.end;
    } else merged.push({ ...b });
  }
  return merged.map((b, index) => ({ ...b, index }));
}

/**
 * wink ends a sentence inside a quotation when the quoted words end in a full stop
 * (“... at best,” said the representative). A sentence that starts with a lower-case
 * attribution verb after a closing mark belongs to the one before.
 */
function mergeSplitQuotes(text: string, sentences: Sentence[], _tokens: Token[]): Sentence[] {
  const out: Sentence[] = [];
  for (const s of sentences) {
    const prev = out.at(-1);
    if (prev && prev.paragraph === s.paragraph && /^[a-z]/.test(text[s.start]!)) {
      out[out.length - 1] = { ...prev, end: s.end };
      continue;
    }
    out.push({ ...s, index: out.length });
  }
  // Re-number tokens' sentence index to the merged sentences.
  if (out.length !== sentences.length) {
    let j = 0;
    for (const t of _tokens) {
      while (j < out.length - 1 && t.start >= out[j]!.end) j++;
      (t as { sentence: number }).sentence = j;
    }
  }
  return out;
}
