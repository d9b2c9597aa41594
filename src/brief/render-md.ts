import { footnoteText } from './footnotes.ts';
import type { Brief, Line } from './model.ts';

const mdEsc = (s: string): string => s.replace(/([\\`*_[\]<>])/g, '\\$1');
const mark = (l: Line): string => `${l.proposed ? '**[proposed]** ' : ''}${l.contested ? '**[contested]** ' : ''}`;
const refs = (l: Line): string => l.notes.map((n) => `[^${n}]`).join('');

/** The brief in Markdown: footnotes as [^n] with their definitions at the end. */
export function briefMarkdown(b: Brief): string {
  const out: string[] = [`# ${mdEsc(b.title)}`, '', headerLine(b), ''];
  for (const s of b.sections) {
    out.push(`## ${s.title}`, '');
    const lines = s.groups.flatMap((g) => g.lines);
    if (lines.length === 0) { out.push(`_${s.empty}_`, ''); continue; }
    for (const g of s.groups) {
      if (g.lines.length === 0) continue;
      if (g.heading) out.push(`### ${mdEsc(g.heading)}`, '');
      for (const l of g.lines) out.push(`- ${mark(l)}${mdEsc(l.text)}${refs(l)}`);
      out.push('');
    }
  }
  out.push('## Timeline', '');
  if (b.timeline.length === 0) out.push('_Nothing dated in the reviewed record._', '');
  else {
    out.push('| date | what | sources |', '|---|---|---|');
    for (const t of b.timeline) out.push(`| ${t.date} | ${t.kind === 'round' ? '■ ' : '● '}${mdEsc(t.label)} | ${t.notes.map((n) => `[^${n}]`).join('')} |`);
    out.push('');
  }
  out.push('## Sources', '');
  for (const f of b.footnotes) out.push(`[^${f.n}]: ${mdEsc(footnoteText(f))}`);
  return out.join('\n') + '\n';
}

export function headerLine(b: Brief): string {
  return [
    `As of ${b.asOf || 'no report'}`,
    b.since ? `statements and figures since ${b.since}` : null,
    b.includeProposed ? 'includes proposals not yet reviewed, marked [proposed]' : 'reviewed records only',
    b.redacted ? 'anonymous sources redacted' : null,
  ].filter(Boolean).join('; ') + '.';
}
