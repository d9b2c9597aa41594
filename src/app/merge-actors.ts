import { sql, type Kysely } from 'kysely';
import { ParleyError } from '../domain/errors.ts';
import { findActor } from '../store/actor-ref.ts';
import { normName } from '../store/names.ts';
import type { Store } from '../store/open.ts';
import type { DB } from '../store/schema.ts';
import { log } from './decide-record.ts';

/**
 * Use case: `parley actors merge A B`: B becomes part of A. Its names, claims, documents and
 * memberships go to A; claims that turn out to be the same fact join (a person's decision wins
 * over a proposal); every name of B is recorded as a decision, so later ingests put them on A.
 * Fails with NOT_FOUND, BAD_ARGUMENT (same actor).
 */
export async function mergeActors(store: Store, into: string, from: string, by: string): Promise<{ into: number; from: number }> {
  return store.db.transaction().execute(async (tx) => {
    const a = await findActor(tx, into);
    const b = await findActor(tx, from);
    if (a.id === b.id) throw new ParleyError('BAD_ARGUMENT', `"${into}" and "${from}" are already one actor (a${a.id})`);
    await tx.updateTable('actors').set({ merged_into: a.id, updated_at: new Date().toISOString() }).where((eb) => eb.or([eb('id', '=', b.id), eb('merged_into', '=', b.id)])).execute();
    const names = await tx.selectFrom('actor_aliases').select(['alias', 'alias_norm']).where('actor_id', '=', b.id).execute();
    await moveActor(tx, b.id, a.id);
    for (const n of uniqueNorms([{ alias: b.name, alias_norm: normName(b.name) }, ...names])) {
      await tx.insertInto('alias_decisions').values({ action: 'merge', name: n.alias, name_norm: n.alias_norm, actor_id: a.id, by }).execute();
    }
    await log(tx, 'actor', a.id, 'merge', null, { merged: `a${b.id}`, name: b.name }, { into: `a${a.id}`, name: a.name }, by);
    return { into: a.id, from: b.id };
  });
}

/** Use case: `parley actors alias A "name"`: the name means A, now and in later ingests. */
export async function aliasActor(store: Store, ref: string, name: string, by: string): Promise<{ actor: number }> {
  const norm = normName(name);
  if (!norm) throw new ParleyError('BAD_ARGUMENT', 'give a name with letters or digits');
  return store.db.transaction().execute(async (tx) => {
    const a = await findActor(tx, ref);
    await tx.insertInto('actor_aliases').values({ actor_id: a.id, first_actor_id: a.id, alias: name, alias_norm: norm, via: 'manual' })
      .onConflict((oc) => oc.columns(['actor_id', 'alias_norm']).doNothing()).execute();
    await tx.insertInto('alias_decisions').values({ action: 'alias', name, name_norm: norm, actor_id: a.id, by }).execute();
    await log(tx, 'actor', a.id, 'alias', 'aliases', null, name, by);
    return { actor: a.id };
  });
}

/**
 * Use case: `parley actors split A "name"`: what A knows under `name` becomes an actor of its
 * own: the actor merged into A under that name comes back, else a new one takes the name, the
 * claims and the documents that used it. Later ingests keep them apart.
 */
export async function splitActor(store: Store, ref: string, name: string, by: string): Promise<{ from: number; actor: number }> {
  const norm = normName(name);
  return store.db.transaction().execute(async (tx) => {
    const a = await findActor(tx, ref);
    const merged = await tx.selectFrom('actors').select(['id', 'name']).where('merged_into', '=', a.id).where('name_norm', '=', norm).orderBy('id', 'desc').executeTakeFirst();
    let s: number;
    if (merged) {
      s = merged.id;
      await tx.updateTable('actors').set({ merged_into: null, updated_at: new Date().toISOString() }).where('id', '=', s).execute();
      await tx.updateTable('actor_aliases').set({ actor_id: s }).where('actor_id', '=', a.id).where('first_actor_id', '=', s).execute();
      await tx.updateTable('claim_actors').set({ actor_id: s }).where('actor_id', '=', a.id).where('original_actor_id', '=', s).execute();
      await tx.updateTable('document_actors').set({ actor_id: s }).where('actor_id', '=', a.id).where('original_actor_id', '=', s).execute();
    } else {
      const has = await tx.selectFrom('actor_aliases').select('id').where('actor_id', '=', a.id).where('alias_norm', '=', norm).executeTakeFirst();
      if (!has && normName(a.name) !== norm) throw new ParleyError('NOT_FOUND', `a${a.id} ${a.name} is not known as "${name}"`);
      if (normName(a.name) === norm) throw new ParleyError('BAD_ARGUMENT', `"${name}" is a${a.id}'s own name: rename it first (parley edit a${a.id} --name ...)`);
      s = (await tx.insertInto('actors').values({ name, name_norm: norm, kind: a.kind, lexicon_id: null, description: null, merged_into: null })
        .returning('id').executeTakeFirstOrThrow()).id;
      await tx.updateTable('actor_aliases').set({ actor_id: s, first_actor_id: s }).where('actor_id', '=', a.id).where('alias_norm', '=', norm).execute();
      const uses = (col: 'as_name') => sql<boolean>`lower(${sql.ref(col)}) = ${name.toLowerCase()}`;
      await tx.updateTable('claim_actors').set({ actor_id: s, original_actor_id: s }).where('actor_id', '=', a.id).where(uses('as_name')).execute();
      await tx.updateTable('document_actors').set({ actor_id: s, original_actor_id: s }).where('actor_id', '=', a.id).where(uses('as_name')).execute();
    }
    // Claims now only the split-off actor's are re-keyed; one still shared with A keeps A's key.
    const moved = await tx.selectFrom('claim_actors as x').select('x.claim_id').where('x.actor_id', '=', s)
      .where(({ not, exists, selectFrom }) => not(exists(selectFrom('claim_actors as y').select('y.claim_id').whereRef('y.claim_id', '=', 'x.claim_id').where('y.actor_id', '=', a.id))))
      .execute();
    await rekeyClaims(tx, a.id, s, moved.map((x) => x.claim_id));
    const names = await tx.selectFrom('actor_aliases').select(['alias', 'alias_norm']).where('actor_id', '=', s).execute();
    for (const n of uniqueNorms([{ alias: name, alias_norm: norm }, ...names])) {
      await tx.insertInto('alias_decisions').values({ action: 'split', name: n.alias, name_norm: n.alias_norm, actor_id: s, by }).execute();
    }
    await log(tx, 'actor', a.id, 'split', null, { actor: `a${a.id}` }, { split: `a${s}`, name }, by);
    return { from: a.id, actor: s };
  });
}

