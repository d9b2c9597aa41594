// A generated workspace for query benchmarks: N synthetic reports (default 100,000) with their
// actors, quotes, figures and events, written straight into the store with multi-row inserts
// (no extraction), then the derived process record. Invented words only.
//   node --import tsx bench/generate-workspace.ts [N] [-w DIR | --database-url URL]
import { sql, type Kysely } from 'kysely';
import { recomputeProcessRecord } from '../src/app/recompute-record.ts';
import { openStore, type StoreOptions } from '../src/store/open.ts';
import type { DB } from '../src/store/schema.ts';

const WORDS = ('talks round envoy delegation ceasefire truce aid convoy corridor detainees prisoners release exchange council alliance front ' +
  'committee mediator negotiations agreement proposal draft statement border province valley river harbour city village district ' +
  'shelling siege evacuation monitors observers refugees displaced families water bread fuel medicine hospital school bridge road ' +
  'minister spokesman commander militia army government opposition coalition bloc faction summit capital conference venue host').split(' ');
const PLACES = ['Lakeside', 'Harbourton', 'Eastgate', 'Northfield', 'Stonebridge', 'Westmarch', 'Redcliff', 'Greenvale'];
const EVENT_TYPES = ['talks', 'release', 'aid_access', 'ceasefire', 'attack', 'evacuation', 'siege', 'withdrawal'];
const MEASURES = ['killed', 'released', 'displaced', 'civilians', 'detainees'];
const ACTORS = 500;
/** Filler vocabulary: 4,000 invented words drawn with a skewed (Zipf-like) frequency, as in prose. */
const SYL = ['ka', 'lo', 'mi', 'ren', 'sa', 'tor', 'vel', 'dan', 'ur', 'bes', 'qui', 'mor', 'tal', 'zen', 'po', 'rif'];
const FILLER = Array.from({ length: 4000 }, (_, i) => SYL[i % 16]! + SYL[Math.floor(i / 16) % 16]! + SYL[Math.floor(i / 256) % 16]!);
const BATCH = 1000;

