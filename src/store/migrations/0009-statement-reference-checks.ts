import { sql, type Kysely } from 'kysely';

/**
 * References checked once per statement instead of once per row, on the columns an ingest writes
 * thousands of times (a report brings ~30 claim sources, ~20 actor links, ~15 claim actors and 16
 * near-duplicate bands): a foreign key runs one lookup per row. Writing the 249 Guardian reports in
 * batches of 32 took 3.1 s on PGlite with those keys and 2.7 s with these checks (PostgreSQL 15:
 * 1.9 s and 1.76 s). A statement trigger reads the rows the statement wrote (a transition table)
 * and refuses the statement, with the foreign key's error code, if one names a document or actor
 * that is not there. Documents and actors are never deleted (a merge points an actor at another):
 * deleting one still referenced is refused, as the foreign keys did; a document's bands, which the
 * key deleted with it, now refuse it too. The claim_id keys, which delete a claim's sources and
 * actors with it, stay foreign keys.
 */
const CHECKED: [table: string, refs: [column: string, parent: string][]][] = [
  ['claim_sources', [['document_id', 'documents']]],
  ['claim_actors', [['actor_id', 'actors'], ['original_actor_id', 'actors']]],
  ['document_actors', [['document_id', 'documents'], ['actor_id', 'actors'], ['original_actor_id', 'actors']]],
  ['document_bands', [['document_id', 'documents']]],
];

/**
 * A trigger function that runs `query` for each (table, column) pair of its arguments (%1$I and
 * %2$I in it) and refuses the statement with `message` (%s: the table, the pair, the row found)
 * when the query finds a row.
 */
const pairCheck = (name: string, query: string, message: string): string => `
    create function ${name}() returns trigger language plpgsql as $$
    declare
      i int := 0;
      bad text;
    begin
      while i < tg_nargs loop
        execute format('${query}', tg_argv[i], tg_argv[i + 1]) into bad;
        if bad is not null then
          raise foreign_key_violation using message = format('${message}', tg_table_name, tg_argv[i], tg_argv[i + 1], bad);
        end if;
        i := i + 2;
      end loop;
      return null;
    end $$`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql.raw(pairCheck('parley_check_references',
    'select n.%1$I::text from changed n where n.%1$I is not null and not exists (select 1 from %2$I p where p.id = n.%1$I) limit 1',
    '%1$s.%2$s = %4$s: no such row in %3$s')).execute(db);
  await sql.raw(pairCheck('parley_refuse_referenced_delete',
    'select g.id::text from gone g where exists (select 1 from %1$I c where c.%2$I = g.id) limit 1',
    '%1$s %4$s is still referenced from %2$s.%3$s')).execute(db);
  const byParent = new Map<string, string[]>();
  for (const [table, refs] of CHECKED) {
    for (const [column, parent] of refs) {
      await sql.raw(`alter table ${table} drop constraint ${table}_${column}_fkey`).execute(db);
      byParent.set(parent, [...(byParent.get(parent) ?? []), `'${table}'`, `'${column}'`]);
    }
    const args = refs.map(([c, p]) => `'${c}', '${p}'`).join(', ');
    for (const op of ['insert', 'update']) {
      await sql.raw(`create trigger ${table}_references_${op} after ${op} on ${table} referencing new table as changed for each statement execute function parley_check_references(${args})`).execute(db);
    }
  }
  for (const [parent, args] of byParent) {
    await sql.raw(`create trigger ${parent}_referenced_delete after delete on ${parent} referencing old table as gone for each statement execute function parley_refuse_referenced_delete(${args.join(', ')})`).execute(db);
  }
}
