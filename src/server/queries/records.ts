import { sql, type Kysely } from 'kysely';
import type { DB } from '../../store/schema.ts';

/** Detail reads the API adds to `parley show`: a document's text with highlights, an actor's network. */

export interface Highlight { start: number; end: number; type: string; ref: string; label: string }

/** Evidence spans of the document's claims, and the places its actors are named, sorted. */
export async function documentHighlights(db: Kysely<DB>, id: number, text: string): Promise<Highlight[]> {
  const claims = await sql<{ id: number; kind: string; summary: string; evidence: { start: number; end: number }[] }>`
    select c.id, c.kind, c.summary, s.evidence from claim_sources s join claims c on c.id = s.claim_id
    where s.document_id = ${id} and c.review_state <> 'rejected'`.execute(db);
  const out: Highlight[] = [];
  for (const c of claims.rows) {
    for (const e of Array.isArray(c.evidence) ? c.evidence : []) {
      if (Number.isInteger(e.start) && Number.isInteger(e.end) && e.start < e.end && e.end <= text.length) out.push({ start: e.start, end: e.end, type: c.kind, ref: `c${c.id}`, label: c.summary });
    }
  }
  const actors = await sql<{ id: number; name: string; as_name: string }>`
    select a.id, a.name, x.as_name from document_actors x join actors a on a.id = x.actor_id where x.document_id = ${id}`.execute(db);
  for (const a of actors.rows) {
    const name = a.as_name;
    if (name.length < 2) continue;
    for (let i = text.indexOf(name); i >= 0 && out.length < 5000; i = text.indexOf(name, i + name.length)) {
      out.push({ start: i, end: i + name.length, type: 'actor', ref: `a${a.id}`, label: a.name });
    }
  }
  return out.sort((x, y) => x.start - y.start || y.end - x.end);
}

/** Actors met in the same claims (co-participants, speakers about), boycotted or opposed. */
export async function actorNetwork(db: Kysely<DB>, id: number) {
  const rows = await sql<{ id: number; name: string; kind: string; relation: string; n: string }>`
    with mine as (
      select x.claim_id, c.kind, c.value->>'status' as status from claim_actors x join claims c on c.id = x.claim_id
      where x.actor_id = ${id} and c.review_state <> 'rejected'
    )
    select a.id, a.name, a.kind,
      case when m.kind = 'participation' and m.status in ('boycott', 'declined') then 'boycotts'
           when m.kind = 'participation' then 'meets'
           when m.kind = 'quote' then 'speaks-with'
           else 'related' end as relation,
      count(*) as n
    from mine m join claim_actors y on y.claim_id = m.claim_id and y.actor_id <> ${id} join actors a on a.id = y.actor_id
    group by a.id, a.name, a.kind, relation order by n desc, a.id limit 60`.execute(db);
  return rows.rows.map((r) => ({ id: `a${r.id}`, name: r.name, kind: r.kind, relation: r.relation, weight: Number(r.n) }));
}

export async function actorParticipation(db: Kysely<DB>, id: number) {
  const rows = await sql<{ id: number; value: Record<string, unknown>; edited_value: Record<string, unknown> | null; review_state: string; occurred_on: string | null }>`
    select c.id, c.value, c.edited_value, c.review_state, c.occurred_on from claims c
    where c.kind = 'participation' and c.review_state <> 'rejected'
    and exists (select 1 from claim_actors x where x.claim_id = c.id and x.actor_id = ${id}) order by c.occurred_on nulls last, c.id limit 200`.execute(db);
  return rows.rows.map((r) => {
    const v = { ...r.value, ...(r.edited_value ?? {}) };
    return { id: `c${r.id}`, status: String(v.status ?? ''), meeting: (v.meeting ?? null) as string | null, condition: (v.condition ?? null) as string | null, date: r.occurred_on, state: r.review_state };
  });
}
