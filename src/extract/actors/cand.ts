import type { ActorKind, Affiliation } from '../../domain/record.ts';
import type { Via } from './lexicon.ts';

/** A proposed mention before actors are built: a target id (gazetteer id or rule-made). */
export interface Cand {
  start: number;
  end: number;
  /** Word indexes, inclusive. */
  from: number;
  to: number;
  sentence: number;
  target: string;
  via: Via;
  /** False for a state or capital that only locates something: kept for context, not an actor mention. */
  acts: boolean;
  confidence: number;
}

/** An actor made by a rule (not in the gazetteer). */
export interface NewActor {
  id: string;
  name: string;
  kind: ActorKind;
  description?: string;
  affiliations: Affiliation[];
}

export const normName = (s: string): string =>
  s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[’‘]/g, "'").toLowerCase().replace(/^the\s+/, '').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
