import { sql } from 'kysely';
import { ParleyError } from '../domain/errors.ts';
import { findActor } from '../store/actor-ref.ts';
import type { Store } from '../store/open.ts';
import { DERIVED_INITIALS } from '../store/names.ts';
import { history, memberships, participation, quotes } from '../store/queries.ts';
import { parseRecordId } from './record-id.ts';
import { COMMITMENT_ID, showCommitment } from './show-commitment.ts';

/** Use case: `parley show ID` (and `parley actor NAME`): one record with its sources and history. Fails with NOT_FOUND. */
export async function showRecord(store: Store, idText: string): Promise<Record<string, unknown>> {
  if (COMMITMENT_ID.test(idText.trim())) return showCommitment(store.db, idText.trim());
  const { entity, id } = parseRecordId(idText);
  const db = store.db;
  if (entity === 'document') {
    const d = await db.selectFrom('documents').select(['id', 'source', 'title', 'publisher', 'url', 'published', 'published_from', 'duplicate_of', 'similarity', 'extractor_version', 'ingested_at', 'content_hash'])
      .where('id', '=', id).executeTakeFirst();
    if (!d) throw new ParleyError('NOT_FOUND', `no document ${idText}`);
    const copies = await db.selectFrom('documents').select(['id', 'source']).where('duplicate_of', '=', id).orderBy('id').execute();
    const claims = await sql<{ id: number; kind: string; summary: string; review_state: string }>`
      select c.id, c.kind, c.summary, c.review_state from claims c join claim_sources s on s.claim_id = c.id where s.document_id = ${id} order by s.sentence, c.id`.execute(db);
    const actors = await sql<{ id: number; name: string; kind: string; mentions: number }>`
      select a.id, a.name, a.kind, x.mentions from document_actors x join actors a on a.id = x.actor_id where x.document_id = ${id} order by x.mentions desc, a.name`.execute(db);
    return {
      id: `d${d.id}`, source: d.source, title: d.title, publisher: d.publisher, url: d.url, published: d.published, publishedFrom: d.published_from,
      copyOf: d.duplicate_of === null ? null : `d${d.duplicate_of}`, similarity: d.similarity, copies: copies.map((c) => `d${c.id} ${c.source}`),
      extractorVersion: d.extractor_version, ingestedAt: new Date(d.ingested_at).toISOString(), contentHash: d.content_hash,
      actors: actors.rows.map((a) => ({ id: `a${a.id}`, name: a.name, kind: a.kind, mentions: a.mentions })),
      claims: claims.rows.map((c) => ({ id: `c${c.id}`, kind: c.kind, state: c.review_state, summary: c.summary })),
    };
  }
  if (entity === 'claim') {
    const c = await db.selectFrom('claims').selectAll().where('id', '=', id).executeTakeFirst();
    if (!c) throw new ParleyError('NOT_FOUND', `no claim ${idText}`);
    const sources = await sql<{ document_id: number; title: string | null; source: string; published: string; duplicate_of: number | null; sentence: number; sentence_text: string; evidence: unknown; extractor_version: string }>`
      select s.document_id, d.title, d.source, d.published, d.duplicate_of, s.sentence, s.sentence_text, s.evidence, s.extractor_version
      from claim_sources s join documents d on d.id = s.document_id where s.claim_id = ${id} order by d.published, d.id`.execute(db);
    const actors = await sql<{ id: number; name: string; role: string; as_name: string }>`
      select a.id, a.name, x.role, x.as_name from claim_actors x join actors a on a.id = x.actor_id where x.claim_id = ${id} order by x.role, a.id`.execute(db);
    const rivals = await db.selectFrom('claims').select(['id', 'value_norm', 'review_state']).where('key', '=', c.key).where('id', '<>', id).orderBy('id').execute();
    return {
      id: `c${c.id}`, kind: c.kind, state: c.review_state, version: c.version, confidence: c.confidence,
      value: { ...c.value, ...(c.edited_value ?? {}) }, machineValue: c.value, edited: c.edited_value,
      key: c.key, occurredOn: c.occurred_on,
      independentSources: new Set(sources.rows.map((s) => s.duplicate_of ?? s.document_id)).size,
      rivals: rivals.map((r) => ({ id: `c${r.id}`, value: r.value_norm, state: r.review_state })),
      actors: actors.rows.map((a) => ({ id: `a${a.id}`, name: a.name, role: a.role, as: a.as_name })),
      sources: sources.rows.map((s) => ({ document: `d${s.document_id}`, title: s.title ?? s.source, published: s.published, copyOf: s.duplicate_of === null ? null : `d${s.duplicate_of}`, sentence: s.sentence_text, evidence: s.evidence, extractor: s.extractor_version })),
      history: await history(db, 'claim', id),
    };
  }
  if (entity === 'actor') {
    const a = await findActor(db, idText, false);
    return actorRecord(store, a.id, a.merged_into);
  }
  const m = await db.selectFrom('memberships').selectAll().where('id', '=', id).executeTakeFirst();
  if (!m) throw new ParleyError('NOT_FOUND', `no membership ${idText}`);
  const names = await db.selectFrom('actors').select(['id', 'name']).where('id', 'in', [m.person_id, m.organization_id]).execute();
  const name = (x: number): string => `a${x} ${names.find((r) => r.id === x)?.name ?? ''}`;
  const sources = await db.selectFrom('membership_sources').select(['document_id', 'evidence']).where('membership_id', '=', id).orderBy('document_id').execute();
  return {
    id: `m${m.id}`, person: name(m.person_id), organization: name(m.organization_id), role: m.role, status: m.status, start: m.start_date, end: m.end_date,
    state: m.review_state, version: m.version, sources: sources.map((s) => ({ document: `d${s.document_id}`, evidence: s.evidence })),
    history: await history(db, 'membership', id),
  };
}

/** Use case: `parley actor NAME`: who it is, its names, affiliations, documents and latest quotes. */
export async function showActor(store: Store, ref: string): Promise<Record<string, unknown>> {
  const a = await findActor(store.db, ref);
  return actorRecord(store, a.id, null);
}

async function actorRecord(store: Store, id: number, mergedInto: number | null): Promise<Record<string, unknown>> {
  const db = store.db;
  const a = await db.selectFrom('actors').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const aliases = await db.selectFrom('actor_aliases').select(['alias', 'via']).where('actor_id', '=', id).where('via', '<>', DERIVED_INITIALS).orderBy('alias').execute();
  const docs = await sql<{ n: string }>`select count(*) as n from document_actors where actor_id = ${id}`.execute(db);
  return {
    id: `a${a.id}`, name: a.name, kind: a.kind, state: a.review_state, version: a.version, lexiconId: a.lexicon_id, description: a.description,
    mergedInto: mergedInto === null ? null : `a${mergedInto}`,
    aliases: aliases.filter((x) => x.alias !== a.name).map((x) => x.alias),
    documents: Number(docs.rows[0]?.n ?? 0),
    memberships: await memberships(db, id),
    quotes: await quotes(db, { actorId: id, limit: 10 }),
    participation: await participation(db, id, 20),
    history: await history(db, 'actor', id),
  };
}
