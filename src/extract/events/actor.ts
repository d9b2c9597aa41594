import type { EventType, Mention, Span } from '../../domain/record.ts';
import { ADJECTIVAL, PARTIES_BETWEEN } from './cues.ts';
import lex from '../lexicon/participation-cues.json' with { type: 'json' };
import places from '../lexicon/places.json' with { type: 'json' };
import type { Ctx } from '../participation/context.ts';
import { agentAfter, objectAfter, subjectBefore } from '../participation/groups.ts';
import { sameClause } from './clause.ts';

const HOSTED_BY = /^(?:\s*,)?(?:[\s\w-]{0,30}?)\b(?:hosted|sponsored|co-sponsored|convened|organised|organized)\s+by\b/iu;
const BETWEEN = /^(?:\s+[\w’'-]+){0,5}?\s+(?:between|with)\s+/iu;
const PASSIVE_CUE = /^(?:is|are|was|were|be|been|being)\s/iu;
const PASSIVE_AUX = /\b(?:is|are|was|were|be|been|being)\s+(?:[\w-]+ly\s+)?$/iu;
const POSSESSOR = /['’]s\s+(?:[\w-]+\s+){0,2}$/u;

/** Who hosts talks: "hosted by X", "sponsored by X", "X-hosted talks", "X hosted Y", "X plays host to". */
export function hostOf(ctx: Ctx, sentence: number, trig: Span, verb: string): Mention | null {
  if (/^(?:host|hosts|hosted|hosting|play|plays|played)\b/i.test(verb)) return subjectBefore(ctx, sentence, trig.start)?.mentions[0] ?? null;
  const s = ctx.seg.sentences[sentence]!;
  const after = ctx.text.slice(trig.end, s.end);
  const by = HOSTED_BY.exec(after);
  if (by) return objectAfter(ctx, sentence, trig.end + by[0].length)?.mentions[0] ?? null;
  const before = ctx.text.slice(Math.max(s.start, trig.start - 40), trig.start);
  const adj = /-(?:hosted|sponsored)\s+(?:[\w-]+\s+){0,2}$/u.exec(before);
  if (adj) {
    const at = trig.start - adj[0].length;
    return (ctx.bySentence[sentence] ?? []).find((m) => m.end === at) ?? null;
  }
  return null;
}

const SPEECH = new Set(lex.speechVerbs);
const DEMONYMS: Readonly<Record<string, string>> = places.demonyms;
const DEMONYM_BEFORE = /(?<![\w-])(\p{Lu}[\p{L}]+)\s+(?:(?:military|army|air|naval|ground|government|regime|security)\s+)?$/u;

/** "the Turkish invasion", "a Russian air strike": the country of the adjective, when it is an actor of the text. */
function demonymActor(ctx: Ctx, sentence: number, trig: Span): Mention[] {
  const s = ctx.seg.sentences[sentence]!;
  const m = DEMONYM_BEFORE.exec(ctx.text.slice(Math.max(s.start, trig.start - 40), trig.start));
  const country = m ? DEMONYMS[m[1]!] : undefined;
  if (!country) return [];
  const want = country.toLowerCase();
  for (const a of ctx.actors.values()) {
    if (a.name.toLowerCase() !== want && !(a.aliases ?? []).some((x) => x.toLowerCase() === want)) continue;
    const start = trig.start - m![0].length;
    const mention: Mention = { actorId: a.id, start, end: start + m![1]!.length, sentence, text: m![1]!, via: 'metonym' };
    return [mention];
  }
  return [];
}
const NP = new Set(['DET', 'ADJ', 'NOUN', 'NUM', 'PRON', 'PROPN', 'CCONJ']);
/** "the US brokered a truce", "Turkey launched its incursion": the subject of the verb whose object the cue is. */
function subjectOfVerbBefore(ctx: Ctx, sentence: number, trig: Span) {
  const toks = ctx.tokens(sentence).filter((t) => t.end <= trig.start);
  let i = toks.length - 1;
  // "held two rounds of talks": the noun phrase may run through 'of'.
  while (i >= 0 && (NP.has(toks[i]!.pos) || toks[i]!.text.toLowerCase() === 'of') && toks.length - i <= 6) i--;
  const verb = toks[i];
  // After a verb of saying the cue opens a reported clause: its speaker did not do it.
  if (!verb || verb.pos !== 'VERB' || SPEECH.has(verb.text.toLowerCase())) return null;
  return subjectBefore(ctx, sentence, verb.start);
}

/** The actors of an event: who hosts, attacks, releases; and for talks, everyone named as a party. */
export function partiesOf(ctx: Ctx, sentence: number, trig: Span, type: EventType): Mention[] {
  const s = ctx.seg.sentences[sentence]!;
  const out: Mention[] = [];
  const add = (ms: readonly Mention[] | undefined) => { for (const m of ms ?? []) if (!out.some((x) => x.actorId === m.actorId)) out.push(m); };
  // "the besieged town": only an agent ("besieged by X") says who besieges.
  if (ADJECTIVAL.has(type)) { add(agentAfter(ctx, sentence, trig.end)?.mentions); return out; }
  // "X's offensive"
  const before = ctx.text.slice(Math.max(s.start, trig.start - 40), trig.start);
  const poss = POSSESSOR.exec(before);
  if (poss) {
    const at = trig.start - poss[0].length;
    add((ctx.bySentence[sentence] ?? []).filter((m) => m.end === at));
  }
  // "X were captured", "the town was attacked": the subject of a passive cue is what it was done to.
  const passive = PASSIVE_CUE.test(ctx.text.slice(trig.start, trig.end))
    || (/(?:ed|en)$/u.test(ctx.text.slice(trig.start, trig.end)) && PASSIVE_AUX.test(before));
  if (!passive) {
    add(subjectBefore(ctx, sentence, trig.start)?.mentions);
    if (!out.length) add(subjectOfVerbBefore(ctx, sentence, trig)?.mentions);
  }
  add(agentAfter(ctx, sentence, trig.end)?.mentions);
  // "talks between X and Y": the parties; a buffer "between" two armies is no party of anything.
  const bw = PARTIES_BETWEEN.has(type) ? BETWEEN.exec(ctx.text.slice(trig.end, s.end)) : null;
  const need = PARTIES_BETWEEN.get(type);
  // ("the agreement between X and Y": right after the noun its parties follow.)
  const direct = !!bw && /^\s+between\s+$/iu.test(bw[0]) && !/zone/iu.test(ctx.text.slice(trig.start, trig.end));
  if (bw && (!need || need.test(bw[0]) || direct)) add(objectAfter(ctx, sentence, trig.end + bw[0].length)?.mentions);
  if (!out.length) add(demonymActor(ctx, sentence, trig));
  if (!out.length && !passive) {
    // The sentence's opening actor, when only its verb and the cue's words come between:
    // "Government forces launched a fresh offensive".
    const first = (ctx.bySentence[sentence] ?? [])[0];
    const lead = first ? ctx.text.slice(s.start, first.start) : '';
    const gap = first ? ctx.text.slice(first.end, trig.start) : '';
    if (first && first.end <= trig.start && /^(?:\W*(?:the|a|an)?\s*)$/iu.test(lead)
      && gap.trim().split(/\s+/).length <= 8 && !/[,;:–—]|\b(?:whether|that|which|who|if|because|although|while|when|to|of)\b/iu.test(gap)
      && !gap.toLowerCase().split(/\s+/).some((w) => SPEECH.has(w))) add([first]);
  }
  return out;
}
