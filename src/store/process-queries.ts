import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { DB } from './schema.ts';

/**
 * Read side of the derived process record (0002 tables): processes with their rounds, the
 * timeline, commitments. Callers run ensureProcessRecord (src/app/recompute-record.ts) first.
 */
/** A stored source of the record: a document id ("d12") and the sentence in it. */
export interface SentenceRef { readonly documentId: string; readonly sentence?: number }
interface RowJson { actor: string; status: string; conditions: string[]; sources: SentenceRef[]; independent: number; contested: boolean }
interface ChangeJson { date: string; status: number | string; rule: string; events: { type: string; date?: string; quantity?: number; actor?: string; sources: SentenceRef[] }[] }

const span = (a: string | null, b: string | null): string => (!a ? '' : !b || a === b ? a : `${a}..${b}`);
/** The documents of some sources, each once, in order: "d3 d7". */
export const documentsOf = (xs: readonly SentenceRef[]): string => [...new Set(xs.map((s) => s.documentId))].join(' ');
/** The first date after a day, month or year ("2015-03" → "2015-04"): an upper bound any collation orders right. */
export function after(prefix: string): string {
  const [y, m, d] = prefix.split('-').map(Number) as [number, number?, number?];
  if (d !== undefined) return new Date(Date.UTC(y, m! - 1, d + 1)).toISOString().slice(0, 10);
  if (m !== undefined) return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  return String(y + 1);
}
const fold = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

export type ProcessRoundRow = {
  process: string; name: string; round: string; dates: string; venue: string; host: string;
  participation: string; conditions: string; independent: number; sources: string;
};

/** One row per round of each process (a process without rounds: one row), in date order; `from`/`to` keep rounds that overlap them. */
export async function processRounds(db: Kysely<DB>, o: { process?: string; from?: string; to?: string; limit: number }): Promise<ProcessRoundRow[]> {
  const like = o.process ? `%${o.process.toLowerCase()}%` : undefined;
  const rows = await sql<{ pid: number; name: string; series: string | null; place: string | null; host: string | null; key: string; rid: number | null; ordinal: number | null; ordinal_from: string | null; start_date: string | null; end_date: string | null; places: string[] | null; participation: RowJson[] | null; sources: SentenceRef[] | null; independent: number | null; dates_contested: boolean | null }>`
    select p.id as pid, p.name, p.series, p.place, p.host, p.key, r.id as rid, r.ordinal, r.ordinal_from, r.start_date, r.end_date, r.places, r.participation, r.sources, r.independent, r.dates_contested
    from processes p ${o.from || o.to ? sql`join` : sql`left join`} rounds r on r.process_id = p.id
    where true
    ${like ? sql`and (lower(p.name) like ${like} or lower(p.key) like ${like} or lower(coalesce(p.place, '')) like ${like} or lower(coalesce(p.host, '')) like ${like} or 'p' || p.id = ${o.process!.toLowerCase()})` : sql``}
    ${o.from ? sql`and coalesce(r.end_date, r.start_date) >= ${o.from}` : sql``}
    ${o.to ? sql`and r.start_date < ${after(o.to)}` : sql``}
    order by p.start_date nulls last, p.id, r.start_date nulls last, r.ordinal nulls last, r.id limit ${o.limit}`.execute(db);
  const q = o.process ? fold(o.process) : undefined;
  // Accents aside: "Astana" finds "Astana", "sochi" finds "Sochi"; SQL has narrowed the rows already.
  return rows.rows.filter((r) => !q || [r.name, r.key, r.series ?? '', r.place ?? '', r.host ?? '', `p${r.pid}`].some((x) => fold(x).includes(q)))
    .map((r) => ({
      process: `p${r.pid}`, name: r.name,
      round: r.rid === null ? '' : r.ordinal !== null ? `${r.ordinal}${r.ordinal_from === 'order' ? ' (by order)' : ''}` : '?',
      dates: span(r.start_date, r.end_date) + (r.dates_contested ? ' (contested)' : ''),
      venue: (r.places ?? []).join(', ') || (r.place ?? ''), host: r.host ?? '',
      participation: (r.participation ?? []).map((p) => `${p.actor}: ${p.status}${p.contested ? ' (contested)' : ''}`).join('; '),
      conditions: (r.participation ?? []).flatMap((p) => p.conditions.map((c) => `${p.actor}: ${c}`)).join('; '),
      independent: r.independent ?? 0, sources: documentsOf([...(r.sources ?? []), ...(r.participation ?? []).flatMap((p) => p.sources)]),
    }));
}

export type TimelineRow = { date: string; kind: string; process: string; what: string; sources: string; id: string };

