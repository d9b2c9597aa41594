import type { ParticipationStatus } from '../../domain/record.ts';
import lex from '../lexicon/participation-cues.json' with { type: 'json' };
import { compilePattern, FirstWordIndex, firstWords, patternSource, phraseRegex } from './patterns.ts';

export type Role = 'subject' | 'object' | 'possessor' | 'agent';

export interface Cue {
  readonly status: ParticipationStatus;
  readonly pattern: string;
  readonly verb: boolean;
  readonly roles: readonly Role[];
  readonly meeting: 'object' | 'near' | 'none';
  readonly mutual: boolean;
  readonly then: RegExp | null;
  readonly negated: ParticipationStatus | null | undefined;
  readonly re: RegExp;
  /** The pattern's '~' words must be in lower case: "hosted Tomas Brand for talks" is not "hosted ... talks". */
  readonly lowerGaps: boolean;
  /** Words a match starts with: a cue whose words are absent is not run. */
  readonly first: readonly string[] | null;
}

export const CUES: readonly Cue[] = lex.cues.map((c) => ({
  status: c.status as ParticipationStatus,
  pattern: c.pattern,
  verb: !!c.verb,
  roles: c.roles as Role[],
  meeting: c.meeting as Cue['meeting'],
  mutual: !!(c as { mutual?: boolean }).mutual,
  then: (c as { then?: string }).then ? new RegExp(`^\\s*${patternSource((c as { then: string }).then, false, lex.irregular)}(?![\\w-])`, 'iu') : null,
  negated: (c as { negated?: string }).negated as ParticipationStatus | undefined,
  re: compilePattern(c.pattern, !!c.verb, lex.irregular),
  lowerGaps: c.pattern.includes('~'),
  first: firstWords(c.pattern, !!c.verb, lex.irregular),
}));

export const CUE_INDEX = new FirstWordIndex(CUES.length, CUES.map((c) => c.first));

export const MEETING = phraseRegex(lex.meetingNouns);
export const NOT_MEETING = phraseRegex(lex.notMeeting);
export const CONDITION = phraseRegex(lex.conditionMarkers);
export const STRICT_CONDITION = /^(?:only|unless|on|provided|providing)/i;

/** Does the stretch name a meeting (talks, summit ...) other than a press conference? */
export function namesMeeting(s: string): boolean {
  MEETING.lastIndex = 0; NOT_MEETING.lastIndex = 0;
  const n = [...s.matchAll(MEETING)].length;
  if (!n) return false;
  return n > [...s.matchAll(NOT_MEETING)].length;
}
