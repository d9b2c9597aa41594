import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Extraction } from '../domain/record.ts';
import { claimDrafts } from './ingest-drafts.ts';
import { resolveActors, type ActorInput } from '../store/actors-repo.ts';
import { pruneStale, writeClaims } from '../store/claims-repo.ts';
import { findDocumentByHash, findNearDuplicate, insertDocument } from '../store/documents-repo.ts';
import { jsonb, pgSafe } from '../store/json.ts';
import { normName } from '../store/names.ts';
import { bands, minhash, shingles } from '../store/near-dup.ts';
import type { DB } from '../store/schema.ts';
import type { Store } from '../store/open.ts';

export interface IngestedDocument {
  /** stored: new; already: the same content with the same extractor, nothing done; updated: re-extracted. */
  readonly status: 'stored' | 'already' | 'updated';
  readonly documentId: number;
  /** Set when the text is a near copy of an earlier document. */
  readonly duplicateOf?: number;
  readonly similarity?: number;
  readonly claims: number;
}

/** The identity of a text: the same content read twice hashes the same whatever the file. */
export function contentHash(text: string): string {
  return createHash('sha256').update(text.normalize('NFC').replace(/\r\n?/g, '\n').replace(/[ \t]+$/gm, '').trim()).digest('hex');
}

/**
 * Use case: stores one document and its extraction as proposed claims, in one transaction (a
 * kill leaves the document wholly in or wholly out). The same content already stored by the same
 * extractor is left alone; by another extractor it is re-extracted: new claims join, proposals
 * it no longer yields go, decided claims stay as a person left them.
 */
export async function ingestExtraction(store: Store, extraction: Extraction, extractorVersion: string, by: string): Promise<IngestedDocument> {
  const x = pgSafe(extraction);
  const hash = contentHash(x.text);
  const set = shingles(x.text);
  const bandKeys = bands(minhash(set));
  return store.db.transaction().execute(async (tx) => {
    const existing = await findDocumentByHash(tx, hash);
    if (existing && existing.extractor_version === extractorVersion) {
      return { status: 'already', documentId: existing.id, claims: 0 } as const;
    }
    let documentId: number;
    let near: { id: number; similarity: number } | undefined;
    if (existing) {
      documentId = existing.id;
      await tx.updateTable('documents').set({ extractor_version: extractorVersion }).where('id', '=', documentId).execute();
    } else {
      near = await findNearDuplicate(tx, bandKeys, set);
      const d = x.document;
      const id = await insertDocument(tx, {
        source: d.source, inputId: d.id, text: x.text, title: d.title, publisher: d.publisher, url: d.url,
        published: d.published, publishedFrom: d.publishedFrom, contentHash: hash,
        duplicateOf: near?.id, similarity: near?.similarity, extractorVersion,
      }, bandKeys);
      // Another process (PostgreSQL) stored the same content meanwhile.
      if (id === undefined) return { status: 'already', documentId: (await findDocumentByHash(tx, hash))!.id, claims: 0 } as const;
      documentId = id;
    }
    const claimIds = await writeRecord(tx, documentId, x, extractorVersion, existing !== undefined);
    if (existing) await pruneStale(tx, documentId, claimIds);
    await tx.insertInto('history').values({
      entity: 'document', entity_id: documentId, action: existing ? 'reextract' : 'ingest', field: null,
      before: existing ? JSON.stringify({ extractor_version: existing.extractor_version }) : null,
      after: JSON.stringify({ source: x.document.source, extractor_version: extractorVersion, claims: claimIds.length, duplicate_of: near?.id ?? null }),
      by,
    }).execute();
    return { status: existing ? 'updated' : 'stored', documentId, duplicateOf: near?.id, similarity: near?.similarity, claims: new Set(claimIds).size } as const;
  });
}

async function writeRecord(tx: Kysely<DB>, documentId: number, x: Extraction, version: string, reread: boolean): Promise<number[]> {
  const inputs: ActorInput[] = x.actors.map((a) => ({
    localId: a.id, name: a.name, kind: a.kind, aliases: a.aliases, lexiconId: a.lexiconId, description: a.description,
  }));
  const orgs = new Map<string, ActorInput>();
  for (const a of x.actors) {
    for (const f of a.affiliations) {
      const k = 'org:' + normName(f.organization);
      if (!orgs.has(k)) orgs.set(k, { localId: k, name: f.organization, kind: 'organization', aliases: [] });
    }
  }
  const ids = await resolveActors(tx, [...inputs, ...orgs.values()]);
  const actorId = (local: string | undefined | null): number | undefined => (local ? ids.get(local) : undefined);

  const counts = new Map<string, number>();
  for (const m of x.mentions) counts.set(m.actorId, (counts.get(m.actorId) ?? 0) + 1);
  if (reread) await tx.deleteFrom('document_actors').where('document_id', '=', documentId).execute();
  const links = new Map<number, { document_id: number; actor_id: number; original_actor_id: number; as_name: string; mentions: number }>();
  for (const a of x.actors) {
    const id = ids.get(a.id)!;
    const prev = links.get(id);
    if (prev) prev.mentions += counts.get(a.id) ?? 0;
    else links.set(id, { document_id: documentId, actor_id: id, original_actor_id: id, as_name: a.name, mentions: counts.get(a.id) ?? 0 });
  }
  if (links.size) await tx.insertInto('document_actors').values([...links.values()]).execute();

  await writeMemberships(tx, documentId, x, ids);

  const drafts = claimDrafts(x, actorId);
  const sentence = (i: number): string => {
    const s = x.sentences[i];
    return s ? x.text.slice(s.start, s.end) : '';
  };
  return drafts.length ? writeClaims(tx, documentId, drafts, sentence, version) : [];
}

/** People's affiliations seen in this document: one membership per person, organisation and role, with this document as a source. */
async function writeMemberships(tx: Kysely<DB>, documentId: number, x: Extraction, ids: Map<string, number>): Promise<void> {
  const seen = new Map<string, { person_id: number; organization_id: number; role: string | null; role_norm: string; status: 'current' | 'former' | 'unknown'; evidence: unknown[] }>();
  for (const a of x.actors) {
    for (const f of a.affiliations) {
      const person = ids.get(a.id)!;
      const org = ids.get('org:' + normName(f.organization))!;
      if (person === org) continue;
      const roleNorm = normName(f.role ?? '');
      const k = `${person}|${org}|${roleNorm}`;
      const prev = seen.get(k);
      if (prev) prev.evidence.push(...f.evidence);
      else seen.set(k, { person_id: person, organization_id: org, role: f.role ?? null, role_norm: roleNorm, status: f.tense, evidence: [...f.evidence] });
    }
  }
  if (seen.size === 0) return;
  const rows = [...seen.values()];
  await tx.insertInto('memberships').values(rows.map(({ evidence: _e, ...m }) => ({ ...m, start_date: null, end_date: null })))
    .onConflict((oc) => oc.columns(['person_id', 'organization_id', 'role_norm']).doNothing()).execute();
  const found = await tx.selectFrom('memberships').select(['id', 'person_id', 'organization_id', 'role_norm'])
    .where('person_id', 'in', [...new Set(rows.map((r) => r.person_id))]).execute();
  const idOf = new Map(found.map((m) => [`${m.person_id}|${m.organization_id}|${m.role_norm}`, m.id]));
  await tx.insertInto('membership_sources').values(rows.map((r) => ({
    membership_id: idOf.get(`${r.person_id}|${r.organization_id}|${r.role_norm}`)!, document_id: documentId, evidence: jsonb(r.evidence),
  }))).onConflict((oc) => oc.doNothing()).execute();
}