/** Rounds and events in date order, with their sources; `process` limits both to one process's reports. */
export async function timeline(db: Kysely<DB>, o: { process?: string; from?: string; to?: string; limit: number }): Promise<TimelineRow[]> {
  const all = o.process ? await processRounds(db, { process: o.process, limit: 100000 }) : [];
  const rounds = o.process && !o.from && !o.to ? all : await processRounds(db, { process: o.process, from: o.from, to: o.to, limit: o.limit });
  const out: TimelineRow[] = rounds.filter((r) => r.round && r.dates).map((r) => ({
    date: r.dates, kind: 'round', process: r.name, what: `round ${r.round}${r.venue ? ` in ${r.venue}` : ''}${r.participation ? ` — ${r.participation}` : ''}`, sources: r.sources, id: r.process,
  }));
  const docIds = o.process ? [...new Set(all.flatMap((r) => r.sources.split(' ')).filter(Boolean).map((d) => Number(d.slice(1))))] : undefined;
  if (!docIds || docIds.length) {
    const ev = await sql<{ id: number; occurred_on: string | null; summary: string; value: Record<string, unknown>; edited_value: Record<string, unknown> | null; docs: string }>`
      select c.id, c.occurred_on, c.summary, c.value, c.edited_value,
        (select string_agg('d' || s.document_id, ' ' order by s.document_id) from claim_sources s where s.claim_id = c.id) as docs
      from claims c where c.kind = 'event' and c.review_state <> 'rejected' and c.occurred_on is not null
      ${o.from ? sql`and c.occurred_on >= ${o.from}` : sql``} ${o.to ? sql`and c.occurred_on < ${after(o.to)}` : sql``}
      ${docIds ? sql`and exists (select 1 from claim_sources s where s.claim_id = c.id and s.document_id in (${sql.join(docIds)}))` : sql``}
      order by c.occurred_on, c.id limit ${o.limit}`.execute(db);
    for (const r of ev.rows) {
      const v = { ...r.value, ...(r.edited_value ?? {}) };
      out.push({ date: span(r.occurred_on, (v.end as string | null) ?? null), kind: String(v.type ?? 'event'), process: o.process ?? '', what: r.summary, sources: r.docs ?? '', id: `c${r.id}` });
    }
  }
  return out.sort((a, b) => a.date.localeCompare(b.date) || a.kind.localeCompare(b.kind)).slice(0, o.limit);
}

export type CommitmentRow = { id: string; what: string; by: string; to: string; made: string; promised: number | null; status: string; delivered: number; changes: string; independent: number; sources: string };

const PAM: Record<string, string> = { 0: '0 not started', 1: '1 minimal', 2: '2 intermediate', 3: '3 full', reversed: 'reversed' };
/** A Peace Accords Matrix status as users read it: 2 → "2 intermediate". */
export const pamLabel = (status: number | string): string => PAM[String(status)] ?? String(status);

/**
 * A commitment's id: stable across rebuilds of the record, as its key (what, committer, time) is;
 * the row id is not (the record is rebuilt whole).
 */
export const commitmentPublicId = (key: string): string => 'k' + createHash('sha1').update(key).digest('hex').slice(0, 10);

export interface SourceSentence { readonly text: string; readonly title: string; readonly published: string }

/**
 * The sentence each source points at, with its document's title and date, by "d12|3": read
 * from the claims' sources (the store keeps a sentence's text with each claim it gave).
 */
export async function sourceSentences(db: Kysely<DB>, refs: readonly SentenceRef[]): Promise<Map<string, SourceSentence>> {
  const out = new Map<string, SourceSentence>();
  const keys = refs.filter((s) => s.sentence !== undefined && /^d\d+$/.test(s.documentId));
  if (!keys.length) return out;
  const rows = await sql<{ document_id: number; sentence: number; sentence_text: string; title: string | null; source: string; published: string }>`
    select distinct on (s.document_id, s.sentence) s.document_id, s.sentence, s.sentence_text, d.title, d.source, d.published
    from claim_sources s
    join unnest(${`{${keys.map((k) => k.documentId.slice(1)).join(',')}}`}::int[], ${`{${keys.map((k) => k.sentence).join(',')}}`}::int[]) as k(d, n)
      on s.document_id = k.d and s.sentence = k.n
    join documents d on d.id = s.document_id`.execute(db);
  for (const r of rows.rows) out.set(`d${r.document_id}|${r.sentence}`, { text: r.sentence_text, title: r.title ?? r.source, published: r.published });
  return out;
}

/** Commitments with their status now and each change with the events behind it. */
export async function commitments(db: Kysely<DB>, o: { limit: number }): Promise<CommitmentRow[]> {
  const rows = await db.selectFrom('commitments').selectAll().orderBy('made').orderBy('id').limit(o.limit).execute();
  return rows.map((r) => ({
    id: commitmentPublicId(r.key), what: r.object ? `${r.what}: ${r.object}` : r.what, by: r.actor ?? '', to: r.to_party ?? '', made: r.made,
    promised: r.promised, status: pamLabel(r.status), delivered: r.delivered,
    changes: (r.history as ChangeJson[]).map((h) => `${h.date} → ${pamLabel(h.status)} (${h.rule}${h.events.length ? ': ' + h.events.map((e) => `${e.type}${e.quantity !== undefined ? ' ' + e.quantity : ''}${e.date ? ' ' + e.date : ''} [${documentsOf(e.sources)}]`).join(', ') : ''})`).join('; '),
    independent: r.independent, sources: documentsOf(r.sources as SentenceRef[]),
  }));
}
