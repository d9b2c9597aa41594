import type { Participation, Quote, Segmented } from '../domain/record.ts';
import type { ActorsFound } from './02-actors.ts';

/** Stage 6: who attends, boycotts, is invited to or declines which talks, on what condition. */
export function findParticipation(_seg: Segmented, _actors: ActorsFound, _quotes: Quote[]): Participation[] {
  return [];
}
