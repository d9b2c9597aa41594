import type { DateMention, Event, Quantity, Segmented } from '../domain/record.ts';
import type { ActorsFound } from './02-actors.ts';

export interface EventInputs {
  readonly actors: ActorsFound;
  readonly dates: DateMention[];
  readonly quantities: Quantity[];
}

/** Stage 7: talks, releases, aid access, ceasefires ... with actor, place, dates, quantity. */
export function findEvents(_seg: Segmented, _in: EventInputs): Event[] {
  return [];
}
