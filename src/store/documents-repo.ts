import { sql, type Kysely } from 'kysely';
import type { DB } from './schema.ts';
import { pgText } from './json.ts';
import { jaccard, NEAR_DUPLICATE, shingles } from './near-dup.ts';

export interface NewDocument {
  readonly source: string;
  readonly inputId: string;
  readonly text: string;
  readonly title?: string;
  readonly publisher?: string;
  readonly url?: string;
  readonly published: string;
  readonly publishedFrom: string;
  readonly contentHash: string;
  readonly duplicateOf?: number;
  readonly similarity?: number;
  readonly extractorVersion: string;
}

export async function findDocumentByHash(db: Kysely<DB>, hash: string): Promise<{ id: number; extractor_version: string } | undefined> {
  return db.selectFrom('documents').select(['id', 'extractor_version']).where('content_hash', '=', hash).executeTakeFirst();
}

/**
 * The earlier document this text is a near copy of (≥ 0.9 Jaccard on word 5-shingles), found
 * through the MinHash band index and checked exactly; the root of a chain of copies.
 */
export async function findNearDuplicate(db: Kysely<DB>, bandKeys: number[], set: Set<number>): Promise<{ id: number; similarity: number } | undefined> {
  const cands = await db.selectFrom('document_bands').select('document_id')
    .where(({ eb, or, and }) => or(bandKeys.map((b, i) => and([eb('band', '=', i), eb('bucket', '=', b)]))))
    .groupBy('document_id').orderBy(sql`count(*)`, 'desc').limit(20).execute();
  if (cands.length === 0) return undefined;
  const docs = await db.selectFrom('documents').select(['id', 'text', 'duplicate_of'])
    .where('id', 'in', cands.map((c) => c.document_id)).orderBy('id').execute();
  let best: { id: number; similarity: number } | undefined;
  for (const d of docs) {
    const j = jaccard(set, shingles(d.text));
    if (j >= NEAR_DUPLICATE && (!best || j > best.similarity)) best = { id: d.duplicate_of ?? d.id, similarity: j };
  }
  return best;
}

/** The new document's id; undefined when another process stored the same content meanwhile. */
export async function insertDocument(db: Kysely<DB>, d: NewDocument, bandKeys: number[]): Promise<number | undefined> {
  const row = await db.insertInto('documents').values({
    source: pgText(d.source), input_id: pgText(d.inputId), text: pgText(d.text), title: opt(d.title), publisher: opt(d.publisher),
    url: opt(d.url), published: d.published, published_from: d.publishedFrom, content_hash: d.contentHash,
    duplicate_of: d.duplicateOf ?? null, similarity: d.similarity ?? null, extractor_version: d.extractorVersion,
  }).onConflict((oc) => oc.column('content_hash').doNothing()).returning('id').executeTakeFirst();
  if (!row) return undefined;
  await db.insertInto('document_bands').values(bandKeys.map((bucket, band) => ({ band, bucket, document_id: row.id })))
    .onConflict((oc) => oc.doNothing()).execute();
  return row.id;
}

const opt = (s: string | undefined): string | null => (s === undefined ? null : pgText(s));
