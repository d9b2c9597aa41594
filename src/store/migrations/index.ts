import type { Migration } from 'kysely';
import * as m0001 from './0001-initial.ts';
import * as m0002 from './0002-process-record.ts';
import * as m0004 from './0004-process-view.ts';
import * as m0005 from './0005-search.ts';
import * as m0006 from './0006-review-queue.ts';
import * as m0007 from './0007-claim-counts.ts';
import * as m0008 from './0008-review-queue-by-kind.ts';
import * as m0009 from './0009-statement-reference-checks.ts';
import * as m0010 from './0010-near-duplicate-bands.ts';

/** Every migration this build knows, by name, in order. Forward only: never edit a shipped one. */
export const MIGRATIONS: Record<string, Migration> = {
  '0001-initial': m0001,
  '0002-process-record': m0002,
  '0004-process-view': m0004,
  '0005-search': m0005,
  '0006-review-queue': m0006,
  '0007-claim-counts': m0007,
  '0008-review-queue-by-kind': m0008,
  '0009-statement-reference-checks': m0009,
  '0010-near-duplicate-bands': m0010,
};
