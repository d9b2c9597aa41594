import { sql, type Kysely } from 'kysely';
import type { ActorKind } from '../domain/record.ts';
import type { DB } from './schema.ts';
import { pgText } from './json.ts';
import { acronymOf, fullNames, looksLikeAcronym, normName, sameFullName } from './names.ts';

export interface ActorInput {
  readonly localId: string;
  readonly name: string;
  readonly kind: ActorKind | string;
  readonly aliases: readonly string[];
  /**
   * What the document calls the actor in passing ("the opposition", "the rebels"): kept as
   * aliases to show, never a key to other documents, where the same words name someone else.
   */
  readonly descriptions?: readonly string[];
  readonly lexiconId?: string;
  readonly description?: string;
  /**
   * The document the input comes from, when one call holds several documents: a bare acronym
   * prefers the actor its own document spells out. Absent: the call is read as one document.
   */
  readonly documentKey?: string;
}

interface Known { id: number; kind: string; via: string }

/**
 * Finds or creates the store actor of each extracted actor, in this order:
 * 1. a person's decision (alias, merge, split) about one of its names, latest first;
 * 2. the same lexicon identity;
 * 3. the same full name or alias (a person only matches a person; an actor of another lexicon
 *    identity only under the very same name); a description ("the opposition") is no such alias:
 *    in another report it is another country's opposition;
 * 4. an organisation's acronym ("SNC" ↔ "Syrian National Coalition"), which initials alone never
 *    decide when two organisations share them:
 *    - a full name joins an actor sharing its acronym when that actor is known by no full name yet
 *      (just "SNC"), by the same full name up to word endings ("Negotiation" / "Negotiations"), or
 *      when the acronym is not the initials of both full names (a name of its own, "YPG"); so
 *      "Syrian Negotiation Commission" never joins "Syrian National Coalition";
 *    - a bare acronym joins the one actor known by it; when several are, the one its own document
 *      spells out ("the Syrian National Coalition (SNC)"), else the one named in the most
 *      documents (the newest on a tie).
 * Otherwise a new proposed actor. New names are recorded as aliases of the actor found.
 * A handful of statements per document whatever its number of actors.
 */
