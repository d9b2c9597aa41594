import { sql, type Kysely } from 'kysely';
import type { Approx } from '../domain/record.ts';
import { numbersCompatible } from '../record/claims/ranges.ts';
import { claimCounts } from './claim-counts.ts';
import type { DB } from './schema.ts';
import { DERIVED_INITIALS } from './names.ts';
import { searchClaims, searchDocuments } from './search.ts';

/** Read side of the record: each function one question a command asks. Counts come back as numbers. */

const n = (x: unknown): number => Number(x ?? 0);
/** Independent sources: wire copies count with their original, once. */
const INDEPENDENT = sql<string>`(select count(distinct coalesce(d.duplicate_of, d.id)) from claim_sources s join documents d on d.id = s.document_id where s.claim_id = c.id)`;
const SOURCES = sql<string>`(select count(*) from claim_sources s where s.claim_id = c.id)`;

export async function status(db: Kysely<DB>) {
  const one = async (q: ReturnType<typeof sql<{ n: string }>>) => n((await q.execute(db)).rows[0]?.n);
  const byState = await claimCounts(db);
  const last = await sql<{ at: Date | null }>`select max(ingested_at) as at from documents`.execute(db);
  return {
    documents: await one(sql`select count(*) as n from documents`),
    copies: await one(sql`select count(*) as n from documents where duplicate_of is not null`),
    actors: await one(sql`select count(*) as n from actors where merged_into is null`),
    memberships: await one(sql`select count(*) as n from memberships`),
    claims: byState,
    proposals: byState.filter((r) => r.state === 'proposed').reduce((a, r) => a + r.count, 0),
    lastIngest: last.rows[0]?.at ? new Date(last.rows[0].at).toISOString() : null,
  };
}

/** Proposals waiting for a decision, most corroborated first; `after` (a claim id the last page ended on) pages on. */
export async function proposals(db: Kysely<DB>, o: { kind?: string; limit: number; after?: number }) {
  if (o.kind === 'actor') {
    const rows = await sql<{ id: number; kind: string; name: string; docs: string }>`
      select a.id, a.kind, a.name, (select count(*) from document_actors x where x.actor_id = a.id) as docs
      from actors a where a.review_state = 'proposed' and a.merged_into is null order by docs desc, a.id limit ${o.limit}`.execute(db);
    return rows.rows.map((r) => ({ id: `a${r.id}`, kind: r.kind, summary: r.name, sources: n(r.docs), confidence: null as number | null }));
  }
  if (o.kind === 'membership') {
    const rows = await sql<{ id: number; person: string; organization: string; role: string | null; status: string; sources: string }>`
      select m.id, p.name as person, g.name as organization, m.role, m.status,
        (select count(*) from membership_sources s where s.membership_id = m.id) as sources
      from memberships m join actors p on p.id = m.person_id join actors g on g.id = m.organization_id
      where m.review_state = 'proposed' order by sources desc, m.id limit ${o.limit}`.execute(db);
    return rows.rows.map((r) => ({ id: `m${r.id}`, kind: 'membership', summary: `${r.person}: ${r.role ?? 'member'} of ${r.organization} (${r.status})`, sources: n(r.sources), confidence: null as number | null }));
  }
  // Most corroborated first, read in order from a partial index by kind (migrations 0005, 0008:
  // claims_review_queue_kind): the first page of each kind there is (claim_counts), merged.
  const after = o.after ? await sql<{ source_count: number; confidence: number; id: number }>`select source_count, confidence, id from claims where id = ${o.after}`.execute(db) : undefined;
  const at = after?.rows[0];
  const rows = await sql<{ id: number; kind: string; summary: string; source_count: number; confidence: number }>`
    select x.id, x.kind, x.summary, x.source_count, x.confidence
    from (${o.kind ? sql`select ${o.kind}::text as kind` : sql`select distinct kind from claim_counts`}) k
    cross join lateral (
      select c.id, c.kind, c.summary, c.source_count, c.confidence from claims c
      where c.review_state = 'proposed' and c.kind = k.kind
      ${at ? sql`and (c.source_count, c.confidence, c.id) < (${at.source_count}, ${at.confidence}::real, ${at.id})` : sql``}
      order by c.source_count desc, c.confidence desc, c.id desc limit ${o.limit}) x
    order by x.source_count desc, x.confidence desc, x.id desc limit ${o.limit}`.execute(db);
  return rows.rows.map((r) => ({ id: `c${r.id}`, kind: r.kind, summary: r.summary, sources: r.source_count, confidence: round(r.confidence) }));
}

