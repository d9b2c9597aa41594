import verbs from '../lexicon/speech-verbs.json' with { type: 'json' };
import words from '../lexicon/quote-words.json' with { type: 'json' };

export type CueClass = 'say' | 'tell' | 'object' | 'label';

export interface CueForm {
  readonly lemma: string;
  readonly cls: CueClass;
  /** Words after the verb that belong to the cue ("on" of "called on"). */
  readonly particle?: string;
}

/** Lower-cased verb form -> its cue entries (one form may have a particle and not). */
export const CUE_FORMS = new Map<string, CueForm[]>();
for (const cls of ['say', 'tell', 'object', 'label'] as const) {
  for (const [lemma, forms] of Object.entries(verbs[cls] as Record<string, string[]>)) {
    for (const f of forms) {
      const [verb, particle] = f.split(' ') as [string, string | undefined];
      const list = CUE_FORMS.get(verb) ?? [];
      list.push(particle ? { lemma, cls, particle } : { lemma, cls });
      CUE_FORMS.set(verb, list);
    }
  }
}
// A form with a particle is tried first: "called on" before "called".
for (const list of CUE_FORMS.values()) list.sort((a, b) => (b.particle ? 1 : 0) - (a.particle ? 1 : 0));

const set = (xs: string[]) => new Set(xs.map((x) => x.toLowerCase()));
export const PRONOUNS = new Map(Object.entries(words.pronouns));
export const RELATIVES = set(words.relatives);
export const ANON_HEADS = set(words.anonymousHeads);
export const GROUP_HEADS = set(words.groupHeads);
export const TITLES = set(words.titles);
export const ORG_WORDS = set(words.orgWords);
export const TIME_WORDS = set(words.timeWords);
export const SKIP_BEFORE_VERB = set(words.skipBeforeVerb);
export const PARTICIPLE_CUES = set(words.participleCues);
export const SOURCE_HEADS = set(words.sourceHeads);
export const INVERSION_VERBS = set(words.inversionVerbs);
export const QUANTITY_HEADS = set(words.quantityHeads);
export const ROLE_HEADS = set(words.roleHeads);
export const BODY_VOICES = set(words.bodyVoices);
export const MEMBER_HEADS = set(words.memberHeads);
