import { sql, type Kysely } from 'kysely';
import type { Event, EventType } from '../../domain/record.ts';
import { buildCommitments, type CommitmentEvent, type CommitmentStatement } from '../../record/commitments.ts';
import type { DB } from '../../store/schema.ts';

/**
 * The commitments tracker of a process: the sentences of its reports that yielded claims are read
 * for commitments ("agreed to release 40 detainees"), their events for implementation, by
 * src/record/commitments (status over time on the Peace Accords Matrix scale, 0-3 or reversed).
 */
export async function processCommitments(db: Kysely<DB>, docIds: string[]) {
  const ids = docIds.map((x) => Number(x.slice(1))).filter(Number.isInteger).slice(0, 5000);
  if (!ids.length) return [];
  const sentences = await sql<{ document_id: number; sentence: number; sentence_text: string; published: string; duplicate_of: number | null; speaker: string | null; speaker_id: number | null }>`
    select distinct on (s.document_id, s.sentence) s.document_id, s.sentence, s.sentence_text, d.published, d.duplicate_of,
      (select a.name from claim_actors x join actors a on a.id = x.actor_id where x.claim_id = s.claim_id and x.role = 'speaker' limit 1) as speaker,
      (select x.actor_id from claim_actors x where x.claim_id = s.claim_id and x.role = 'speaker' limit 1) as speaker_id
    from claim_sources s join documents d on d.id = s.document_id join claims c on c.id = s.claim_id
    where s.document_id in (${sql.join(ids)}) and c.review_state <> 'rejected'
    order by s.document_id, s.sentence, c.kind desc`.execute(db);
  const events = await sql<{ id: number; value: Record<string, unknown>; edited_value: Record<string, unknown> | null; confidence: number; document_id: number; published: string; sentence: number; evidence: { start: number; end: number }[] }>`
    select c.id, c.value, c.edited_value, c.confidence, s.document_id, d.published, s.sentence, s.evidence
    from claims c join claim_sources s on s.claim_id = c.id join documents d on d.id = s.document_id
    where c.kind = 'event' and c.review_state <> 'rejected' and s.document_id in (${sql.join(ids)})`.execute(db);
  const text = new Map<string, string>();
  const statements: CommitmentStatement[] = sentences.rows.map((r) => {
    text.set(`d${r.document_id}|${r.sentence}`, r.sentence_text);
    return {
      documentId: `d${r.document_id}`, published: r.published, text: r.sentence_text, sentence: r.sentence,
      ...(r.speaker_id !== null ? { actorId: `a${r.speaker_id}` } : {}), ...(r.speaker ? { actor: r.speaker } : {}),
    };
  });
  const evs: CommitmentEvent[] = events.rows.map((r) => {
    const v = { ...r.value, ...(r.edited_value ?? {}) };
    const str = (k: string): string | undefined => (typeof v[k] === 'string' && v[k] ? (v[k] as string) : undefined);
    const event: Event = {
      type: (str('type') ?? 'other') as EventType, sentence: r.sentence, evidence: Array.isArray(r.evidence) ? r.evidence : [], confidence: r.confidence,
      ...(str('actor') ? { actor: str('actor') } : {}), ...(str('place') ? { place: str('place') } : {}),
      ...(str('start') ? { start: str('start') } : {}), ...(str('end') ? { end: str('end') } : {}),
      ...(typeof v.quantity === 'number' ? { quantity: v.quantity } : {}),
    };
    return { documentId: `d${r.document_id}`, published: r.published, event };
  });
  const dup = new Map(sentences.rows.filter((r) => r.duplicate_of !== null).map((r) => [`d${r.document_id}`, `d${r.duplicate_of}`]));
  return buildCommitments(statements, evs, { duplicateOf: dup }).sort((a, b) => a.made.localeCompare(b.made)).slice(0, 100).map((c) => ({
    key: c.key, what: c.what, actorId: c.actorId ?? null, actor: c.actor ?? null, to: c.to ?? null, place: c.place ?? null, object: c.object ?? null,
    made: c.made, promised: c.promised ?? null, conditional: c.conditional, status: c.status, delivered: c.delivered, independent: c.independent,
    history: c.history.map((h) => ({ date: h.date, status: h.status, rule: h.rule, events: h.events.length })),
    sourceCount: c.sources.length,
    sources: c.sources.slice(0, 4).map((s) => ({ document: s.documentId, sentence: text.get(`${s.documentId}|${s.sentence}`) ?? null })),
  }));
}
