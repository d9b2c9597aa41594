import { sql, type Kysely } from 'kysely';
import type { DB } from '../store/schema.ts';
import { DERIVED_INITIALS } from '../store/names.ts';
import { pages } from './pages.ts';
import type { ExportScope } from './scope.ts';
import type { Sink } from './sink.ts';

/**
 * Popolo (popoloproject.com): persons, organizations and memberships with their dates, each with
 * the reports it rests on as `sources` ({url, note}). Streamed as one JSON object, a line per item.
 */
export const POPOLO_SECTIONS = ['persons', 'organizations', 'memberships'] as const;
/** At most this many sources listed per person or organisation (the first reports, by date). */
const SOURCES_PER_ITEM = 20;

interface Src { url: string; note: string }

export async function exportPopolo(db: Kysely<DB>, scope: ExportScope, out: Sink): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  const docs = scope.documents ? sql`and exists (select 1 from document_actors x where x.actor_id = actors.id and x.document_id = any(${[...scope.documents]}::int[]))` : sql``;
  const states = [...scope.states];
  await out.write('{\n');
  for (const [section, person] of [['persons', true], ['organizations', false]] as const) {
    await out.write(`${JSON.stringify(section)}:[\n`);
    let n = 0;
    const where = sql`merged_into is null and review_state = any(${states}::text[]) and ${person ? sql`kind = 'person'` : sql`kind <> 'person'`} ${docs}`;
    for await (const rows of pages(db, 'actors', ['id'], ['id', 'name', 'kind', 'description', 'review_state'], where)) {
      const ids = rows.map((r) => r.id as number);
      const aliases = await sql<{ actor_id: number; alias: string }>`select actor_id, alias from actor_aliases where actor_id = any(${ids}::int[]) and via <> ${DERIVED_INITIALS} order by id`.execute(db);
      const srcs = await actorSources(db, ids);
      for (const r of rows) {
        const other = aliases.rows.filter((a) => a.actor_id === r.id && a.alias !== r.name).map((a) => ({ name: a.alias }));
        const item: Record<string, unknown> = person
          ? { id: `a${r.id}`, name: r.name, ...(r.description ? { summary: r.description } : {}) }
          : { id: `a${r.id}`, name: r.name, classification: r.kind };
        if (other.length) item.other_names = other;
        item.sources = srcs.get(r.id as number) ?? [];
        if (r.review_state === 'proposed') item.note = 'proposed, not reviewed';
        await out.write((n ? ',\n' : '') + JSON.stringify(item));
        n++;
      }
    }
    counts[section] = n;
    await out.write(`${n ? '\n' : ''}],\n`);
  }
  await out.write('"memberships":[\n');
  let n = 0;
  const mwhere = sql`review_state = any(${states}::text[])
    and exists (select 1 from actors p where p.id = memberships.person_id and p.merged_into is null and p.review_state = any(${states}::text[]))
    and exists (select 1 from actors o where o.id = memberships.organization_id and o.merged_into is null and o.review_state = any(${states}::text[]))
    ${scope.documents ? sql`and exists (select 1 from membership_sources s where s.membership_id = memberships.id and s.document_id = any(${[...scope.documents]}::int[]))` : sql``}`;
  for await (const rows of pages(db, 'memberships', ['id'], ['id', 'person_id', 'organization_id', 'role', 'start_date', 'end_date', 'status'], mwhere)) {
    const ids = rows.map((r) => r.id as number);
    const src = await sql<{ membership_id: number; url: string | null; source: string; publisher: string | null; published: string; title: string | null }>`
      select s.membership_id, d.url, d.source, d.publisher, d.published, d.title from membership_sources s join documents d on d.id = s.document_id
      where s.membership_id = any(${ids}::int[]) order by d.published, d.id`.execute(db);
    for (const r of rows) {
      const m: Record<string, unknown> = { id: `m${r.id}`, person_id: `a${r.person_id}`, organization_id: `a${r.organization_id}` };
      if (r.role) { m.role = r.role; m.label = r.role; }
      if (r.start_date) m.start_date = r.start_date;
      if (r.end_date) m.end_date = r.end_date;
      if (r.status !== 'unknown') m.note = r.status;
      m.sources = src.rows.filter((s) => s.membership_id === r.id).map(sourceOf);
      await out.write((n ? ',\n' : '') + JSON.stringify(m));
      n++;
    }
  }
  counts.memberships = n;
  await out.write(`${n ? '\n' : ''}]}\n`);
  return counts;
}

async function actorSources(db: Kysely<DB>, ids: number[]): Promise<Map<number, Src[]>> {
  const r = await sql<{ actor_id: number; url: string | null; source: string; publisher: string | null; published: string; title: string | null }>`
    select actor_id, url, source, publisher, published, title from (
      select x.actor_id, d.url, d.source, d.publisher, d.published, d.title, row_number() over (partition by x.actor_id order by d.published, d.id) as k
      from document_actors x join documents d on d.id = x.document_id where x.actor_id = any(${ids}::int[])) t
    where k <= ${SOURCES_PER_ITEM} order by actor_id, published`.execute(db);
  const m = new Map<number, Src[]>();
  for (const s of r.rows) {
    const l = m.get(s.actor_id) ?? [];
    l.push(sourceOf(s));
    m.set(s.actor_id, l);
  }
  return m;
}

const sourceOf = (s: { url: string | null; source: string; publisher: string | null; published: string; title: string | null }): Src =>
  ({ url: s.url ?? '', note: [s.publisher ?? s.source, s.published, s.title].filter(Boolean).join(', ') });
