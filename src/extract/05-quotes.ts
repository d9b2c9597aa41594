import type { Quote, Segmented } from '../domain/record.ts';
import type { ActorsFound } from './02-actors.ts';
import { buildQuotes } from './quotes/build.ts';

/**
 * Stage 5: direct and reported speech, each attributed to a speaker or kept anonymous.
 * Direct quotes are the words between quotation marks (a quotation split by "he said" is
 * two); reported ones are the clause after a verb of saying ("said (that) ...", "urged X
 * to ...", "according to X, ..."). Speakers are the phrase next to the verb, mapped to
 * stage 2's actors through their mentions; pronouns go back to the nearest fitting actor;
 * an unnamed speaker keeps the text's description. The first evidence span holds the
 * quoted words, then the speaker and the cue.
 */
export function findQuotes(seg: Segmented, actors: ActorsFound): Quote[] {
  return buildQuotes(seg, actors);
}
