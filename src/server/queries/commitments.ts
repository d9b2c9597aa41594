import type { Kysely } from 'kysely';
import type { StatusChange } from '../../record/commitments.ts';
import type { SourceRef } from '../../record/sources.ts';
import type { DB } from '../../store/schema.ts';
import { commitmentPublicId, sourceSentences } from '../../store/process-queries.ts';

/**
 * The commitments tracker of a process: the stored commitments (src/app/recompute-record.ts,
 * status over time on the Peace Accords Matrix scale, 0-3 or reversed) reported by the process's
 * documents (their stored, first sources), the earliest made first, with the sentences of the
 * first sources.
 */
export async function processCommitments(db: Kysely<DB>, processId: number, limit = 100) {
  const docs = new Set((await db.selectFrom('process_documents').select('document_id').where('process_id', '=', processId).execute()).map((r) => `d${r.document_id}`));
  if (!docs.size) return [];
  const all = await db.selectFrom('commitments').selectAll().orderBy('made').orderBy('id').execute();
  const mine = all.filter((c) => (c.sources as SourceRef[]).some((s) => docs.has(s.documentId))).slice(0, limit);
  const shown = mine.flatMap((c) => (c.sources as SourceRef[]).slice(0, 4));
  const text = await sourceSentences(db, shown);
  return mine.map((c) => ({
    id: commitmentPublicId(c.key), key: c.key, what: c.what, actorId: c.actor_id === null ? null : `a${c.actor_id}`, actor: c.actor, to: c.to_party, place: c.place, object: c.object,
    made: c.made, promised: c.promised, conditional: c.conditional, status: /^\d$/.test(c.status) ? Number(c.status) : c.status, delivered: c.delivered, independent: c.independent,
    history: (c.history as StatusChange[]).map((h) => ({ date: h.date, status: h.status, rule: h.rule, events: h.eventCount ?? h.events.length })),
    sourceCount: c.source_count || (c.sources as SourceRef[]).length,
    sources: (c.sources as SourceRef[]).slice(0, 4).map((s) => ({ document: s.documentId, sentence: text.get(`${s.documentId}|${s.sentence}`)?.text ?? null })),
  }));
}
