// Hand-built extractions over invented text: store tests do not depend on the extractor's state.
import type { Actor, Extraction, Quantity, Quote, Sentence } from '../../src/domain/record.ts';

export const TEXT_A = [
  'Delegates of the Northern Alliance met envoys of the River Council in Lakeside on Monday.',
  '"We will keep talking until the guns fall silent," said Mara Velden, the alliance spokeswoman.',
  'At least 40 prisoners were released before the meeting, according to the monitors.',
  'The River Council, known as the RC, said it would send a smaller team next week.',
].join(' ');

function sentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let start = 0;
  const re = /[.!?]"?(\s+|$)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const end = m.index + m[0].trimEnd().length;
    out.push({ start, end, index: out.length, paragraph: 0 });
    start = m.index + m[0].length;
    if (start >= text.length) break;
  }
  return out;
}

const at = (text: string, s: string): { start: number; end: number } => {
  const i = text.indexOf(s);
  if (i < 0) throw new Error(`fixture: "${s}" not in text`);
  return { start: i, end: i + s.length };
};

export interface FixtureOptions {
  readonly id?: string;
  readonly published?: string;
  /** Changes the released figure: a "newer extractor" reading the same text differently. */
  readonly released?: number;
  readonly withRiverCouncil?: boolean;
  readonly riverName?: string;
}

/** An extraction of `text` with the actors, one quote and one figure that TEXT_A holds. */
export function extractionOf(text: string, o: FixtureOptions = {}): Extraction {
  const sents = sentences(text);
  const sentOf = (span: { start: number }): number => sents.findIndex((s) => span.start >= s.start && span.start < s.end);
  const actors: Actor[] = [];
  const mk = (id: string, name: string, kind: Actor['kind'], surface: string, extra: Partial<Actor> = {}): void => {
    if (!text.includes(surface)) return;
    actors.push({ id, name, kind, aliases: [], affiliations: [], evidence: [at(text, surface)], confidence: 0.9, ...extra });
  };
  mk('a1', 'Northern Alliance', 'armed_group', 'Northern Alliance');
  mk('a2', 'Mara Velden', 'person', 'Mara Velden', {
    affiliations: text.includes('alliance spokeswoman') ? [{ organization: 'Northern Alliance', role: 'spokeswoman', tense: 'current', evidence: [at(text, 'the alliance spokeswoman')] }] : [],
  });
  if (o.withRiverCouncil !== false) mk('a3', o.riverName ?? 'River Council', 'government', o.riverName ?? 'River Council', { aliases: text.includes('the RC') ? ['RC'] : [] });
  const quotes: Quote[] = [];
  const qs = 'We will keep talking until the guns fall silent';
  if (text.includes(qs)) {
    const ev = at(text, qs);
    quotes.push({ text: qs, direct: true, speakerId: 'a2', speaker: 'Mara Velden', anonymous: false, cue: 'said', sentence: sentOf(ev), evidence: [ev, at(text, 'Mara Velden')], confidence: 0.9 });
  }
  const quantities: Quantity[] = [];
  if (text.includes('40 prisoners')) {
    const ev = at(text, 'At least 40 prisoners');
    quantities.push({ text: 'At least 40 prisoners', value: o.released ?? 40, approx: 'at_least', measure: 'released', unit: 'prisoners', sentence: sentOf(ev), evidence: [ev], confidence: 0.8 });
  }
  return {
    document: { id: o.id ?? 'doc', published: o.published ?? '2026-03-02', publishedFrom: 'option', source: `${o.id ?? 'doc'}.txt` },
    text,
    paragraphs: [{ start: 0, end: text.length, index: 0 }],
    sentences: sents,
    actors,
    mentions: actors.map((a) => ({ ...a.evidence[0]!, actorId: a.id, text: text.slice(a.evidence[0]!.start, a.evidence[0]!.end), sentence: sentOf(a.evidence[0]!), via: 'name' as const })),
    quotes,
    quantities,
    dates: [],
    participation: [],
    events: [],
  };
}

/** A long invented wire story and copies of it: near-duplicate tests need hundreds of shingles. */
export function wireStory(seed: number): string {
  const places = ['Lakeside', 'Hillport', 'Eastmarch', 'Stonebridge', 'Greywater', 'Redfield'];
  const parts: string[] = [];
  for (let i = 0; i < 30; i++) {
    parts.push(`In ${places[(i + seed) % places.length]} on day ${i + seed * 31} the negotiators discussed item ${(i * 7 + seed) % 97} of the draft, and observer number ${i * 3 + seed} reported that ${10 + ((i * seed) % 50)} families had returned home.`);
  }
  return parts.join(' ');
}
