import { sql, type Kysely } from 'kysely';
import type { ActorKind } from '../domain/record.ts';
import type { DB } from './schema.ts';
import { pgText } from './json.ts';
import { acronymOf, looksLikeAcronym, normName } from './names.ts';

export interface ActorInput {
  readonly localId: string;
  readonly name: string;
  readonly kind: ActorKind | string;
  readonly aliases: readonly string[];
  readonly lexiconId?: string;
  readonly description?: string;
}

interface Known { id: number; kind: string; via: string }

/**
 * Finds or creates the store actor of each extracted actor, in this order:
 * 1. a person's decision (alias, merge, split) about one of its names, latest first;
 * 2. the same lexicon identity;
 * 3. the same name or alias (a person only matches a person);
 * 4. an organisation's acronym ("SNC" ↔ "Syrian National Coalition").
 * Otherwise a new proposed actor. New names are recorded as aliases of the actor found.
 * A handful of statements per document whatever its number of actors.
 */
export async function resolveActors(db: Kysely<DB>, inputs: readonly ActorInput[]): Promise<Map<string, number>> {
  const result = new Map<string, number>();
  if (inputs.length === 0) return result;
  const keysOf = (x: ActorInput): string[] => unique([x.name, ...x.aliases].map(normName).filter(Boolean));
  const acrOf = (x: ActorInput): string | undefined => (x.kind === 'person' ? undefined : acronymOf(x.name));
  const allKeys = unique(inputs.flatMap((x) => [...keysOf(x), acrOf(x) ?? ''])).filter(Boolean);
  const lexIds = unique(inputs.map((x) => x.lexiconId ?? '').filter(Boolean));

  // One round trip for the three lookups: decisions, lexicon identities, names and aliases.
  const found = await sql<{ src: 'd' | 'l' | 'a'; k: string; id: number; via: string | null; kind: string | null; lex: string | null; ord: number }>`
    select 'd' as src, name_norm as k, actor_id as id, null as via, null as kind, null as lex, id as ord
      from alias_decisions where name_norm = any(${allKeys}::text[])
    union all
    select 'l', lexicon_id, id, null, kind, lexicon_id, id
      from actors where lexicon_id = any(${lexIds}::text[]) and merged_into is null
    union all
    select 'a', al.alias_norm, al.actor_id, al.via, ac.kind, ac.lexicon_id, al.actor_id
      from actor_aliases al join actors ac on ac.id = al.actor_id
      where al.alias_norm = any(${allKeys}::text[]) and ac.merged_into is null`.execute(db);
  // Latest decision first; otherwise the oldest actor first.
  const rows = found.rows.sort((a, b) => (a.src !== b.src ? (a.src < b.src ? -1 : 1) : a.src === 'd' ? b.ord - a.ord : a.ord - b.ord));
  const decisions = new Map<string, number>();
  const byLexicon = new Map<string, number>();
  const byAlias = new Map<string, Known[]>();
  const hasLexicon = new Map<number, boolean>();
  for (const r of rows) {
    if (r.src === 'd') { if (!decisions.has(r.k)) decisions.set(r.k, r.id); }
    else if (r.src === 'l') { if (!byLexicon.has(r.k)) byLexicon.set(r.k, r.id); }
    else {
      push(byAlias, r.k, { id: r.id, kind: r.kind!, via: r.via! });
      hasLexicon.set(r.id, r.lex !== null);
    }
  }
  for (const id of byLexicon.values()) hasLexicon.set(id, true);

  // New actors get negative ids first, so later actors of this document can match them, then
  // are inserted in one statement.
  const pending: ActorInput[] = [];
  const aliases = new Map<string, { actor_id: number; alias: string; alias_norm: string; via: string }>();
  const setLexicon = new Map<number, string>();
  for (const x of inputs) {
    const keys = keysOf(x);
    const person = x.kind === 'person';
    const compatible = (k: Known): boolean => (k.kind === 'person') === person;
    let id: number | undefined;
    const decided = keys.find((k) => decisions.has(k));
    if (decided) id = await current(db, decisions.get(decided)!);
    if (id === undefined && x.lexiconId) id = byLexicon.get(x.lexiconId);
    if (id === undefined) id = firstOf(keys.flatMap((k) => byAlias.get(k) ?? []).filter((k) => k.via !== 'acronym' && compatible(k)));
    if (id === undefined && !person) {
      const acr = acrOf(x);
      // A full name meets an actor known by its acronym; two full names never merge on initials.
      if (acr) id = firstOf((byAlias.get(acr) ?? []).filter((k) => compatible(k) && k.via !== 'acronym'));
      if (id === undefined && looksLikeAcronym(x.name)) id = firstOf((byAlias.get(normName(x.name)) ?? []).filter((k) => k.via === 'acronym' && compatible(k)));
    }
    if (id === undefined) {
      pending.push(x);
      id = -pending.length;
      if (x.lexiconId) byLexicon.set(x.lexiconId, id);
    } else if (x.lexiconId && id > 0 && !hasLexicon.get(id)) {
      setLexicon.set(id, x.lexiconId);
      hasLexicon.set(id, true);
    }
    const names: { alias: string; norm: string; via: string }[] = [
      { alias: x.name, norm: normName(x.name), via: 'name' },
      ...x.aliases.map((al) => ({ alias: al, norm: normName(al), via: 'alias' })),
    ];
    const acr = acrOf(x);
    if (acr) names.push({ alias: acr.toUpperCase(), norm: acr, via: 'acronym' });
    for (const n of names) {
      if (!n.norm || (byAlias.get(n.norm) ?? []).some((k) => k.id === id)) continue;
      push(byAlias, n.norm, { id, kind: x.kind, via: n.via });
      aliases.set(`${id}|${n.norm}`, { actor_id: id, alias: n.alias, alias_norm: n.norm, via: n.via });
    }
    result.set(x.localId, id);
  }
  if (pending.length) {
    const made = await db.insertInto('actors').values(pending.map((x) => ({
      name: pgText(x.name), name_norm: pgText(normName(x.name)), kind: x.kind, lexicon_id: x.lexiconId ?? null, description: x.description === undefined ? null : pgText(x.description), merged_into: null,
    }))).returning('id').execute();
    const real = (id: number): number => (id < 0 ? made[-id - 1]!.id : id);
    for (const [k, v] of result) result.set(k, real(v));
    for (const a of aliases.values()) a.actor_id = real(a.actor_id);
  }
  for (const [id, lex] of setLexicon) {
    await db.updateTable('actors').set({ lexicon_id: lex }).where('id', '=', id).where('lexicon_id', 'is', null).execute();
  }
  if (aliases.size) {
    await db.insertInto('actor_aliases')
      .values([...aliases.values()].map((a) => ({ ...a, alias: pgText(a.alias), alias_norm: pgText(a.alias_norm), first_actor_id: a.actor_id })))
      .onConflict((oc) => oc.columns(['actor_id', 'alias_norm']).doNothing()).execute();
  }
  return result;
}

/** The actor an id now stands for, following merges. */
export async function current(db: Kysely<DB>, id: number): Promise<number> {
  for (let i = 0; i < 50; i++) {
    const r = await db.selectFrom('actors').select('merged_into').where('id', '=', id).executeTakeFirst();
    if (!r || r.merged_into === null) return id;
    id = r.merged_into;
  }
  return id;
}

function firstOf(ks: Known[]): number | undefined {
  return ks.length ? Math.min(...ks.map((k) => k.id)) : undefined;
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const l = m.get(k);
  if (l) l.push(v); else m.set(k, [v]);
}

const unique = <T>(xs: T[]): T[] => [...new Set(xs)];

