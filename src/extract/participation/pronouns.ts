import type { Mention } from '../../domain/record.ts';
import { type Ctx, isPersonKind } from './context.ts';
import { objectContext, subjectBefore } from './groups.ts';

const SPEECH = /\b(?:said|says|say|told|added|announced|insisted|warned|confirmed|stated|declared|claimed)\b(?!.*\b(?:said|says|say|told|added|announced|insisted|warned|confirmed|stated|declared|claimed)\b)/iu;

const PRONOUN = /(?<![\w’'-])(it|they|he|she|we|its|their|his|her|our)\s*$/iu;
/** "its delegation will attend": a possessive before an agent noun stands for its possessor. */
const POSSESSIVE = /^\s+(?:[\w-]+\s+)?(?:delegation|delegations|delegates|negotiators|negotiating team|team|representatives|envoy|envoys|officials|leaders|leadership)\b/iu;
const SUBJECT_OF: Readonly<Record<string, string>> = { its: 'it', their: 'they', his: 'he', her: 'she', our: 'we' };

/** A subject pronoun written right before `at` (with light words between), or null. */
export function pronounBefore(ctx: Ctx, sentence: number, at: number, light: (s: number, a: number, b: number) => boolean): { word: string; start: number; end: number } | null {
  const from = ctx.seg.sentences[sentence]!.start;
  const window = ctx.text.slice(Math.max(from, at - 80), at);
  const base = at - window.length;
  const re = /(?<![\w’'-])(it|they|he|she|we|its|their|his|her|our)(?![\w’'-])/giu;
  let best: { word: string; start: number; end: number } | null = null;
  for (let m = re.exec(window); m; m = re.exec(window)) {
    const start = base + m.index, end = start + m[0].length;
    const w = m[1]!.toLowerCase();
    const possessive = SUBJECT_OF[w];
    if (possessive && !POSSESSIVE.test(ctx.text.slice(end, at))) continue;
    if (light(sentence, end, at)) { best = { word: possessive ?? w, start, end }; break; }
  }
  return best && PRONOUN.test(ctx.text.slice(from, best.end)) ? best : null;
}

const compatible = (ctx: Ctx, word: string, m: Mention): boolean => {
  const person = isPersonKind(ctx.actors.get(m.actorId));
  return word === 'he' || word === 'she' ? person : word === 'we' ? true : !person;
};

/**
 * The actor a pronoun stands for: the speaker of the quote it sits in when compatible; else an
 * actor recently given a status (salience), else the nearest compatible mention before it,
 * within this sentence and the two before.
 */
export function resolvePronoun(ctx: Ctx, sentence: number, at: number, word: string, recent: ReadonlySet<string>): Mention | null {
  for (const q of ctx.quotes) {
    const ev = q.evidence[0];
    if (!ev || !q.speakerId || at < ev.start || at >= ev.end) continue;
    const sp = ctx.actors.get(q.speakerId);
    if (!sp) continue;
    const person = sp.kind === 'person';
    const fits = word === 'we' || ((word === 'he' || word === 'she') === person);
    if (fits) {
      const m = q.evidence.slice(1).find((e) => e.end <= at);
      return { actorId: sp.id, text: sp.name, sentence, start: m?.start ?? at, end: m?.end ?? at + word.length, via: 'pronoun' };
    }
  }
  // "X said on Sunday they would ...": the pronoun is the speaker; an unnamed speaker
  // ("authorities in the region said they") names no one.
  const from = ctx.seg.sentences[sentence]!.start;
  const said = SPEECH.exec(ctx.text.slice(from, at));
  if (said) {
    const verb = from + said.index;
    const g = subjectBefore(ctx, sentence, verb);
    if (g) return g.mentions[0]!;
    const p = /(?<![\w’'-])(it|they|he|she|we|which|who)\s+(?:[\w-]+\s+)?$/iu.exec(ctx.text.slice(from, verb));
    if (!p) return null;
    if (/^(?:which|who)$/i.test(p[1]!)) {
      // "The regime, which first said it would ...": the relative pronoun's antecedent.
      const rel = from + p.index;
      return (ctx.bySentence[sentence] ?? []).find((m) => /^\s*,?\s*$/.test(ctx.text.slice(m.end, rel)) && m.end <= rel) ?? null;
    }
    at = from + p.index; word = p[1]!.toLowerCase();
  }
  let nearest: Mention | null = null;
  for (let s = sentence; s >= Math.max(0, sentence - 2); s--) {
    const ms = ctx.bySentence[s] ?? [];
    for (let i = ms.length - 1; i >= 0; i--) {
      const m = ms[i]!;
      if (m.end > at || !compatible(ctx, word, m)) continue;
      // A possessor ("Syria's Kurdish region") or, in the pronoun's own sentence, an actor
      // after a preposition ("authorities in Syria ... said they") is not what the pronoun means.
      if (/^['’]s\b/u.test(ctx.text.slice(m.end, m.end + 3))) continue;
      if (s === sentence && objectContext(ctx, s, m.start)) continue;
      if (recent.has(m.actorId)) return m;
      nearest ??= m;
    }
  }
  return nearest;
}
