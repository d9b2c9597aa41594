/**
 * Finding a commitment in one statement: what is committed to (an object of
 * lexicon/commitment-rules.json), and a cue that makes it a commitment: a commitment word at most
 * `maxGapWords` words before the object ("agreed to release", "a deal to allow ... aid"), will/shall
 * right before it, or a passive right after it ("a ceasefire was agreed"). A negation, demand,
 * proposal or hedge between the clause start and the object cancels it ("refused to agree",
 * "urged the parties to agree"). Pure; patterns are compiled once at module load.
 */
import type { Span } from '../../domain/record.ts';
import rules from '../lexicon/commitment-rules.json' with { type: 'json' };

export type CommitmentKind = 'release_detainees' | 'allow_aid_access' | 'ceasefire' | 'prisoner_exchange' | 'withdrawal' | 'other';

export interface CommitmentCue {
  readonly what: CommitmentKind;
  /** The words committed to ("release 650 detainees"); for 'other', the words after the cue. */
  readonly object: Span;
  /** The commitment word ("agreed", "deal", "was agreed"). */
  readonly cue: Span;
  readonly conditional: boolean;
  /** A number inside the object: what is promised ("release 1,000 prisoners" → 1000). */
  readonly quantity?: number;
  /** To whom, when the statement says ("agreed with the United Nations"). */
  readonly to?: string;
  /** The cue names a go-between ("brokered", "mediated"): who did it is not a party. */
  readonly mediated: boolean;
}

const KINDS = rules.kinds.map((k) => ({ what: k.what as CommitmentKind, heads: new RegExp(k.heads, 'i'), re: new RegExp(`\\b(?:${k.object})\\b`, 'giu') }));
const OTHER_HEADS = /agree|pledge|promise|undert/i;
const CUE = new RegExp(rules.commitCue, 'giu');
const MODAL = new RegExp(rules.modalCue, 'iu');
const MEDIATOR = new RegExp(rules.mediatorCue, 'iu');
const AFTER = new RegExp(rules.commitAfter, 'iu');
const NEG = new RegExp(rules.negation, 'iu');
const COND = new RegExp(rules.conditional, 'iu');
/** 'other': a negotiated promise to do something ("agreed to hold elections"): a verb follows "to", not a noun phrase or -ing. */
const OTHER = /\b(?:agreed|agrees|pledged|pledges|promised|promises|undertook|undertakes)\s+to\s+(?!(?:a|an|the|this|that|these|those|its|their|his|her|our|my|your|any|some|all|no|it|them)\b)(?![\p{L}-]+ing\b)(?![\p{L}-]+s\b)((?:[\p{L}\p{N}’'-]+\s*){1,6})/giu;
const NUMBER = /\b\d{1,3}(?:,\d{3})+\b|\b\d+\b/u;
const TO = /\b(?:agreed|agreement|deal|accord|pact|understanding|talks)\s+with\s+(?:the\s+)?(\p{Lu}[\p{L}’'-]*(?:\s+(?:of\s+(?:the\s+)?)?\p{Lu}[\p{L}’'-]*)*)|\b(?:promised|pledged|guaranteed|assured)\s+(?:to\s+)?(?:the\s+)?(\p{Lu}[\p{L}’'-]*(?:\s+\p{Lu}[\p{L}’'-]*)*)\s+(?:to|that)\b/u;
const WINDOW = 100;
/** "with the Red Cross": a counterpart named between the cue and the object does not count as gap. */
const WITH = /\bwith\s+(?:the\s+)?\p{Lu}[\p{L}’'-]*(?:\s+(?:(?:of|for)\s+(?:the\s+)?)?\p{Lu}[\p{L}’'-]*)*/gu;

const words = (s: string): number => (s.match(/[\p{L}\p{N}]+/gu) ?? []).length;

/** The cue that makes the object at [start, end) a commitment, if any. */
function cueFor(text: string, start: number, end: number): Span | null {
  const from = Math.max(0, start - WINDOW);
  const pre = text.slice(from, start);
  let cue: Span | null = null;
  // The nearest cue word, a few words back at most ("agreed with the X Council to release"). An
  // infinitive cue ("urged them, ..., to agree to") is someone's aim, unless a cue before it commits.
  for (const m of pre.matchAll(CUE)) {
    if (words(pre.slice(m.index + m[0].length).replace(WITH, ' ')) > rules.maxGapWords) continue;
    if (/\bto\s+$/u.test(pre.slice(Math.max(0, m.index - 4), m.index)) && cue) continue;
    cue = /\bto\s+$/u.test(pre.slice(Math.max(0, m.index - 4), m.index)) ? null : { start: from + m.index, end: from + m.index + m[0].length };
  }
  if (!cue) {
    const modal = MODAL.exec(pre);
    if (modal) cue = { start: from + modal.index, end: from + modal.index + modal[0].trimEnd().length };
  }
  if (!cue) {
    const post = AFTER.exec(text.slice(end, end + 60));
    if (post) { const lead = post[0].length - post[0].trimStart().length; return { start: end + post.index + lead, end: end + post.index + post[0].length }; }
    return null;
  }
  // The clause the cue stands in: from the last , ; : or sentence start before it.
  const clause = Math.max(text.lastIndexOf(',', cue.start), text.lastIndexOf(';', cue.start), text.lastIndexOf(':', cue.start), Math.max(0, cue.start - 40));
  return NEG.test(text.slice(clause, start)) ? null : cue;
}

/** The first commitment a statement makes, or null. */
export function detectCommitment(text: string): CommitmentCue | null {
  for (const k of KINDS) {
    if (!k.heads.test(text)) continue;
    for (const m of text.matchAll(k.re)) {
      const object = { start: m.index, end: m.index + m[0].length };
      const cue = cueFor(text, object.start, object.end);
      if (cue) return build(text, k.what, object, cue);
    }
  }
  if (!OTHER_HEADS.test(text)) return null;
  for (const m of text.matchAll(OTHER)) {
    const object = { start: m.index + m[0].length - m[1]!.length, end: m.index + m[0].trimEnd().length };
    const cue = { start: m.index, end: m.index + m[0].indexOf(' ') };
    const clause = Math.max(text.lastIndexOf(',', cue.start), text.lastIndexOf(';', cue.start), Math.max(0, cue.start - 40));
    if (!NEG.test(text.slice(clause, cue.end))) return build(text, 'other', object, cue);
  }
  return null;
}

function build(text: string, what: CommitmentKind, object: Span, cue: Span): CommitmentCue {
  const n = NUMBER.exec(text.slice(object.start, object.end));
  const to = TO.exec(text);
  const who = to ? (to[1] ?? to[2]) : undefined;
  return {
    what, object, cue, conditional: COND.test(text.slice(Math.min(cue.start, object.start))),
    mediated: MEDIATOR.test(text.slice(cue.start, cue.end)),
    ...(n ? { quantity: Number(n[0].replace(/,/g, '')) } : {}),
    ...(who ? { to: who } : {}),
  };
}
