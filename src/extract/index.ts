import type { DocumentInfo, Extraction } from '../domain/record.ts';
import { segment } from './01-segment.ts';
import { findActors } from './02-actors.ts';
import { findDates } from './03-dates.ts';
import { findQuantities } from './04-quantities.ts';
import { findQuotes } from './05-quotes.ts';
import { findParticipation } from './06-participation.ts';
import { findEvents } from './07-events.ts';

/** The extraction pipeline: pure, in memory, every item with offsets into `text`. */
export function extract(text: string, document: DocumentInfo): Extraction {
  // 1. Everything later works on sentences and tokens with offsets into the text as read.
  const seg = segment(text);
  // 2. Actors first: quotes, participation and events all point at them.
  const actors = findActors(seg);
  // 3. Dates before quantities, so "March 25-27" is never read as a count.
  const dates = findDates(seg, document.published);
  // 4. Quantities with what they count.
  const quantities = findQuantities(seg, dates);
  // 5. Speech, attributed through the actors' mentions.
  const quotes = findQuotes(seg, actors);
  // 6. Participation uses the quotes: "it said it would take part only if ...".
  const participation = findParticipation(seg, actors, quotes);
  // 7. Events gather actors, dates and quantities of their sentence.
  const events = findEvents(seg, { actors, dates, quantities, published: document.published });
  return {
    document,
    text,
    paragraphs: seg.paragraphs,
    sentences: seg.sentences,
    actors: actors.actors,
    mentions: actors.mentions,
    quotes,
    quantities,
    dates,
    participation,
    events,
  };
}
