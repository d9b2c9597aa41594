// p50/p95 latency of the record's read questions on a store: timeline (a month), full-text
// search (CLI and API), one actor (names, documents, quotes), the review listing (CLI) and the
// review queue (API: documents with proposals, then proposed claims). Used by bench:ingest and
// bench:query on a generated workspace.
import { showActor } from '../src/app/show-record.ts';
import { searchAll } from '../src/server/queries/search.ts';
import { listClaims, reviewCounts, reviewDocuments } from '../src/server/queries/lists.ts';
import { timeline } from '../src/store/process-queries.ts';
import { proposals, search } from '../src/store/queries.ts';
import type { Store } from '../src/store/open.ts';

export interface Latency { readonly query: string; readonly runs: number; readonly p50: number; readonly p95: number }
export type Case = [string, (store: Store, i: number) => Promise<unknown>];

const pct = (xs: number[], p: number): number => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(p * s.length))]!; };
/** Two words each, one an exact phrase: on a generated workspace each matches a few percent of the reports. */
const WORDS = ['ceasefire convoy', 'detainees release', 'envoy summit', 'siege hospital', '"harbour bridge"', 'militia valley'];

export async function queryCases(store: Store): Promise<Case[]> {
  const names = (await store.db.selectFrom('actors').select('name').orderBy('id').limit(200).execute()).map((r) => r.name);
  const months = (await store.db.selectFrom('documents').select('published').distinct().orderBy('published').execute()).map((r) => r.published.slice(0, 7));
  const kinds = [undefined, 'quote', 'quantity', 'event'];
  return [
    ['timeline --from M --to M', (s, i) => { const m = months[(i * 37) % months.length]!; return timeline(s.db, { from: m, to: m, limit: 50 }); }],
    ['search "two words"', (s, i) => search(s.db, WORDS[i % WORDS.length]!, 20)],
    ['API search', (s, i) => searchAll(s.db, { q: WORDS[i % WORDS.length]!, limit: 20 })],
    ['actor NAME', (s, i) => showActor(s, names[(i * 13) % names.length]!)],
    ['review (CLI)', (s, i) => proposals(s.db, { kind: kinds[i % kinds.length], limit: 50 })],
    ['API review queue', async (s) => { await reviewDocuments(s.db, { limit: 50 }); return listClaims(s.db, { state: 'proposed', limit: 50 }); }],
    ['API review counts', (s) => reviewCounts(s.db)],
  ];
}

export async function queryLatency(store: Store, runs = 40): Promise<Latency[]> {
  const out: Latency[] = [];
  for (const [query, fn] of await queryCases(store)) {
    for (let i = 0; i < 3; i++) await fn(store, i); // warm
    const ms: number[] = [];
    for (let i = 0; i < runs; i++) { const t = performance.now(); await fn(store, i + 3); ms.push(performance.now() - t); }
    out.push({ query, runs, p50: pct(ms, 0.5), p95: pct(ms, 0.95) });
  }
  return out;
}
