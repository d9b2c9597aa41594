import type { Quote, Segmented } from '../domain/record.ts';
import type { ActorsFound } from './02-actors.ts';

/** Stage 5: direct and reported speech, each attributed to a speaker or kept anonymous. */
export function findQuotes(_seg: Segmented, _actors: ActorsFound): Quote[] {
  return [];
}
