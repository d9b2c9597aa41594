import type { Mention, Span } from '../../domain/record.ts';
import lex from '../lexicon/participation-cues.json' with { type: 'json' };
import type { Ctx } from './context.ts';
import { type Cue, namesMeeting } from './cues.ts';
import { agentAfter, clauseAgent, lightGap, objectAfter, objectContext, subjectBefore } from './groups.ts';
import { pronounBefore, resolvePronoun } from './pronouns.ts';

/** One actor given a status by one cue. */
export interface Claim {
  readonly cue: Cue;
  readonly cueSpan: Span;
  readonly mention: Mention;
  readonly status: Cue['status'];
  readonly viaPronoun: boolean;
}

const PASSIVE_BEFORE = /\b(?:is|are|was|were|be|been|being)\s+(?:[\w-]+ly\s+)?$/iu;
const NEGATION_BEFORE = /(?:(?<!\bor )\bnot|n['’]t|\bnever|\bno longer|\bnor)\s+(?:[\w-]+\s+){0,2}$/iu;
/** "has not confirmed whether (or not) he will attend": an open question. */
const WHETHER_BEFORE = /\b(?:whether|if)(?:\s+or\s+not)?(?:\s+[\w’'-]+){0,4}\s+$/iu;
/** "has not yet confirmed that its delegation will attend": open too. */
const NOT_CONFIRMED = /\b(?:not|n['’]t)\s+(?:yet\s+)?(?:confirmed|decided|announced|said|clear)\s+(?:that|whether|if)\b[^.;:]*$/iu;
const FUTURE_NEGATION = /(?:\b(?:will|would|shall)\s+not|\b(?:won|wouldn)['’]t|\bnot\s+going\s+to)\s+(?:[\w-]+\s+)?$/iu;
const UNREAL_NOUN = /\b(?:any|no)\s+(?:(?:direct|further|new|more|formal|face-to-face)\s+)?$/iu;
const MEETING_IN = /\b(?:talks|negotiations|consultations|round|summit|dialogue|meeting|conference|congress)\b/iu;
const OBJECT_WINDOW = /^(?:\s+[\w’'-]+){1,7}/u;
const DETERMINED = /^\s+(?:the|a|an|its|their|his|her|this|that)\s+/iu;

/** "opposition leaders" are several people: enough for a meeting. */
const PLURAL = new RegExp(`\\b(?:${lex.pluralNouns.join('|')})$`, 'iu');
const VAGUE = new RegExp(`\\b(?:${lex.vagueBefore.join('|')})\\s+$`, 'iu');
/** "some opposition figures" names no one in particular. */
const vague = (ctx: Ctx, m: Mention): boolean => m.via === 'description' && VAGUE.test(ctx.text.slice(Math.max(0, m.start - 12), m.start));

/** Is the cue about a meeting, as its lexicon entry requires? */
function meetingOk(ctx: Ctx, sentence: number, cue: Cue, span: Span): boolean {
  if (cue.meeting === 'none') return true;
  const s = ctx.seg.sentences[sentence]!;
  const rest = ctx.text.slice(span.end, s.end);
  const window = OBJECT_WINDOW.exec(rest)?.[0] ?? '';
  if (namesMeeting(window)) return true;
  if (cue.meeting === 'object') return false;
  // "invited X to Paris to discuss ...": a meeting by its purpose.
  if (MEETING_PURPOSE.test(rest)) return true;
  // An object that is not a meeting ("attended the funeral") rules the cue out.
  const endsInPreposition = /\s(?:in|at|for|to|by)$/iu.test(ctx.text.slice(span.start, span.end));
  if (!endsInPreposition && DETERMINED.test(rest) && !/^\s+(?:the|a|an)\s+(?:[\w-]+\s+){0,2}(?:of|in)\b/.test(rest)) return false;
  // "took part in the protests": an adjunct that names something else.
  if (!endsInPreposition && OTHER_ADJUNCT.test(rest) && !namesMeeting(window)) return false;
  for (let i = Math.max(0, sentence - 1); i <= Math.min(ctx.seg.sentences.length - 1, sentence + 1); i++) {
    const x = ctx.seg.sentences[i]!;
    if (namesMeeting(ctx.text.slice(x.start, x.end))) return true;
  }
  // "X did not send a delegation.", "it would take part only if ...": a cue with nothing after
  // it is about the meeting the report is about, when its headline or opening names one.
  return BARE_CUE.test(rest) && reportIsAboutMeeting(ctx);
}

const MEETING_PURPOSE = /^[^.;:]{0,80}?\bto\s+(?:discuss|negotiate|meet|talk)\b/iu;
const OTHER_ADJUNCT = /^\s+in\s+(?!person\b|them\b|it\b|this\b|these\b|those\b|which\b)(?:(?:the|a|an|its|their)\s+)?(?:[\w-]+\s+){0,2}?\p{Ll}/u;
const BARE_CUE = new RegExp(`^(?:\\s*(?:[,.;:!?"”]|$)|\\s+(?:${lex.conditionMarkers.join('|')}|either|at all|this|next|last|again|yet|after all|in person|today|yesterday|tomorrow|later|earlier|late|early|overnight|on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|as (?:an? )?(?:observers?|guests?|mediators?|guarantors?|hosts?|co-hosts?|sponsors?))\\b)`, 'iu');
const ABOUT_MEETING = new WeakMap<object, boolean>();
function reportIsAboutMeeting(ctx: Ctx): boolean {
  let v = ABOUT_MEETING.get(ctx.seg);
  if (v === undefined) {
    const ss = ctx.seg.sentences;
    v = ss.length > 0 && namesMeeting(ctx.text.slice(ss[0]!.start, ss[Math.min(1, ss.length - 1)]!.end));
    ABOUT_MEETING.set(ctx.seg, v);
  }
  return v;
}

/** "the host", "Daily host Alex Marlow": a verb's base form after a determiner or a bare name is a noun. */
function nounUse(ctx: Ctx, sentence: number, cue: Cue, span: Span): boolean {
  if (!cue.verb) return false;
  const word = ctx.text.slice(span.start, span.end).split(/\s+/)[0]!.toLowerCase();
  if (!cue.pattern.split(/\s+/)[0]!.split('|').includes(word)) return false;
  const prev = ctx.tokens(sentence).filter((t) => t.end <= span.start).at(-1);
  if (!prev) return false;
  if (prev.pos === 'DET') return true;
  const named = (ctx.bySentence[sentence] ?? []).some((m) => m.end === prev.end);
  return (prev.pos === 'PROPN' || prev.pos === 'NOUN' || prev.pos === 'ADJ') && !named;
}

function isPassive(ctx: Ctx, sentence: number, cue: Cue, span: Span): boolean {
  if (!cue.verb) return false;
  const word = ctx.text.slice(span.start, span.end).split(/\s+/)[0]!.toLowerCase();
  if (!/(?:ed|en|met|held|shunned|sat)$/.test(word)) return false;
  const from = ctx.seg.sentences[sentence]!.start;
  // "was shunned by X", and the reduced relative "a conference boycotted by X".
  return PASSIVE_BEFORE.test(ctx.text.slice(Math.max(from, span.start - 30), span.start))
    || (/ed$/.test(word) && /^\s+by\b/iu.test(ctx.text.slice(span.end, span.end + 5)));
}

/** The claims one cue match makes: who is given which status. */
export function claimsOf(ctx: Ctx, sentence: number, cue: Cue, span: Span, recent: ReadonlySet<string>): Claim[] {
  if (!meetingOk(ctx, sentence, cue, span)) return [];
  if (nounUse(ctx, sentence, cue, span)) return [];
  // "attend a press conference": a cue that names a meeting must name a real one.
  if (cue.meeting === 'none' && !cue.roles.includes('object') && !namesMeeting(ctx.text.slice(span.start, span.end)) && MEETING_IN.test(ctx.text.slice(span.start, span.end))) return [];
  const from = ctx.seg.sentences[sentence]!.start;
  // "any talks with X", "no meeting with X": a meeting that is not (yet) held.
  if (!cue.verb && UNREAL_NOUN.test(ctx.text.slice(Math.max(from, span.start - 12), span.start))) return [];
  const negated = NEGATION_BEFORE.test(ctx.text.slice(Math.max(from, span.start - 40), span.start));
  const open = (cue.status === 'attend' || cue.status === 'boycott') && (WHETHER_BEFORE.test(ctx.text.slice(Math.max(from, span.start - 50), span.start))
    || NOT_CONFIRMED.test(ctx.text.slice(Math.max(from, span.start - 80), span.start)));
  // "will not attend" declines what "did not attend" boycotted.
  const refusal = cue.status === 'attend' && FUTURE_NEGATION.test(ctx.text.slice(Math.max(from, span.start - 40), span.start));
  const status = open ? 'undecided' : negated ? (cue.negated !== undefined ? cue.negated : cue.status === 'attend' ? (refusal ? 'declined' : 'boycott') : null) : cue.status;
  if (!status) return [];
  const passive = isPassive(ctx, sentence, cue, span);
  // "the conditions were met by X": a meeting is not met in the passive.
  if (passive && cue.mutual) return [];
  const out: Claim[] = [];
  const add = (ms: readonly Mention[], viaPronoun = false) => {
    for (const m of ms) if (!vague(ctx, m) && !out.some((c) => c.mention.actorId === m.actorId)) out.push({ cue, cueSpan: span, mention: m, status, viaPronoun });
  };
  let subjectCount = 0, objectCount = 0;
  for (const role of cue.roles) {
    if (role === 'possessor') {
      const m = (ctx.bySentence[sentence] ?? []).find((x) => x.end === span.start || (x.end < span.start && /^\s*$/.test(ctx.text.slice(x.end, span.start))));
      if (m) add([m]);
      continue;
    }
    if (role === 'agent') {
      const g = clauseAgent(ctx, sentence, span.start);
      if (g) { add(g.mentions); subjectCount += g.mentions.length; }
      continue;
    }
    const wantsSubjectSlot = (role === 'subject') !== passive;
    if (wantsSubjectSlot) {
      const g = subjectBefore(ctx, sentence, span.start, true);
      const p = pronounBefore(ctx, sentence, span.start, (s, a, b) => lightGap(ctx, s, a, b));
      if (p && (!g || p.start > g.end) && !objectContext(ctx, sentence, p.start)) {
        const m = resolvePronoun(ctx, sentence, p.start, p.word, recent);
        if (m) { add([{ ...m, start: p.start, end: p.end, sentence }], true); subjectCount++; }
      } else if (g) { add(g.mentions); subjectCount += g.mentions.reduce((n, m) => n + (PLURAL.test(m.text) ? 2 : 1), 0); }
    } else {
      const g = passive ? agentAfter(ctx, sentence, span.end) : objectAfter(ctx, sentence, span.end);
      if (!g) continue;
      if (cue.then && !cue.then.test(ctx.text.slice(g.end, ctx.seg.sentences[sentence]!.end))) continue;
      add(g.mentions); objectCount += g.mentions.length;
    }
  }
  if (cue.then && objectCount === 0) return [];
  // "X will meet" alone says nothing: a meeting needs two sides.
  if (cue.mutual && subjectCount + objectCount < 2) return [];
  return out;
}
