/**
 * Where a record item comes from, and how many independent reports stand behind it. A wire copy
 * (a document the store linked as a near-duplicate of another) is the same report again: it adds
 * a source but never independent corroboration. Pure.
 */
import type { Span } from '../domain/record.ts';

export interface SourceRef {
  readonly documentId: string;
  readonly sentence?: number;
  readonly evidence?: readonly Span[];
}

/** A document's id → the document it copies (absent for an original). Chains are followed. */
export type DuplicateOf = ReadonlyMap<string, string> | ((id: string) => string | undefined);

const lookup = (d: DuplicateOf | undefined, id: string): string | undefined =>
  !d ? undefined : typeof d === 'function' ? d(id) : d.get(id);

/** The original a document copies, following chains (and stopping on a cycle). */
export function rootOf(id: string, dup?: DuplicateOf): string {
  let cur = id;
  const seen = new Set([cur]);
  for (let next = lookup(dup, cur); next !== undefined && !seen.has(next); next = lookup(dup, cur)) {
    cur = next;
    seen.add(cur);
  }
  return cur;
}

/** How many independent reports: distinct originals among the sources' documents. */
export function independentCount(sources: readonly SourceRef[], dup?: DuplicateOf): number {
  return new Set(sources.map((s) => rootOf(s.documentId, dup))).size;
}

/** Sources with one entry per (document, sentence), first seen kept, in input order. */
export function uniqueSources(sources: readonly SourceRef[]): SourceRef[] {
  const seen = new Set<string>();
  return sources.filter((s) => {
    const k = `${s.documentId}\u0000${s.sentence ?? ''}`;
    return seen.has(k) ? false : (seen.add(k), true);
  });
}
