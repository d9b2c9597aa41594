import type { Kysely } from 'kysely';
import { ParleyError } from '../domain/errors.ts';
import type { StatusChange } from '../record/commitments.ts';
import type { SourceRef } from '../record/sources.ts';
import { commitmentPublicId, documentsOf, pamLabel, sourceSentences } from '../store/process-queries.ts';
import type { DB } from '../store/schema.ts';
import { ensureProcessRecord } from './recompute-record.ts';

export const COMMITMENT_ID = /^k[0-9a-f]{10}$/i;

/**
 * Use case: `parley show k…`: one commitment with the sentences that report it and each change of
 * its status with the events behind it. Fails with NOT_FOUND.
 */
export async function showCommitment(db: Kysely<DB>, publicId: string): Promise<Record<string, unknown>> {
  await ensureProcessRecord(db);
  const want = publicId.toLowerCase();
  const keys = await db.selectFrom('commitments').select(['id', 'key']).execute();
  const hit = keys.find((k) => commitmentPublicId(k.key) === want);
  if (!hit) throw new ParleyError('NOT_FOUND', `no commitment ${publicId} (the ids are those \`parley commitments\` lists)`);
  const c = await db.selectFrom('commitments').selectAll().where('id', '=', hit.id).executeTakeFirstOrThrow();
  const sources = c.sources as SourceRef[];
  const sentences = await sourceSentences(db, sources);
  return {
    id: commitmentPublicId(c.key), what: c.what, object: c.object, by: c.actor_id === null ? null : `a${c.actor_id} ${c.actor ?? ''}`.trim(),
    to: c.to_party, place: c.place, made: c.made, promised: c.promised, conditional: c.conditional,
    status: pamLabel(c.status), delivered: c.delivered, independentSources: c.independent, reports: c.source_count || sources.length,
    sources: sources.map((s) => {
      const t = sentences.get(`${s.documentId}|${s.sentence}`);
      return { document: s.documentId, title: t?.title ?? null, published: t?.published ?? null, sentence: t?.text ?? null };
    }),
    changes: (c.history as StatusChange[]).map((h) => ({
      date: h.date, status: pamLabel(h.status), rule: h.rule,
      events: h.events.map((e) => ({ type: e.type, date: e.date ?? null, quantity: e.quantity ?? null, actor: e.actor ?? null, documents: documentsOf(e.sources) })),
      ...(h.eventCount !== undefined && h.eventCount > h.events.length ? { moreEvents: h.eventCount - h.events.length } : {}),
    })),
  };
}
