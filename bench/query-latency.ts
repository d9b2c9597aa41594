// p50/p95 latency of the record's read questions on a store: timeline (a month), full-text
// search (two words), one actor (names, documents, quotes). Used by bench:ingest on a generated
// workspace, whose process record the generator has built.
import { showActor } from '../src/app/show-record.ts';
import { timeline } from '../src/store/process-queries.ts';
import { search } from '../src/store/queries.ts';
import type { Store } from '../src/store/open.ts';

export interface Latency { readonly query: string; readonly runs: number; readonly p50: number; readonly p95: number }

const pct = (xs: number[], p: number): number => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(p * s.length))]!; };

export async function queryLatency(store: Store, runs = 40): Promise<Latency[]> {
  const names = (await store.db.selectFrom('actors').select('name').orderBy('id').limit(200).execute()).map((r) => r.name);
  const months = (await store.db.selectFrom('documents').select('published').distinct().orderBy('published').execute()).map((r) => r.published.slice(0, 7));
  const words = ['ceasefire convoy', 'detainees release', 'envoy summit', 'siege hospital', 'harbour bridge', 'militia valley'];
  const cases: [string, (i: number) => Promise<unknown>][] = [
    ['timeline --from M --to M', (i) => { const m = months[(i * 37) % months.length]!; return timeline(store.db, { from: m, to: m, limit: 50 }); }],
    ['search "two words"', (i) => search(store.db, words[i % words.length]!, 20)],
    ['actor NAME', (i) => showActor(store, names[(i * 13) % names.length]!)],
  ];
  const out: Latency[] = [];
  for (const [query, fn] of cases) {
    for (let i = 0; i < 3; i++) await fn(i); // warm
    const ms: number[] = [];
    for (let i = 0; i < runs; i++) { const t = performance.now(); await fn(i + 3); ms.push(performance.now() - t); }
    out.push({ query, runs, p50: pct(ms, 0.5), p95: pct(ms, 0.95) });
  }
  return out;
}
