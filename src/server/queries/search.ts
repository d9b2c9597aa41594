import { sql, type Kysely } from 'kysely';
import type { DB } from '../../store/schema.ts';
import { searchClaims, searchDocuments } from '../../store/search.ts';
import { decodeCursor, encodeCursor } from '../cursor.ts';

/**
 * Full-text search over documents and claims (websearch syntax: "exact phrase", -not, or).
 * A quoted phrase must also appear as written (case aside), not only as stemmed words.
 * Ranked among the newest matches (src/store/search.ts), so the cursor is an offset.
 */
export async function searchAll(db: Kysely<DB>, o: { q: string; limit: number; cursor?: string; kind?: 'document' | 'claim' }) {
  const offset = Number(decodeCursor(o.cursor)?.[0] ?? 0);
  const phrases = [...o.q.matchAll(/"([^"]+)"/g)].map((m) => m[1]!.trim().toLowerCase()).filter(Boolean);
  const take = { limit: offset + o.limit + 1, phrases };
  const [docs, claims] = await Promise.all([
    o.kind === 'claim' ? [] : searchDocuments(db, o.q, take),
    o.kind === 'document' ? [] : searchClaims(db, o.q, take),
  ]);
  const all = [
    ...docs.map((r) => ({ id: `d${r.id}`, type: 'document' as const, kind: 'document', title: `${r.title ?? r.source}`, text: '', date: r.published, state: null as string | null, rank: r.rank })),
    ...claims.map((r) => ({ id: `c${r.id}`, type: 'claim' as const, kind: r.kind, title: r.kind, text: r.summary, date: null as string | null, state: r.review_state, rank: r.rank })),
  ].sort((a, b) => b.rank - a.rank || a.id.localeCompare(b.id));
  const items = all.slice(offset, offset + o.limit).map((r) => ({ ...r, rank: Math.round(r.rank * 1000) / 1000 }));
  // Snippets for the page only: ts_headline re-reads each text.
  const shown = items.filter((r) => r.type === 'document').map((r) => Number(r.id.slice(1)));
  if (shown.length) {
    const snippets = await sql<{ id: number; snippet: string }>`
      select id, ts_headline('english', left(text, 20000), websearch_to_tsquery('english', ${o.q}), 'StartSel=«,StopSel=»,MaxWords=30,MinWords=10') as snippet
      from documents where id in (${sql.join(shown)})`.execute(db);
    const byId = new Map(snippets.rows.map((r) => [`d${r.id}`, r.snippet]));
    for (const r of items) if (r.type === 'document') r.text = byId.get(r.id) ?? '';
  }
  return { items, nextCursor: all.length > offset + o.limit ? encodeCursor([offset + o.limit]) : null };
}