export async function resolveActors(db: Kysely<DB>, inputs: readonly ActorInput[]): Promise<Map<string, number>> {
  const result = new Map<string, number>();
  if (inputs.length === 0) return result;
  const keysOf = (x: ActorInput): string[] => unique([x.name, ...x.aliases].map(normName).filter(Boolean));
  const acrOf = (x: ActorInput): string | undefined => (x.kind === 'person' ? undefined : acronymOf(x.name));
  /** The acronyms an organisation is known by: written ("SNC") or its initials. */
  const acronymsOf = (x: ActorInput): string[] => (x.kind === 'person' ? [] :
    unique([...[x.name, ...x.aliases].filter(looksLikeAcronym).map(normName), acrOf(x) ?? ''].filter(Boolean)));
  const allKeys = unique(inputs.flatMap((x) => [...keysOf(x), acrOf(x) ?? ''])).filter(Boolean);
  const acrKeys = unique(inputs.flatMap(acronymsOf));
  const lexIds = unique(inputs.map((x) => x.lexiconId ?? '').filter(Boolean));

  // One round trip for the four lookups: decisions, lexicon identities, names and aliases, and the
  // other names of the actors an acronym of this batch points at.
  const found = await sql<{ src: 'd' | 'f' | 'l' | 'a'; k: string; id: number; via: string | null; kind: string | null; lex: string | null; ord: number; alias: string | null }>`
    select 'd' as src, name_norm as k, actor_id as id, null as via, null as kind, null as lex, id as ord, null as alias
      from alias_decisions where name_norm = any(${allKeys}::text[])
    union all
    select 'l', lexicon_id, id, null, kind, lexicon_id, id, null
      from actors where lexicon_id = any(${lexIds}::text[]) and merged_into is null
    union all
    select 'a', al.alias_norm, al.actor_id, al.via, ac.kind, ac.lexicon_id, al.actor_id, al.alias
      from actor_aliases al join actors ac on ac.id = al.actor_id
      where al.alias_norm = any(${allKeys}::text[]) and ac.merged_into is null and al.via <> 'description'
    union all
    select 'f', al.alias_norm, al.actor_id, al.via, ac.kind, ac.lexicon_id, al.actor_id, al.alias
      from actor_aliases al join actors ac on ac.id = al.actor_id
      where ac.merged_into is null and al.via not in ('acronym', 'description')
        and al.actor_id in (select actor_id from actor_aliases where alias_norm = any(${acrKeys}::text[]))`.execute(db);
  // Latest decision first; otherwise the oldest actor first.
  const rows = found.rows.sort((a, b) => (a.src !== b.src ? (a.src < b.src ? -1 : 1) : a.src === 'd' ? b.ord - a.ord : a.ord - b.ord));
  const decisions = new Map<string, number>();
  const byLexicon = new Map<string, number>();
  const byAlias = new Map<string, Known[]>();
  const lexOf = new Map<number, string | null>();
  /** Full names (not acronyms) each actor is known by. */
  const fullOf = new Map<number, Set<string>>();
  const addFull = (id: number, names: readonly string[]): void => {
    const f = fullOf.get(id) ?? fullOf.set(id, new Set()).get(id)!;
    for (const n of fullNames(names)) f.add(n);
  };
  for (const r of rows) {
    if (r.src === 'd') { if (!decisions.has(r.k)) decisions.set(r.k, r.id); }
    else if (r.src === 'l') { if (!byLexicon.has(r.k)) byLexicon.set(r.k, r.id); lexOf.set(r.id, r.lex); }
    else {
      if (r.src === 'a') push(byAlias, r.k, { id: r.id, kind: r.kind!, via: r.via! });
      lexOf.set(r.id, r.lex);
      if (r.alias !== null && r.via !== 'acronym') addFull(r.id, [r.alias]);
    }
  }

  // New actors get negative ids first, so later actors of this batch can match them, then are
  // inserted in one statement. Inputs with a full name go first, so a bare acronym can find the
  // actor its document spells out whatever the order of the inputs.
  const pending: ActorInput[] = [];
  const aliases = new Map<string, { actor_id: number; alias: string; alias_norm: string; via: string }>();
  const setLexicon = new Map<number, string>();
  /** document → acronym → the actor a full name of that document resolved to. */
  const spelledOut = new Map<string, Map<string, number>>();
  const batchDocs = new Map<number, Set<string>>();
  const ordered = [...inputs].sort((a, b) => Number(fullNames([a.name, ...a.aliases]).length === 0) - Number(fullNames([b.name, ...b.aliases]).length === 0));
  for (const x of ordered) {
    const keys = keysOf(x);
    const person = x.kind === 'person';
    const full = person ? keys : fullNames([x.name, ...x.aliases]);
    const acrs = acronymsOf(x);
    const doc = x.documentKey ?? '';
    const kindOk = (k: Known): boolean => (k.kind === 'person') === person;
    const compatible = (k: Known): boolean => kindOk(k) && !(x.lexiconId && lexOf.get(k.id) && lexOf.get(k.id) !== x.lexiconId);
    const own = normName(x.name);
    let id: number | undefined;
    const decided = keys.find((k) => decisions.has(k));
    if (decided) id = await current(db, decisions.get(decided)!);
    if (id === undefined && x.lexiconId) id = byLexicon.get(x.lexiconId);
    // Another lexicon identity only under this very name ("Kurdish forces" from two lexicons).
    if (id === undefined) id = firstOf(full.flatMap((k) => (byAlias.get(k) ?? []).filter((c) => c.via !== 'acronym' && (compatible(c) || (kindOk(c) && k === own && c.via === 'name')))));
    if (id === undefined && acrs.length) {
      const found = acrs.flatMap((k) => (byAlias.get(k) ?? []).filter(compatible).map((c) => ({ id: c.id, k })));
      const cands = unique(found.map((c) => c.id));
      if (full.length) {
        // A full name meets an actor known by its acronym: the same organisation when that actor
        // has no full name yet, or the same one, or when the acronym is not the initials of both
        // names (a name in its own right, as "YPG" for "People's Protection Units" and "Kurdish
        // Protection Units"). Initials two different full names share decide nothing.
        const initialsOf = (names: Iterable<string>, k: string): boolean => [...names].some((n) => acronymOf(n) === k);
        id = firstOf(found.filter(({ id: c, k }) => {
          const f = fullOf.get(c);
          if (!f || f.size === 0 || [...f].some((n) => full.some((m) => sameFullName(n, m)))) return true;
          return !(initialsOf(full, k) && initialsOf(f, k));
        }).map((c) => ({ id: c.id, kind: x.kind, via: 'acronym' })));
      } else if (cands.length === 1) id = cands[0];
      else if (cands.length > 1) {
        const here = acrs.map((k) => spelledOut.get(doc)?.get(k)).find((c) => c !== undefined && cands.includes(c));
        id = here ?? await mostSupported(db, cands, batchDocs);
      }
    }
    if (id === undefined) {
      pending.push(x);
      id = -pending.length;
      if (x.lexiconId) byLexicon.set(x.lexiconId, id);
      lexOf.set(id, x.lexiconId ?? null);
    } else if (x.lexiconId && id > 0 && !lexOf.get(id)) {
      setLexicon.set(id, x.lexiconId);
      lexOf.set(id, x.lexiconId);
    }
    if (full.length && !person) {
      const m = spelledOut.get(doc) ?? spelledOut.set(doc, new Map()).get(doc)!;
      for (const k of acrs) if (!m.has(k)) m.set(k, id);
    }
    (batchDocs.get(id) ?? batchDocs.set(id, new Set()).get(id)!).add(doc);
    addFull(id, [x.name, ...x.aliases]);
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
    for (const d of x.descriptions ?? []) {
      const norm = normName(d);
      if (norm && !aliases.has(`${id}|${norm}`)) aliases.set(`${id}|${norm}`, { actor_id: id, alias: d, alias_norm: norm, via: 'description' });
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

/**
 * Of several actors one bare acronym may stand for: the one named in the most documents (stored
 * ones and this batch's), the newest on a tie (actors of this batch are newer than stored ones).
 * Runs only when an acronym is ambiguous.
 */
async function mostSupported(db: Kysely<DB>, ids: readonly number[], batch: ReadonlyMap<number, ReadonlySet<string>>): Promise<number> {
  const stored = ids.filter((i) => i > 0);
  const counts = new Map<number, number>();
  if (stored.length) {
    const r = await db.selectFrom('document_actors').select(['actor_id', (eb) => eb.fn.countAll<string>().as('n')])
      .where('actor_id', 'in', stored).groupBy('actor_id').execute();
    for (const x of r) counts.set(x.actor_id, Number(x.n));
  }
  const support = (i: number): number => (counts.get(i) ?? 0) + (batch.get(i)?.size ?? 0);
  const recency = (i: number): number => (i < 0 ? 2 ** 40 - i : i);
  return [...ids].sort((a, b) => support(b) - support(a) || recency(b) - recency(a))[0]!;
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

/** The oldest actor: stored ones by id, then those this call creates (-1, -2, ...) in order. */
function firstOf(ks: Known[]): number | undefined {
  const age = (id: number): number => (id > 0 ? id : Number.MAX_SAFE_INTEGER / 2 - id);
  return ks.length ? ks.reduce((a, k) => (age(k.id) < age(a) ? k.id : a), ks[0]!.id) : undefined;
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const l = m.get(k);
  if (l) l.push(v); else m.set(k, [v]);
}

const unique = <T>(xs: T[]): T[] => [...new Set(xs)];

