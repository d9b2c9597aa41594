import type { Mention } from '../../domain/record.ts';
import lex from '../lexicon/participation-cues.json' with { type: 'json' };
import { type Ctx, tokensIn } from './context.ts';

/** Actors written together as one noun phrase: "Russia, Iran and Turkey". */
export interface Group { readonly mentions: Mention[]; readonly start: number; readonly end: number }

const GAP_WORDS = new Set([...lex.subjectGapWords, ...lex.agentNouns]);
const NOT_BEFORE = new Set(lex.notSubjectBefore);
const SPEECH = new Set(lex.speechVerbs);
const AGENT = new Set(lex.agentNouns);
const BAD_PUNCT = /[;:()"“”[\]]/;
/** Between two actors of one list: ", ", " and ", "’s " (Russia's Putin), "and his counterpart,". */
const COORD = /^(?:\s*(?:,|and|, and|&|as well as|or|–|—)\s*(?:(?:the|some|other|several|many|various|its|their|his|her)\s+)?(?:(?:his|her|its|their)\s+(?:[\w-]+\s+){0,2}(?:counterparts?|allies|ally|colleagues?|partners?)\s*,?\s*)?|['’]s\s+(?:(?:president|leader|prime minister|foreign minister|minister|envoy|king|chancellor)\s*,?\s*)?)$/iu;
/** "Assad's backer, Russia", "the UN special envoy, Staffan de Mistura": the actor after the comma is the one meant. */
const POSS_APPOS = /^(?!\s*(?:and|or|as well as)\b)(?:['’]s)?\s+[\w-]+(?:\s+[\w-]+){0,3}\s*,\s*$/u;

function mentionsOf(ctx: Ctx, sentence: number): Mention[] { return ctx.bySentence[sentence] ?? []; }

/** Is the stretch between a subject and its verb only auxiliaries, adverbs, agent nouns, commas? */
export function lightGap(ctx: Ctx, sentence: number, start: number, end: number): boolean {
  const gap = ctx.text.slice(start, end);
  if (BAD_PUNCT.test(gap)) return false;
  const toks = tokensIn(ctx, sentence, start, end);
  if (toks.length > 9) return false;
  return toks.every((t) => {
    const w = t.text.toLowerCase();
    // "the rebels' delegation": a plural's possessive apostrophe is light too.
    return GAP_WORDS.has(w) || t.pos === 'NUM' || t.pos === 'AUX' || t.pos === 'ADV' || t.pos === 'PART' || (t.pos === 'PUNCT' && /^[,–—'’-]$/.test(w));
  });
}

/** Grow a group to the left through list punctuation. */
function extendLeft(ctx: Ctx, sentence: number, first: Mention): Mention[] {
  const ms = mentionsOf(ctx, sentence);
  const out = [first];
  let i = ms.indexOf(first);
  while (i > 0) {
    const prev = ms[i - 1]!;
    if (!COORD.test(ctx.text.slice(prev.end, out[0]!.start))) break;
    out.unshift(prev); i--;
  }
  return out;
}

/** Grow a group to the right through list punctuation. */
function extendRight(ctx: Ctx, sentence: number, first: Mention): Mention[] {
  const ms = mentionsOf(ctx, sentence);
  const out = [first];
  let i = ms.indexOf(first);
  while (i < ms.length - 1) {
    const next = ms[i + 1]!;
    if (COORD.test(ctx.text.slice(out.at(-1)!.end, next.start))) { out.push(next); i++; continue; }
    // The apposition may itself hold a name: "the UN Syria envoy, Staffan de Mistura".
    const appos = [1, 2].map((k) => ms[i + k]).findIndex((m) => m && POSS_APPOS.test(ctx.text.slice(out.at(-1)!.end, m.start)));
    if (appos < 0) break;
    out[out.length - 1] = ms[i + 1 + appos]!; i += 1 + appos;
  }
  return out;
}

const group = (ms: Mention[]): Group => ({ mentions: ms, start: ms[0]!.start, end: ms.at(-1)!.end });

/** Is the word before `at` one that makes what follows an object ("opposed to Assad")? */
export function objectContext(ctx: Ctx, sentence: number, at: number): boolean {
  const toks = ctx.tokens(sentence).filter((t) => t.end <= at);
  while (toks.length && toks.at(-1)!.pos === 'DET') toks.pop();
  const prev = toks.at(-1);
  if (!prev) return false;
  const w = prev.text.toLowerCase();
  if (w === 'of') return !AGENT.has(toks.at(-2)?.text.toLowerCase() ?? '');
  return NOT_BEFORE.has(w) || (prev.pos === 'VERB' && !SPEECH.has(w));
}

/**
 * The actors before a verb that are its subject: the nearest list of mentions separated from
 * the verb by light words only, or by an apposition or relative clause set off by commas;
 * with `relative`, also the antecedent of the relative clause the verb opens ("X, which attended").
 */
export function subjectBefore(ctx: Ctx, sentence: number, at: number, relative = false): Group | null {
  const ms = mentionsOf(ctx, sentence).filter((m) => m.end <= at);
  for (let i = ms.length - 1; i >= 0; i--) {
    const m = ms[i]!;
    const gap = ctx.text.slice(m.end, at);
    let ok = lightGap(ctx, sentence, m.end, at) || coordinatedGap(ctx, sentence, m.end, at);
    if (!ok && /^\s*,/.test(gap)) {
      // "X, who ..., will attend" / "X, the main group, will attend"
      const close = gap.lastIndexOf(',');
      ok = close > 0 && !/[;:]/.test(gap) && lightGap(ctx, sentence, m.end + close + 1, at) && gap.length < 160;
    }
    if (!ok && relative) {
      // "X, which has attended", "X, a veteran negotiator who attended": a relative clause's antecedent.
      const rel = RELATIVE.exec(gap);
      ok = !!rel && lightGap(ctx, sentence, m.end + rel[0].length, at);
    }
    if (!ok) continue;
    const g = extendLeft(ctx, sentence, m);
    // "groups opposed to X will gather": X is an object; look further left.
    if (objectContext(ctx, sentence, g[0]!.start)) { i = ms.indexOf(g[0]!); continue; }
    return group(g);
  }
  return null;
}

const RELATIVE = /^(?:\s*,\s*(?:(?:a|an|the)\s+(?:[\w’'-]+\s+){0,4}?)?)?\s*(?:who|which|that)\s+/iu;
const NP_POS = new Set(['DET', 'ADJ', 'NOUN', 'PROPN', 'NUM']);
/** "X and some opposition figures will": a list whose last member the record does not name. */
function coordinatedGap(ctx: Ctx, sentence: number, start: number, end: number): boolean {
  const toks = tokensIn(ctx, sentence, start, end);
  if (!toks.length || !/^(?:and|,)$/i.test(toks[0]!.text)) return false;
  let i = 1;
  while (i < toks.length && i <= 5 && NP_POS.has(toks[i]!.pos)) i++;
  if (i === 1 || i >= toks.length || /,/.test(ctx.text.slice(toks[i]!.start, end))) return false;
  return lightGap(ctx, sentence, toks[i]!.start, end);
}

/** The actors right after `at` (allowing "with", determiners and a short description). */
export function objectAfter(ctx: Ctx, sentence: number, at: number): Group | null {
  const m = mentionsOf(ctx, sentence).find((x) => x.start >= at);
  if (!m) return null;
  const gap = ctx.text.slice(at, m.start);
  if (/[;:()"“”]/.test(gap) || /\b(?:that|which|who|whose|but|because|while|when|where)\b/i.test(gap)) return null;
  const toks = tokensIn(ctx, sentence, at, m.start);
  // "the Western-backed Syrian National Coalition": a verb inside a hyphenated word is no verb.
  // "including" is a preposition here: "invitations to 40 groups, including to X".
  const verbal = (t: { start: number; pos: string; text: string }) => (t.pos === 'VERB' || t.pos === 'AUX') && ctx.text[t.start - 1] !== '-' && !/^including$/i.test(t.text);
  if (toks.length > 12 || toks.some((t) => verbal(t) || t.text === '.')) return null;
  const g = group(extendRight(ctx, sentence, m));
  // "did not meet the Commission's threshold": a possessor is not the object, its head noun is.
  const poss = /^['’]s?\s+([\w-]+)/u.exec(ctx.text.slice(g.end, g.end + 40));
  if (poss && !AGENT.has(poss[1]!.toLowerCase()) && !/^(?:foreign|prime|defence|defense|interior|deputy|chief|top|special|new|former)$/i.test(poss[1]!)) return null;
  return g;
}

/** The agent of a passive verb: "... by X and Y". */
export function agentAfter(ctx: Ctx, sentence: number, at: number): Group | null {
  const rest = ctx.text.slice(at, Math.min(ctx.seg.sentences[sentence]!.end, at + 60));
  const by = /^(?:\s+[\w’'-]+){0,4}?\s+by\b/iu.exec(rest);
  if (!by) return null;
  return objectAfter(ctx, sentence, at + by[0].length);
}

const CLAUSE_WORDS = /[;:]|\b(?:whether|that|which|who|if|because|although|while|when|but)\b/iu;
/**
 * Who does what the clause says, for a cue that is an adjunct ("... at the summit"): the agent
 * of a passive ("agreed by X and Y, at a summit") or the actor opening the sentence.
 */
export function clauseAgent(ctx: Ctx, sentence: number, at: number): Group | null {
  const s = ctx.seg.sentences[sentence]!;
  const before = ctx.text.slice(s.start, at);
  const by = before.lastIndexOf(' by ');
  if (by >= 0) {
    const g = objectAfter(ctx, sentence, s.start + by + 4);
    if (g && g.end <= at && /^[\s,]*$/.test(ctx.text.slice(g.end, at))) return g;
  }
  const first = mentionsOf(ctx, sentence)[0];
  if (!first || first.end > at || !/^\W*(?:the\s+)?$/iu.test(ctx.text.slice(s.start, first.start))) return null;
  const g = group(extendRight(ctx, sentence, first));
  const gap = ctx.text.slice(g.end, at);
  return gap.trim().split(/\s+/).length <= 10 && !CLAUSE_WORDS.test(gap) && !/,/.test(gap) ? g : null;
}
