import { sql, type Kysely } from 'kysely';
import type { ClaimDraft } from '../app/ingest-drafts.ts';
import type { DB } from './schema.ts';
import { jsonb, pgText } from './json.ts';

const CHUNK = 500;

/**
 * Writes one document's claims: each draft joins the claim with its key and value (another
 * source) or opens a new proposed one. A claim's review state is never touched here: a person's
 * decision outlives any re-extraction. Multi-row statements, one per table.
 */
export async function writeClaims(
  db: Kysely<DB>, documentId: number, drafts: readonly ClaimDraft[], sentenceText: (i: number) => string, version: string,
): Promise<number[]> {
  const ids: number[] = [];
  // In key order, so two processes upserting the same claims (PostgreSQL) lock them in one order.
  const order = drafts.map((d, i) => ({ d, i })).sort((a, b) => (a.d.key + '\u0001' + a.d.valueNorm < b.d.key + '\u0001' + b.d.valueNorm ? -1 : 1));
  const sorted = order.map((x) => x.d);
  for (let i = 0; i < sorted.length; i += CHUNK) {
    const part = sorted.slice(i, i + CHUNK);
    const rows = await db.insertInto('claims').values(part.map((d) => ({
      kind: d.kind, key: pgText(d.key), value: jsonb(d.value), value_norm: pgText(d.valueNorm), edited_value: null,
      confidence: d.confidence, summary: pgText(d.summary), occurred_on: d.occurredOn,
    }))).onConflict((oc) => oc.columns(['key', 'value_norm']).doUpdateSet({
      confidence: sql`greatest(claims.confidence, excluded.confidence)`,
    })).returning(['id', 'key', 'value_norm']).execute();
    const idOf = new Map(rows.map((r) => [r.key + '\u0001' + r.value_norm, r.id]));
    const partIds = part.map((d) => idOf.get(pgText(d.key) + '\u0001' + pgText(d.valueNorm))!);
    ids.push(...partIds);
    await db.insertInto('claim_sources').values(part.map((d, j) => ({
      claim_id: partIds[j]!, document_id: documentId, sentence: d.sentence, sentence_text: pgText(sentenceText(d.sentence)),
      evidence: jsonb(d.evidence), confidence: d.confidence, extractor_version: version,
    }))).onConflict((oc) => oc.columns(['claim_id', 'document_id']).doUpdateSet({
      sentence: sql`excluded.sentence`, sentence_text: sql`excluded.sentence_text`, evidence: sql`excluded.evidence`,
      confidence: sql`excluded.confidence`, extractor_version: sql`excluded.extractor_version`,
    })).execute();
    const links = part.flatMap((d, j) => d.actors.map((x) => ({ claim_id: partIds[j]!, actor_id: x.actorId, original_actor_id: x.actorId, role: x.role, as_name: x.asName })));
    if (links.length) {
      await db.insertInto('claim_actors').values(uniqueLinks(links)).onConflict((oc) => oc.doNothing()).execute();
    }
  }
  // Ids in the order of `drafts`.
  const out = new Array<number>(drafts.length);
  order.forEach((x, j) => { out[x.i] = ids[j]!; });
  return out;
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
