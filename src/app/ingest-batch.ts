import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Extraction } from '../domain/record.ts';
import { claimDrafts } from './ingest-drafts.ts';
import { resolveActors, type ActorInput } from '../store/actors-repo.ts';
import { pruneStale, writeClaimsBatch } from '../store/claims-repo.ts';
import { documentsByHash, insertDocuments, nearCandidates } from '../store/documents-repo.ts';
import { jsonb, pgSafe } from '../store/json.ts';
import { normName } from '../store/names.ts';
import { jaccard, NEAR_DUPLICATE, nearDuplicateKeys, shingles } from '../store/near-dup.ts';
import type { DB } from '../store/schema.ts';
import type { Store } from '../store/open.ts';
import { chunks } from './chunks.ts';
import { peopleName } from './people-names.ts';

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

export interface BatchItem {
  readonly extraction: Extraction;
  /** MinHash band keys of the text, when the extraction worker computed them already. */
  readonly bands?: readonly number[];
}

interface Doc { readonly x: Extraction; readonly hash: string; readonly bands: readonly number[]; set?: Set<number> }
/** A document this batch writes: a new one, or one stored by an older extractor and re-read. */
interface Plan { readonly i: number; readonly doc: Doc; readonly reread: boolean; documentId?: number; near?: { root: number | { batch: number }; similarity: number } }

/**
 * Use case: stores several documents and their extractions as proposed claims in ONE
 * transaction, with a fixed number of statements per batch rather than per document (a kill
 * leaves the whole batch in or out; rerunning finishes the job). Per document it does what
 * storing them one by one would: the same content is stored once (also twice in one batch),
 * near copies link to the first report (also within the batch), actors resolve in order so a
 * later document meets an earlier one's new actor, a person's decisions are never touched.
 */
export async function ingestExtractions(store: Store, items: readonly BatchItem[], version: string, by: string): Promise<IngestedDocument[]> {
  const docs: Doc[] = items.map((it) => {
    const x = pgSafe(it.extraction);
    return { x, hash: contentHash(x.text), bands: it.bands ?? nearDuplicateKeys(x.text) };
  });
  return store.db.transaction().execute((tx) => writeBatch(tx, docs, version, by));
}

async function writeBatch(tx: Kysely<DB>, docs: Doc[], version: string, by: string): Promise<IngestedDocument[]> {
  const results = new Array<IngestedDocument | undefined>(docs.length);
  const hashes = [...new Set(docs.map((d) => d.hash))];
  const known = await documentsByHash(tx, hashes);
  const firstOf = new Map<string, number>();
  const sameAs = new Map<number, number>();
  const plans: Plan[] = [];
  docs.forEach((doc, i) => {
    const k = known.get(doc.hash);
    if (k && k.extractor_version === version) results[i] = { status: 'already', documentId: k.id, claims: 0 };
    else if (firstOf.has(doc.hash)) sameAs.set(i, firstOf.get(doc.hash)!);
    else {
      firstOf.set(doc.hash, i);
      plans.push({ i, doc, reread: k !== undefined, documentId: k?.id });
    }
  });

  const fresh = plans.filter((p) => !p.reread);
  await findNearCopies(tx, fresh);
  const stored = await insertDocuments(tx, fresh.map((p) => {
    const d = p.doc.x.document;
    return {
      source: d.source, inputId: d.id, text: p.doc.x.text, title: d.title, publisher: d.publisher, url: d.url,
      published: d.published, publishedFrom: d.publishedFrom, contentHash: p.doc.hash,
      duplicateOf: typeof p.near?.root === 'number' ? p.near.root : undefined, similarity: p.near?.similarity, extractorVersion: version,
      bands: p.doc.bands,
    };
  }));
  for (const p of fresh) p.documentId = stored.get(p.doc.hash);
  // A copy of a report earlier in this batch points at that report's new id.
  for (const p of fresh) {
    if (p.documentId === undefined || p.near === undefined || typeof p.near.root === 'number') continue;
    const rootId = nearRootId(p, plans);
    if (rootId !== undefined) await tx.updateTable('documents').set({ duplicate_of: rootId }).where('id', '=', p.documentId).execute();
  }
  const rereads = plans.filter((p) => p.reread).map((p) => p.documentId!);
  if (rereads.length) await tx.updateTable('documents').set({ extractor_version: version }).where('id', 'in', rereads).execute();

  // Another process (PostgreSQL) stored the same content meanwhile: it is theirs.
  const lost = fresh.filter((p) => p.documentId === undefined);
  if (lost.length) {
    const theirs = await documentsByHash(tx, lost.map((p) => p.doc.hash));
    for (const p of lost) results[p.i] = { status: 'already', documentId: theirs.get(p.doc.hash)!.id, claims: 0 };
  }
  const writing = plans.filter((p) => p.documentId !== undefined);
  const claimIds = await writeRecords(tx, writing, version);
  for (const [k, p] of writing.entries()) if (p.reread) await pruneStale(tx, p.documentId!, claimIds[k]!);
  if (writing.length) {
    await tx.insertInto('history').values(writing.map((p, k) => ({
      entity: 'document', entity_id: p.documentId!, action: p.reread ? 'reextract' : 'ingest', field: null,
      before: p.reread ? JSON.stringify({ extractor_version: known.get(p.doc.hash)!.extractor_version }) : null,
      after: JSON.stringify({ source: p.doc.x.document.source, extractor_version: version, claims: claimIds[k]!.length, duplicate_of: nearRootId(p, plans) ?? null }),
      by,
    }))).execute();
  }
  for (const [k, p] of writing.entries()) {
    const dup = nearRootId(p, plans);
    results[p.i] = {
      status: p.reread ? 'updated' : 'stored', documentId: p.documentId!, claims: new Set(claimIds[k]).size,
      ...(dup !== undefined ? { duplicateOf: dup, similarity: p.near!.similarity } : {}),
    };
  }
  for (const [i, first] of sameAs) results[i] = { status: 'already', documentId: results[first]!.documentId, claims: 0 };
  return results as IngestedDocument[];
}

