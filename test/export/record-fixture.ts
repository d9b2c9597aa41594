// An invented record for the brief and export tests: three reports (two outlets on one day, a
// wire copy), named and anonymous speakers, a boycott with a condition, talks with a round,
// place and host, a release, aid access, a ceasefire, and a figure two reports give differently.
import type { Actor, DateMention, Event, Extraction, Participation, Quantity, Quote, Sentence } from '../../src/domain/record.ts';
import { ingestExtraction } from '../../src/app/ingest-document.ts';
import { decideRecord, editRecord } from '../../src/app/decide-record.ts';
import type { Store } from '../../src/store/open.ts';

export const ANON_DESCRIPTION = 'a senior aide who asked not to be named';

const REPORT_1 = [
  'Delegations of the Northern Alliance and the River Council opened the third round of talks in Lakeside on 2 March 2026, hosted by Norway.',
  '"We came to listen, not to lecture," said Mara Velden, spokeswoman of the Northern Alliance.',
  `The council will free more detainees before the next round, said ${ANON_DESCRIPTION}.`,
  'The Eastern Front boycotted the talks until its jailed commanders are released.',
  'At least 40 prisoners were released on 1 March 2026.',
].join(' ');

const REPORT_2 = [
  'About 55 prisoners were freed on 1 March 2026, monitors said.',
  'Aid convoys reached Hillport on 3 March 2026 for the first time in months.',
  'A ceasefire around Hillport took effect on 4 March 2026, the River Council said.',
  '"The guns must stay silent," said Ilya Brandt, the council negotiator.',
].join(' ');

function sentencesOf(text: string): Sentence[] {
  const out: Sentence[] = [];
  const re = /[^.!?]+[.!?]"?(\s+|$)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) out.push({ start: m.index, end: m.index + m[0].trimEnd().length, index: out.length, paragraph: 0 });
  return out;
}

class Builder {
  readonly sentences: Sentence[];
  readonly actors: Actor[] = [];
  readonly quotes: Quote[] = [];
  readonly quantities: Quantity[] = [];
  readonly participation: Participation[] = [];
  readonly events: Event[] = [];
  readonly dates: DateMention[] = [];
  constructor(readonly text: string) { this.sentences = sentencesOf(text); }
  at(s: string): { start: number; end: number } {
    const i = this.text.indexOf(s);
    if (i < 0) throw new Error(`fixture: "${s}" not in text`);
    return { start: i, end: i + s.length };
  }
  sent(s: string): number {
    const i = this.text.indexOf(s);
    return this.sentences.findIndex((x) => i >= x.start && i < x.end);
  }
  actor(id: string, name: string, kind: Actor['kind'], extra: Partial<Actor> = {}): this {
    this.actors.push({ id, name, kind, aliases: [], affiliations: [], evidence: [this.at(name)], confidence: 0.9, ...extra });
    return this;
  }
  extraction(id: string, published: string, publisher: string, url: string): Extraction {
    return {
      document: { id, published, publishedFrom: 'option', source: `${id}.txt`, publisher, url, title: `Report ${id}` },
      text: this.text, paragraphs: [{ start: 0, end: this.text.length, index: 0 }], sentences: this.sentences,
      actors: this.actors, mentions: this.actors.map((a) => ({ ...a.evidence[0]!, actorId: a.id, text: a.name, sentence: this.sent(a.name), via: 'name' as const })),
      quotes: this.quotes, quantities: this.quantities, dates: this.dates, participation: this.participation, events: this.events,
    };
  }
}

