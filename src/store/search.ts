import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from './schema.ts';

/**
 * Ranked full-text search over documents and claims, with a bounded cost at any size of record.
 * Words use websearch syntax ("exact phrase", -not, or). Ranking reads each candidate's text
 * vector, so only candidates are ranked: the newest `candidates` stored reports that contain the
 * words (phrases loosened to all their words, which the GIN index answers without reading any
 * text), plus the newest reports whose TITLE has them (an index on titles), plus the newest
 * matching claims. A candidate is then checked against the exact query (phrases in order) and
 * ranked; a title match ranks above a body-only match. On a large record an old report that
 * mentions the words only in its body may therefore not be found: narrow the words to reach it.
 */
export interface SearchHit { id: number; rank: number }
export interface DocumentHit extends SearchHit { title: string | null; source: string; published: string }
export interface ClaimHit extends SearchHit { kind: string; summary: string; review_state: string }

/** How many of the newest matching reports (and, apart, claims) are ranked. */
export const CANDIDATES = 100;
/** How many of the newest reports with the words in their title are ranked besides. */
const TITLED = 25;
/** Added to the rank of a report whose title has the words: titles say what a report is about. */
const TITLE_BONUS = 0.5;

/**
 * The query, and the same with phrases loosened to their words (a superset the index answers
 * without reading texts). `loosened`: candidates must be checked against the exact query;
 * `negated`: a title match does not make a match.
 */
function queries(words: string): { exact: RawBuilder<unknown>; loose: RawBuilder<unknown>; loosened: boolean; negated: boolean } {
  const exact = sql`websearch_to_tsquery('english', ${words})`;
  const negated = /(^|\s)-/.test(words);
  // A negated phrase loosened would exclude more, not less: such a query stays exact.
  const loosened = words.includes('"') && !/-\s*"/.test(words);
  const loose = loosened ? sql`regexp_replace(websearch_to_tsquery('english', ${words})::text, '<(-|[0-9]+)>', '&', 'g')::tsquery` : exact;
  return { exact, loose, loosened, negated };
}

export async function searchDocuments(db: Kysely<DB>, words: string, o: { limit: number; offset?: number; phrases?: readonly string[] }): Promise<DocumentHit[]> {
  const { exact, loose, loosened, negated } = queries(words);
  const recheck = loosened || negated;
  const n = Math.max(CANDIDATES, (o.offset ?? 0) + o.limit);
  // Written text as typed, case aside, for quoted phrases (the API's promise): read for candidates only.
  const phrase = (o.phrases ?? []).map((p) => sql`and position(${p} in lower(d.text)) > 0`);
  const rows = await sql<DocumentHit>`
    select d.id, d.title, d.source, d.published,
      ts_rank(d.tsv, ${exact}) + case when to_tsvector('english', coalesce(d.title, '')) @@ ${exact} then ${TITLE_BONUS}::real else 0 end as rank
    from (
      (select id from documents where tsv @@ ${loose} order by id desc limit ${n})
      union
      (select id from documents where to_tsvector('english', coalesce(title, '')) @@ ${loose} order by id desc limit ${Math.max(TITLED, o.limit)})
    ) m join documents d on d.id = m.id
    where true ${recheck ? sql`and d.tsv @@ ${exact}` : sql``} ${sql.join(phrase, sql` `)}
    order by rank desc, d.id desc limit ${o.limit} offset ${o.offset ?? 0}`.execute(db);
  return rows.rows.map((r) => ({ ...r, rank: Number(r.rank) }));
}

export async function searchClaims(db: Kysely<DB>, words: string, o: { limit: number; offset?: number; phrases?: readonly string[] }): Promise<ClaimHit[]> {
  const { exact, loose, loosened: recheck } = queries(words);
  const n = Math.max(CANDIDATES, (o.offset ?? 0) + o.limit);
  const phrase = (o.phrases ?? []).map((p) => sql`and position(${p} in lower(c.summary)) > 0`);
  const rows = await sql<ClaimHit>`
    select c.id, c.kind, c.summary, c.review_state, ts_rank(c.tsv, ${exact}) as rank
    from (select id from claims where tsv @@ ${loose} and review_state <> 'rejected' order by id desc limit ${n}) m join claims c on c.id = m.id
    where true ${recheck ? sql`and c.tsv @@ ${exact}` : sql``} ${sql.join(phrase, sql` `)}
    order by rank desc, c.id desc limit ${o.limit} offset ${o.offset ?? 0}`.execute(db);
  return rows.rows.map((r) => ({ ...r, rank: Number(r.rank) }));
}
