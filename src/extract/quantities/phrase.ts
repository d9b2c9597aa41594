import type { Segmented } from '../../domain/record.ts';
import { tokensOf } from '../text-utils.ts';

const STOP = new Set([
  'of', 'in', 'on', 'at', 'from', 'to', 'for', 'with', 'by', 'and', 'or', 'but', 'nor', 'who', 'which', 'that', 'whose', 'whom',
  'were', 'was', 'are', 'is', 'have', 'has', 'had', 'will', 'would', 'could', 'can', 'may', 'might', 'should', 'must', 'been', 'be',
  'as', 'than', 'per', 'into', 'across', 'among', 'including', 'also', 'still', 'currently', 'reportedly', 'each', 'a', 'an', 'the',
  'their', 'his', 'her', 'its', 'they', 'he', 'she', 'it', 'we', 'there', 'said', 'say', 'says', 'more', 'less', 'over', 'under',
  'about', 'around', 'since', 'after', 'before', 'during', 'while', 'when', 'where', 'if', 'so', 'then', 'now', 'too', 'all', 'both',
  'alone', 'only', 'just', 'ago', 'each', 'every', 'out', 'up', 'down', 'off', 'away', 'back', 'against', 'between', 'within', 'without',
]);
const STOP_POS = new Set(['VERB', 'AUX', 'ADP', 'CCONJ', 'SCONJ', 'DET', 'PRON', 'PART', 'NUM', 'ADV', 'PUNCT', 'SYM']);
const HEDGES = new Set(['mostly', 'mainly', 'largely', 'predominantly', 'overwhelmingly', 'primarily', 'newly', 'internally']);
const WORD = /[ \t\u00a0]*([A-Za-z][A-Za-z’'-]*)/y;

/** Part-of-speech tags of a sentence by the offset where each token starts. */
export function posBySentence(seg: Segmented, sentence: number): Map<number, string> {
  const m = new Map<number, string>();
  for (const t of tokensOf(seg, sentence)) m.set(t.start, t.pos);
  return m;
}

/**
 * The counted noun phrase right after a number ("Iranian troops", "foreign men"): up to four
 * adjectives and nouns, stopping at function words, verbs and punctuation. Offsets are into
 * `text`, `pos` is keyed by the same offsets shifted by `base`.
 */
export function nounAfter(text: string, from: number, pos: Map<number, string>, base: number): { words: string[]; end: number } {
  const words: string[] = [];
  let end = from, at = from, hasNoun = false;
  while (words.length < 5) {
    WORD.lastIndex = at;
    const m = WORD.exec(text);
    if (!m) break;
    const w = m[1]!, ws = m.index + m[0].length - w.length;
    const p = pos.get(base + ws) ?? 'NOUN';
    const lw = w.toLowerCase();
    if (STOP.has(lw)) break;
    // "mostly Arab refugees": a hedging adverb inside the noun phrase
    if (HEDGES.has(lw)) { at = m.index + m[0].length; continue; }
    if (STOP_POS.has(p) && (p !== 'VERB' || hasNoun)) break;
    if (STOP_POS.has(p)) {
      // a participle before a noun is an adjective: "suspected Isis fighters", "displaced people"
      WORD.lastIndex = m.index + m[0].length;
      const next = /^(?:ed|ing)$/.test(lw.slice(-2)) || /ed$|ing$/.test(lw) ? WORD.exec(text) : null;
      const np = next ? pos.get(base + next.index + next[0].length - next[1]!.length) : undefined;
      let ok = !!next && (np === 'NOUN' || np === 'PROPN') && !STOP.has(next[1]!.toLowerCase());
      if (next && np === 'ADJ') {
        // "suspected foreign fighters": an adjective between the participle and the noun
        const third = WORD.exec(text);
        const tp = third ? pos.get(base + third.index + third[0].length - third[1]!.length) : undefined;
        ok = tp === 'NOUN' || tp === 'PROPN';
      }
      if (!ok) break;
    }
    words.push(w.replace(/['’]s$/, ''));
    if (p === 'NOUN' || p === 'PROPN') hasNoun = true;
    end = ws + w.length;
    at = end;
    if (/['’]s$/.test(w)) break;
  }
  return { words, end };
}
