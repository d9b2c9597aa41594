/**
 * A round's participation table: one row per (actor, status) with every source that reports it.
 * Nothing is resolved away: an actor reported both attending and boycotting the same round keeps
 * both rows, each flagged `contested`. Pure.
 */
import type { Participation, ParticipationStatus } from '../../domain/record.ts';
import { independentCount, type DuplicateOf, type SourceRef } from '../sources.ts';
import { norm } from '../text.ts';

export interface ParticipationRow {
  /** The cross-document actor id the caller gave, when there was one. */
  readonly actorId?: string;
  readonly actor: string;
  readonly status: ParticipationStatus;
  /** Distinct conditions as written ("only if ..."), first seen first. */
  readonly conditions: string[];
  readonly sources: SourceRef[];
  /** Independent reports (wire copies count once). */
  readonly independent: number;
  /** Another row gives the same actor a status that cannot also hold (attend vs boycott/declined). */
  readonly contested: boolean;
}

export interface PlacedParticipation { readonly documentId: string; readonly item: Participation }

/** Statuses that cannot both be true of one actor for one round. invited and undecided conflict with nothing. */
const CONFLICTS: Record<ParticipationStatus, readonly ParticipationStatus[]> = {
  attend: ['boycott', 'declined'], boycott: ['attend'], declined: ['attend'], invited: [], undecided: [],
};
export const statusesConflict = (a: ParticipationStatus, b: ParticipationStatus): boolean => CONFLICTS[a].includes(b);

export const actorKey = (p: { actorId?: string; actor: string }): string => p.actorId || `name:${norm(p.actor)}`;

export function participationTable(items: readonly PlacedParticipation[], dup?: DuplicateOf): ParticipationRow[] {
  const rows = new Map<string, { actorId?: string; actor: string; status: ParticipationStatus; conditions: string[]; seen: Set<string>; sources: SourceRef[] }>();
  for (const { documentId, item } of items) {
    const k = `${actorKey(item)}\u0000${item.status}`;
    let r = rows.get(k);
    if (!r) rows.set(k, (r = { ...(item.actorId ? { actorId: item.actorId } : {}), actor: item.actor, status: item.status, conditions: [], seen: new Set(), sources: [] }));
    const c = item.condition?.trim();
    if (c && !r.seen.has(norm(c))) { r.seen.add(norm(c)); r.conditions.push(c); }
    r.sources.push({ documentId, sentence: item.sentence, evidence: item.evidence });
  }
  const all = [...rows.values()];
  return all.map((r) => ({
    ...(r.actorId ? { actorId: r.actorId } : {}), actor: r.actor, status: r.status, conditions: r.conditions,
    sources: r.sources, independent: independentCount(r.sources, dup),
    contested: all.some((o) => o !== r && actorKey(o) === actorKey(r) && statusesConflict(r.status, o.status)),
  }));
}
