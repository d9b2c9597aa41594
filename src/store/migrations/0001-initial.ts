import { sql, type Kysely } from 'kysely';

/**
 * The first schema of the process record. SQL kept to what PostgreSQL 15 has (PGlite is 18).
 * Later issues (processes, rounds, commitments) add tables in new migrations; none is edited.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const review = sql.raw(`text not null default 'proposed' check (review_state in ('proposed','accepted','rejected','edited'))`);
  await sql`
    create table documents (
      id serial primary key,
      source text not null,
      input_id text not null,
      text text not null,
      title text,
      publisher text,
      url text,
      published text not null check (published ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
      published_from text not null,
      content_hash text not null unique,
      duplicate_of integer references documents(id),
      similarity real,
      extractor_version text not null,
      ingested_at timestamptz not null default now(),
      tsv tsvector generated always as (
        to_tsvector('english', coalesce(title, '') || ' ' || left(text, 300000))) stored
    )`.execute(db);
  await sql`create index documents_tsv on documents using gin (tsv)`.execute(db);
  await sql`create index documents_published on documents (published)`.execute(db);
  await sql`create index documents_duplicate_of on documents (duplicate_of)`.execute(db);
  await sql`
    create table document_bands (
      band smallint not null,
      bucket integer not null,
      document_id integer not null references documents(id) on delete cascade,
      primary key (band, bucket, document_id)
    )`.execute(db);

  await sql`
    create table actors (
      id serial primary key,
      name text not null,
      name_norm text not null,
      kind text not null,
      lexicon_id text,
      description text,
      review_state ${review},
      merged_into integer references actors(id),
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index actors_name_norm on actors (name_norm)`.execute(db);
  await sql`create index actors_lexicon_id on actors (lexicon_id)`.execute(db);
  await sql`
    create table actor_aliases (
      id serial primary key,
      actor_id integer not null references actors(id),
      first_actor_id integer not null references actors(id),
      alias text not null,
      alias_norm text not null,
      via text not null,
      unique (actor_id, alias_norm)
    )`.execute(db);
  await sql`create index actor_aliases_norm on actor_aliases (alias_norm)`.execute(db);
  await sql`
    create table alias_decisions (
      id serial primary key,
      action text not null check (action in ('merge','alias','split')),
      name text not null,
      name_norm text not null,
      actor_id integer not null references actors(id),
      at timestamptz not null default now(),
      by text not null
    )`.execute(db);
  await sql`create index alias_decisions_norm on alias_decisions (name_norm)`.execute(db);

  await sql`
    create table memberships (
      id serial primary key,
      person_id integer not null references actors(id),
      organization_id integer not null references actors(id),
      role text,
      role_norm text not null default '',
      start_date text,
      end_date text,
      status text not null check (status in ('current','former','unknown')),
      review_state ${review},
      version integer not null default 1,
      created_at timestamptz not null default now(),
      unique (person_id, organization_id, role_norm)
    )`.execute(db);
  await sql`
    create table membership_sources (
      membership_id integer not null references memberships(id),
      document_id integer not null references documents(id),
      evidence jsonb not null,
      primary key (membership_id, document_id)
    )`.execute(db);

  await sql`
    create table claims (
      id serial primary key,
      kind text not null,
      key text not null,
      value jsonb not null,
      value_norm text not null,
      edited_value jsonb,
      review_state ${review},
      version integer not null default 1,
      confidence real not null,
      summary text not null,
      occurred_on text,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      tsv tsvector generated always as (to_tsvector('english', left(summary, 100000))) stored,
      unique (key, value_norm)
    )`.execute(db);
  await sql`create index claims_tsv on claims using gin (tsv)`.execute(db);
  await sql`create index claims_kind_state on claims (kind, review_state)`.execute(db);
  await sql`create index claims_occurred_on on claims (occurred_on)`.execute(db);
  await sql`
    create table claim_sources (
      claim_id integer not null references claims(id) on delete cascade,
      document_id integer not null references documents(id),
      sentence integer not null,
      sentence_text text not null,
      evidence jsonb not null,
      confidence real not null,
      extractor_version text not null,
      primary key (claim_id, document_id)
    )`.execute(db);
  await sql`create index claim_sources_document on claim_sources (document_id)`.execute(db);
  await sql`
    create table claim_actors (
      claim_id integer not null references claims(id) on delete cascade,
      actor_id integer not null references actors(id),
      original_actor_id integer not null references actors(id),
      role text not null,
      as_name text not null,
      primary key (claim_id, role, original_actor_id)
    )`.execute(db);
  await sql`create index claim_actors_actor on claim_actors (actor_id)`.execute(db);
  await sql`
    create table document_actors (
      document_id integer not null references documents(id),
      actor_id integer not null references actors(id),
      original_actor_id integer not null references actors(id),
      as_name text not null,
      mentions integer not null,
      primary key (document_id, original_actor_id)
    )`.execute(db);
  await sql`create index document_actors_actor on document_actors (actor_id)`.execute(db);

  await sql`
    create table history (
      id serial primary key,
      entity text not null,
      entity_id integer not null,
      action text not null,
      field text,
      before jsonb,
      after jsonb,
      at timestamptz not null default now(),
      by text not null
    )`.execute(db);
  await sql`create index history_entity on history (entity, entity_id)`.execute(db);
}
