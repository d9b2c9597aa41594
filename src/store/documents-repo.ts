import { sql, type Kysely } from 'kysely';
import type { DB } from './schema.ts';
import { pgText } from './json.ts';

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

/** The stored documents with these content hashes, by hash. */
export async function documentsByHash(db: Kysely<DB>, hashes: readonly string[]): Promise<Map<string, { id: number; extractor_version: string }>> {
  if (hashes.length === 0) return new Map();
  const rows = await db.selectFrom('documents').select(['id', 'content_hash', 'extractor_version']).where('content_hash', 'in', [...hashes]).execute();
  return new Map(rows.map((r) => [r.content_hash, { id: r.id, extractor_version: r.extractor_version }]));
}

/** The content hashes of documents stored by one extractor version, with their ids. */
export async function storedHashes(db: Kysely<DB>, extractorVersion: string): Promise<Map<string, number>> {
  const rows = await db.selectFrom('documents').select(['id', 'content_hash']).where('extractor_version', '=', extractorVersion).execute();
  return new Map(rows.map((r) => [r.content_hash, r.id]));
}

/**
 * For each set of band keys, the stored documents sharing most bands with it (at most 20,
 * oldest first), with their text for the exact check: one query for the whole batch.
 */
export async function nearCandidates(db: Kysely<DB>, bandKeys: readonly (readonly number[])[]): Promise<{ id: number; text: string; duplicateOf: number | null }[][]> {
  const band: number[] = [];
  const bucket: number[] = [];
  bandKeys.forEach((keys) => keys.forEach((b, i) => { band.push(i); bucket.push(b); }));
  if (band.length === 0) return bandKeys.map(() => []);
  const hits = await sql<{ band: number; bucket: number; document_id: number }>`
    select b.band, b.bucket, b.document_id from document_bands b
    join unnest(${band}::int[], ${bucket}::int[]) as q(band, bucket) on b.band = q.band and b.bucket = q.bucket`.execute(db);
  const byKey = new Map<string, number[]>();
  for (const h of hits.rows) {
    const k = `${h.band}|${h.bucket}`;
    const l = byKey.get(k);
    if (l) l.push(h.document_id); else byKey.set(k, [h.document_id]);
  }
  const perDoc = bandKeys.map((keys) => {
    const counts = new Map<number, number>();
    keys.forEach((b, i) => { for (const id of byKey.get(`${i}|${b}`) ?? []) counts.set(id, (counts.get(id) ?? 0) + 1); });
    return [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, 20).map(([id]) => id).sort((a, b) => a - b);
  });
  const ids = [...new Set(perDoc.flat())];
  if (ids.length === 0) return perDoc.map(() => []);
  const docs = new Map((await db.selectFrom('documents').select(['id', 'text', 'duplicate_of']).where('id', 'in', ids).execute())
    .map((d) => [d.id, { id: d.id, text: d.text, duplicateOf: d.duplicate_of }]));
  return perDoc.map((l) => l.map((id) => docs.get(id)!).filter(Boolean));
}

export interface NewDocumentWithBands extends NewDocument { readonly bands: readonly number[] }

/**
 * Inserts the documents and their band keys; returns the new ids by content hash. A content
 * another process stored meanwhile (PostgreSQL) is skipped and absent from the result.
 */
export async function insertDocuments(db: Kysely<DB>, ds: readonly NewDocumentWithBands[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  if (ds.length === 0) return out;
  const rows = await db.insertInto('documents').values(ds.map((d) => ({
    source: pgText(d.source), input_id: pgText(d.inputId), text: pgText(d.text), title: opt(d.title), publisher: opt(d.publisher),
    url: opt(d.url), published: d.published, published_from: d.publishedFrom, content_hash: d.contentHash,
    duplicate_of: d.duplicateOf ?? null, similarity: d.similarity ?? null, extractor_version: d.extractorVersion,
  }))).onConflict((oc) => oc.column('content_hash').doNothing()).returning(['id', 'content_hash']).execute();
  for (const r of rows) out.set(r.content_hash, r.id);
  const bands = ds.flatMap((d) => {
    const id = out.get(d.contentHash);
    return id === undefined ? [] : d.bands.map((bucket, band) => ({ band, bucket, document_id: id }));
  });
  for (let i = 0; i < bands.length; i += 5000) {
    await db.insertInto('document_bands').values(bands.slice(i, i + 5000)).onConflict((oc) => oc.doNothing()).execute();
  }
  return out;
}

const opt = (s: string | undefined): string | null => (s === undefined ? null : pgText(s));
