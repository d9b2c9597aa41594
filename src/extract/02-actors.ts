import type { Actor, Mention, Segmented } from '../domain/record.ts';

export interface ActorsFound {
  readonly actors: Actor[];
  readonly mentions: Mention[];
}

/** Stage 2: who the text names — gazetteer identities plus general naming rules. */
export function findActors(_seg: Segmented): ActorsFound {
  return { actors: [], mentions: [] };
}
