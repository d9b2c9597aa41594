import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Event, Participation, ParticipationStatus } from '../../domain/record.ts';
import { buildProcesses, type Process, type ProcessDoc } from '../../record/processes.ts';
import type { DB } from '../../store/schema.ts';

/**
 * The process record is derived, not stored: talks events and participation claims (rejected
 * ones left out, edits applied) are read back as ProcessDocs and grouped by src/record. The
 * result is cached until a document is added or a review is made (max ids of both tables).
 */
interface Cached { stamp: string; processes: (Process & { id: string })[]; documents: Map<string, { title: string; published: string }> }
const cache = new WeakMap<Kysely<DB>, Cached>();

export const processId = (key: string): string => 'p' + createHash('sha1').update(key).digest('hex').slice(0, 10);

export async function loadProcesses(db: Kysely<DB>): Promise<Cached> {
  const s = await sql<{ d: number | null; h: number | null; c: number | null }>`select (select max(id) from documents) as d, (select max(id) from history) as h, (select max(id) from claims) as c`.execute(db);
  const stamp = JSON.stringify(s.rows[0]);
  const hit = cache.get(db);
  if (hit && hit.stamp === stamp) return hit;
  const rows = await sql<{ id: number; kind: string; value: Record<string, unknown>; edited_value: Record<string, unknown> | null; confidence: number; document_id: number; published: string; duplicate_of: number | null; title: string | null; source: string; sentence: number; evidence: { start: number; end: number }[]; actor_id: number | null }>`
    select c.id, c.kind, c.value, c.edited_value, c.confidence, s.document_id, d.published, d.duplicate_of, d.title, d.source, s.sentence, s.evidence,
      (select min(x.actor_id) from claim_actors x where x.claim_id = c.id) as actor_id
    from claims c join claim_sources s on s.claim_id = c.id join documents d on d.id = s.document_id
    where c.review_state <> 'rejected' and (c.kind = 'participation' or (c.kind = 'event' and c.value->>'type' = 'talks'))
    order by s.document_id, s.sentence, c.id`.execute(db);
  const docs = new Map<string, { published: string; events: Event[]; participation: Participation[] }>();
  const documents = new Map<string, { title: string; published: string }>();
  const dup = new Map<string, string>();
  for (const r of rows.rows) {
    const did = `d${r.document_id}`;
    documents.set(did, { title: r.title ?? r.source, published: r.published });
    if (r.duplicate_of !== null) dup.set(did, `d${r.duplicate_of}`);
    let d = docs.get(did);
    if (!d) docs.set(did, (d = { published: r.published, events: [], participation: [] }));
    const v = { ...r.value, ...(r.edited_value ?? {}) };
    const str = (k: string): string | undefined => (typeof v[k] === 'string' && v[k] ? (v[k] as string) : undefined);
    const evidence = Array.isArray(r.evidence) ? r.evidence : [];
    if (r.kind === 'event') {
      d.events.push({
        type: 'talks', sentence: r.sentence, evidence, confidence: r.confidence,
        ...(str('actor') ? { actor: str('actor') } : {}), ...(r.actor_id !== null ? { actorId: `a${r.actor_id}` } : {}),
        ...(str('place') ? { place: str('place') } : {}), ...(str('start') ? { start: str('start') } : {}), ...(str('end') ? { end: str('end') } : {}),
        ...(typeof v.round === 'number' ? { round: v.round } : {}), ...(str('host') ? { host: str('host') } : {}),
      });
    } else {
      d.participation.push({
        actorId: r.actor_id !== null ? `a${r.actor_id}` : `name:${str('actor') ?? '?'}`, actor: str('actor') ?? '?', status: (str('status') ?? 'undecided') as ParticipationStatus,
        ...(str('meeting') ? { meeting: str('meeting') } : {}), ...(str('condition') ? { condition: str('condition') } : {}),
        sentence: r.sentence, evidence, confidence: r.confidence,
      });
    }
  }
  const list: ProcessDoc[] = [...docs].map(([id, d]) => ({ id, published: d.published, events: d.events, participation: d.participation }));
  const rec = buildProcesses(list, { duplicateOf: dup });
  const out: Cached = { stamp, processes: rec.processes.map((p) => ({ ...p, id: processId(p.key) })), documents };
  cache.set(db, out);
  return out;
}

/** Documents a process draws on. */
export function processDocuments(p: Process): string[] {
  const ids = new Set<string>();
  for (const r of p.rounds) {
    for (const s of r.sources) ids.add(s.documentId);
    for (const row of r.participation) for (const s of row.sources) ids.add(s.documentId);
  }
  for (const s of p.unassigned.talks) ids.add(s.documentId);
  return [...ids];
}

const num = (ids: string[]): number[] => ids.map((x) => Number(x.slice(1))).filter((x) => Number.isInteger(x));

