/**
 * The tables of parley's own JSON dump, in the order an import writes them (references first).
 * document_bands is left out: it is an index over the text, rebuilt on import.
 */
export interface TableSpec {
  readonly name: string;
  /** Primary key: export order and keyset pagination. */
  readonly key: readonly string[];
  readonly cols: readonly string[];
  /** jsonb columns: dumped as JSON values, written back as JSON text. */
  readonly json?: readonly string[];
  /** timestamptz columns: ISO strings. */
  readonly stamps?: readonly string[];
  /** Has a serial id whose sequence an import moves past the highest id. */
  readonly serial?: boolean;
  /** Found in the catalogue, not listed here (a later migration's table): an import replaces its rows. */
  readonly derived?: boolean;
}

export const TABLES: readonly TableSpec[] = [
  { name: 'documents', key: ['id'], serial: true, stamps: ['ingested_at'],
    cols: ['id', 'source', 'input_id', 'text', 'title', 'publisher', 'url', 'published', 'published_from', 'content_hash', 'duplicate_of', 'similarity', 'extractor_version', 'ingested_at'] },
  { name: 'actors', key: ['id'], serial: true, stamps: ['created_at', 'updated_at'],
    cols: ['id', 'name', 'name_norm', 'kind', 'lexicon_id', 'description', 'review_state', 'merged_into', 'version', 'created_at', 'updated_at'] },
  { name: 'actor_aliases', key: ['id'], serial: true, cols: ['id', 'actor_id', 'first_actor_id', 'alias', 'alias_norm', 'via'] },
  { name: 'alias_decisions', key: ['id'], serial: true, stamps: ['at'], cols: ['id', 'action', 'name', 'name_norm', 'actor_id', 'at', 'by'] },
  { name: 'memberships', key: ['id'], serial: true, stamps: ['created_at'],
    cols: ['id', 'person_id', 'organization_id', 'role', 'role_norm', 'start_date', 'end_date', 'status', 'review_state', 'version', 'created_at'] },
  { name: 'membership_sources', key: ['membership_id', 'document_id'], json: ['evidence'], cols: ['membership_id', 'document_id', 'evidence'] },
  { name: 'claims', key: ['id'], serial: true, json: ['value', 'edited_value'], stamps: ['created_at', 'updated_at'],
    cols: ['id', 'kind', 'key', 'value', 'value_norm', 'edited_value', 'review_state', 'version', 'confidence', 'summary', 'occurred_on', 'created_at', 'updated_at'] },
  { name: 'claim_sources', key: ['claim_id', 'document_id'], json: ['evidence'],
    cols: ['claim_id', 'document_id', 'sentence', 'sentence_text', 'evidence', 'confidence', 'extractor_version'] },
  { name: 'claim_actors', key: ['claim_id', 'role', 'original_actor_id'], cols: ['claim_id', 'actor_id', 'original_actor_id', 'role', 'as_name'] },
  { name: 'document_actors', key: ['document_id', 'original_actor_id'], cols: ['document_id', 'actor_id', 'original_actor_id', 'as_name', 'mentions'] },
  { name: 'history', key: ['id'], serial: true, json: ['before', 'after'], stamps: ['at'], cols: ['id', 'entity', 'entity_id', 'action', 'field', 'before', 'after', 'at', 'by'] },
];

export const DUMP_FORMAT = 'parley-record';
export const DUMP_VERSION = 1;
