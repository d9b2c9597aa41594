import { sql, type Kysely } from 'kysely';
import type { DB } from '../../store/schema.ts';

/**
 * The parts of a process view drawn from its documents (process_documents): statements, figures,
 * humanitarian measures. Read once per rebuild of the record (src/server/queries/processes.ts);
 * a claim's review state is written as a marker (`claimState`) that each request fills in.
 */
export const claimState = (id: number, state: string): string => `\u0000state:${id}:${state}`;

/** Statements of the process's reports, by party, in date order. */
export async function processStatements(db: Kysely<DB>, processId: number, limit: number) {
  const rows = await sql<{ id: number; value: Record<string, unknown>; edited_value: Record<string, unknown> | null; review_state: string; occurred_on: string | null; actor_id: number | null; actor: string | null; document_id: number }>`
    select distinct on (c.id) c.id, c.value, c.edited_value, c.review_state, c.occurred_on, a.id as actor_id, a.name as actor, s.document_id
    from process_documents pd join claim_sources s on s.document_id = pd.document_id join claims c on c.id = s.claim_id
    left join claim_actors x on x.claim_id = c.id and x.role = 'speaker' left join actors a on a.id = x.actor_id
    where pd.process_id = ${processId} and c.kind = 'quote' and c.review_state <> 'rejected'
    order by c.id limit ${limit}`.execute(db);
  return rows.rows.map((r) => {
    const v = { ...r.value, ...(r.edited_value ?? {}) };
    return { id: `c${r.id}`, date: r.occurred_on, speakerId: r.actor_id === null ? null : `a${r.actor_id}`, speaker: r.actor ?? String(v.speaker ?? v.speakerDescription ?? 'unnamed'), text: String(v.text ?? ''), direct: v.direct === true, state: claimState(r.id, r.review_state), document: `d${r.document_id}` };
  }).sort((a, b) => (a.date ?? '').localeCompare(b.date ?? '') || a.id.localeCompare(b.id));
}

/** Figures of the process's reports; a key with several values is contested: values side by side. */
export async function processFigures(db: Kysely<DB>, processId: number) {
  const rows = await sql<{ id: number; key: string; value: Record<string, unknown>; edited_value: Record<string, unknown> | null; review_state: string; document_id: number; title: string | null; source: string; published: string; sentence_text: string }>`
    select c.id, c.key, c.value, c.edited_value, c.review_state, s.document_id, d.title, d.source, d.published, s.sentence_text
    from claims c join claim_sources s on s.claim_id = c.id join documents d on d.id = s.document_id
    where c.kind = 'quantity' and c.review_state <> 'rejected'
    and c.key in (select c2.key from process_documents pd join claim_sources s2 on s2.document_id = pd.document_id join claims c2 on c2.id = s2.claim_id where pd.process_id = ${processId} and c2.kind = 'quantity')
    order by c.key, c.id, d.published limit 2000`.execute(db);
  const byKey = new Map<string, { measure: string; unit: string | null; values: Map<string, { id: string; value: number; max: number | null; text: string; state: string; sources: { document: string; title: string; published: string; sentence: string }[] }> }>();
  for (const r of rows.rows) {
    const v = { ...r.value, ...(r.edited_value ?? {}) };
    let g = byKey.get(r.key);
    if (!g) byKey.set(r.key, (g = { measure: String(v.measure ?? ''), unit: (v.unit ?? null) as string | null, values: new Map() }));
    let val = g.values.get(`c${r.id}`);
    if (!val) g.values.set(`c${r.id}`, (val = { id: `c${r.id}`, value: Number(v.value), max: (v.max ?? null) as number | null, text: String(v.text ?? ''), state: claimState(r.id, r.review_state), sources: [] }));
    val.sources.push({ document: `d${r.document_id}`, title: r.title ?? r.source, published: r.published, sentence: r.sentence_text });
  }
  return [...byKey].map(([key, g]) => ({ key, measure: g.measure, unit: g.unit, contested: g.values.size > 1, values: [...g.values.values()] }))
    .sort((a, b) => Number(b.contested) - Number(a.contested) || a.key.localeCompare(b.key))
    .slice(0, 20).map((f) => ({ ...f, valueCount: f.values.length, values: f.values.slice(0, 6).map((v) => ({ ...v, sourceCount: v.sources.length, sources: v.sources.slice(0, 3) })) }));
}

const MEASURES = ['release', 'aid_access', 'ceasefire', 'withdrawal', 'evacuation', 'agreement'];

/** Humanitarian measures of the process's reports: each kind of measure with its reports over time. */
export async function processMeasures(db: Kysely<DB>, processId: number) {
  const rows = await sql<{ id: number; value: Record<string, unknown>; edited_value: Record<string, unknown> | null; review_state: string; occurred_on: string | null; document_id: number; sentence_text: string }>`
    select c.id, c.value, c.edited_value, c.review_state, c.occurred_on, s.document_id, s.sentence_text
    from process_documents pd join claim_sources s on s.document_id = pd.document_id join claims c on c.id = s.claim_id
    where pd.process_id = ${processId} and c.kind = 'event' and c.review_state <> 'rejected' and c.value->>'type' in (${sql.join(MEASURES)})
    order by c.occurred_on nulls last, c.id limit 200`.execute(db);
  return rows.rows.map((r) => {
    const v = { ...r.value, ...(r.edited_value ?? {}) };
    return { id: `c${r.id}`, type: String(v.type), actor: (v.actor ?? null) as string | null, quantity: (v.quantity ?? null) as number | null, date: r.occurred_on, state: claimState(r.id, r.review_state), document: `d${r.document_id}`, evidence: r.sentence_text };
  });
}