/** Statements of the process's reports, by party, in date order. */
export async function processStatements(db: Kysely<DB>, docIds: string[], limit: number) {
  const ids = num(docIds);
  if (!ids.length) return [];
  const rows = await sql<{ id: number; value: Record<string, unknown>; edited_value: Record<string, unknown> | null; review_state: string; occurred_on: string | null; actor_id: number | null; actor: string | null; document_id: number }>`
    select distinct on (c.id) c.id, c.value, c.edited_value, c.review_state, c.occurred_on, a.id as actor_id, a.name as actor, s.document_id
    from claims c join claim_sources s on s.claim_id = c.id
    left join claim_actors x on x.claim_id = c.id and x.role = 'speaker' left join actors a on a.id = x.actor_id
    where c.kind = 'quote' and c.review_state <> 'rejected' and s.document_id in (${sql.join(ids)})
    order by c.id limit ${limit}`.execute(db);
  return rows.rows.map((r) => {
    const v = { ...r.value, ...(r.edited_value ?? {}) };
    return { id: `c${r.id}`, date: r.occurred_on, speakerId: r.actor_id === null ? null : `a${r.actor_id}`, speaker: r.actor ?? String(v.speaker ?? v.speakerDescription ?? 'unnamed'), text: String(v.text ?? ''), direct: v.direct === true, state: r.review_state, document: `d${r.document_id}` };
  }).sort((a, b) => (a.date ?? '').localeCompare(b.date ?? '') || a.id.localeCompare(b.id));
}

/** Figures of the process's reports; a key with several values is contested: values side by side. */
export async function processFigures(db: Kysely<DB>, docIds: string[]) {
  const ids = num(docIds);
  if (!ids.length) return [];
  const rows = await sql<{ id: number; key: string; value: Record<string, unknown>; edited_value: Record<string, unknown> | null; review_state: string; document_id: number; title: string | null; source: string; published: string; sentence_text: string }>`
    select c.id, c.key, c.value, c.edited_value, c.review_state, s.document_id, d.title, d.source, d.published, s.sentence_text
    from claims c join claim_sources s on s.claim_id = c.id join documents d on d.id = s.document_id
    where c.kind = 'quantity' and c.review_state <> 'rejected'
    and c.key in (select c2.key from claims c2 join claim_sources s2 on s2.claim_id = c2.id where c2.kind = 'quantity' and s2.document_id in (${sql.join(ids)}))
    order by c.key, c.id, d.published limit 2000`.execute(db);
  const byKey = new Map<string, { measure: string; unit: string | null; values: Map<string, { id: string; value: number; max: number | null; text: string; state: string; sources: { document: string; title: string; published: string; sentence: string }[] }> }>();
  for (const r of rows.rows) {
    const v = { ...r.value, ...(r.edited_value ?? {}) };
    let g = byKey.get(r.key);
    if (!g) byKey.set(r.key, (g = { measure: String(v.measure ?? ''), unit: (v.unit ?? null) as string | null, values: new Map() }));
    let val = g.values.get(`c${r.id}`);
    if (!val) g.values.set(`c${r.id}`, (val = { id: `c${r.id}`, value: Number(v.value), max: (v.max ?? null) as number | null, text: String(v.text ?? ''), state: r.review_state, sources: [] }));
    val.sources.push({ document: `d${r.document_id}`, title: r.title ?? r.source, published: r.published, sentence: r.sentence_text });
  }
  return [...byKey].map(([key, g]) => ({ key, measure: g.measure, unit: g.unit, contested: g.values.size > 1, values: [...g.values.values()] }))
    .sort((a, b) => Number(b.contested) - Number(a.contested) || a.key.localeCompare(b.key));
}

const MEASURES = ['release', 'aid_access', 'ceasefire', 'withdrawal', 'evacuation', 'agreement'];

/** Humanitarian measures of the process's reports: each kind of measure with its reports over time. */
export async function processMeasures(db: Kysely<DB>, docIds: string[]) {
  const ids = num(docIds);
  if (!ids.length) return [];
  const rows = await sql<{ id: number; value: Record<string, unknown>; edited_value: Record<string, unknown> | null; review_state: string; occurred_on: string | null; document_id: number; sentence_text: string }>`
    select c.id, c.value, c.edited_value, c.review_state, c.occurred_on, s.document_id, s.sentence_text
    from claims c join claim_sources s on s.claim_id = c.id
    where c.kind = 'event' and c.review_state <> 'rejected' and c.value->>'type' in (${sql.join(MEASURES)}) and s.document_id in (${sql.join(ids)})
    order by c.occurred_on nulls last, c.id limit 200`.execute(db);
  return rows.rows.map((r) => {
    const v = { ...r.value, ...(r.edited_value ?? {}) };
    return { id: `c${r.id}`, type: String(v.type), actor: (v.actor ?? null) as string | null, quantity: (v.quantity ?? null) as number | null, date: r.occurred_on, state: r.review_state, document: `d${r.document_id}`, evidence: r.sentence_text };
  });
}
