import { z } from 'zod';
import { showRecord } from '../../app/show-record.ts';
import { history, status } from '../../store/queries.ts';
import { ParleyError } from '../../domain/errors.ts';
import type { RouteContext, ZApp } from '../app.ts';
import { numericId, pageOf, pageQuery } from '../cursor.ts';
import { listActors, listClaims, listDocuments } from '../queries/lists.ts';
import { actorNetwork, actorParticipation, documentHighlights } from '../queries/records.ts';
import { searchAll } from '../queries/search.ts';
import { actorItem, anyRecord, bool, claimItem, claimKind, documentItem, errors, highlight, recordId, searchItem, shownId, state } from '../schemas.ts';

const idParams = z.object({ id: recordId });
const optionalActor = z.string().regex(/^a\d{1,9}$/, 'an actor id like a3').optional();
const optionalDoc = z.string().regex(/^d\d{1,9}$/, 'a document id like d1').optional();

/** Reading the record: documents, actors, claims (quotes, figures, ...), one record, its history, search. */
export function readRoutes(app: ZApp, { store }: RouteContext): void {
  const db = store.db;
  app.get('/api/status', { schema: { tags: ['records'], summary: 'What the record holds', response: { 200: anyRecord } } }, async () => status(db));

  app.get('/api/documents', {
    schema: { tags: ['records'], summary: 'Documents, newest first', querystring: z.object({ ...pageQuery, q: z.string().max(200).optional() }), response: { 200: pageOf(documentItem), ...errors } },
  }, async (req) => listDocuments(db, req.query));

  app.get('/api/documents/:id', {
    schema: { tags: ['records'], summary: 'A document: its text, highlights of its actors and claims', params: z.object({ id: z.string() }), response: { 200: z.object({ document: anyRecord, text: z.string(), highlights: z.array(highlight) }), ...errors } },
  }, async (req) => {
    const id = numericId(req.params.id, 'd');
    const document = await showRecord(store, req.params.id);
    const row = await db.selectFrom('documents').select('text').where('id', '=', id).executeTakeFirstOrThrow();
    return { document, text: row.text, highlights: await documentHighlights(db, id, row.text) };
  });

  app.get('/api/actors', {
    schema: { tags: ['records'], summary: 'Actors (merged ones left out)', querystring: z.object({ ...pageQuery, q: z.string().max(200).optional(), kind: z.string().max(40).optional() }), response: { 200: pageOf(actorItem), ...errors } },
  }, async (req) => listActors(db, req.query));

  app.get('/api/actors/:id', {
    schema: { tags: ['records'], summary: 'An actor: names, aliases, kind, memberships, statements, participation, network', params: z.object({ id: z.string() }), response: { 200: anyRecord, ...errors } },
  }, async (req, reply) => {
    const id = numericId(req.params.id, 'a');
    const actor = await showRecord(store, req.params.id);
    reply.header('etag', `"${actor.version}"`);
    return { ...actor, participation: await actorParticipation(db, id), network: await actorNetwork(db, id) };
  });

  const claimQuery = z.object({ ...pageQuery, kind: claimKind.optional(), state: state.optional(), actor: optionalActor, document: optionalDoc, contested: bool.optional() });
  for (const [path, kind, summary] of [['/api/claims', undefined, 'Claims, filtered'], ['/api/quotes', 'quote', 'Quotes (claims of kind quote)'], ['/api/figures', 'quantity', 'Figures (claims of kind quantity); contested=true: competing values']] as const) {
    app.get(path, { schema: { tags: ['records'], summary, querystring: claimQuery, response: { 200: pageOf(claimItem), ...errors } } }, async (req) => {
      const q = req.query;
      return listClaims(db, { ...q, kind: kind ?? q.kind, actor: q.actor ? Number(q.actor.slice(1)) : undefined, document: q.document ? Number(q.document.slice(1)) : undefined });
    });
  }

  app.get('/api/records/:id', {
    schema: { tags: ['records'], summary: 'One record (c12, a3, m4, d1) with its sources and history, ETag its version; or a commitment (k…) with its sentences and status changes', params: z.object({ id: shownId }), response: { 200: anyRecord, ...errors } },
  }, async (req, reply) => {
    const r = await showRecord(store, req.params.id);
    if (typeof r.version === 'number') reply.header('etag', `"${r.version}"`);
    return r;
  });

  app.get('/api/records/:id/history', {
    schema: { tags: ['records'], summary: 'Every change to a record', params: idParams, response: { 200: z.object({ items: z.array(anyRecord) }), ...errors } },
  }, async (req) => {
    const entity = ({ a: 'actor', c: 'claim', m: 'membership', d: 'document' } as const)[req.params.id[0] as 'a'];
    const items = await history(db, entity, Number(req.params.id.slice(1)));
    if (!items.length) await showRecord(store, req.params.id); // NOT_FOUND when it does not exist
    return { items };
  });

  app.get('/api/search', {
    schema: {
      tags: ['records'], summary: 'Full-text search over documents and claims; "exact phrase" in quotes',
      querystring: z.object({ ...pageQuery, q: z.string().min(1).max(500), kind: z.enum(['document', 'claim']).optional() }), response: { 200: pageOf(searchItem), ...errors },
    },
  }, async (req) => {
    if (!req.query.q.trim()) throw new ParleyError('BAD_ARGUMENT', 'query.q: give words to search for', 'query.q');
    return searchAll(db, req.query);
  });
}
