import { ParleyError } from '../domain/errors.ts';

export type Entity = 'document' | 'actor' | 'claim' | 'membership';

const PREFIX: Record<string, Entity> = { d: 'document', a: 'actor', c: 'claim', m: 'membership' };
export const prefixOf: Record<Entity, string> = { document: 'd', actor: 'a', claim: 'c', membership: 'm' };

/** "c12" → claim 12. Record ids carry their kind: d document, a actor, c claim, m membership. */
export function parseRecordId(s: string): { entity: Entity; id: number } {
  const m = /^([dacm])(\d{1,9})$/i.exec(s.trim());
  if (!m) throw new ParleyError('BAD_ARGUMENT', `"${s}" is not a record id (d12 document, a3 actor, c45 claim, m6 membership; k… commitment, as \`parley commitments\` lists it)`);
  return { entity: PREFIX[m[1]!.toLowerCase()]!, id: Number(m[2]) };
}

export const recordId = (entity: Entity, id: number): string => prefixOf[entity] + id;