export function report1(): Extraction {
  const b = new Builder(REPORT_1);
  b.actor('na', 'Northern Alliance', 'armed_group').actor('rc', 'River Council', 'government').actor('no', 'Norway', 'state')
    .actor('ef', 'Eastern Front', 'armed_group')
    .actor('mv', 'Mara Velden', 'person', { affiliations: [{ organization: 'Northern Alliance', role: 'spokeswoman', tense: 'current', evidence: [b.at('spokeswoman of the Northern Alliance')] }] });
  b.events.push({ type: 'talks', place: 'Lakeside', host: 'Norway', round: 3, start: '2026-03-02', sentence: b.sent('opened the third'), evidence: [b.at('opened the third round of talks')], confidence: 0.9 });
  b.quotes.push({ text: 'We came to listen, not to lecture', direct: true, speakerId: 'mv', speaker: 'Mara Velden', anonymous: false, cue: 'said', sentence: b.sent('We came'), evidence: [b.at('We came to listen, not to lecture')], confidence: 0.9 });
  b.quotes.push({ text: 'The council will free more detainees before the next round', direct: false, speakerId: null, speaker: null, speakerDescription: ANON_DESCRIPTION, anonymous: true, cue: 'said', sentence: b.sent('The council will'), evidence: [b.at('The council will free more detainees before the next round')], confidence: 0.8 });
  b.participation.push({ actorId: 'ef', actor: 'Eastern Front', status: 'boycott', meeting: 'the talks', condition: 'its jailed commanders are released', sentence: b.sent('boycotted'), evidence: [b.at('boycotted the talks')], confidence: 0.8 });
  b.participation.push({ actorId: 'na', actor: 'Northern Alliance', status: 'attend', meeting: 'the talks', sentence: b.sent('opened the third'), evidence: [b.at('Delegations of the Northern Alliance')], confidence: 0.8 });
  b.quantities.push({ text: 'At least 40 prisoners', value: 40, approx: 'at_least', measure: 'released', unit: 'prisoners', sentence: b.sent('At least 40'), evidence: [b.at('At least 40 prisoners')], confidence: 0.8 });
  b.events.push({ type: 'release', actor: 'River Council', actorId: 'rc', quantity: 40, start: '2026-03-01', sentence: b.sent('At least 40'), evidence: [b.at('were released')], confidence: 0.8 });
  return b.extraction('r1', '2026-03-02', 'Harbour Herald', 'https://news.example.org/harbour/talks-open');
}

export function report2(): Extraction {
  const b = new Builder(REPORT_2);
  b.actor('rc', 'River Council', 'government')
    .actor('ib', 'Ilya Brandt', 'person', { affiliations: [{ organization: 'River Council', role: 'negotiator', tense: 'current', evidence: [b.at('the council negotiator')] }] });
  b.quantities.push({ text: 'About 55 prisoners', value: 55, approx: 'about', measure: 'released', unit: 'prisoners', sentence: b.sent('About 55'), evidence: [b.at('About 55 prisoners')], confidence: 0.8 });
  b.dates.push({ text: '1 March 2026', start: '2026-03-01', end: '2026-03-01', precision: 'day', sentence: b.sent('About 55'), evidence: [b.at('1 March 2026')], confidence: 0.9 });
  b.events.push({ type: 'aid_access', place: 'Hillport', start: '2026-03-03', sentence: b.sent('Aid convoys'), evidence: [b.at('Aid convoys reached Hillport')], confidence: 0.8 });
  b.events.push({ type: 'ceasefire', place: 'Hillport', actor: 'River Council', actorId: 'rc', start: '2026-03-04', sentence: b.sent('A ceasefire'), evidence: [b.at('A ceasefire around Hillport took effect')], confidence: 0.8 });
  b.quotes.push({ text: 'The guns must stay silent', direct: true, speakerId: 'ib', speaker: 'Ilya Brandt', anonymous: false, cue: 'said', sentence: b.sent('The guns'), evidence: [b.at('The guns must stay silent')], confidence: 0.9 });
  return b.extraction('r2', '2026-03-02', 'Valley Times', 'https://valley.example.net/2026/03/prisoners');
}

/** A near copy of report 1 from a wire, a day later: a source, never independent corroboration. */
export function report1Copy(): Extraction {
  const x = report1();
  const text = x.text + ' (Wire)';
  return { ...x, text, document: { ...x.document, id: 'r1w', published: '2026-03-03', publisher: 'Wire Service', url: 'https://wire.example.com/item/77', title: 'Talks open' } };
}

/** Stores the three reports; accepts every claim but the anonymous quote's rival-free twin and one figure edit. */
export async function seedRecord(store: Store, o: { accept?: boolean } = {}): Promise<void> {
  for (const x of [report1(), report2(), report1Copy()]) await ingestExtraction(store, x, 'test', 'machine');
  if (o.accept === false) return;
  const claims = await store.db.selectFrom('claims').select(['id', 'kind', 'value']).orderBy('id').execute();
  for (const c of claims) await decideRecord(store, `c${c.id}`, 'accepted', 'ana');
  const actors = await store.db.selectFrom('actors').select('id').orderBy('id').execute();
  for (const a of actors) await decideRecord(store, `a${a.id}`, 'accepted', 'ana');
  const ms = await store.db.selectFrom('memberships').select('id').orderBy('id').execute();
  for (const m of ms) await decideRecord(store, `m${m.id}`, 'accepted', 'ana');
  // A person corrects the ceasefire's date: the brief reports what changed.
  const cf = claims.find((c) => c.kind === 'event' && (c.value as { type?: string }).type === 'ceasefire');
  if (cf) await editRecord(store, `c${cf.id}`, { start: '2026-03-05' }, 'ana');
}
