import type { Extraction, Quote } from '../domain/record.ts';

/** The parley-eval/1 scoring format (../shared/eval/FORMAT.md): a projection of the record. */
export function toParleyEval(x: Extraction): object {
  return {
    format: 'parley-eval/1',
    document: { id: x.document.id, published: x.document.published },
    actors: x.actors.map((a) => ({ name: a.name, aliases: a.aliases, kind: a.kind, evidence: a.evidence })),
    quotes: x.quotes.map((q) => ({
      text: q.text, speaker: speakerAsWritten(x, q), ...(q.speakerDescription ? { speakerDescription: q.speakerDescription } : {}),
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

/**
 * The speaker's name as the text writes it where the quote is attributed ("Kassis", "Moscow"),
 * which is one of the actor's names; the canonical name when the speaker is a pronoun or
 * the text's form is not a name of that actor.
 */
function speakerAsWritten(x: Extraction, q: Quote): string | null {
  const at = q.evidence[1];
  if (!q.speakerId || !at) return q.speaker;
  const m = x.mentions.find((m) => m.actorId === q.speakerId && m.start < at.end && at.start < m.end && m.via !== 'pronoun');
  const actor = x.actors.find((a) => a.id === q.speakerId);
  if (!m || !actor) return q.speaker;
  // a mention that is no name of the actor ("UK-based ... Observatory") gives the canonical name
  const t = m.text.toLowerCase(), names = [actor.name, ...actor.aliases].map((n) => n.toLowerCase());
  return names.some((n) => n === t || n.endsWith(' ' + t)) ? m.text : q.speaker;
}
