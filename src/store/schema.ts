import type { ColumnType, Generated } from 'kysely';

/**
 * The tables of the process record, as Kysely sees them. One schema for PGlite and PostgreSQL 15
 * (src/store/migrations). Ids are int4 so both drivers return numbers; jsonb columns are written
 * as JSON text (pg would turn a JS array into a PostgreSQL array) and read back parsed.
 */
type Json<T = unknown> = ColumnType<T, string, string>;
type Stamp = ColumnType<Date, string | undefined, string>;

export type ReviewState = 'proposed' | 'accepted' | 'rejected' | 'edited';
export type ClaimKind = 'quote' | 'quantity' | 'date' | 'participation' | 'event';

export interface DocumentsTable {
  id: Generated<number>;
  source: string;
  input_id: string;
  text: string;
  title: string | null;
  publisher: string | null;
  url: string | null;
  /** YYYY-MM-DD */
  published: string;
  published_from: string;
  content_hash: string;
  /** Near-duplicate (wire copy) of an earlier document: never independent corroboration. */
  duplicate_of: number | null;
  similarity: number | null;
  extractor_version: string;
  ingested_at: Stamp;
}

export interface DocumentBandsTable {
  band: number;
  bucket: number;
  document_id: number;
}

export interface ActorsTable {
  id: Generated<number>;
  name: string;
  name_norm: string;
  kind: string;
  lexicon_id: string | null;
  description: string | null;
  review_state: Generated<ReviewState>;
  merged_into: number | null;
  version: Generated<number>;
  created_at: Stamp;
  updated_at: Stamp;
}

export interface ActorAliasesTable {
  id: Generated<number>;
  actor_id: number;
  /** The actor the alias was first seen for: a split gives it back. */
  first_actor_id: number;
  alias: string;
  alias_norm: string;
  via: string;
}

/** Manual merges, aliases and splits, applied before any automatic rule on every later ingest. */
export interface AliasDecisionsTable {
  id: Generated<number>;
  action: 'merge' | 'alias' | 'split';
  name: string;
  name_norm: string;
  actor_id: number;
  at: Stamp;
  by: string;
}

export interface MembershipsTable {
  id: Generated<number>;
  person_id: number;
  organization_id: number;
  role: string | null;
  role_norm: string;
  start_date: string | null;
  end_date: string | null;
  status: 'current' | 'former' | 'unknown';
  review_state: Generated<ReviewState>;
  version: Generated<number>;
  created_at: Stamp;
}

export interface MembershipSourcesTable {
  membership_id: number;
  document_id: number;
  evidence: Json;
}

export interface ClaimsTable {
  id: Generated<number>;
  kind: ClaimKind;
  /** What the claim is about: equal keys are the same fact, or competing values of it. */
  key: string;
  value: Json<Record<string, unknown>>;
  /** The value normalised: (key, value_norm) is one claim whoever reported it. */
  value_norm: string;
  /** A person's edit; the machine's `value` stays for matching re-extractions. */
  edited_value: Json<Record<string, unknown> | null> | null;
  review_state: Generated<ReviewState>;
  version: Generated<number>;
  confidence: number;
  summary: string;
  /** YYYY-MM-DD(..) the claim is dated to, when it is: for the timeline. */
  occurred_on: string | null;
  created_at: Stamp;
  updated_at: Stamp;
}

export interface ClaimSourcesTable {
  claim_id: number;
  document_id: number;
  sentence: number;
  sentence_text: string;
  evidence: Json;
  confidence: number;
  extractor_version: string;
}

export interface ClaimActorsTable {
  claim_id: number;
  actor_id: number;
  original_actor_id: number;
  role: string;
  as_name: string;
}

export interface DocumentActorsTable {
  document_id: number;
  actor_id: number;
  original_actor_id: number;
  as_name: string;
  mentions: number;
}

export interface HistoryTable {
  id: Generated<number>;
  entity: string;
  entity_id: number;
  action: string;
  field: string | null;
  before: Json | null;
  after: Json | null;
  at: Stamp;
  by: string;
}

/** Derived (0002): processes grouped from talks and participation claims by src/record. */
export interface ProcessesTable {
  id: Generated<number>;
  key: string;
  name: string;
  series: string | null;
  place: string | null;
  host: string | null;
  start_date: string | null;
  end_date: string | null;
  rounds: number;
  unassigned: Json;
  /** 0004 */
  public_id: string | null;
  actors: Generated<number>;
  documents: Generated<number>;
}

export interface RoundsTable {
  id: Generated<number>;
  process_id: number;
  key: string;
  ordinal: number | null;
  ordinal_from: string | null;
  start_date: string | null;
  end_date: string | null;
  precision: string | null;
  places: Json<string[]>;
  dates: Json;
  dates_contested: boolean;
  sources: Json;
  independent: number;
  participation: Json;
  /** 0004 */
  source_count: Generated<number>;
}

export interface CommitmentsTable {
  id: Generated<number>;
  key: string;
  what: string;
  actor: string | null;
  actor_id: number | null;
  to_party: string | null;
  place: string | null;
  object: string | null;
  made: string;
  promised: number | null;
  conditional: boolean;
  status: string;
  delivered: number;
  history: Json;
  sources: Json;
  independent: number;
  /** 0004 */
  source_count: Generated<number>;
}

/** 0004: the documents each process draws on; the document-derived parts of a process view. */
export interface ProcessDocumentsTable { process_id: number; document_id: number }
export interface ProcessViewsTable { process_id: number; body: string }

export interface RecordStampTable {
  id: number;
  stamp: string;
  computed_at: Stamp;
}

export interface DB {
  documents: DocumentsTable;
  document_bands: DocumentBandsTable;
  actors: ActorsTable;
  actor_aliases: ActorAliasesTable;
  alias_decisions: AliasDecisionsTable;
  memberships: MembershipsTable;
  membership_sources: MembershipSourcesTable;
  claims: ClaimsTable;
  claim_sources: ClaimSourcesTable;
  claim_actors: ClaimActorsTable;
  document_actors: DocumentActorsTable;
  history: HistoryTable;
  processes: ProcessesTable;
  rounds: RoundsTable;
  commitments: CommitmentsTable;
  record_stamp: RecordStampTable;
  process_documents: ProcessDocumentsTable;
  process_views: ProcessViewsTable;
}
