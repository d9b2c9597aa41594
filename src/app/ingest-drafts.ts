import { createHash } from 'node:crypto';
import type { Extraction, Span } from '../domain/record.ts';
import type { ClaimKind } from '../store/schema.ts';
import { normText } from '../store/names.ts';
import { claimKey, quantityFact } from '../record/claims.ts';
import { precisionOf } from '../record/dates.ts';
import { countScope, type CountScope } from '../record/claims/scope.ts';

/** One claim as one document supports it, before it meets the store. */
export interface ClaimDraft {
  readonly kind: ClaimKind;
  readonly key: string;
  readonly value: Record<string, unknown>;
  readonly valueNorm: string;
  readonly summary: string;
  readonly occurredOn: string | null;
  readonly confidence: number;
  readonly sentence: number;
  readonly evidence: Span[];
  readonly actors: { readonly actorId: number; readonly role: string; readonly asName: string }[];
}

const h = (s: string): string => createHash('sha1').update(s).digest('hex').slice(0, 16);
const a = (id: number | undefined): string => (id === undefined ? '-' : `@${id}`);

/**
 * The claims of one extraction. `actor` maps the extraction's actor ids to store actor ids.
 * Keys say what a claim is about (equal keys: the same fact or competing values of it); they
 * name store actors as @id so a merge can re-key them. Several items of one document with the
 * same key and value become one draft (first evidence kept). A quantity's key is src/record's:
 * measure + counted noun + month (of the day the sentence gives, else of publication), so one
 * figure reported on different days meets.
 */
export function claimDrafts(x: Extraction, actor: (localId: string | undefined | null) => number | undefined): ClaimDraft[] {
  const out = new Map<string, ClaimDraft>();
  const add = (d: ClaimDraft): void => {
    const k = d.key + '\u0000' + d.valueNorm;
    const prev = out.get(k);
    if (!prev || prev.confidence < d.confidence) out.set(k, d);
  };
  const day = x.document.published;
  for (const q of x.quotes) {
    const speaker = actor(q.speakerId);
    const who = speaker !== undefined ? a(speaker) : `anon:${h(normText(q.speakerDescription ?? ''))}`;
    add({
      kind: 'quote', key: `quote|${who}|${h(normText(q.text))}`, valueNorm: q.direct ? 'direct' : 'reported',
      value: { text: q.text, direct: q.direct, speaker: q.speaker, speakerDescription: q.speakerDescription ?? null, anonymous: q.anonymous, cue: q.cue ?? null },
      summary: `${q.speaker ?? q.speakerDescription ?? 'unnamed'}: ${q.text}`,
      occurredOn: day, confidence: q.confidence, sentence: q.sentence, evidence: q.evidence,
      actors: speaker !== undefined ? [{ actorId: speaker, role: 'speaker', asName: q.speaker ?? '' }] : [],
    });
  }
  // What tells a figure from another count of the same thing (src/record claimKey): the place of
  // an event its sentence reports, and the day that event, or a date in the sentence, gives.
  const placeOf = new Map<number, string>();
  const dayOf = new Map<number, string>();
  for (const e of x.events) {
    if (e.place && !placeOf.has(e.sentence)) placeOf.set(e.sentence, normText(e.place));
    if (e.start && precisionOf(e.start) === 'day' && !dayOf.has(e.sentence)) dayOf.set(e.sentence, e.start);
  }
  for (const d of x.dates) if (d.precision === 'day' && !dayOf.has(d.sentence)) dayOf.set(d.sentence, d.start);
  for (const n of x.quantities) {
    const dated = dayOf.get(n.sentence);
    add({
      kind: 'quantity', key: claimKey(quantityFact(n, { period: dated ?? day, dated: dated !== undefined, subject: placeOf.get(n.sentence), ...scopeOf(x, n) })),
      valueNorm: `${n.approx}|${n.value}|${n.max ?? ''}`,
      value: { value: n.value, max: n.max ?? null, approx: n.approx, measure: n.measure, unit: n.unit ?? null, text: n.text },
      summary: `${n.measure}: ${n.text}`, occurredOn: day, confidence: n.confidence, sentence: n.sentence, evidence: n.evidence, actors: [],
    });
  }
  for (const d of x.dates) {
    const sent = x.sentences[d.sentence];
    const context = sent ? normText(x.text.slice(sent.start, sent.end)) : normText(d.text);
    add({
      kind: 'date', key: `date|${h(context)}`, valueNorm: `${d.start}|${d.end}`,
      value: { text: d.text, start: d.start, end: d.end, precision: d.precision },
      summary: `${d.text} (${d.start === d.end ? d.start : `${d.start}..${d.end}`})`,
      occurredOn: d.start, confidence: d.confidence, sentence: d.sentence, evidence: d.evidence, actors: [],
    });
  }
  for (const p of x.participation) {
    const id = actor(p.actorId);
    add({
      kind: 'participation', key: `participation|${a(id)}|${normText(p.meeting ?? '')}`, valueNorm: p.status,
      value: { actor: p.actor, status: p.status, meeting: p.meeting ?? null, condition: p.condition ?? null },
      summary: `${p.actor} ${p.status}${p.meeting ? ` ${p.meeting}` : ''}${p.condition ? ` (if ${p.condition})` : ''}`,
      occurredOn: day, confidence: p.confidence, sentence: p.sentence, evidence: p.evidence,
      actors: id !== undefined ? [{ actorId: id, role: 'participant', asName: p.actor }] : [],
    });
  }
  for (const e of x.events) {
    const id = actor(e.actorId);
    add({
      kind: 'event', key: `event|${e.type}|${a(id)}|${normText(e.place ?? '')}|${e.start ?? day}`,
      valueNorm: `${e.end ?? ''}|${e.quantity ?? ''}|${e.round ?? ''}|${normText(e.host ?? '')}`,
      value: { type: e.type, actor: e.actor ?? null, place: e.place ?? null, start: e.start ?? null, end: e.end ?? null, quantity: e.quantity ?? null, round: e.round ?? null, host: e.host ?? null },
      summary: [e.type, e.actor, e.place, e.start].filter(Boolean).join(' '),
      occurredOn: e.start ?? day, confidence: e.confidence, sentence: e.sentence, evidence: e.evidence,
      actors: id !== undefined ? [{ actorId: id, role: 'actor', asName: e.actor ?? '' }] : [],
    });
  }
  return [...out.values()];
}

/** The period and mood of a figure, read in its sentence beside the sentence's other figures. */
function scopeOf(x: Extraction, n: Extraction['quantities'][number]): CountScope {
  const sent = x.sentences[n.sentence], at = n.evidence[0];
  if (!sent || !at) return {};
  // Two counts of one measure in a clause are told apart by their own words ("12 dead on Monday
  // and 70 in the last week"); counts of different measures share them ("530 killed and 2,500
  // wounded since Sunday").
  const others = x.quantities.filter((o) => o !== n && o.sentence === n.sentence && o.measure === n.measure && o.evidence[0])
    .map((o) => [o.evidence[0]!.start - sent.start, o.evidence[0]!.end - sent.start] as const);
  return countScope(x.text.slice(sent.start, sent.end), at.start - sent.start, at.end - sent.start, others);
}