const nearRootId = (p: Plan, plans: Plan[]): number | undefined => {
  const r = p.near?.root;
  return r === undefined ? undefined : typeof r === 'number' ? r : plans.find((q) => q.i === r.batch)?.documentId;
};

/**
 * Each new document's earlier near copy (≥ 0.9 Jaccard on word 5-shingles): candidates from the
 * MinHash band index in one query for the batch, then earlier documents of the batch, each
 * checked exactly; the root of a chain of copies wins.
 */
async function findNearCopies(tx: Kysely<DB>, fresh: Plan[]): Promise<void> {
  if (fresh.length === 0) return;
  const candidates = await nearCandidates(tx, fresh.map((p) => p.doc.bands));
  const setOf = (p: Plan): Set<number> => (p.doc.set ??= shingles(p.doc.x.text));
  const storedSets = new Map<number, Set<number>>();
  fresh.forEach((p, k) => {
    let best: Plan['near'];
    for (const c of candidates[k]!) {
      const s = storedSets.get(c.id) ?? storedSets.set(c.id, shingles(c.text)).get(c.id)!;
      const j = jaccard(setOf(p), s);
      if (j >= NEAR_DUPLICATE && (!best || j > best.similarity)) best = { root: c.duplicateOf ?? c.id, similarity: j };
    }
    for (const q of fresh.slice(0, k)) {
      if (!q.doc.bands.some((b, band) => p.doc.bands[band] === b)) continue;
      const j = jaccard(setOf(p), setOf(q));
      if (j >= NEAR_DUPLICATE && (!best || j > best.similarity)) best = { root: q.near?.root ?? { batch: q.i }, similarity: j };
    }
    p.near = best;
  });
}

/**
 * Per actor, the words the report uses for it only as a description ("the opposition", never a
 * name): an alias with one mention by name is a name.
 */
export function descriptionsOf(x: Extraction): Map<string, Set<string>> {
  const described = new Map<string, Set<string>>();
  const named = new Set<string>();
  for (const m of x.mentions) {
    const key = normName(m.text);
    if (m.via !== 'description') named.add(`${m.actorId}\u0001${key}`);
    else (described.get(m.actorId) ?? described.set(m.actorId, new Set()).get(m.actorId)!).add(key);
  }
  for (const [id, keys] of described) for (const k of keys) if (named.has(`${id}\u0001${k}`)) keys.delete(k);
  return described;
}

