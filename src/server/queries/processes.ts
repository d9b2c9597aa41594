import { sql, type Kysely } from 'kysely';
import { ensureProcessRecord, isFresh, processPublicId, STAMP_COLUMNS, type StampColumns } from '../../app/recompute-record.ts';
import type { SourceRef } from '../../record/sources.ts';
import type { DB } from '../../store/schema.ts';
import { processCommitments } from './commitments.ts';
import { processFigures, processMeasures, processStatements } from './process-parts.ts';

/**
 * The process view, read from the derived record (migration 0002/0004 tables) that
 * ensureProcessRecord rebuilds when the claims changed. The view of one process is composed once
 * after each rebuild and kept in process_views (a rebuild empties it): its rounds, matrix,
 * statements, measures, figures and commitments. What can change without a rebuild — the review
 * state of the claims it shows (an accept does not touch the record) — is written as a marker
 * and filled in from the claims at each request. A request: the stamp, one row, one state lookup.
 */
export const processId = processPublicId;

/**
 * `knownFresh`: the caller knows the record cannot have changed since it was last found fresh
 * (a PGlite workspace is written only through its one server: src/server/routes/processes.ts).
 */
const NO_STAMP = sql`null as d`;

/** Brings the derived record up to date (parley serve warms it at start). */
export const loadProcesses = (db: Kysely<DB>): Promise<unknown> => ensureProcessRecord(db);

export interface ProcessItem { id: string; name: string; place: string | null; host: string | null; rounds: number; first: string | null; last: string | null; actors: number }

/**
 * Processes, the most rounds first; `offset`/`limit` a page of them, and whether more follow.
 * One statement reads the page and whether the record is fresh; the record is rebuilt (once) if not.
 */
export async function listProcesses(db: Kysely<DB>, offset: number, limit: number, knownFresh = false): Promise<{ items: ProcessItem[]; more: boolean }> {
  for (let attempt = 0; ; attempt++) {
    const r = await sql<StampColumns & { list: ProcessItem[] | null }>`
      select ${knownFresh ? NO_STAMP : STAMP_COLUMNS}, (select json_agg(x) from (
        select p.public_id as id, p.name, p.place, p.host, p.rounds, p.actors,
          (select min(r.start_date) from rounds r where r.process_id = p.id) as first,
          (select max(r.start_date) from rounds r where r.process_id = p.id) as last
        from processes p order by p.rounds desc, p.name, p.id offset ${offset} limit ${limit + 1}) x) as list`.execute(db);
    const row = r.rows[0]!;
    if (!knownFresh && !isFresh(row) && attempt < 2) { await ensureProcessRecord(db); continue; }
    const list = row.list ?? [];
    return { items: list.slice(0, limit), more: list.length > limit };
  }
}

/**
 * The view of one process as JSON text, or undefined when there is no such process. One
 * statement reads the composed view, the review states of the claims it shows and whether the
 * record is fresh; only after a rebuild is the view composed again.
 */
export async function processView(db: Kysely<DB>, publicId: string, knownFresh = false): Promise<string | undefined> {
  for (let attempt = 0; ; attempt++) {
    const r = await sql<StampColumns & { id: number | null; body: string | null; states: string | null }>`
      select ${knownFresh ? NO_STAMP : STAMP_COLUMNS}, p.id, v.body,
        (select string_agg(c.id || ':' || c.review_state, ',') from claims c where c.id = any(string_to_array(split_part(v.body, E'\n', 1), ',')::int[])) as states
      from (select 1) one left join processes p on p.public_id = ${publicId} left join process_views v on v.process_id = p.id`.execute(db);
    const row = r.rows[0]!;
    if (!knownFresh && !isFresh(row) && attempt < 2) { await ensureProcessRecord(db); continue; }
    if (row.id === null) return undefined;
    if (row.body === null) {
      const body = await composeView(db, row.id);
      try {
        await db.insertInto('process_views').values({ process_id: row.id, body }).onConflict((oc) => oc.column('process_id').doNothing()).execute();
      } catch {
        // Another process rebuilt the record meanwhile (the process row is gone): read again.
      }
      if (attempt < 2) continue;
      return fillStates(body, undefined);
    }
    return fillStates(row.body, row.states);
  }
}

/** "\u0000state:12:accepted" in the composed view: the claim's review state, filled in per request. */
const MARK = /"\\u0000state:(\d+):(\w+)"/g;

