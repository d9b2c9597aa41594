import { z } from 'zod';
import { ParleyError } from '../../domain/errors.ts';
import type { RouteContext, ZApp } from '../app.ts';
import { decodeCursor, encodeCursor, pageOf, pageQuery } from '../cursor.ts';
import { loadProcesses, processDocuments, processFigures, processMeasures, processStatements } from '../queries/processes.ts';
import { anyRecord, errors } from '../schemas.ts';
import type { SourceRef } from '../../record/sources.ts';
import { processCommitments } from '../queries/commitments.ts';

const processItem = z.object({ id: z.string(), name: z.string(), place: z.string().nullable(), host: z.string().nullable(), rounds: z.number(), first: z.string().nullable(), last: z.string().nullable(), actors: z.number() });

/** Processes and rounds, derived from the talks and participation in the record (src/record). */
export function processRoutes(app: ZApp, { store }: RouteContext): void {
  const db = store.db;
  app.get('/api/processes', {
    schema: { tags: ['processes'], summary: 'Negotiation processes, the most rounds first', querystring: z.object(pageQuery), response: { 200: pageOf(processItem), ...errors } },
  }, async (req) => {
    const { processes } = await loadProcesses(db);
    const offset = Number(decodeCursor(req.query.cursor)?.[0] ?? 0);
    const sorted = [...processes].sort((a, b) => b.rounds.length - a.rounds.length || a.name.localeCompare(b.name));
    const items = sorted.slice(offset, offset + req.query.limit).map((p) => {
      const dates = p.rounds.map((r) => r.start).filter((d): d is string => !!d).sort();
      const actors = new Set(p.rounds.flatMap((r) => r.participation.map((x) => x.actorId ?? x.actor)));
      return { id: p.id, name: p.name, place: p.place ?? null, host: p.host ?? null, rounds: p.rounds.length, first: dates[0] ?? null, last: dates[dates.length - 1] ?? null, actors: actors.size };
    });
    return { items, nextCursor: sorted.length > offset + req.query.limit ? encodeCursor([offset + req.query.limit]) : null };
  });

  app.get('/api/processes/:id', {
    schema: {
      tags: ['processes'], summary: 'A process: rounds, participation matrix, statements, measures, figures (contested side by side)',
      params: z.object({ id: z.string().regex(/^p[0-9a-f]{10}$/, 'a process id like p0123456789') }), response: { 200: anyRecord, ...errors },
    },
  }, async (req) => {
    const { processes, documents } = await loadProcesses(db);
    const p = processes.find((x) => x.id === req.params.id);
    if (!p) throw new ParleyError('NOT_FOUND', `no process ${req.params.id}`);
    const docIds = processDocuments(p);
    // Long lists are cut to what a page shows; their full length is given beside them.
    const cap = <T>(xs: readonly T[], n: number): T[] => xs.slice(0, n);
    const shownDocs = new Set<string>();
    const srcs = (xs: readonly SourceRef[], n: number): SourceRef[] => { const out = cap(xs, n); for (const x of out) shownDocs.add(x.documentId); return out; };
    // The matrix: one row per actor, one cell per round (the last column: participation in no single round).
    const actors = new Map<string, { id: string | null; name: string; cells: Record<number, unknown[]> }>();
    const columns = [...p.rounds.map((r) => r.participation), ...(p.unassigned.participation.length ? [p.unassigned.participation] : [])];
    columns.forEach((rows, i) => {
      for (const row of rows) {
        const k = row.actorId ?? `name:${row.actor}`;
        let a = actors.get(k);
        if (!a) actors.set(k, (a = { id: row.actorId?.startsWith('a') ? row.actorId : null, name: row.actor, cells: {} }));
        (a.cells[i] ??= []).push({ status: row.status, conditions: cap(row.conditions, 5), contested: row.contested, independent: row.independent, sourceCount: row.sources.length, sources: srcs(row.sources, 8) });
      }
    });
    const matrix = cap([...actors.values()].sort((a, b) => a.name.localeCompare(b.name)), 300);
    const rounds = [
      ...p.rounds.map((r, i) => ({ index: i, ordinal: r.ordinal ?? null, start: r.start ?? null, end: r.end ?? null, places: cap(r.places, 5), dates: cap(r.dates, 5).map((d) => ({ ...d, sources: srcs(d.sources, 5) })), datesContested: r.datesContested, independent: r.independent, sourceCount: r.sources.length, sources: srcs(r.sources, 8), unassigned: false })),
      ...(p.unassigned.participation.length ? [{ index: p.rounds.length, ordinal: null, start: null, end: null, places: [], dates: [], datesContested: false, independent: 0, sourceCount: p.unassigned.talks.length, sources: srcs(p.unassigned.talks, 8), unassigned: true }] : []),
    ];
    return {
      id: p.id, key: p.key, name: p.name, series: p.series ?? null, place: p.place ?? null, host: p.host ?? null,
      documentCount: docIds.length, rounds, matrix, actorCount: actors.size,
      unassignedTalks: p.unassigned.talks.length,
      statements: await processStatements(db, docIds, 100),
      measures: await processMeasures(db, docIds),
      commitments: await processCommitments(db, docIds),
      figures: (await processFigures(db, docIds)).slice(0, 20).map((f) => ({ ...f, valueCount: f.values.length, values: f.values.slice(0, 6).map((v) => ({ ...v, sourceCount: v.sources.length, sources: v.sources.slice(0, 3) })) })),
      documents: Object.fromEntries([...shownDocs].map((d) => [d, documents.get(d) ?? null])),
    };
  });
}