/** Actors, memberships and claims of the documents, in a handful of statements for all of them; claim ids per document. */
async function writeRecords(tx: Kysely<DB>, plans: Plan[], version: string): Promise<number[][]> {
  if (plans.length === 0) return [];
  // Local actor ids are made unique per document: "3\u0001a2" is actor a2 of the batch's fourth document.
  const local = (k: number, id: string): string => `${k}\u0001${id}`;
  const inputs: ActorInput[] = [];
  plans.forEach((p, k) => {
    const orgs = new Map<string, ActorInput>();
    const passing = descriptionsOf(p.doc.x);
    for (const a of p.doc.x.actors) {
      const only = passing.get(a.id);
      const isDescription = (al: string): boolean => !!only?.has(normName(al));
      const aliases = a.aliases.filter((al) => !isDescription(al));
      const descriptions = a.aliases.filter(isDescription);
      const people = peopleName(a.lexiconId);
      const name = people ?? a.name;
      inputs.push({ localId: local(k, a.id), documentKey: String(k), name, kind: a.kind, aliases: name === a.name ? aliases : [a.name, ...aliases], descriptions, lexiconId: a.lexiconId, description: a.description });
      for (const f of a.affiliations) {
        const id = local(k, 'org:' + normName(f.organization));
        if (!orgs.has(id)) orgs.set(id, { localId: id, documentKey: String(k), name: f.organization, kind: 'organization', aliases: [] });
      }
    }
    inputs.push(...orgs.values());
  });
  const ids = await resolveActors(tx, inputs);

  const rereads = plans.filter((p) => p.reread).map((p) => p.documentId!);
  if (rereads.length) await tx.deleteFrom('document_actors').where('document_id', 'in', rereads).execute();
  const links = new Map<string, { document_id: number; actor_id: number; original_actor_id: number; as_name: string; mentions: number }>();
  plans.forEach((p, k) => {
    const counts = new Map<string, number>();
    for (const m of p.doc.x.mentions) counts.set(m.actorId, (counts.get(m.actorId) ?? 0) + 1);
    for (const a of p.doc.x.actors) {
      const id = ids.get(local(k, a.id))!;
      const key = `${p.documentId}|${id}`;
      const prev = links.get(key);
      if (prev) prev.mentions += counts.get(a.id) ?? 0;
      else links.set(key, { document_id: p.documentId!, actor_id: id, original_actor_id: id, as_name: a.name, mentions: counts.get(a.id) ?? 0 });
    }
  });
  for (const part of chunks([...links.values()], 2000)) await tx.insertInto('document_actors').values(part).execute();

  await writeMemberships(tx, plans, (k, id) => ids.get(local(k, id)));

  return writeClaimsBatch(tx, plans.map((p, k) => {
    const x = p.doc.x;
    return {
      documentId: p.documentId!,
      drafts: claimDrafts(x, (id) => (id ? ids.get(local(k, id)) : undefined)),
      sentenceText: (i: number): string => { const s = x.sentences[i]; return s ? x.text.slice(s.start, s.end) : ''; },
    };
  }), version);
}

/** People's affiliations seen in these documents: one membership per person, organisation and role, each document a source. */
async function writeMemberships(tx: Kysely<DB>, plans: Plan[], idOf: (k: number, local: string) => number | undefined): Promise<void> {
  type M = { person_id: number; organization_id: number; role: string | null; role_norm: string; status: 'current' | 'former' | 'unknown'; evidence: Map<number, unknown[]> };
  const seen = new Map<string, M>();
  plans.forEach((p, k) => {
    for (const a of p.doc.x.actors) {
      for (const f of a.affiliations) {
        const person = idOf(k, a.id)!;
        const org = idOf(k, 'org:' + normName(f.organization))!;
        if (person === org) continue;
        const roleNorm = normName(f.role ?? '');
        const key = `${person}|${org}|${roleNorm}`;
        const m = seen.get(key) ?? seen.set(key, { person_id: person, organization_id: org, role: f.role ?? null, role_norm: roleNorm, status: f.tense, evidence: new Map() }).get(key)!;
        const ev = m.evidence.get(p.documentId!) ?? m.evidence.set(p.documentId!, []).get(p.documentId!)!;
        ev.push(...f.evidence);
      }
    }
  });
  if (seen.size === 0) return;
  const rows = [...seen.values()];
  await tx.insertInto('memberships').values(rows.map(({ evidence: _e, ...m }) => ({ ...m, start_date: null, end_date: null })))
    .onConflict((oc) => oc.columns(['person_id', 'organization_id', 'role_norm']).doNothing()).execute();
  const found = await tx.selectFrom('memberships').select(['id', 'person_id', 'organization_id', 'role_norm'])
    .where('person_id', 'in', [...new Set(rows.map((r) => r.person_id))]).execute();
  const idOfM = new Map(found.map((m) => [`${m.person_id}|${m.organization_id}|${m.role_norm}`, m.id]));
  await tx.insertInto('membership_sources').values(rows.flatMap((r) => [...r.evidence].map(([documentId, evidence]) => ({
    membership_id: idOfM.get(`${r.person_id}|${r.organization_id}|${r.role_norm}`)!, document_id: documentId, evidence: jsonb(evidence),
  })))).onConflict((oc) => oc.doNothing()).execute();
}
