import type { DateMention, Segmented } from '../domain/record.ts';

/** Stage 3: date expressions resolved against the publication date (YYYY-MM-DD), tense-aware. */
export function findDates(_seg: Segmented, _published: string): DateMention[] {
  return [];
}
