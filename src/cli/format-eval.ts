import type { Extraction } from '../domain/record.ts';

/** The parley-eval/1 scoring format (../shared/eval/FORMAT.md): a projection of the record. */
export function toParleyEval(x: Extraction): object {
  return {
    format: 'parley-eval/1',
    document: { id: x.document.id, published: x.document.published },
    actors: x.actors.map((a) => ({ name: a.name, aliases: a.aliases, kind: a.kind, evidence: a.evidence })),
    quotes: x.quotes.map((q) => ({
      text: q.text, speaker: q.speaker, ...(q.speakerDescription ? { speakerDescription: q.speakerDescription } : {}),
      direct: q.direct, evidence: q.evidence,
    })),
    quantities: x.quantities.map((q) => ({
      value: q.value, ...(q.max != null ? { max: q.max } : {}), approx: q.approx, measure: q.measure, text: q.text, evidence: q.evidence,
    })),
    dates: x.dates.map((d) => ({ text: d.text, start: d.start, end: d.end, evidence: d.evidence })),
    participation: x.participation.map((p) => ({
      actor: p.actor, status: p.status, ...(p.meeting ? { meeting: p.meeting } : {}),
      ...(p.condition ? { condition: p.condition } : {}), evidence: p.evidence,
    })),
    events: x.events.map((e) => ({
      type: e.type, ...(e.actor ? { actor: e.actor } : {}), ...(e.place ? { place: e.place } : {}),
      ...(e.start ? { start: e.start, end: e.end ?? e.start } : {}), ...(e.quantity != null ? { quantity: e.quantity } : {}),
      evidence: e.evidence,
    })),
  };
}