function fillStates(body: string, states: string | null | undefined): string {
  const json = body.slice(body.indexOf('\n') + 1);
  const now = new Map((states ?? '').split(',').filter(Boolean).map((x) => { const i = x.indexOf(':'); return [x.slice(0, i), x.slice(i + 1)]; }));
  return json.replace(MARK, (_m, id: string, was: string) => JSON.stringify(now.get(id) ?? was));
}

type Row = { actor: string; actorId?: string; status: string; conditions: string[]; contested: boolean; independent: number; sources: SourceRef[]; sourceCount?: number };
type RoundRow = { ordinal: number | null; start_date: string | null; end_date: string | null; places: string[]; dates: { start: string; end: string; sources: SourceRef[] }[]; dates_contested: boolean; independent: number; source_count: number; sources: SourceRef[]; participation: Row[] };

/** The whole view of one process, claim states as markers; its first line: the claim ids they stand for. */
async function composeView(db: Kysely<DB>, id: number): Promise<string> {
  const p = (await db.selectFrom('processes').selectAll().where('id', '=', id).executeTakeFirstOrThrow());
  const rs = (await db.selectFrom('rounds').selectAll().where('process_id', '=', id).orderBy('id').execute()) as unknown as RoundRow[];
  const unassigned = p.unassigned as { talks: SourceRef[]; talkCount?: number; participation: Row[] };
  // Long lists are cut to what a page shows; their full length is given beside them.
  const cap = <T>(xs: readonly T[], n: number): T[] => xs.slice(0, n);
  const shownDocs = new Set<string>();
  const srcs = (xs: readonly SourceRef[], n: number): SourceRef[] => { const out = cap(xs, n); for (const x of out) shownDocs.add(x.documentId); return out; };
  // The matrix: one row per actor, one cell per round (the last column: participation in no single round).
  const actors = new Map<string, { id: string | null; name: string; cells: Record<number, unknown[]> }>();
  const columns = [...rs.map((r) => r.participation), ...(unassigned.participation.length ? [unassigned.participation] : [])];
  columns.forEach((rows, i) => {
    for (const row of rows) {
      const k = row.actorId ?? `name:${row.actor}`;
      let a = actors.get(k);
      if (!a) actors.set(k, (a = { id: row.actorId?.startsWith('a') ? row.actorId : null, name: row.actor, cells: {} }));
      (a.cells[i] ??= []).push({ status: row.status, conditions: cap(row.conditions, 5), contested: row.contested, independent: row.independent, sourceCount: row.sourceCount ?? row.sources.length, sources: srcs(row.sources, 8) });
    }
  });
  const matrix = cap([...actors.values()].sort((a, b) => a.name.localeCompare(b.name)), 300);
  const rounds = [
    ...rs.map((r, i) => ({ index: i, ordinal: r.ordinal, start: r.start_date, end: r.end_date, places: cap(r.places, 5), dates: cap(r.dates, 5).map((d) => ({ ...d, sources: srcs(d.sources, 5) })), datesContested: r.dates_contested, independent: r.independent, sourceCount: r.source_count || r.sources.length, sources: srcs(r.sources, 8), unassigned: false })),
    ...(unassigned.participation.length ? [{ index: rs.length, ordinal: null, start: null, end: null, places: [], dates: [], datesContested: false, independent: 0, sourceCount: unassigned.talkCount ?? unassigned.talks.length, sources: srcs(unassigned.talks, 8), unassigned: true }] : []),
  ];
  const [statements, measures, figures, commitments] = [await processStatements(db, id, 100), await processMeasures(db, id), await processFigures(db, id), await processCommitments(db, id)];
  const docIds = [...shownDocs].map((d) => Number(d.slice(1))).filter(Number.isInteger);
  const titles = docIds.length ? await db.selectFrom('documents').select(['id', 'title', 'source', 'published']).where('id', 'in', docIds).execute() : [];
  const documents = Object.fromEntries(titles.map((d) => [`d${d.id}`, { title: d.title ?? d.source, published: d.published }]));
  const view = {
    id: p.public_id, key: p.key, name: p.name, series: p.series, place: p.place, host: p.host,
    documentCount: p.documents, rounds, matrix, actorCount: actors.size,
    unassignedTalks: unassigned.talkCount ?? unassigned.talks.length,
    statements, measures, commitments, figures, documents,
  };
  const ids = new Set<number>();
  for (const x of [...statements, ...measures, ...figures.flatMap((f) => f.values)]) ids.add(Number(x.id.slice(1)));
  return `${[...ids].join(',')}\n${JSON.stringify(view)}`;
}
