import type { DateMention, Quantity, Segmented } from '../domain/record.ts';

/** Stage 4: numbers that count people, things, money or shares, with what they count. */
export function findQuantities(_seg: Segmented, _dates: DateMention[]): Quantity[] {
  return [];
}
