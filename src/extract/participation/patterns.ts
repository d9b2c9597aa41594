/**
 * Turns the cue patterns of the JSON lexicons into regular expressions, once, at module load.
 * Pattern syntax: words separated by spaces; `a|b` alternatives, `[a|b]` optional alternatives,
 * `*` one optional word. With `verb`, the first word's alternatives are inflected.
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
  return (verb ? alts.flatMap((a) => inflect(a, irregular)) : alts).map((w) => w.split('-')[0]!.replace(/’/g, "'"));
}

/** The words of a sentence, lower case, for a quick look before running a cue's regex. */
export function wordSet(tokens: readonly { text: string }[]): Set<string> {
  const out = new Set<string>();
  for (const t of tokens) out.add(t.text.toLowerCase().replace(/’/g, "'"));
  return out;
}

export const mayMatch = (words: ReadonlySet<string>, first: readonly string[] | null): boolean => {
  if (first === null) return true;
  for (const w of first) if (words.has(w)) return true;
  return false;
};
