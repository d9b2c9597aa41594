import { z } from 'zod';
import { sql } from 'kysely';
import { decideRecord, editRecord } from '../../app/decide-record.ts';
import { ParleyError } from '../../domain/errors.ts';
import type { RouteContext, ZApp } from '../app.ts';
import { numericId, pageOf, pageQuery } from '../cursor.ts';
import { documentClaims, reviewCounts, reviewDocuments } from '../queries/lists.ts';
import { counts, decision, proposalItem, recordId, reviewDocItem, state, writeErrors, errors } from '../schemas.ts';

const ifMatch = z.object({ 'if-match': z.string().max(40).optional() }).loose();

/** The version an If-Match names: "3", W/"3" or 3. */
export function versionOf(header: string | undefined): number | undefined {
  if (header === undefined || header === '*') return undefined;
  const m = /^(?:W\/)?"?(\d{1,9})"?$/.exec(header.trim());
  if (!m) throw new ParleyError('BAD_ARGUMENT', 'headers.if-match: expected the ETag of the record, like "3"', 'headers.if-match');
  return Number(m[1]);
}

/**
 * The review queue and decisions. Writes take If-Match (the record's ETag, its version): a stale
 * one gets 412 and changes nothing, so of two reviewers the first decision stands.
 */
export function reviewRoutes(app: ZApp, { store, by }: RouteContext): void {
  const db = store.db;
  app.get('/api/review/counts', { schema: { tags: ['review'], summary: 'Claims by review state', response: { 200: counts } } }, async () => reviewCounts(db));

  app.get('/api/review/documents', {
    schema: { tags: ['review'], summary: 'Documents with proposals left, with their counts', querystring: z.object(pageQuery), response: { 200: pageOf(reviewDocItem), ...errors } },
  }, async (req) => reviewDocuments(db, req.query));

  app.get('/api/review/documents/:id/proposals', {
    schema: {
      tags: ['review'], summary: "A document's claims in reading order with their sentence and evidence",
      params: z.object({ id: z.string() }), querystring: z.object({ ...pageQuery, state: state.optional() }), response: { 200: pageOf(proposalItem), ...errors },
    },
  }, async (req) => documentClaims(db, { ...req.query, document: numericId(req.params.id, 'd') }));

  app.post('/api/records/:id/review', {
    schema: {
      tags: ['review'], summary: 'Accept or reject a proposal (If-Match: its version)', params: z.object({ id: recordId }), headers: ifMatch,
      body: z.object({ state: z.enum(['accepted', 'rejected']) }), response: { 200: decision, ...writeErrors },
    },
  }, async (req, reply) => {
    const d = await decideRecord(store, req.params.id, req.body.state, by, versionOf(req.headers['if-match']));
    reply.header('etag', `"${d.version}"`);
    return d;
  });

  app.patch('/api/records/:id', {
    schema: {
      tags: ['review'], summary: "Edit a record's fields (If-Match: its version); the machine's value is kept", params: z.object({ id: recordId }), headers: ifMatch,
      body: z.object({ fields: z.record(z.string().min(1).max(40), z.union([z.string().max(10000), z.number(), z.boolean(), z.null()])) }), response: { 200: decision, ...writeErrors },
    },
  }, async (req, reply) => {
    const fields = Object.fromEntries(Object.entries(req.body.fields).map(([k, v]) => [k, v === null ? 'null' : String(v)]));
    const d = await editRecord(store, req.params.id, fields, by, versionOf(req.headers['if-match']));
    reply.header('etag', `"${d.version}"`);
    return d;
  });

  app.post('/api/review/documents/:id/accept', {
    schema: {
      tags: ['review'], summary: "Accept a document's remaining proposals (or those listed, each at the version given)",
      params: z.object({ id: z.string() }), body: z.object({ items: z.array(z.object({ id: z.string().regex(/^c\d{1,9}$/), version: z.number().int() })).max(1000).optional() }).optional(),
      response: { 200: z.object({ accepted: z.array(decision), skipped: z.array(z.object({ id: z.string(), code: z.string() })) }), ...errors },
    },
  }, async (req) => {
    const doc = numericId(req.params.id, 'd');
    const items = req.body?.items ?? (await sql<{ id: number; version: number }>`
      select distinct c.id, c.version from claim_sources s join claims c on c.id = s.claim_id
      where s.document_id = ${doc} and c.review_state = 'proposed' order by c.id`.execute(db)).rows.map((r) => ({ id: `c${r.id}`, version: r.version }));
    const accepted = [];
    const skipped = [];
    for (const it of items) {
      try {
        accepted.push(await decideRecord(store, it.id, 'accepted', by, it.version));
      } catch (e) {
        if (e instanceof ParleyError && (e.code === 'CONFLICT' || e.code === 'NOT_FOUND')) skipped.push({ id: it.id, code: e.code === 'CONFLICT' ? 'PRECONDITION_FAILED' : e.code });
        else throw e;
      }
    }
    return { accepted, skipped };
  });
}
