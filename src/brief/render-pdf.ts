import { footnoteText } from './footnotes.ts';
import type { Brief, Line } from './model.ts';
import { widthOf, winAnsi } from './pdf/fonts.ts';
import { PdfWriter } from './pdf/writer.ts';
import { headerLine } from './render-md.ts';
import { timelineChart, type Chart } from './timeline.ts';

const MARGIN = 56;

/** Lays text out top to bottom on A4 pages, wrapping at word boundaries (long words are cut). */
class Layout {
  readonly pdf = new PdfWriter();
  private y = 0;
  readonly left = MARGIN;
  readonly right: number;
  constructor() {
    this.right = this.pdf.width - MARGIN;
    this.page();
  }
  private page(): void {
    this.pdf.newPage();
    this.y = this.pdf.height - MARGIN;
  }
  /** Starts a new page unless `h` points still fit on this one. */
  need(h: number): void {
    if (this.y - h < MARGIN) this.page();
  }
  gap(h: number): void { this.y -= h; }

  para(text: string, o: { size?: number; bold?: boolean; indent?: number; bullet?: string; grey?: boolean } = {}): void {
    const size = o.size ?? 10;
    const lead = size * 1.3;
    const x = this.left + (o.indent ?? 0);
    const lines = wrap(text, this.right - x, size, o.bold);
    lines.forEach((l, i) => {
      this.need(lead);
      this.y -= lead;
      if (i === 0 && o.bullet) this.pdf.text(x - 10, this.y, o.bullet, size, o.bold, o.grey);
      this.pdf.text(x, this.y, l, size, o.bold, o.grey);
    });
  }

  chart(c: Chart): void {
    if (c.height === 0) return;
    this.need(c.height + 6);
    const top = this.y - 4;
    const X = (x: number): number => this.left + x;
    const Y = (y: number): number => top - y;
    for (const s of c.shapes) {
      if (s.type === 'line') this.pdf.line(X(s.x1), Y(s.y1), X(s.x2), Y(s.y2), s.grey ? 0.4 : 0.8, s.grey ? 0.7 : 0.2);
      else if (s.type === 'mark') {
        if (s.kind === 'round') this.pdf.rect(X(s.x) - 4, Y(s.y) - 4, 8, 8, [0.12, 0.37, 0.55]);
        else this.pdf.circle(X(s.x), Y(s.y), 3.5, [0.75, 0.22, 0.17]);
      } else {
        const w = widthOf(winAnsi(s.text), s.size);
        const x = s.anchor === 'end' ? X(s.x) - w : s.anchor === 'middle' ? X(s.x) - w / 2 : X(s.x);
        this.pdf.text(x, Y(s.y), s.text, s.size);
      }
    }
    this.y = top - c.height - 6;
  }
}

/** Greedy wrapping by the font's widths. */
export function wrap(text: string, width: number, size: number, bold = false): string[] {
  const out: string[] = [];
  let cur = '';
  const fits = (s: string): boolean => widthOf(winAnsi(s), size, bold) <= width;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = cur ? `${cur} ${word}` : word;
    if (fits(next)) { cur = next; continue; }
    if (cur) out.push(cur);
    cur = word;
    while (!fits(cur)) {
      let i = cur.length - 1;
      while (i > 1 && !fits(cur.slice(0, i))) i--;
      out.push(cur.slice(0, i));
      cur = cur.slice(i);
    }
  }
  if (cur) out.push(cur);
  return out;
}

const lineText = (l: Line): string =>
  `${l.proposed ? '[proposed] ' : ''}${l.contested ? '[contested] ' : ''}${l.text} ${l.notes.map((n) => `[${n}]`).join('')}`.trimEnd();

/** The brief as a PDF made here: standard fonts, the timeline drawn with lines and marks. */
export function briefPdf(b: Brief): Buffer {
  const L = new Layout();
  L.para(b.title, { size: 16, bold: true });
  L.gap(4);
  L.para(headerLine(b), { size: 9, grey: true });
  for (const s of b.sections) {
    L.gap(10);
    L.para(s.title, { size: 12, bold: true });
    if (s.groups.every((g) => g.lines.length === 0)) { L.para(s.empty, { grey: true }); continue; }
    for (const g of s.groups) {
      if (g.lines.length === 0) continue;
      if (g.heading) { L.gap(3); L.para(g.heading, { bold: true, size: 10 }); }
      for (const l of g.lines) L.para(lineText(l), { indent: 14, bullet: '•' });
    }
  }
  L.gap(10);
  const chart = timelineChart(b.timeline, L.right - L.left);
  L.need(Math.min(chart.height + 40, 600));
  L.para('Timeline', { size: 12, bold: true });
  if (b.timeline.length === 0) L.para('Nothing dated in the reviewed record.', { grey: true });
  else {
    L.gap(6);
    L.chart(chart);
    L.para('Squares: rounds; dots: events; numbers in brackets: sources.', { size: 8, grey: true });
  }
  L.gap(10);
  L.para('Sources', { size: 12, bold: true });
  for (const f of b.footnotes) L.para(`[${f.n}] ${footnoteText(f)}`, { size: 9, indent: 0 });
  return L.pdf.finish(b.title);
}