async function moveActor(tx: Kysely<DB>, from: number, to: number): Promise<void> {
  await tx.deleteFrom('actor_aliases').where('actor_id', '=', from)
    .where('alias_norm', 'in', tx.selectFrom('actor_aliases').select('alias_norm').where('actor_id', '=', to)).execute();
  await tx.updateTable('actor_aliases').set({ actor_id: to }).where('actor_id', '=', from).execute();
  await tx.updateTable('claim_actors').set({ actor_id: to }).where('actor_id', '=', from).execute();
  await tx.updateTable('document_actors').set({ actor_id: to }).where('actor_id', '=', from).execute();
  for (const col of ['person_id', 'organization_id'] as const) {
    const ms = await tx.selectFrom('memberships').selectAll().where(col, '=', from).execute();
    for (const m of ms) {
      const twin = await tx.selectFrom('memberships').select('id')
        .where('person_id', '=', col === 'person_id' ? to : m.person_id).where('organization_id', '=', col === 'organization_id' ? to : m.organization_id)
        .where('role_norm', '=', m.role_norm).executeTakeFirst();
      if (!twin) { await tx.updateTable('memberships').set({ [col]: to }).where('id', '=', m.id).execute(); continue; }
      await sql`insert into membership_sources (membership_id, document_id, evidence)
        select ${twin.id}, document_id, evidence from membership_sources where membership_id = ${m.id} on conflict do nothing`.execute(tx);
      await tx.deleteFrom('membership_sources').where('membership_id', '=', m.id).execute();
      await tx.deleteFrom('memberships').where('id', '=', m.id).execute();
    }
  }
  const claims = await tx.selectFrom('claim_actors').select('claim_id').where('actor_id', '=', to).execute();
  await rekeyClaims(tx, from, to, claims.map((c) => c.claim_id));
}

/**
 * Claim keys name actors as @id: after a merge or split they are rewritten, and a claim whose
 * new key and value already exist joins that one (sources and links move; a decided state wins
 * over a proposal).
 */
async function rekeyClaims(tx: Kysely<DB>, from: number, to: number, claimIds: number[]): Promise<void> {
  if (claimIds.length === 0) return;
  const tag = new RegExp(`@${from}(?=\\||$)`, 'g');
  const claims = await tx.selectFrom('claims').select(['id', 'key', 'value_norm', 'review_state', 'edited_value']).where('id', 'in', claimIds).execute();
  for (const c of claims) {
    const key = c.key.replace(tag, `@${to}`);
    if (key === c.key) continue;
    const twin = await tx.selectFrom('claims').select(['id', 'review_state']).where('key', '=', key).where('value_norm', '=', c.value_norm).executeTakeFirst();
    if (!twin) { await tx.updateTable('claims').set({ key }).where('id', '=', c.id).execute(); continue; }
    await sql`insert into claim_sources select ${twin.id}, document_id, sentence, sentence_text, evidence, confidence, extractor_version
      from claim_sources where claim_id = ${c.id} on conflict do nothing`.execute(tx);
    await sql`insert into claim_actors select ${twin.id}, actor_id, original_actor_id, role, as_name
      from claim_actors where claim_id = ${c.id} on conflict do nothing`.execute(tx);
    if (twin.review_state === 'proposed' && c.review_state !== 'proposed') {
      await tx.updateTable('claims').set({ review_state: c.review_state, edited_value: c.edited_value === null ? null : JSON.stringify(c.edited_value) }).where('id', '=', twin.id).execute();
    }
    await tx.insertInto('history').values({ entity: 'claim', entity_id: c.id, action: 'joined', field: null, before: null, after: JSON.stringify({ into: `c${twin.id}` }), by: 'parley' }).execute();
    await tx.deleteFrom('claims').where('id', '=', c.id).execute();
  }
}

function uniqueNorms<T extends { alias_norm: string }>(xs: T[]): T[] {
  const seen = new Set<string>();
  return xs.filter((x) => x.alias_norm && !seen.has(x.alias_norm) && (seen.add(x.alias_norm), true));
}