/** A small deterministic generator: the same N gives the same workspace. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => { s = (s * 1664525 + 1013904223) >>> 0; return s / 2 ** 32; };
}

export interface Generated { readonly documents: number; readonly claims: number; readonly actors: number; readonly seconds: number; readonly recompute: string }

export async function generateWorkspace(db: Kysely<DB>, n: number, log: (s: string) => void = () => undefined, o: { recompute?: boolean } = {}): Promise<Generated> {
  const t0 = performance.now();
  const r = rng(n);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const actorRows = Array.from({ length: ACTORS }, (_, i) => ({ name: `Actor ${name(i)}`, name_norm: `actor ${name(i)}`.toLowerCase(), kind: i % 3 === 0 ? 'person' : i % 3 === 1 ? 'organization' : 'government', lexicon_id: null, description: null, merged_into: null }));
  const actorIds = (await db.insertInto('actors').values(actorRows).returning('id').execute()).map((x) => x.id);
  await db.insertInto('actor_aliases').values(actorIds.map((id, i) => ({ actor_id: id, first_actor_id: id, alias: actorRows[i]!.name, alias_norm: actorRows[i]!.name_norm, via: 'name' }))).execute();
  let claims = 0;
  const day0 = Date.UTC(2012, 0, 1);
  for (let at = 0; at < n; at += BATCH) {
    const m = Math.min(BATCH, n - at);
    await db.transaction().execute(async (tx) => {
      const docs = Array.from({ length: m }, (_, j) => {
        const i = at + j;
        const published = new Date(day0 + Math.floor(r() * 365 * 8) * 86400000).toISOString().slice(0, 10);
        const text = Array.from({ length: 120 + Math.floor(r() * 120) }, () => (r() < 0.1 ? pick(WORDS) : FILLER[Math.floor(r() ** 3 * FILLER.length)]!)).join(' ') + ` in ${pick(PLACES)}.`;
        return { source: `gen/${i}.txt`, input_id: `gen-${i}`, text, title: `Report ${i} on the ${pick(WORDS)} ${pick(WORDS)}`, publisher: 'Generated', url: null, published, published_from: 'option', content_hash: `gen-${n}-${i}`, duplicate_of: null, similarity: null, extractor_version: 'generated' };
      });
      const ids = (await tx.insertInto('documents').values(docs).returning('id').execute()).map((x) => x.id);
      const cl: { kind: 'quote' | 'quantity' | 'event'; key: string; value: string; value_norm: string; edited_value: null; confidence: number; summary: string; occurred_on: string }[] = [];
      const who: number[] = [];
      const docOf: number[] = [];
      docs.forEach((d, j) => {
        const a = actorIds[Math.floor(r() * r() * ACTORS)]!; // a few actors speak often
        const words = Array.from({ length: 12 }, () => pick(WORDS)).join(' ');
        cl.push({ kind: 'quote', key: `quote|@${a}|${d.input_id}`, value: JSON.stringify({ text: words, direct: true, speaker: `a${a}` }), value_norm: 'direct', edited_value: null, confidence: 0.8, summary: `Actor: ${words}`, occurred_on: d.published });
        const measure = pick(MEASURES), value = 10 * (1 + Math.floor(r() * 200));
        cl.push({ kind: 'quantity', key: `quantity|${measure}||${d.published.slice(0, 7)}|people`, value: JSON.stringify({ value, approx: 'exact', measure, unit: 'people', text: `${value} people` }), value_norm: `exact|${value}|`, edited_value: null, confidence: 0.8, summary: `${measure}: ${value} people`, occurred_on: d.published });
        const type = pick(EVENT_TYPES), place = pick(PLACES);
        cl.push({ kind: 'event', key: `event|${type}|@${a}|${place.toLowerCase()}|${d.published}|${d.input_id}`, value: JSON.stringify({ type, actor: null, place, start: d.published }), value_norm: '|||', edited_value: null, confidence: 0.7, summary: `${type} ${place} ${d.published}`, occurred_on: d.published });
        who.push(a, 0, 0);
        docOf.push(ids[j]!, ids[j]!, ids[j]!);
      });
      // The same figure reported twice is one claim with two sources: rows are unique per (key, value).
      const uniq = new Map(cl.map((c) => [c.key + '\u0001' + c.value_norm, c]));
      const got = await tx.insertInto('claims').values([...uniq.values()]).onConflict((oc) => oc.columns(['key', 'value_norm']).doUpdateSet({ confidence: sql`claims.confidence` }))
        .returning(['id', 'key', 'value_norm']).execute();
      const idOf = new Map(got.map((x) => [x.key + '\u0001' + x.value_norm, x.id]));
      const cids = cl.map((c) => idOf.get(c.key + '\u0001' + c.value_norm)!);
      claims += got.length;
      const seen = new Set<string>();
      await tx.insertInto('claim_sources').values(cids.map((id, k) => ({ claim_id: id, document_id: docOf[k]!, sentence: 0, sentence_text: cl[k]!.summary, evidence: '[{"start":0,"end":4}]', confidence: 0.8, extractor_version: 'generated' })).filter((x) => !seen.has(`${x.claim_id}|${x.document_id}`) && !!seen.add(`${x.claim_id}|${x.document_id}`))).execute();
      const speakers = cids.map((id, k) => ({ id, a: who[k]! })).filter((x) => x.a > 0);
      await tx.insertInto('claim_actors').values(speakers.map((x) => ({ claim_id: x.id, actor_id: x.a, original_actor_id: x.a, role: 'speaker', as_name: 'Actor' }))).execute();
      await tx.insertInto('document_actors').values(speakers.map((x) => ({ document_id: docOf[cids.indexOf(x.id)]!, actor_id: x.a, original_actor_id: x.a, as_name: 'Actor', mentions: 1 }))).execute();
    });
    if ((at / BATCH) % 10 === 9) log(`  ${at + m} documents, ${claims} claims, ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  }
  await sql`analyze`.execute(db);
  const seconds = (performance.now() - t0) / 1000;
  const t1 = performance.now();
  let recompute = 'process record not rebuilt (--no-recompute)';
  if (o.recompute !== false) try {
    const x = await recomputeProcessRecord(db);
    recompute = `process record rebuilt in ${((performance.now() - t1) / 1000).toFixed(1)} s (${x.processes} processes, ${x.rounds} rounds, ${x.commitments} commitments)`;
  } catch (e) {
    recompute = `process record NOT rebuilt: ${(e as Error).message}`;
  }
  return { documents: n, claims, actors: ACTORS, seconds, recompute };
}

function name(i: number): string {
  const syl = ['ka', 'lo', 'mi', 'ren', 'sa', 'tor', 'vel', 'dan', 'ur', 'bes'];
  return (syl[i % 10]! + syl[Math.floor(i / 10) % 10]! + syl[Math.floor(i / 100) % 10]!).replace(/^./, (c) => c.toUpperCase());
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const n = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 100000);
  const wi = process.argv.indexOf('-w'), ui = process.argv.indexOf('--database-url');
  const options: StoreOptions = ui > 0 ? { databaseUrl: process.argv[ui + 1]! } : { workspace: wi > 0 ? process.argv[wi + 1]! : '.parley-generated' };
  const store = await openStore(options);
  try {
    const g = await generateWorkspace(store.db, n, (s) => console.log(s), { recompute: !process.argv.includes('--no-recompute') });
    console.log(`generated ${g.documents} documents, ${g.claims} claims, ${g.actors} actors in ${g.seconds.toFixed(1)} s; ${g.recompute}`);
  } finally { await store.close(); }
}
