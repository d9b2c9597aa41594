import type { Actor, Mention, Quote, Segmented, Token } from '../../domain/record.ts';
import type { ActorsFound } from '../02-actors.ts';
import { tokensOf } from '../text-utils.ts';

/** What stages 6 and 7 read about one document, indexed once per call. */
export interface Ctx {
  readonly seg: Segmented;
  readonly text: string;
  readonly actors: ReadonlyMap<string, Actor>;
  /** Mentions per sentence, in text order. */
  readonly bySentence: Mention[][];
  readonly quotes: readonly Quote[];
  tokens(sentence: number): Token[];
}

export function makeCtx(seg: Segmented, found: ActorsFound, quotes: readonly Quote[] = []): Ctx {
  const actors = new Map(found.actors.map((a) => [a.id, a]));
  const bySentence: Mention[][] = seg.sentences.map(() => []);
  for (const m of found.mentions) {
    if (!actors.has(m.actorId)) continue;
    const list = bySentence[m.sentence];
    if (list) list.push(m);
  }
  for (const list of bySentence) list.sort((a, b) => a.start - b.start || b.end - a.end);
  // Nested mentions ("Syrian" inside "Syrian government"): keep the outer one.
  for (let i = 0; i < bySentence.length; i++) {
    const out: Mention[] = [];
    for (const m of bySentence[i]!) { const last = out.at(-1); if (last && m.start < last.end) continue; out.push(m); }
    bySentence[i] = out;
  }
  const cache = new Map<number, Token[]>();
  return {
    seg, text: seg.text, actors, bySentence, quotes,
    tokens(s) { let t = cache.get(s); if (!t) { t = tokensOf(seg, s); cache.set(s, t); } return t; },
  };
}

export const isPersonKind = (a: Actor | undefined): boolean => a?.kind === 'person';

/** Tokens lying inside [start, end). */
export function tokensIn(ctx: Ctx, sentence: number, start: number, end: number): Token[] {
  return ctx.tokens(sentence).filter((t) => t.start >= start && t.end <= end);
}
