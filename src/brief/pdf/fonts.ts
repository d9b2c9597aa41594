/**
 * Helvetica, one of the PDF standard fonts every reader has (no font file embedded), in
 * WinAnsiEncoding. Widths (1/1000 em) of characters 32..126 from Adobe's Helvetica AFM; bold is
 * measured about 5 % wider, enough for wrapping.
 */
const W = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,
  556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,
  1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,
  667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,
  333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,
  556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
];

/** Characters of WinAnsiEncoding outside Latin-1, by their code in the font. */
const WIN_ANSI: Record<string, number> = {
  '€': 0x80, '‚': 0x82, 'ƒ': 0x83, '„': 0x84, '…': 0x85, '†': 0x86, '‡': 0x87, 'ˆ': 0x88, '‰': 0x89, 'Š': 0x8a, '‹': 0x8b, 'Œ': 0x8c,
  'Ž': 0x8e, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '•': 0x95, '–': 0x96, '—': 0x97, '˜': 0x98, '™': 0x99, 'š': 0x9a, '›': 0x9b,
  'œ': 0x9c, 'ž': 0x9e, 'Ÿ': 0x9f,
};
const FALLBACK: Record<string, string> = { '■': '#', '●': '*', '→': '->', '←': '<-', '≈': '~', '−': '-', '\u00a0': ' ' };

/** The text as font codes: Latin-1 and WinAnsi kept, accents stripped from other letters, else '?'. */
export function winAnsi(s: string): number[] {
  const out: number[] = [];
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if ((c >= 32 && c <= 126) || (c >= 0xa0 && c <= 0xff)) out.push(c);
    else if (WIN_ANSI[ch] !== undefined) out.push(WIN_ANSI[ch]);
    else if (FALLBACK[ch] !== undefined) out.push(...[...FALLBACK[ch]].map((x) => x.charCodeAt(0)));
    else if (c === 9 || c === 10 || c === 13) out.push(32);
    else {
      const base = ch.normalize('NFD').replace(/\p{M}/gu, '');
      const b = base.codePointAt(0) ?? 63;
      out.push(base.length === 1 && b < 0x100 && b >= 32 ? b : 63);
    }
  }
  return out;
}

/** Width in points of the font codes at `size`. */
export function widthOf(codes: readonly number[], size: number, bold = false): number {
  let w = 0;
  for (const c of codes) w += c >= 32 && c <= 126 ? W[c - 32]! : 556;
  return (w * size * (bold ? 1.05 : 1)) / 1000;
}
