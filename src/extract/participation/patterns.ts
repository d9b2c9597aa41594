/**
 * Turns the cue patterns of the JSON lexicons into regular expressions, once, at module load.
 * Pattern syntax: words separated by spaces; `a|b` alternatives, `[a|b]` optional alternatives,
 * `*` one optional word, `~` one optional word in lower case (no name). With `verb`, the first word's alternatives are inflected.
 */

export type Irregular = Record<string, string[]>;

const esc = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/['’]/g, "['’]");

/** attend → attend, attends, attended, attending (plus irregular forms). */
export function inflect(word: string, irregular: Irregular): string[] {
  const forms = new Set([word]);
  const irr = irregular[word];
  if (irr) for (const f of irr) forms.add(f);
  else {
    const w = word;
    forms.add(/(s|sh|ch|x|o)$/.test(w) ? `${w}es` : /[^aeiou]y$/.test(w) ? `${w.slice(0, -1)}ies` : `${w}s`);
    if (/ee$/.test(w)) { forms.add(`${w}d`); forms.add(`${w}ing`); }
    else if (/e$/.test(w)) { forms.add(`${w}d`); forms.add(`${w.slice(0, -1)}ing`); }
    else if (/[^aeiou]y$/.test(w)) { forms.add(`${w.slice(0, -1)}ied`); forms.add(`${w}ing`); }
    else { forms.add(`${w}ed`); forms.add(`${w}ing`); }
  }
  return [...forms];
}

/** The regex source of one pattern (no flags, no word boundaries). */
export function patternSource(pattern: string, verb: boolean, irregular: Irregular): string {
  const parts = pattern.trim().split(/\s+/);
  const out: string[] = [];
  parts.forEach((p, i) => {
    const sep = i === 0 ? '' : '\\s+';
    if (p === '*') { out.push("(?:\\s+[\\w’',.-]+)?"); return; }
    // '~' compiles as '*'; the caller checks that those words are in lower case.
    if (p === '~') { out.push("(?:\\s+[\\w’',.-]+)?"); return; }
    const optional = p.startsWith('[') && p.endsWith(']');
    const body = optional ? p.slice(1, -1) : p;
    let alts = body.split('|');
    if (verb && i === 0) alts = alts.flatMap((a) => inflect(a, irregular));
    const alt = `(?:${alts.sort((a, b) => b.length - a.length).map(esc).join('|')})`;
    out.push(optional ? `(?:${sep}${alt})?` : `${sep}${alt}`);
  });
  return out.join('');
}

/** A global, case-insensitive regex for a pattern, bounded at word edges. */
export function compilePattern(pattern: string, verb: boolean, irregular: Irregular): RegExp {
  const src = patternSource(pattern, verb, irregular);
  const lead = /^['’]/.test(pattern) ? '' : '(?<![\\w’\'-])';
  return new RegExp(`${lead}(?:${src})(?![\\w-])`, 'giu');
}

/** A regex matching any of the phrases as whole words. */
export function phraseRegex(phrases: readonly string[], flags = 'giu'): RegExp {
  const alts = [...phrases].sort((a, b) => b.length - a.length).map((p) => esc(p).replace(/\s+/g, '\\s+'));
  return new RegExp(`(?<![\\w-])(?:${alts.join('|')})(?![\\w-])`, flags);
}

/** The words a match of the pattern can start with (lower case), or null when any word can. */
export function firstWords(pattern: string, verb: boolean, irregular: Irregular): string[] | null {
  const first = pattern.trim().split(/\s+/)[0]!;
  if (first === '*' || first.startsWith('[')) return null;
  const alts = first.split('|').map((a) => a.toLowerCase());
  // Tokens split "de-escalation" at the hyphen: a hyphenated word is known by its first part.
  // Some tokenisers keep it whole ("co-sponsored"): both forms are indexed.
  return (verb ? alts.flatMap((a) => inflect(a, irregular)) : alts).flatMap((w) => [...new Set([w, w.split('-')[0]!])].map((x) => x.replace(/’/g, "'")));
}

const wordsCache = new WeakMap<object, string[][]>();

/** The words of a sentence, lower case, computed once per document for both stages. */
export function sentenceWords(seg: object, sentence: number, tokens: () => readonly { text: string }[]): readonly string[] {
  let all = wordsCache.get(seg);
  if (!all) { all = []; wordsCache.set(seg, all); }
  let w = all[sentence];
  if (!w) {
    w = tokens().map((t) => { const x = t.text.toLowerCase(); return x.includes('’') ? x.replace(/’/g, "'") : x; });
    all[sentence] = w;
  }
  return w;
}

/** Which cues can match a sentence, from the words their matches start with. */
export class FirstWordIndex {
  private readonly byWord = new Map<string, number[]>();
  private readonly always: number[] = [];
  constructor(private readonly size: number, firsts: readonly (readonly string[] | null)[]) {
    firsts.forEach((f, i) => {
      if (f === null) { this.always.push(i); return; }
      for (const w of new Set(f)) { let l = this.byWord.get(w); if (!l) this.byWord.set(w, (l = [])); l.push(i); }
    });
  }

  /** A flag per cue: true when one of its first words is among the sentence's words. */
  candidates(words: readonly string[]): boolean[] {
    const out = new Array<boolean>(this.size).fill(false);
    for (const i of this.always) out[i] = true;
    for (const w of words) { const l = this.byWord.get(w); if (l) for (const i of l) out[i] = true; }
    return out;
  }
}
