/** Normalised text for keys: case, accents, punctuation and spacing ignored; a leading "the" dropped. Pure. */
export function norm(s: string | null | undefined): string {
  if (!s) return '';
  return s
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/['’]s\b/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/^the /, '');
}

/** `x` matched literally inside a regular expression. */
export const escapeRegExp = (x: string): string => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `needle` (normalised words) occurs in `hay` (normalised words) as whole words. */
export function hasWords(hay: string, needle: string): boolean {
  if (!needle) return false;
  return ` ${hay} `.includes(` ${needle} `);
}

const ORD: Record<string, number> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
  eleventh: 11, twelfth: 12, thirteenth: 13, fourteenth: 14, fifteenth: 15, sixteenth: 16, seventeenth: 17,
  eighteenth: 18, nineteenth: 19, twentieth: 20,
};
const ORD_RE = new RegExp(`\\b(?:(${Object.keys(ORD).join('|')})|(\\d{1,2})(?:st|nd|rd|th))\\s+(?:\\w+\\s+)?(?:round|session)\\b|\\b(?:round|session)\\s+(\\d{1,2})\\b`, 'i');

/** The round a phrase names: "the second round of talks" → 2, "round 3" → 3, "the 4th session" → 4. */
export function ordinalIn(s: string | null | undefined): number | undefined {
  if (!s) return undefined;
  const m = ORD_RE.exec(s);
  if (!m) return undefined;
  return m[1] ? ORD[m[1].toLowerCase()] : Number(m[2] ?? m[3]);
}
