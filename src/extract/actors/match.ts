import type { Word } from './words.ts';
import { TRIE, type Key, type Node } from './lexicon.ts';

/** A stretch of words that some rule or the gazetteer reads as naming an actor. */
export interface Hit {
  /** First and last word index (inclusive). */
  readonly from: number;
  readonly to: number;
  readonly start: number;
  readonly end: number;
  /** Candidate targets; the first is the default reading. */
  readonly keys: Key[];
}

function wordFits(w: Word, keyWord: string, exact: boolean, mustCap: boolean): boolean {
  if (exact) return w.text.replace(/\./g, '') === keyWord.replace(/\./g, '');
  if (mustCap) return w.cap;
  return true;
}

/** Longest gazetteer matches, left to right, over words joined by spaces in one sentence. */
export function matchGazetteer(words: readonly Word[]): Hit[] {
  const hits: Hit[] = [];
  let i = 0;
  while (i < words.length) {
    let node = TRIE;
    let best: { to: number; keys: Key[] } | null = null;
    for (let j = i; j < words.length; j++) {
      const w = words[j]!;
      if (j > i && !w.joined) break;
      // "People's Protection Units": a possessive inside a name is part of the key.
      const plain = node.next.get(w.lc);
      const next = (w.poss ? node.next.get(`${w.lc}'s`) : undefined) ?? plain;
      if (!next) break;
      const possInKey = w.poss && next !== plain;
      const k = j - i;
      const fitsAt = (n: Node) => n.keys.filter((key) => {
        const forms = key.ws;
        if (forms.length !== k + 1) return false;
        for (let x = 0; x <= k; x++) {
          if (!wordFits(words[i + x]!, forms[x]!, key.exact[x]!, x === 0 && key.firstCap)) return false;
        }
        return true;
      });
      // "Russia's influence": when a key goes on with the possessive ("Russia's defence ministry")
      // but the text does not, the name alone still matches.
      if (possInKey && plain) { const f = fitsAt(plain); if (f.length) best = { to: j, keys: f }; }
      node = next;
      const fits = fitsAt(node);
      if (fits.length) best = { to: j, keys: fits };
      if (w.poss && !possInKey) break;
    }
    // In a shouted line ("WHY THIS IS WRONG") a short all-caps word is no acronym.
    if (best && best.to === i && words[i]!.allCaps && words[i]!.text.length <= 3 && ((words[i]!.joined && shouted(words, i - 1, i)) || (words[i + 1]?.joined && shouted(words, i + 1, i)))) best = null;
    // "The Government of National Accord": a generic phrase that a capitalised name goes on from is that name's start.
    if (best && best.keys.every((k) => k.cond === 'generic') && words[best.to]!.cap && namedOn(words, best.to)) best = null;
    if (best) {
      hits.push({ from: i, to: best.to, start: words[i]!.start, end: words[best.to]!.end, keys: best.keys });
      i = best.to + 1;
    } else i++;
  }
  return hits;
}

const shouted = (words: readonly Word[], k: number, i: number): boolean => {
  const w = words[k];
  return !!w && w.sentence === words[i]!.sentence && w.allCaps && /\p{Lu}{2}/u.test(w.text) && !/\d/.test(w.text);
};

const namedOn = (words: readonly Word[], to: number): boolean => {
  const of = words[to + 1], n = words[to + 2];
  return !!of && !!n && of.joined && n.joined && of.sentence === words[to]!.sentence && (of.lc === 'of' || of.lc === 'for') && n.cap;
};
