import type { Span } from '../../domain/record.ts';
import { CONDITION, MEETING } from './cues.ts';

/** Where a clause ends: a semicolon, a dash, or a comma before a new clause. */
const CLAUSE_END = /;|\s[–—]\s|,\s+(?:but|while|which|who|whereas|although|though|as|and|has|have|had|is|are|was|were|will|would|said|says)\b|[.?!]["”’]?\s*$/u;

/** The condition after a participation verb: "only if the talks lead to ...", up to the clause end. */
export function conditionAfter(text: string, from: number, to: number): Span | null {
  const rest = text.slice(from, to);
  CONDITION.lastIndex = 0;
  const m = CONDITION.exec(rest);
  if (!m) return null;
  // The marker must belong to this clause: no clause break between the verb and it.
  const before = rest.slice(0, m.index);
  if (/;|\s[–—]\s|\b(?:but|said|says|while)\b/.test(before) || before.length > 120) return null;
  const start = from + m.index;
  const tail = text.slice(start + m[0].length, to);
  const end = CLAUSE_END.exec(tail);
  let stop = start + m[0].length + (end ? end.index : tail.length);
  while (stop > start && /[\s,.;:"”’]/.test(text[stop - 1]!)) stop--;
  return stop - start > m[0].length + 3 ? { start, end: stop } : null;
}

const LEFT = /(?:(?:the|a|an|this|next|last|its|their|his|her|[\w’'-]+['’]s)\s+)?(?:(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|new|next|latest|last|final|fresh|formal|direct|indirect|peace|proposed|planned|bilateral|trilateral|three-way|two-way|UN-sponsored|UN-backed|[A-Z][\w’'-]*)\s+){0,3}$/u;
const RIGHT = /^(?:\s+of\s+(?:talks|negotiations|consultations|the\s+[\w-]+\s+talks))?(?:\s+(?:in|at|on)\s+(?:the\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*)?/u;

/** The meeting a cue is about: the nearest meeting noun phrase after it, else before it. */
export function meetingNear(text: string, within: Span, at: number): Span | null {
  const slice = text.slice(within.start, within.end);
  MEETING.lastIndex = 0;
  let after: Span | null = null, before: Span | null = null;
  for (let m = MEETING.exec(slice); m; m = MEETING.exec(slice)) {
    const s = within.start + m.index, e = s + m[0].length;
    if (s >= at) { after = { start: s, end: e }; break; }
    before = { start: s, end: e };
  }
  const hit = after && after.start - at < 80 ? after : before ?? after;
  if (!hit) return null;
  const left = LEFT.exec(text.slice(within.start, hit.start));
  const right = RIGHT.exec(text.slice(hit.end, within.end));
  return { start: hit.start - (left ? left[0].length : 0), end: hit.end + (right ? right[0].length : 0) };
}
