import { sql, type Kysely } from 'kysely';
import { claimCounts } from '../../store/claim-counts.ts';
import type { DB, ReviewState } from '../../store/schema.ts';
import { DERIVED_INITIALS } from '../../store/names.ts';
import { decodeCursor, page } from '../cursor.ts';

/** The API's paginated lists (keyset on id unless said), read straight from the store's tables. */

const n = (x: unknown): number => Number(x ?? 0);
const merged = (v: Record<string, unknown>, e: Record<string, unknown> | null): Record<string, unknown> => ({ ...v, ...(e ?? {}) });

export async function listDocuments(db: Kysely<DB>, o: { limit: number; cursor?: string; q?: string }) {
  const after = decodeCursor(o.cursor)?.[0];
  const rows = await sql<{ id: number; title: string | null; source: string; publisher: string | null; published: string; duplicate_of: number | null; claims: string; proposed: string }>`
    select d.id, d.title, d.source, d.publisher, d.published, d.duplicate_of,
      (select count(*) from claim_sources s where s.document_id = d.id) as claims,
      (select count(*) from claim_sources s join claims c on c.id = s.claim_id where s.document_id = d.id and c.review_state = 'proposed') as proposed
    from documents d where true
    ${after !== undefined ? sql`and d.id < ${Number(after)}` : sql``}
    ${o.q ? sql`and (d.title ilike ${'%' + o.q + '%'} or d.source ilike ${'%' + o.q + '%'})` : sql``}
    order by d.id desc limit ${o.limit + 1}`.execute(db);
  return page(rows.rows.map((r) => ({
    id: `d${r.id}`, title: r.title ?? r.source, source: r.source, publisher: r.publisher, published: r.published,
    copyOf: r.duplicate_of === null ? null : `d${r.duplicate_of}`, claims: n(r.claims), proposed: n(r.proposed),
  })), o.limit, (r) => [Number(r.id.slice(1))]);
}

export async function listActors(db: Kysely<DB>, o: { limit: number; cursor?: string; q?: string; kind?: string }) {
  const after = decodeCursor(o.cursor)?.[0];
  const rows = await sql<{ id: number; name: string; kind: string; review_state: ReviewState; version: number; aliases: string[] | null }>`
    select a.id, a.name, a.kind, a.review_state, a.version,
      (select array_agg(al.alias order by al.alias) from actor_aliases al where al.actor_id = a.id and al.alias_norm <> a.name_norm and al.via <> ${DERIVED_INITIALS}) as aliases
    from actors a where a.merged_into is null
    ${after !== undefined ? sql`and a.id > ${Number(after)}` : sql``}
    ${o.kind ? sql`and a.kind = ${o.kind}` : sql``}
    ${o.q ? sql`and exists (select 1 from actor_aliases al where al.actor_id = a.id and al.alias ilike ${'%' + o.q + '%'})` : sql``}
    order by a.id limit ${o.limit + 1}`.execute(db);
  return page(rows.rows.map((r) => ({ id: `a${r.id}`, name: r.name, kind: r.kind, state: r.review_state, version: r.version, aliases: r.aliases ?? [] })), o.limit, (r) => [Number(r.id.slice(1))]);
}

export interface ClaimFilter { limit: number; cursor?: string; kind?: string; state?: string; actor?: number; document?: number; contested?: boolean }

export async function listClaims(db: Kysely<DB>, o: ClaimFilter) {
  const after = decodeCursor(o.cursor)?.[0];
  const rows = await sql<{ id: number; kind: string; key: string; summary: string; value: Record<string, unknown>; edited_value: Record<string, unknown> | null; review_state: ReviewState; version: number; confidence: number; occurred_on: string | null; sources: string; rivals: string }>`
    select c.id, c.kind, c.key, c.summary, c.value, c.edited_value, c.review_state, c.version, c.confidence, c.occurred_on,
      (select count(*) from claim_sources s where s.claim_id = c.id) as sources,
      (select count(*) from claims r where r.key = c.key and r.id <> c.id and r.review_state <> 'rejected') as rivals
    from claims c where true
    ${after !== undefined ? sql`and c.id > ${Number(after)}` : sql``}
    ${o.kind ? sql`and c.kind = ${o.kind}` : sql``}
    ${o.state ? sql`and c.review_state = ${o.state}` : sql``}
    ${o.actor !== undefined ? sql`and exists (select 1 from claim_actors x where x.claim_id = c.id and x.actor_id = ${o.actor})` : sql``}
    ${o.document !== undefined ? sql`and exists (select 1 from claim_sources x where x.claim_id = c.id and x.document_id = ${o.document})` : sql``}
    ${o.contested ? sql`and exists (select 1 from claims r where r.key = c.key and r.id <> c.id and r.review_state <> 'rejected')` : sql``}
    order by c.id limit ${o.limit + 1}`.execute(db);
  return page(rows.rows.map((r) => ({
    id: `c${r.id}`, kind: r.kind, key: r.key, summary: r.summary, value: merged(r.value, r.edited_value), state: r.review_state, version: r.version,
    confidence: Math.round(r.confidence * 1000) / 1000, occurredOn: r.occurred_on, sources: n(r.sources), contested: n(r.rivals) > 0,
  })), o.limit, (r) => [Number(r.id.slice(1))]);
}

