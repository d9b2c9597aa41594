import type { Kysely } from 'kysely';
import { ParleyError } from '../domain/errors.ts';
import type { Store } from '../store/open.ts';
import type { DB, ReviewState } from '../store/schema.ts';
import { normName } from '../store/names.ts';
import { parseRecordId, type Entity } from './record-id.ts';

export interface Decision {
  readonly id: string;
  readonly state: ReviewState;
  readonly version: number;
  readonly changes: { field: string; before: unknown; after: unknown }[];
}

type Reviewable = Exclude<Entity, 'document'>;
const TABLE = { actor: 'actors', claim: 'claims', membership: 'memberships' } as const;

/**
 * Use case: `parley accept|reject ID`. Sets the review state; the record keeps it through every
 * later ingest. `expectedVersion` makes it fail with CONFLICT when someone changed the record since
 * it was read. Fails with NOT_FOUND, BAD_ARGUMENT (a document id), CONFLICT.
 */
export async function decideRecord(store: Store, idText: string, state: 'accepted' | 'rejected', by: string, expectedVersion?: number): Promise<Decision> {
  const { entity, id } = reviewable(idText);
  return store.db.transaction().execute(async (tx) => {
    const row = await load(tx, entity, id, idText, expectedVersion);
    const version = await bump(tx, entity, id, row.version, { review_state: state });
    await log(tx, entity, id, 'review', 'review_state', row.review_state, state, by);
    return { id: idText, state, version, changes: [{ field: 'review_state', before: row.review_state, after: state }] };
  });
}

/**
 * Use case: `parley edit ID --field value ...`. A claim's fields are those of its value (text,
 * value, status, speaker, ...): the edit is kept beside the machine's value, which still matches
 * re-extractions. An actor takes name, kind, description (its old name stays an alias); a
 * membership role, start, end, status. Fails with NOT_FOUND, BAD_ARGUMENT, CONFLICT.
 */
export async function editRecord(store: Store, idText: string, fields: Record<string, string>, by: string, expectedVersion?: number): Promise<Decision> {
  const { entity, id } = reviewable(idText);
  if (Object.keys(fields).length === 0) throw new ParleyError('BAD_ARGUMENT', 'nothing to edit: give --field value');
  return store.db.transaction().execute(async (tx) => {
    const row = await load(tx, entity, id, idText, expectedVersion);
    const changes: Decision['changes'] = [];
    const set: Record<string, unknown> = { review_state: 'edited' };
    if (entity === 'claim') {
      const base = (row.edited_value ?? row.value) as Record<string, unknown>;
      const next = { ...base };
      for (const [f, v] of Object.entries(fields)) {
        if (!(f in base)) throw new ParleyError('BAD_ARGUMENT', `a ${row.kind} claim has no field "${f}" (fields: ${Object.keys(base).join(', ')})`);
        next[f] = parseValue(v, base[f]);
        changes.push({ field: f, before: base[f], after: next[f] });
      }
      set.edited_value = JSON.stringify(next);
    } else {
      const allowed: Record<string, string> = entity === 'actor'
        ? { name: 'name', kind: 'kind', description: 'description' }
        : { role: 'role', start: 'start_date', end: 'end_date', status: 'status' };
      for (const [f, v] of Object.entries(fields)) {
        const col = allowed[f];
        if (!col) throw new ParleyError('BAD_ARGUMENT', `an ${entity} has no field "${f}" (fields: ${Object.keys(allowed).join(', ')})`);
        if (f === 'status' && !['current', 'former', 'unknown'].includes(v)) throw new ParleyError('BAD_ARGUMENT', '--status must be current, former or unknown');
        if ((f === 'start' || f === 'end') && !/^\d{4}(-\d\d(-\d\d)?)?$/.test(v)) throw new ParleyError('BAD_ARGUMENT', `--${f} must be a date as YYYY, YYYY-MM or YYYY-MM-DD`);
        set[col] = v;
        changes.push({ field: f, before: row[col], after: v });
      }
      if (entity === 'actor' && fields.name) {
        set.name_norm = normName(fields.name);
        await tx.insertInto('actor_aliases').values({ actor_id: id, first_actor_id: id, alias: fields.name, alias_norm: normName(fields.name), via: 'manual' })
          .onConflict((oc) => oc.columns(['actor_id', 'alias_norm']).doNothing()).execute();
      }
      if (entity === 'membership' && fields.role !== undefined) set.role_norm = normName(fields.role);
    }
    const version = await bump(tx, entity, id, row.version, set);
    for (const c of changes) await log(tx, entity, id, 'edit', c.field, c.before, c.after, by);
    if (row.review_state !== 'edited') await log(tx, entity, id, 'review', 'review_state', row.review_state, 'edited', by);
    return { id: idText, state: 'edited', version, changes };
  });
}

function reviewable(idText: string): { entity: Reviewable; id: number } {
  const { entity, id } = parseRecordId(idText);
  if (entity === 'document') throw new ParleyError('BAD_ARGUMENT', `${idText} is a document: review its claims (parley show ${idText})`);
  return { entity, id };
}

type Row = Record<string, unknown> & { version: number; review_state: ReviewState };

async function load(tx: Kysely<DB>, entity: Reviewable, id: number, idText: string, expected?: number): Promise<Row> {
  const row = await tx.selectFrom(TABLE[entity]).selectAll().where('id', '=', id).forUpdate().executeTakeFirst() as Row | undefined;
  if (!row) throw new ParleyError('NOT_FOUND', `no ${entity} ${idText}`);
  if (expected !== undefined && row.version !== expected) {
    throw new ParleyError('CONFLICT', `${idText} changed since you read it (version ${row.version}, not ${expected}); look again with parley show ${idText}`);
  }
  return row;
}

/** Optimistic locking: the update applies only to the version read. */
async function bump(tx: Kysely<DB>, entity: Reviewable, id: number, version: number, set: Record<string, unknown>): Promise<number> {
  const extra = entity === 'membership' ? {} : { updated_at: new Date().toISOString() };
  const r = await tx.updateTable(TABLE[entity]).set({ ...set, ...extra, version: version + 1 } as never)
    .where('id', '=', id).where('version', '=', version).returning('version').executeTakeFirst();
  if (!r) throw new ParleyError('CONFLICT', `${prefix(entity)}${id} was changed by someone else meanwhile; try again`);
  return r.version;
}

const prefix = (e: Reviewable): string => ({ actor: 'a', claim: 'c', membership: 'm' })[e];

export async function log(tx: Kysely<DB>, entity: string, id: number, action: string, field: string | null, before: unknown, after: unknown, by: string): Promise<void> {
  await tx.insertInto('history').values({
    entity, entity_id: id, action, field,
    before: before === undefined ? null : JSON.stringify(before), after: after === undefined ? null : JSON.stringify(after), by,
  }).execute();
}

/** A command-line value typed like the field it replaces: numbers stay numbers, "null" clears. */
function parseValue(v: string, like: unknown): unknown {
  if (v === 'null') return null;
  if (typeof like === 'number') {
    const n = Number(v);
    if (!Number.isFinite(n)) throw new ParleyError('BAD_ARGUMENT', `"${v}" is not a number`);
    return n;
  }
  if (typeof like === 'boolean') {
    if (v !== 'true' && v !== 'false') throw new ParleyError('BAD_ARGUMENT', `"${v}" is not true or false`);
    return v === 'true';
  }
  return v;
}
