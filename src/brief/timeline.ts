import type { TimelineItem } from './model.ts';

/** The timeline chart as plain shapes in points (y down), drawn by both the SVG and the PDF renderers. */
export type Shape =
  | { readonly type: 'line'; readonly x1: number; readonly y1: number; readonly x2: number; readonly y2: number; readonly grey?: boolean }
  | { readonly type: 'mark'; readonly x: number; readonly y: number; readonly kind: TimelineItem['kind'] }
  | { readonly type: 'text'; readonly x: number; readonly y: number; readonly text: string; readonly size: number; readonly anchor?: 'start' | 'middle' | 'end' };

export interface Chart { readonly width: number; readonly height: number; readonly shapes: Shape[] }

const DAY = 864e5;
const ROW = 12;
const AXIS = 22;
/** Helvetica's average advance at 1 pt is about 0.5 pt: enough to keep labels apart. */
export const textWidth = (s: string, size: number): number => s.length * size * 0.5;

/**
 * A dated axis on top, then one row per item in date order: a square (round) or a dot (event) at
 * its date, a faint line from the left edge to it, its label beside it (on its left near the right
 * edge). Nothing crosses a label.
 */
export function timelineChart(items: readonly TimelineItem[], width = 520): Chart {
  if (items.length === 0) return { width, height: 0, shapes: [] };
  const days = items.map((i) => Date.parse(i.date) / DAY);
  let lo = Math.min(...days), hi = Math.max(...days);
  if (hi - lo < 2) { lo -= 1; hi += 1; }
  const left = 10, right = width - 10;
  const xOf = (d: number): number => left + ((d - lo) / (hi - lo)) * (right - left);
  const iso = (d: number): string => new Date(d * DAY).toISOString().slice(0, 10);
  const shapes: Shape[] = [
    { type: 'line', x1: left, y1: AXIS, x2: right, y2: AXIS },
    { type: 'text', x: left, y: AXIS - 6, text: iso(lo), size: 8, anchor: 'start' },
    { type: 'text', x: right, y: AXIS - 6, text: iso(hi), size: 8, anchor: 'end' },
  ];
  items.forEach((it, i) => {
    const x = xOf(days[i]!);
    const y = AXIS + 12 + i * ROW;
    const label = `${it.date} ${it.label}`.slice(0, 60) + (it.notes.length ? ` [${it.notes.join(',')}]` : '');
    const onRight = x + 8 + textWidth(label, 8) <= right;
    if (onRight) shapes.push({ type: 'line', x1: left, y1: y, x2: x, y2: y, grey: true });
    shapes.push({ type: 'mark', x, y, kind: it.kind }, { type: 'text', x: onRight ? x + 7 : x - 7, y: y + 3, text: label, size: 8, anchor: onRight ? 'start' : 'end' });
  });
  return { width, height: AXIS + 12 + items.length * ROW, shapes };
}

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function chartSvg(c: Chart): string {
  if (c.shapes.length === 0) return '';
  const body = c.shapes.map((s) => {
    if (s.type === 'line') return `<line x1="${s.x1.toFixed(1)}" y1="${s.y1.toFixed(1)}" x2="${s.x2.toFixed(1)}" y2="${s.y2.toFixed(1)}" stroke="${s.grey ? '#bbb' : '#333'}" stroke-width="${s.grey ? 0.5 : 1}"/>`;
    if (s.type === 'mark') return s.kind === 'round'
      ? `<rect x="${(s.x - 4).toFixed(1)}" y="${(s.y - 4).toFixed(1)}" width="8" height="8" fill="#1f5f8b"/>`
      : `<circle cx="${s.x.toFixed(1)}" cy="${s.y.toFixed(1)}" r="3.5" fill="#c0392b"/>`;
    return `<text x="${s.x.toFixed(1)}" y="${s.y.toFixed(1)}" font-size="${s.size}" font-family="Helvetica, Arial, sans-serif" text-anchor="${s.anchor ?? 'start'}">${esc(s.text)}</text>`;
  }).join('\n');
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="Timeline of rounds and events" width="${c.width}" height="${c.height}" viewBox="0 0 ${c.width} ${c.height}">\n${body}\n</svg>`;
}
