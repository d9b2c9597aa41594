import { sql, type Kysely } from 'kysely';
import type { ClaimDraft } from '../app/ingest-drafts.ts';
import type { DB } from './schema.ts';
import { jsonb, pgText } from './json.ts';

const CHUNK = 1000;

export interface DocumentDrafts {
  readonly documentId: number;
  readonly drafts: readonly ClaimDraft[];
  readonly sentenceText: (i: number) => string;
}

/**
 * Writes the claims of several documents: each draft joins the claim with its key and value
 * (another source) or opens a new proposed one. A claim's review state is never touched here: a
 * person's decision outlives any re-extraction. One multi-row statement per table and chunk,
 * whatever the number of documents. Returns the claim ids of each document's drafts, in order.
 */
export async function writeClaimsBatch(db: Kysely<DB>, docs: readonly DocumentDrafts[], version: string): Promise<number[][]> {
  const keyOf = (d: ClaimDraft): string => pgText(d.key) + '\u0001' + pgText(d.valueNorm);
  // One row per claim: the first document's value, the highest confidence (an upsert may not
  // touch one row twice in a statement).
  const claims = new Map<string, { d: ClaimDraft; confidence: number }>();
  for (const doc of docs) {
    for (const d of doc.drafts) {
      const k = keyOf(d);
      const c = claims.get(k);
      if (!c) claims.set(k, { d, confidence: d.confidence });
      else if (d.confidence > c.confidence) c.confidence = d.confidence;
    }
  }
  // In key order, so two processes upserting the same claims (PostgreSQL) lock them in one order.
  const sorted = [...claims].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const idOf = new Map<string, number>();
  for (let i = 0; i < sorted.length; i += CHUNK) {
    const rows = await db.insertInto('claims').values(sorted.slice(i, i + CHUNK).map(([, { d, confidence }]) => ({
      kind: d.kind, key: pgText(d.key), value: jsonb(d.value), value_norm: pgText(d.valueNorm), edited_value: null,
      confidence, summary: pgText(d.summary), occurred_on: d.occurredOn,
    }))).onConflict((oc) => oc.columns(['key', 'value_norm']).doUpdateSet({
      confidence: sql`greatest(claims.confidence, excluded.confidence)`,
    })).returning(['id', 'key', 'value_norm']).execute();
    for (const r of rows) idOf.set(r.key + '\u0001' + r.value_norm, r.id);
  }
  const ids = docs.map((doc) => doc.drafts.map((d) => idOf.get(keyOf(d))!));
  const sources = docs.flatMap((doc, k) => doc.drafts.map((d, j) => ({
    claim_id: ids[k]![j]!, document_id: doc.documentId, sentence: d.sentence, sentence_text: pgText(doc.sentenceText(d.sentence)),
    evidence: jsonb(d.evidence), confidence: d.confidence, extractor_version: version,
  })));
  for (let i = 0; i < sources.length; i += CHUNK) {
    await db.insertInto('claim_sources').values(sources.slice(i, i + CHUNK)).onConflict((oc) => oc.columns(['claim_id', 'document_id']).doUpdateSet({
      sentence: sql`excluded.sentence`, sentence_text: sql`excluded.sentence_text`, evidence: sql`excluded.evidence`,
      confidence: sql`excluded.confidence`, extractor_version: sql`excluded.extractor_version`,
    })).execute();
  }
  const links = uniqueLinks(docs.flatMap((doc, k) => doc.drafts.flatMap((d, j) => d.actors.map((x) => ({
    claim_id: ids[k]![j]!, actor_id: x.actorId, original_actor_id: x.actorId, role: x.role, as_name: x.asName,
  })))));
  for (let i = 0; i < links.length; i += CHUNK) {
    await db.insertInto('claim_actors').values(links.slice(i, i + CHUNK)).onConflict((oc) => oc.doNothing()).execute();
  }
  return ids;
}

/**
 * After a re-extraction: this document's sources of claims it no longer yields are dropped when
 * the claim is still a proposal (a decided claim keeps its evidence), and proposals left without
 * any source go. Returns how many claims went.
 */
export async function pruneStale(db: Kysely<DB>, documentId: number, keep: readonly number[]): Promise<number> {
  const stale = await db.selectFrom('claim_sources as s').innerJoin('claims as c', 'c.id', 's.claim_id')
    .select('c.id').where('s.document_id', '=', documentId).where('c.review_state', '=', 'proposed')
    .$if(keep.length > 0, (q) => q.where('c.id', 'not in', keep)).execute();
  if (stale.length === 0) return 0;
  const ids = stale.map((r) => r.id);
  await db.deleteFrom('claim_sources').where('document_id', '=', documentId).where('claim_id', 'in', ids).execute();
  const gone = await db.deleteFrom('claims').where('id', 'in', ids).where('review_state', '=', 'proposed')
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('claim_sources').select('claim_id').whereRef('claim_sources.claim_id', '=', 'claims.id'))))
    .returning('id').execute();
  return gone.length;
}

function uniqueLinks<T extends { claim_id: number; role: string; original_actor_id: number }>(xs: T[]): T[] {
  const seen = new Set<string>();
  return xs.filter((x) => {
    const k = `${x.claim_id}|${x.role}|${x.original_actor_id}`;
    return seen.has(k) ? false : (seen.add(k), true);
  });
}
