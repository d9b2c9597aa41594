import { sql } from 'kysely';
import { ParleyError } from '../domain/errors.ts';
import { buildBrief } from '../brief/build.ts';
import type { Brief } from '../brief/model.ts';
import type { Change } from '../brief/sections-facts.ts';
import { briefHtml } from '../brief/render-html.ts';
import { briefMarkdown } from '../brief/render-md.ts';
import { briefPdf } from '../brief/render-pdf.ts';
import { allClaims } from '../export/claims.ts';
import { documentsOf, findProcess, loadProcesses, statesFor } from '../export/scope.ts';
import type { Process } from '../record/processes.ts';
import type { Store } from '../store/open.ts';

export const BRIEF_FORMATS = ['md', 'html', 'pdf'] as const;
export type BriefFormat = (typeof BRIEF_FORMATS)[number];

export interface BriefOptions {
  /** The process: its name, place or host. Without it, the whole record (the latest process stands first). */
  readonly process?: string;
  /** YYYY-MM-DD: statements, figures and changes from this day on. */
  readonly since?: string;
  readonly includeProposed?: boolean;
  /** Drops anonymous speakers' descriptions too. */
  readonly redact?: boolean;
  readonly title?: string;
}

/**
 * Use case: `parley brief`: the situation brief of the reviewed record, as data. Fails with
 * BAD_ARGUMENT (a --since that is no date) or NOT_FOUND (no process matches --process).
 */
export async function makeBrief(store: Store, o: BriefOptions): Promise<Brief> {
  if (o.since !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(o.since)) throw new ParleyError('BAD_ARGUMENT', `--since must be a date as YYYY-MM-DD, not "${o.since}"`);
  const db = store.db;
  const states = statesFor(o.includeProposed);
  const { record } = await loadProcesses(db, states);
  let processes: Process[];
  let documents: number[] | undefined;
  if (o.process) {
    processes = [findProcess(record, o.process)];
    documents = documentsOf(processes[0]!);
  } else {
    const latest = (p: Process): string => p.rounds.map((r) => r.start ?? '').sort().pop() ?? '';
    processes = [...record.processes].sort((a, b) => latest(b).localeCompare(latest(a)) || b.rounds.length - a.rounds.length);
  }
  const claims = await allClaims(db, { states, documents });
  const speakers = [...new Set(claims.filter((c) => c.kind === 'quote').flatMap((c) => c.actors.filter((a) => a.kind === 'person').map((a) => a.id)))];
  const parties = new Map<number, string>();
  if (speakers.length) {
    const rows = await sql<{ person_id: number; name: string }>`
      select m.person_id, o.name from memberships m join actors o on o.id = m.organization_id
      where m.person_id = any(${speakers}::int[]) and m.status <> 'former' and m.review_state <> 'rejected' and o.merged_into is null order by m.id`.execute(db);
    for (const r of rows.rows) if (!parties.has(r.person_id)) parties.set(r.person_id, r.name);
  }
  let changes: Change[] = [];
  if (o.since && claims.length) {
    const rows = await sql<{ entity_id: number; at: Date; by: string; field: string | null; before: unknown; after: unknown }>`
      select entity_id, at, by, field, before, after from history where entity = 'claim' and action <> 'ingest'
      and entity_id = any(${claims.map((c) => c.id)}::int[]) and at >= ${o.since}::date order by id`.execute(db);
    changes = rows.rows.filter((r) => r.field !== 'review_state').map((r) => ({ claimId: r.entity_id, at: new Date(r.at).toISOString(), by: r.by, field: r.field, before: r.before, after: r.after }));
  }
  return buildBrief({
    claims, parties, changes, includeProposed: o.includeProposed === true, redact: o.redact === true,
    processes, oneProcess: o.process !== undefined, ...(o.since ? { since: o.since } : {}), ...(o.title ? { title: o.title } : {}),
  });
}

/** The brief in a format: text for md and html, bytes for pdf. */
export function renderBrief(b: Brief, format: BriefFormat): string | Buffer {
  switch (format) {
    case 'md': return briefMarkdown(b);
    case 'html': return briefHtml(b);
    case 'pdf': return briefPdf(b);
  }
}
