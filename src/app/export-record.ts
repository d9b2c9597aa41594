import { ParleyError } from '../domain/errors.ts';
import type { Store } from '../store/open.ts';
import { dumpJson } from '../export/dump-json.ts';
import { exportAcled } from '../export/acled.ts';
import { exportHxl } from '../export/hxl.ts';
import { exportPlover } from '../export/plover.ts';
import { exportPopolo } from '../export/popolo.ts';
import { scopeOf, type ExportScope } from '../export/scope.ts';
import type { Sink } from '../export/sink.ts';

export const EXPORT_FORMATS = ['json', 'plover', 'acled-csv', 'popolo', 'hxl-csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportOptions {
  readonly format: ExportFormat;
  /** A process: its name, place or host (as `parley brief --process`). */
  readonly process?: string;
  /** Proposals too (marked by their review state); by default only accepted and edited records. */
  readonly includeProposed?: boolean;
}

/**
 * Use case: `parley export`: the record in a format another tool loads, streamed to `out` a page
 * at a time. json is the whole workspace, lossless (it takes no --process); the others hold the
 * reviewed record. Fails with BAD_ARGUMENT (json with --process) or NOT_FOUND (no such process).
 */
export async function exportRecord(store: Store, o: ExportOptions, out: Sink): Promise<Record<string, number>> {
  if (o.format === 'json') {
    if (o.process) throw new ParleyError('BAD_ARGUMENT', 'the json dump is the whole workspace: --process applies to the other formats');
    return dumpJson(store.db, out);
  }
  const scope: ExportScope = await scopeOf(store.db, { process: o.process, includeProposed: o.includeProposed });
  switch (o.format) {
    case 'plover': return { records: await exportPlover(store.db, scope, out) };
    case 'acled-csv': return { records: await exportAcled(store.db, scope, out) };
    case 'popolo': return exportPopolo(store.db, scope, out);
    case 'hxl-csv': return { records: await exportHxl(store.db, scope, out) };
  }
}
