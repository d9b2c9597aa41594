import { sql, type Kysely } from 'kysely';
import type { DB } from '../../store/schema.ts';
import { decodeCursor, encodeCursor } from '../cursor.ts';

/**
 * Full-text search over documents and claims (websearch syntax: "exact phrase", -not, or).
 * A quoted phrase must also appear as written (case aside), not only as stemmed words.
 * Ranked, so the cursor is an offset.
 */
export async function searchAll(db: Kysely<DB>, o: { q: string; limit: number; cursor?: string; kind?: 'document' | 'claim' }) {
  const offset = Number(decodeCursor(o.cursor)?.[0] ?? 0);
  const tsq = sql`websearch_to_tsquery('english', ${o.q})`;
  const phrases = [...o.q.matchAll(/"([^"]+)"/g)].map((m) => m[1]!.trim().toLowerCase()).filter(Boolean);
  const docPhrase = phrases.map((p) => sql`and position(${p} in lower(d.text)) > 0`);
  const claimPhrase = phrases.map((p) => sql`and position(${p} in lower(c.summary)) > 0`);
  const take = offset + o.limit + 1;
  const docs = o.kind === 'claim' ? [] : (await sql<{ id: number; title: string | null; source: string; published: string; rank: number; snippet: string }>`
    select d.id, d.title, d.source, d.published, ts_rank(d.tsv, ${tsq}) as rank,
      ts_headline('english', left(d.text, 20000), ${tsq}, 'StartSel=«,StopSel=»,MaxWords=30,MinWords=10') as snippet
    from documents d where d.tsv @@ ${tsq} ${sql.join(docPhrase, sql` `)} order by rank desc, d.id limit ${take}`.execute(db)).rows;
  const claims = o.kind === 'document' ? [] : (await sql<{ id: number; kind: string; summary: string; review_state: string; rank: number }>`
    select c.id, c.kind, c.summary, c.review_state, ts_rank(c.tsv, ${tsq}) as rank
    from claims c where c.tsv @@ ${tsq} and c.review_state <> 'rejected' ${sql.join(claimPhrase, sql` `)} order by rank desc, c.id limit ${take}`.execute(db)).rows;
  const all = [
    ...docs.map((r) => ({ id: `d${r.id}`, type: 'document' as const, kind: 'document', title: `${r.title ?? r.source}`, text: r.snippet, date: r.published, state: null as string | null, rank: r.rank })),
    ...claims.map((r) => ({ id: `c${r.id}`, type: 'claim' as const, kind: r.kind, title: r.kind, text: r.summary, date: null as string | null, state: r.review_state, rank: r.rank })),
  ].sort((a, b) => b.rank - a.rank || a.id.localeCompare(b.id));
  const items = all.slice(offset, offset + o.limit).map((r) => ({ ...r, rank: Math.round(r.rank * 1000) / 1000 }));
  return { items, nextCursor: all.length > offset + o.limit ? encodeCursor([offset + o.limit]) : null };
}
