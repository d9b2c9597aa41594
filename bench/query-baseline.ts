// The read queries as they were before migration 0005 (search ranking every match, the review
// listing counting the sources of every proposal), kept so bench:query can time old and new
// side by side on one workspace. Not used by parley itself.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../src/store/schema.ts';

const n = (x: unknown): number => Number(x ?? 0);

export async function searchBefore(db: Kysely<DB>, words: string, limit: number) {
  const q = sql`websearch_to_tsquery('english', ${words})`;
  const docs = await sql<{ id: number; rank: number }>`
    select d.id, ts_rank(d.tsv, ${q}) as rank
    from (select id from documents where tsv @@ ${q} order by published desc, id desc limit 500) m join documents d on d.id = m.id
    order by rank desc, d.id limit ${limit}`.execute(db);
  const claims = await sql<{ id: number; rank: number }>`
    select id, ts_rank(tsv, ${q}) as rank from claims where tsv @@ ${q} and review_state <> 'rejected' order by rank desc, id limit ${limit}`.execute(db);
  return [...docs.rows, ...claims.rows].sort((a, b) => b.rank - a.rank);
}

export async function searchAllBefore(db: Kysely<DB>, q: string, limit: number) {
  const tsq = sql`websearch_to_tsquery('english', ${q})`;
  const docs = (await sql<{ id: number; rank: number; snippet: string }>`
    select d.id, ts_rank(d.tsv, ${tsq}) as rank,
      ts_headline('english', left(d.text, 20000), ${tsq}, 'StartSel=«,StopSel=»,MaxWords=30,MinWords=10') as snippet
    from documents d where d.tsv @@ ${tsq} order by rank desc, d.id limit ${limit + 1}`.execute(db)).rows;
  const claims = (await sql<{ id: number; rank: number }>`
    select c.id, ts_rank(c.tsv, ${tsq}) as rank
    from claims c where c.tsv @@ ${tsq} and c.review_state <> 'rejected' order by rank desc, c.id limit ${limit + 1}`.execute(db)).rows;
  return [...docs, ...claims].sort((a, b) => b.rank - a.rank).slice(0, limit);
}

export async function proposalsBefore(db: Kysely<DB>, o: { kind?: string; limit: number }) {
  const rows = await sql<{ id: number; sources: string }>`
    select c.id, (select count(*) from claim_sources s where s.claim_id = c.id) as sources, c.confidence from claims c
    where c.review_state = 'proposed' ${o.kind ? sql`and c.kind = ${o.kind}` : sql``}
    order by sources desc, c.confidence desc, c.id limit ${o.limit}`.execute(db);
  return rows.rows.map((r) => ({ id: `c${r.id}`, sources: n(r.sources) }));
}

export async function reviewDocumentsBefore(db: Kysely<DB>, limit: number) {
  return (await sql<{ id: number }>`
    select d.id from documents d
    where exists (select 1 from claim_sources s join claims c on c.id = s.claim_id where s.document_id = d.id and c.review_state = 'proposed')
    order by d.id limit ${limit + 1}`.execute(db)).rows;
}
