import type { Kysely } from 'kysely';
import { ParleyError } from '../domain/errors.ts';
import type { Event, Participation } from '../domain/record.ts';
import { buildProcesses, type Process, type ProcessDoc, type ProcessRecord } from '../record/processes.ts';
import type { DB, ReviewState } from '../store/schema.ts';
import { allClaims, type ClaimRow } from './claims.ts';

/** What an export or a brief covers: review states, and the reports of one process when asked. */
export interface ExportScope {
  readonly states: readonly ReviewState[];
  readonly documents?: readonly number[];
  readonly process?: Process;
}

export const statesFor = (includeProposed?: boolean): ReviewState[] => (includeProposed ? ['accepted', 'edited', 'proposed'] : ['accepted', 'edited']);

/** The scope of a command. Fails with NOT_FOUND when no process matches `process`. */
export async function scopeOf(db: Kysely<DB>, o: { process?: string; includeProposed?: boolean }): Promise<ExportScope> {
  const states = statesFor(o.includeProposed);
  if (!o.process) return { states };
  const { record } = await loadProcesses(db, states);
  const p = findProcess(record, o.process);
  return { states, documents: documentsOf(p), process: p };
}

/** Talks and participation claims as the pure process builder reads them (src/record/processes.ts). */
export async function loadProcesses(db: Kysely<DB>, states: readonly ReviewState[], documents?: readonly number[]): Promise<{ record: ProcessRecord; claims: ClaimRow[] }> {
  const claims = (await allClaims(db, { states, kinds: ['event', 'participation'], documents }))
    .filter((c) => c.kind === 'participation' || c.value.type === 'talks');
  const docs = new Map<number, { published: string; events: Event[]; participation: Participation[] }>();
  for (const c of claims) {
    for (const s of c.sources) {
      const d = docs.get(s.documentId) ?? { published: s.published, events: [], participation: [] };
      docs.set(s.documentId, d);
      const ev = Array.isArray(s.evidence) ? (s.evidence as Event['evidence']) : [];
      const actor = c.actors[0];
      if (c.kind === 'event') {
        const v = c.value;
        d.events.push({
          type: 'talks', sentence: s.sentence, evidence: ev, confidence: 1,
          ...(v.actor ? { actor: v.actor as string } : {}), ...(actor ? { actorId: `a${actor.id}` } : {}),
          ...(v.place ? { place: v.place as string } : {}), ...(v.start ? { start: v.start as string } : {}), ...(v.end ? { end: v.end as string } : {}),
          ...(v.round ? { round: v.round as number } : {}), ...(v.host ? { host: v.host as string } : {}),
        });
      } else {
        const v = c.value;
        d.participation.push({
          actorId: actor ? `a${actor.id}` : '', actor: String(v.actor ?? actor?.name ?? ''), status: v.status as Participation['status'],
          sentence: s.sentence, evidence: ev, confidence: 1,
          ...(v.meeting ? { meeting: v.meeting as string } : {}), ...(v.condition ? { condition: v.condition as string } : {}),
        });
      }
    }
  }
  const pdocs: ProcessDoc[] = [...docs.entries()].map(([id, d]) => ({ id: String(id), published: d.published, events: d.events, participation: d.participation }));
  const dup = new Map<string, string>();
  for (const c of claims) for (const s of c.sources) if (s.duplicateOf !== null) dup.set(String(s.documentId), String(s.duplicateOf));
  return { record: buildProcesses(pdocs, { duplicateOf: dup }), claims };
}

/** The process a user names: by its name, series, place or host, case and accents aside. */
export function findProcess(record: ProcessRecord, name: string): Process {
  const q = fold(name);
  const hits = record.processes.filter((p) => [p.name, p.key, p.series, p.place, p.host].some((x) => x && fold(x).includes(q)));
  if (hits.length === 0) {
    const known = record.processes.map((p) => p.name).join('; ') || 'none in the reviewed record';
    throw new ParleyError('NOT_FOUND', `no process matches "${name}" (processes: ${known})`);
  }
  return hits[0]!;
}

/** Every report a process draws on: its talks and its participation. */
export function documentsOf(p: Process): number[] {
  const ids = new Set<number>();
  const add = (s: { documentId: string }): void => { ids.add(Number(s.documentId)); };
  for (const r of p.rounds) {
    r.sources.forEach(add);
    for (const row of r.participation) row.sources.forEach(add);
  }
  p.unassigned.talks.forEach(add);
  for (const row of p.unassigned.participation) row.sources.forEach(add);
  return [...ids].sort((a, b) => a - b);
}

const fold = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();
