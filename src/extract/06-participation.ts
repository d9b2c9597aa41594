import type { Participation, Quote, Segmented, Span } from '../domain/record.ts';
import type { ActorsFound } from './02-actors.ts';
import { makeCtx } from './participation/context.ts';
import { CUE_INDEX, CUES, STRICT_CONDITION } from './participation/cues.ts';
import { type Claim, claimsOf } from './participation/match.ts';
import { sentenceWords } from './participation/patterns.ts';
import { conditionAfter, meetingNear } from './participation/phrases.ts';

/** Stage 6: who attends, boycotts, is invited to or declines which talks, on what condition. */
export function findParticipation(seg: Segmented, actors: ActorsFound, quotes: Quote[]): Participation[] {
  if (actors.mentions.length === 0) return [];
  const ctx = makeCtx(seg, actors, quotes);
  const text = seg.text;
  const out: Participation[] = [];
  const recent = new Set<string>();
  for (const s of seg.sentences) {
    const claims: Claim[] = [];
    // Longest cue first; a cue inside a stretch another cue already explained is skipped.
    const used: Span[] = [];
    for (const hit of cueHits(text, s, CUE_INDEX.candidates(sentenceWords(seg, s.index, () => ctx.tokens(s.index))))) {
      if (used.some((u) => u.start <= hit.span.start && hit.span.end <= u.end)) continue;
      const got = claimsOf(ctx, s.index, hit.cue, hit.span, recent);
      if (got.length) { used.push(hit.span); claims.push(...got); }
    }
    claims.sort((a, b) => a.cueSpan.start - b.cueSpan.start || a.mention.start - b.mention.start);
    if (!claims.length) continue;
    // "X's delegation did not attend": what the delegation's verb says outweighs the delegation.
    for (let i = claims.length - 1; i >= 0; i--) {
      const c = claims[i]!;
      if (!c.cue.verb && c.status === 'attend' && claims.some((d) => d.cue.verb && d.status !== 'attend' && d.mention.actorId === c.mention.actorId)) claims.splice(i, 1);
    }
    // An invitation in the sentence makes the meetings it names proposals: "asked X to meet,
    // followed by a meeting with Y" invites Y too.
    // A meeting named before the invitation ("X will host a congress and invite Y") is not proposed.
    const invitedAt = claims.find((c) => c.status === 'invited')?.cueSpan.start ?? Infinity;
    for (const c of claims) {
      const status = c.status === 'attend' && c.cueSpan.start > invitedAt ? 'invited' : c.status;
      const cond = conditionAfter(text, c.cueSpan.end, s.end);
      const meeting = meetingNear(text, s, c.cueSpan.start);
      const actor = ctx.actors.get(c.mention.actorId)!;
      const evidence: Span[] = [{ start: c.mention.start, end: c.mention.end }, c.cueSpan];
      if (cond) evidence.push(cond);
      const rec: Participation = {
        actorId: actor.id, actor: actor.name, status, sentence: s.index, evidence,
        ...(meeting ? { meeting: text.slice(meeting.start, meeting.end) } : {}),
        ...(cond ? { condition: text.slice(cond.start, cond.end) } : {}),
        confidence: c.viaPronoun ? 0.55 : c.cue.verb ? 0.75 : 0.6,
      };
      if (attachCondition(out, rec)) continue;
      if (out.some((p) => p.actorId === rec.actorId && p.status === rec.status && p.sentence === rec.sentence)) continue;
      out.push(rec);
    }
    recent.clear();
    for (const p of out) if (p.sentence >= s.index - 1) recent.add(p.actorId);
  }
  return out;
}

interface Hit { readonly cue: (typeof CUES)[number]; readonly span: Span }

/** Every cue match in a sentence, longest first. */
function cueHits(text: string, s: Span, candidates: readonly boolean[]): Hit[] {
  if (!candidates.includes(true)) return [];
  const slice = text.slice(s.start, s.end);
  const hits: Hit[] = [];
  for (let i = 0; i < CUES.length; i++) {
    if (!candidates[i]) continue;
    const cue = CUES[i]!;
    cue.re.lastIndex = 0;
    for (let m = cue.re.exec(slice); m; m = cue.re.exec(slice)) {
      if (cue.lowerGaps && /\s\p{Lu}/u.test(m[0].replace(/\s+\S+$/u, ''))) continue;
      hits.push({ cue, span: { start: s.start + m.index, end: s.start + m.index + m[0].length } });
    }
  }
  return hits.sort((a, b) => (b.span.end - b.span.start) - (a.span.end - a.span.start) || a.span.start - b.span.start);
}

/**
 * "It said it would take part only if ...": a conditional promise to attend, after the same
 * actor was said to stay away, is the condition of that boycott, not a new status.
 */
function attachCondition(out: Participation[], rec: Participation): boolean {
  if (rec.status !== 'attend' || !rec.condition || !STRICT_CONDITION.test(rec.condition)) return false;
  for (let i = out.length - 1; i >= 0; i--) {
    const p = out[i]!;
    if (p.sentence < rec.sentence - 2) break;
    if (p.actorId !== rec.actorId || p.status === 'attend' || p.status === 'invited' || p.condition) continue;
    out[i] = { ...p, condition: rec.condition, evidence: [...p.evidence, ...rec.evidence.slice(2)] };
    return true;
  }
  return false;
}