/** Documents that still have proposals, oldest first, with their counts: a keyset read of document_review (migration 0006). */
export async function reviewDocuments(db: Kysely<DB>, o: { limit: number; cursor?: string }) {
  const after = decodeCursor(o.cursor)?.[0];
  const rows = await sql<{ id: number; title: string | null; source: string; published: string }>`
    select d.id, d.title, d.source, d.published
    from (select document_id from document_review where proposed > 0 ${after !== undefined ? sql`and document_id > ${Number(after)}` : sql``}
      order by document_id limit ${o.limit + 1}) r join documents d on d.id = r.document_id
    order by r.document_id`.execute(db);
  const ids = rows.rows.map((r) => r.id);
  const counts = ids.length ? await sql<{ document_id: number; review_state: string; n: string }>`
    select s.document_id, c.review_state, count(*) as n from claim_sources s join claims c on c.id = s.claim_id
    where s.document_id in (${sql.join(ids)}) group by s.document_id, c.review_state`.execute(db) : { rows: [] };
  const count = (id: number, st: string): number => n(counts.rows.find((c) => c.document_id === id && c.review_state === st)?.n);
  return page(rows.rows.map((r) => ({
    id: `d${r.id}`, title: r.title ?? r.source, published: r.published,
    proposed: count(r.id, 'proposed'), accepted: count(r.id, 'accepted'), rejected: count(r.id, 'rejected'), edited: count(r.id, 'edited'),
  })), o.limit, (r) => [Number(r.id.slice(1))]);
}

/** A document's claims in reading order, with the sentence and evidence each came from. */
export async function documentClaims(db: Kysely<DB>, o: { document: number; state?: string; limit: number; cursor?: string }) {
  const c0 = decodeCursor(o.cursor);
  const rows = await sql<{ id: number; kind: string; summary: string; value: Record<string, unknown>; edited_value: Record<string, unknown> | null; review_state: ReviewState; version: number; confidence: number; sentence: number; sentence_text: string; evidence: { start: number; end: number }[] }>`
    select c.id, c.kind, c.summary, c.value, c.edited_value, c.review_state, c.version, c.confidence, s.sentence, s.sentence_text, s.evidence
    from claim_sources s join claims c on c.id = s.claim_id where s.document_id = ${o.document}
    ${o.state ? sql`and c.review_state = ${o.state}` : sql``}
    ${c0 ? sql`and (s.sentence, c.id) > (${Number(c0[0])}, ${Number(c0[1])})` : sql``}
    order by s.sentence, c.id limit ${o.limit + 1}`.execute(db);
  return page(rows.rows.map((r) => ({
    id: `c${r.id}`, kind: r.kind, summary: r.summary, value: merged(r.value, r.edited_value), state: r.review_state, version: r.version,
    confidence: Math.round(r.confidence * 1000) / 1000, sentence: r.sentence, sentenceText: r.sentence_text, evidence: r.evidence,
  })), o.limit, (r) => [r.sentence, Number(r.id.slice(1))]);
}

/** Claims by review state (src/store/claim-counts.ts: no scan of the claims). */
export async function reviewCounts(db: Kysely<DB>) {
  const rows = await claimCounts(db);
  const get = (s: string): number => rows.filter((r) => r.state === s).reduce((a, r) => a + r.count, 0);
  return { proposed: get('proposed'), accepted: get('accepted'), rejected: get('rejected'), edited: get('edited') };
}