export async function actors(db: Kysely<DB>, o: { kind?: string; limit: number }) {
  const rows = await sql<{ id: number; name: string; kind: string; review_state: string; docs: string; claims: string; aliases: string | null }>`
    select a.id, a.name, a.kind, a.review_state,
      (select count(*) from document_actors x where x.actor_id = a.id) as docs,
      (select count(*) from claim_actors x where x.actor_id = a.id) as claims,
      (select string_agg(alias, ', ' order by alias) from actor_aliases al where al.actor_id = a.id and al.alias_norm <> a.name_norm and al.via <> ${DERIVED_INITIALS}) as aliases
    from actors a where a.merged_into is null ${o.kind ? sql`and a.kind = ${o.kind}` : sql``}
    order by docs desc, a.name limit ${o.limit}`.execute(db);
  return rows.rows.map((r) => ({ id: `a${r.id}`, name: r.name, kind: r.kind, state: r.review_state, documents: n(r.docs), claims: n(r.claims), aliases: r.aliases ?? '' }));
}

export async function memberships(db: Kysely<DB>, actorId: number) {
  const rows = await sql<{ id: number; person: string; organization: string; role: string | null; status: string; start_date: string | null; end_date: string | null; review_state: string; sources: string }>`
    select m.id, p.name as person, o.name as organization, m.role, m.status, m.start_date, m.end_date, m.review_state,
      (select count(*) from membership_sources s where s.membership_id = m.id) as sources
    from memberships m join actors p on p.id = m.person_id join actors o on o.id = m.organization_id
    where m.person_id = ${actorId} or m.organization_id = ${actorId} order by m.id`.execute(db);
  return rows.rows.map((r) => ({ id: `m${r.id}`, person: r.person, organization: r.organization, role: r.role, status: r.status, start: r.start_date, end: r.end_date, state: r.review_state, sources: n(r.sources) }));
}

/** An actor's reported participation (attend, boycott, invited, declined, undecided), newest first, with its reports. */
export async function participation(db: Kysely<DB>, actorId: number, limit: number) {
  const rows = await sql<{ id: number; value: Record<string, unknown>; edited_value: Record<string, unknown> | null; review_state: string; occurred_on: string | null; docs: string | null }>`
    select c.id, c.value, c.edited_value, c.review_state, c.occurred_on,
      (select string_agg('d' || s.document_id, ' ' order by s.document_id) from claim_sources s where s.claim_id = c.id) as docs
    from claims c where c.kind = 'participation' and c.review_state <> 'rejected'
    and exists (select 1 from claim_actors x where x.claim_id = c.id and x.actor_id = ${actorId})
    order by c.occurred_on desc nulls last, c.id limit ${limit}`.execute(db);
  return rows.rows.map((r) => {
    const v = { ...r.value, ...(r.edited_value ?? {}) };
    return { id: `c${r.id}`, date: r.occurred_on, status: String(v.status ?? ''), meeting: (v.meeting ?? null) as string | null, condition: (v.condition ?? null) as string | null, state: r.review_state, sources: r.docs ?? '' };
  });
}

export async function quotes(db: Kysely<DB>, o: { actorId?: number; limit: number }) {
  const rows = await sql<{ id: number; value: Record<string, unknown>; edited_value: Record<string, unknown> | null; review_state: string; sources: string; independent: string; published: string | null }>`
    select c.id, c.value, c.edited_value, c.review_state, ${SOURCES} as sources, ${INDEPENDENT} as independent, c.occurred_on as published
    from claims c where c.kind = 'quote' and c.review_state <> 'rejected'
    ${o.actorId !== undefined ? sql`and exists (select 1 from claim_actors x where x.claim_id = c.id and x.actor_id = ${o.actorId})` : sql``}
    order by c.occurred_on desc nulls last, c.id limit ${o.limit}`.execute(db);
  return rows.rows.map((r) => {
    const v = { ...r.value, ...(r.edited_value ?? {}) };
    return { id: `c${r.id}`, date: r.published, speaker: (v.speaker ?? v.speakerDescription ?? 'unnamed') as string, direct: v.direct as boolean, text: v.text as string, state: r.review_state, sources: n(r.sources), independent: n(r.independent) };
  });
}

