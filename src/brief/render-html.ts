import { footnoteText } from './footnotes.ts';
import type { Brief, Line } from './model.ts';
import { headerLine } from './render-md.ts';
import { chartSvg, timelineChart } from './timeline.ts';

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const STYLE = `body{font-family:Helvetica,Arial,sans-serif;max-width:46em;margin:2em auto;padding:0 1em;color:#222;line-height:1.4}
h1{font-size:1.5em}h2{font-size:1.15em;border-bottom:1px solid #ccc;margin-top:1.6em}h3{font-size:1em;margin-bottom:.2em}
.tag{font-size:.75em;font-weight:bold;padding:0 .3em;border-radius:3px}.proposed{background:#fde9b3}.contested{background:#f6c6c0}
sup a{text-decoration:none}.meta{color:#555}ol.sources{font-size:.9em}`;

function line(l: Line): string {
  const tags = `${l.proposed ? '<span class="tag proposed">proposed</span> ' : ''}${l.contested ? '<span class="tag contested">contested</span> ' : ''}`;
  const sups = l.notes.map((n) => `<sup><a href="#fn${n}" id="ref${n}">${n}</a></sup>`).join('');
  return `<li>${tags}${esc(l.text)}${sups}</li>`;
}

/** The brief as one self-contained HTML page, the timeline as inline SVG. */
export function briefHtml(b: Brief): string {
  const out: string[] = [`<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>${esc(b.title)}</title><style>${STYLE}</style></head><body>`,
    `<h1>${esc(b.title)}</h1>`, `<p class="meta">${esc(headerLine(b))}</p>`];
  for (const s of b.sections) {
    out.push(`<h2>${esc(s.title)}</h2>`);
    if (s.groups.every((g) => g.lines.length === 0)) { out.push(`<p><em>${esc(s.empty)}</em></p>`); continue; }
    for (const g of s.groups) {
      if (g.lines.length === 0) continue;
      if (g.heading) out.push(`<h3>${esc(g.heading)}</h3>`);
      out.push(`<ul>${g.lines.map(line).join('')}</ul>`);
    }
  }
  out.push('<h2>Timeline</h2>');
  const svg = chartSvg(timelineChart(b.timeline, 640));
  out.push(svg ? `<figure>${svg}<figcaption class="meta">■ rounds, ● events; numbers are sources.</figcaption></figure>` : '<p><em>Nothing dated in the reviewed record.</em></p>');
  out.push('<h2>Sources</h2><ol class="sources">');
  for (const f of b.footnotes) {
    const text = esc(footnoteText(f));
    out.push(`<li id="fn${f.n}" value="${f.n}">${f.url ? text.replace(esc(f.url), `<a href="${esc(f.url)}">${esc(f.url)}</a>`) : text}</li>`);
  }
  out.push('</ol></body></html>');
  return out.join('\n') + '\n';
}
