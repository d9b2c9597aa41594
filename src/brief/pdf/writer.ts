import { winAnsi } from './fonts.ts';

/**
 * A minimal PDF 1.4 writer: pages of text in Helvetica and Helvetica-Bold, straight lines,
 * filled rectangles and circles. No network, no dependency; enough for a brief.
 * Coordinates in points from the bottom-left corner, as PDF has them.
 */
export class PdfWriter {
  private readonly pages: string[][] = [];
  constructor(readonly width = 595.28, readonly height = 841.89) {}

  newPage(): void { this.pages.push([]); }
  private get ops(): string[] {
    if (this.pages.length === 0) this.newPage();
    return this.pages[this.pages.length - 1]!;
  }

  text(x: number, y: number, s: string, size: number, bold = false, grey = false): void {
    const codes = winAnsi(s);
    this.ops.push(`BT ${grey ? '0.35 g ' : '0 g '}/${bold ? 'F2' : 'F1'} ${num(size)} Tf ${num(x)} ${num(y)} Td (${pdfString(codes)}) Tj ET`);
  }

  line(x1: number, y1: number, x2: number, y2: number, width = 1, grey = 0.2): void {
    this.ops.push(`${num(grey)} G ${num(width)} w ${num(x1)} ${num(y1)} m ${num(x2)} ${num(y2)} l S`);
  }

  rect(x: number, y: number, w: number, h: number, rgb: readonly [number, number, number]): void {
    this.ops.push(`${rgb.map(num).join(' ')} rg ${num(x)} ${num(y)} ${num(w)} ${num(h)} re f`);
  }

  circle(cx: number, cy: number, r: number, rgb: readonly [number, number, number]): void {
    const k = 0.5523 * r;
    this.ops.push(`${rgb.map(num).join(' ')} rg ${num(cx + r)} ${num(cy)} m`
      + ` ${num(cx + r)} ${num(cy + k)} ${num(cx + k)} ${num(cy + r)} ${num(cx)} ${num(cy + r)} c`
      + ` ${num(cx - k)} ${num(cy + r)} ${num(cx - r)} ${num(cy + k)} ${num(cx - r)} ${num(cy)} c`
      + ` ${num(cx - r)} ${num(cy - k)} ${num(cx - k)} ${num(cy - r)} ${num(cx)} ${num(cy - r)} c`
      + ` ${num(cx + k)} ${num(cy - r)} ${num(cx + r)} ${num(cy - k)} ${num(cx + r)} ${num(cy)} c f`);
  }

  /** The whole file. `title` goes in the document information. */
  finish(title: string): Buffer {
    if (this.pages.length === 0) this.newPage();
    const objs: string[] = [];
    const add = (body: string): number => { objs.push(body); return objs.length; };
    const catalog = add('');
    const pagesObj = add('');
    const f1 = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
    const f2 = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>');
    const info = add(`<< /Title (${pdfString(winAnsi(title))}) /Producer (parley) >>`);
    const kids: number[] = [];
    for (const ops of this.pages) {
      const content = ops.join('\n');
      const stream = add(`<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`);
      kids.push(add(`<< /Type /Page /Parent ${pagesObj} 0 R /MediaBox [0 0 ${num(this.width)} ${num(this.height)}] /Resources << /Font << /F1 ${f1} 0 R /F2 ${f2} 0 R >> >> /Contents ${stream} 0 R >>`));
    }
    objs[catalog - 1] = `<< /Type /Catalog /Pages ${pagesObj} 0 R >>`;
    objs[pagesObj - 1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`;
    let out = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
    const offsets: number[] = [];
    objs.forEach((body, i) => {
      offsets.push(Buffer.byteLength(out, 'latin1'));
      out += `${i + 1} 0 obj\n${body}\nendobj\n`;
    });
    const xref = Buffer.byteLength(out, 'latin1');
    out += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
    out += `trailer\n<< /Size ${objs.length + 1} /Root ${catalog} 0 R /Info ${info} 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
    return Buffer.from(out, 'latin1');
  }
}

const num = (n: number): string => (Number.isInteger(n) ? String(n) : n.toFixed(2));

/** A PDF literal string of font codes: backslash and parentheses escaped, other codes as bytes. */
function pdfString(codes: readonly number[]): string {
  let s = '';
  for (const c of codes) s += c === 0x5c || c === 0x28 || c === 0x29 ? '\\' + String.fromCharCode(c) : String.fromCharCode(c);
  return s;
}
