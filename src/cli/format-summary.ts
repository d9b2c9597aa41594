import type { Extraction, Span } from '../domain/record.ts';

const useColor = (stream: NodeJS.WriteStream) => stream.isTTY && !process.env.NO_COLOR;

/** The record grouped by kind, each line followed by the sentence that states it. */
export function toSummary(x: Extraction, color = useColor(process.stdout)): string {
  const b = (s: string) => (color ? `\x1b[1m${s}\x1b[0m` : s);
  const dim = (s: string) => (color ? `\x1b[2m${s}\x1b[0m` : s);
  const sentenceOf = (ev: Span[] | undefined): string => {
    const first = ev?.[0];
    if (!first) return '';
    const s = x.sentences.find((t) => t.start <= first.start && first.start < t.end);
    const raw = s ? x.text.slice(s.start, s.end) : x.text.slice(first.start, first.end);
    return dim('    ' + clip(raw.replace(/\s+/g, ' ')));
  };
  const out: string[] = [];
  const d = x.document;
  out.push(b(d.title ?? d.id) + `  (${d.source}, published ${d.published}${d.publishedFrom === 'today' ? ' — assumed today' : ''})`);
  if (d.publisher || d.url) out.push(dim([d.publisher, d.url].filter(Boolean).join(' — ')));
  const section = <T>(title: string, items: T[], line: (t: T) => string, ev: (t: T) => Span[]) => {
    out.push('', b(`${title} (${items.length})`));
    for (const it of items) out.push('  ' + line(it), sentenceOf(ev(it)));
  };
  section('Actors', x.actors, (a) => `${a.name} [${a.kind}]${a.aliases.length ? ' aka ' + a.aliases.join(', ') : ''}`, (a) => a.evidence);
  section('Participation', x.participation, (p) => `${p.actor}: ${p.status}${p.meeting ? ' — ' + p.meeting : ''}${p.condition ? ` (condition: ${p.condition})` : ''}`, (p) => p.evidence);
  section('Statements', x.quotes, (q) => `${q.speaker ?? `[anonymous] ${q.speakerDescription ?? ''}`.trim()}${q.direct ? ': “' + q.text + '”' : ' said ' + q.text}`, (q) => q.evidence);
  section('Events', x.events, (e) => [
    e.type, e.round != null && `round ${e.round}`, e.host ? `hosted by ${e.host}` : e.actor && `by ${e.actor}`, e.host && e.actor && e.actor !== e.host && `(${e.actor})`,
    e.place && `in ${e.place}`, e.start && (e.end && e.end !== e.start ? `${e.start}..${e.end}` : e.start), e.quantity != null && `(${e.quantity})`,
  ].filter(Boolean).join(' '), (e) => e.evidence);
  section('Figures', x.quantities, (q) => `${q.approx === 'exact' ? '' : q.approx.replace('_', ' ') + ' '}${q.value}${q.max != null ? '–' + q.max : ''} ${q.measure}: "${q.text}"`, (q) => q.evidence);
  section('Dates', x.dates, (t) => `"${t.text}" → ${t.start === t.end ? t.start : `${t.start}..${t.end}`}`, (t) => t.evidence);
  return out.join('\n') + '\n';
}

const clip = (s: string, n = 160) => (s.length > n ? s.slice(0, n - 1) + '…' : s);