/**
 * Reported figures. A key (measure, subject, month, counted noun) with two values that cannot both
 * be true (src/record/claims/ranges.ts: "more than 220,000" and "220,000" can) is contested:
 * `--contested` lists those values side by side, each with its own sources.
 */
export async function figures(db: Kysely<DB>, o: { contested?: boolean; limit: number }) {
  const rows = await sql<{ id: number; key: string; value: Record<string, unknown>; edited_value: Record<string, unknown> | null; review_state: string; sources: string; independent: string; occurred_on: string | null; docs: string | null }>`
    select c.id, c.key, c.value, c.edited_value, c.review_state, c.occurred_on, ${SOURCES} as sources, ${INDEPENDENT} as independent,
      (select string_agg(coalesce(d.publisher, regexp_replace(d.source, '^.*/', '')) || ' ' || d.published || ' d' || d.id, '; ' order by d.published, d.id) from claim_sources s join documents d on d.id = s.document_id where s.claim_id = c.id) as docs
    from claims c where c.kind = 'quantity' and c.review_state <> 'rejected'
    ${o.contested ? sql`and exists (select 1 from claims r where r.key = c.key and r.id <> c.id and r.kind = 'quantity' and r.review_state <> 'rejected')` : sql`and c.id in (select id from claims where kind = 'quantity' and review_state <> 'rejected' order by key, id limit ${o.limit})`}
    order by c.key, c.id`.execute(db);
  const all = rows.rows.map((r) => {
    const v = { ...r.value, ...(r.edited_value ?? {}) };
    const num = { value: Number(v.value), max: (v.max ?? null) as number | null, approx: (v.approx ?? 'exact') as Approx };
    return { key: r.key, num, row: { id: `c${r.id}`, date: r.occurred_on, measure: v.measure as string, value: v.value as number, approx: v.approx as string, unit: (v.unit ?? '') as string, text: v.text as string, state: r.review_state, sources: n(r.sources), independent: n(r.independent), contested: false, against: '', from: r.docs ?? '' } };
  });
  const byKey = new Map<string, typeof all>();
  for (const x of all) (byKey.get(x.key) ?? byKey.set(x.key, []).get(x.key)!).push(x);
  for (const xs of byKey.values()) {
    for (const x of xs) {
      // Two figures of one report are two facts; reports disagree when their sources differ.
      // Values more than ten times apart count different things ("300 people" fled, "5,000 people" besieged).
      const rivals = xs.filter((y) => y !== x && y.row.from !== x.row.from && !numbersCompatible(x.num, y.num) && sameScale(x.num.value, y.num.value));
      x.row.contested = rivals.length > 0;
      x.row.against = rivals.map((y) => `${y.row.text} (${y.row.id})`).join('; ');
    }
  }
  return all.map((x) => x.row).filter((r) => !o.contested || r.contested).slice(0, o.limit);
}

/** Ranked full-text search (src/store/search.ts: the newest matching reports and claims are ranked). */
export async function search(db: Kysely<DB>, words: string, limit: number) {
  const [docs, claims] = await Promise.all([searchDocuments(db, words, { limit }), searchClaims(db, words, { limit })]);
  return [
    ...docs.map((r) => ({ id: `d${r.id}`, kind: 'document', text: `${r.published} ${r.title ?? r.source}`, rank: round(r.rank) })),
    ...claims.map((r) => ({ id: `c${r.id}`, kind: r.kind, text: r.summary, rank: round(r.rank) })),
  ].sort((a, b) => (b.rank ?? 0) - (a.rank ?? 0));
}

export async function history(db: Kysely<DB>, entity: string, id: number) {
  const rows = await db.selectFrom('history').select(['at', 'by', 'action', 'field', 'before', 'after']).where('entity', '=', entity).where('entity_id', '=', id).orderBy('id').execute();
  return rows.map((r) => ({ at: new Date(r.at).toISOString(), by: r.by, action: r.action, field: r.field, before: r.before, after: r.after }));
}

const sameScale = (a: number, b: number): boolean => a > 0 && b > 0 && Math.max(a, b) / Math.min(a, b) <= 10;

function round(x: number | null): number | null {
  return x === null ? null : Math.round(x * 1000) / 1000;
}
