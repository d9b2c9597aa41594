import { sql, type Kysely } from 'kysely';
import type { DB } from '../src/store/schema.ts';

/**
 * A generated workspace for bench:serve, written by PostgreSQL itself (generate_series): `docs`
 * documents of ~1.5 KB, ten claims each (quotes, figures, dates, participation, talks and other
 * events) with their sources and actors, across a few negotiation series. Made-up words only.
 */
export async function generateWorkspace(db: Kysely<DB>, docs: number): Promise<void> {
  const claims = docs * 10;
  await sql`insert into actors (name, name_norm, kind) select 'Actor ' || i, 'actor ' || i, case when i % 3 = 0 then 'person' else 'organization' end from generate_series(1, 500) i`.execute(db);
  await sql`insert into actor_aliases (actor_id, first_actor_id, alias, alias_norm, via) select id, id, name, name_norm, 'bench' from actors`.execute(db);
  await sql`
    insert into documents (source, input_id, text, title, publisher, published, published_from, content_hash, extractor_version)
    select 'bench/' || i || '.txt', 'bench-' || i,
      'Delegations met in ' || (array['Geneva','Doha','Muscat','Jeddah','Havana'])[1 + i % 5] || ' for talks on the ceasefire. ' ||
      (select string_agg((array['prisoners','aid','convoy','truce','envoy','corridor','monitors','withdrawal','hostages','mediators','council','front'])[1 + ((i * 7 + g * 13) % 12)] || ' ' || md5((i * 31 + g)::text), ' ') from generate_series(1, 40) g),
      'Report ' || i || ' on the ' || (array['Geneva','Doha','Muscat','Jeddah','Havana'])[1 + i % 5] || ' talks', 'Bench Wire',
      to_char(date '2024-01-01' + (i % 700), 'YYYY-MM-DD'), 'option', md5('bench' || i), 'bench'
    from generate_series(1, ${docs}) i`.execute(db);
  await sql`
    insert into claims (kind, key, value, value_norm, confidence, summary, occurred_on, review_state)
    select k.kind,
      case k.kind when 'quote' then 'quote|@' || (1 + i % 500) || '|' || i
        when 'quantity' then 'quantity|released|prisoners|' || (i % 2000)
        when 'participation' then 'participation|@' || (1 + i % 500) || '|' || (i % 5)
        when 'event' then 'event|' || case when i % 3 = 0 then 'talks' else 'release' end || '|' || (i % 5) || '|' || (i / 10 % 700)
        else 'date|' || i end,
      case k.kind when 'quote' then jsonb_build_object('text', 'We will keep talking about the truce ' || i, 'direct', true, 'speaker', 'Actor ' || (1 + i % 500))
        when 'quantity' then jsonb_build_object('value', 10 + i % 7, 'approx', 'exact', 'measure', 'released', 'unit', 'prisoners', 'text', (10 + i % 7) || ' prisoners', 'max', null)
        when 'participation' then jsonb_build_object('actor', 'Actor ' || (1 + i % 500), 'status', (array['attend','boycott','invited','declined'])[1 + i % 4], 'meeting', 'the talks', 'condition', case when i % 4 = 1 then 'only if the siege is lifted' else null end)
        when 'event' then jsonb_build_object('type', case when i % 3 = 0 then 'talks' else 'release' end, 'place', (array['Geneva','Doha','Muscat','Jeddah','Havana'])[1 + i % 5], 'start', to_char(date '2024-01-01' + (i / 10 % 700), 'YYYY-MM-DD'), 'end', null, 'round', null, 'host', null, 'actor', null, 'quantity', null)
        else jsonb_build_object('text', 'on Monday', 'start', '2024-05-06', 'end', '2024-05-06', 'precision', 'day') end,
      i::text, 0.8, k.kind || ' claim ' || i || ' about the truce talks and prisoners', to_char(date '2024-01-01' + (i / 10 % 700), 'YYYY-MM-DD'),
      case when i % 3 = 0 then 'proposed' else 'accepted' end
    from generate_series(1, ${claims}) i,
      lateral (select (array['quote','quantity','participation','event','date','quote','event','quantity','participation','event'])[1 + i % 10] as kind) k`.execute(db);
  await sql`
    insert into claim_sources (claim_id, document_id, sentence, sentence_text, evidence, confidence, extractor_version)
    select c.id, 1 + (c.id / 10) % ${docs}, c.id % 10, 'Delegations met for talks on the ceasefire.', '[{"start": 0, "end": 11}]'::jsonb, 0.8, 'bench' from claims c`.execute(db);
  await sql`
    insert into claim_actors (claim_id, actor_id, original_actor_id, role, as_name)
    select c.id, 1 + c.id % 500, 1 + c.id % 500, case c.kind when 'quote' then 'speaker' else 'participant' end, 'Actor ' || (1 + c.id % 500)
    from claims c where c.kind in ('quote', 'participation')`.execute(db);
  await sql`insert into document_actors (document_id, actor_id, original_actor_id, as_name, mentions) select d.id, 1 + d.id % 500, 1 + d.id % 500, 'Delegations', 1 from documents d`.execute(db);
  await sql`analyze`.execute(db);
}
