/**
 * The cross-document process record: pure domain logic the store calls during ingest and queries.
 * No I/O; lexicons are JSON read at module load. Rules: docs/process-record.md.
 */
export { buildProcesses, processDocOf, roundKey } from './processes.ts';
export type { Process, ProcessDoc, ProcessOptions, ProcessRecord, ReportedDates, Round, ParticipationRow } from './processes.ts';
export { participationTable, statusesConflict } from './processes/participation.ts';
export { hostId, identityOf, placeId } from './processes/series.ts';

export { claimKey, claimValue, compatible, groupClaims, participationFact, quantityFact, quoteFact, quoteText, unitKey } from './claims.ts';
export type { ClaimFact, ClaimGroup, ClaimInput, ClaimValue, DateFact, ParticipationFact, QuantityFact, QuoteFact } from './claims.ts';
export { numbersCompatible, rangeOf, type Range, type ReportedNumber } from './claims/ranges.ts';

export { buildCommitments, detectCommitment, MERGE_DAYS } from './commitments.ts';
export type { Commitment, CommitmentCue, CommitmentEvent, CommitmentKind, CommitmentStatement, EventRef, PamStatus, StatusChange } from './commitments.ts';

export { independentCount, rootOf, uniqueSources, type DuplicateOf, type SourceRef } from './sources.ts';
export { bucketOf, daysOf, intervalOf, isoOf, type DayInterval } from './dates.ts';
