import type { Kysely } from 'kysely';
import { ParleyError } from '../domain/errors.ts';
import type { DB } from './schema.ts';
import { normName } from './names.ts';

export interface ActorRow { id: number; name: string; kind: string; merged_into: number | null; review_state: string; lexicon_id: string | null; description: string | null; version: number }

/**
 * The actor a person means: "a12", or a name or alias. Several actors answering to a name:
 * the one whose own name it is, else BAD_ARGUMENT listing them. Fails with NOT_FOUND.
 * `followMerges`: an id merged into another stands for that one.
 */
export async function findActor(db: Kysely<DB>, ref: string, followMerges = true): Promise<ActorRow> {
  const cols = ['id', 'name', 'kind', 'merged_into', 'review_state', 'lexicon_id', 'description', 'version'] as const;
  const m = /^a(\d{1,9})$/i.exec(ref.trim());
  if (m) {
    let row = await db.selectFrom('actors').select(cols).where('id', '=', Number(m[1])).executeTakeFirst();
    if (!row) throw new ParleyError('NOT_FOUND', `no actor ${ref}`);
    for (let i = 0; followMerges && row.merged_into !== null && i < 50; i++) {
      row = await db.selectFrom('actors').select(cols).where('id', '=', row.merged_into).executeTakeFirstOrThrow();
    }
    return row;
  }
  const norm = normName(ref);
  const rows = await db.selectFrom('actors').select(cols).where('merged_into', 'is', null)
    .where((eb) => eb.or([
      eb('name_norm', '=', norm),
      eb('id', 'in', eb.selectFrom('actor_aliases').select('actor_id').where('alias_norm', '=', norm)),
    ])).orderBy('id').execute();
  if (rows.length === 0) throw new ParleyError('NOT_FOUND', `no actor called "${ref}" (parley actors lists them)`);
  if (rows.length === 1) return rows[0]!;
  const own = rows.filter((r) => normName(r.name) === norm);
  if (own.length === 1) return own[0]!;
  throw new ParleyError('BAD_ARGUMENT', `"${ref}" could be ${rows.slice(0, 6).map((r) => `a${r.id} ${r.name}`).join(', ')}: use the id`);
}
