import type { Span } from './span.ts';
export type { Span };

/** 0..1: how sure the extractor is. A proposal, never a decision. */
export type Confidence = number;

export type ActorKind =
  | 'person' | 'organization' | 'government' | 'state' | 'armed_group'
  | 'international_org' | 'monitor' | 'media' | 'other';

export interface Paragraph extends Span { readonly index: number }

export interface Sentence extends Span {
  readonly index: number;
  readonly paragraph: number;
}

export interface Token extends Span {
  readonly text: string;
  /** wink-nlp's universal POS tag (PROPN, VERB, ...). */
  readonly pos: string;
  readonly sentence: number;
}

/** The text cut into paragraphs, sentences and tokens: stage 1's output, everyone's input. */
export interface Segmented {
  readonly text: string;
  readonly paragraphs: Paragraph[];
  readonly sentences: Sentence[];
  readonly tokens: Token[];
}

export interface Mention extends Span {
  readonly actorId: string;
  readonly text: string;
  readonly sentence: number;
  /** How the mention refers: by name, alias or acronym, surname only, metonym, pronoun. */
  readonly via: 'name' | 'alias' | 'acronym' | 'surname' | 'metonym' | 'pronoun' | 'description';
}

/** A membership seen in the text: "a former SNC member who now heads the Movement ...". */
export interface Affiliation {
  readonly organization: string;
  readonly role?: string;
  /** 'former' when the text says the link ended, 'current' when it says it holds. */
  readonly tense: 'former' | 'current' | 'unknown';
  readonly evidence: Span[];
}

export interface Actor {
  readonly id: string;
  readonly name: string;
  readonly kind: ActorKind;
  readonly aliases: string[];
  /** Identity in the bundled gazetteer, when the actor comes from it. */
  readonly lexiconId?: string;
  /** Title or apposition that describes a person ("Syrian President", "a former SNC member"). */
  readonly description?: string;
  readonly affiliations: Affiliation[];
  readonly evidence: Span[];
  readonly confidence: Confidence;
}

export type DatePrecision = 'year' | 'month' | 'day';

export interface DateMention {
  readonly text: string;
  /** ISO at the precision the text gives: 2011, 2015-03, 2015-03-25. */
  readonly start: string;
  readonly end: string;
  readonly precision: DatePrecision;
  readonly sentence: number;
  readonly evidence: Span[];
  readonly confidence: Confidence;
}

export type Approx = 'exact' | 'about' | 'more_than' | 'at_least' | 'up_to' | 'less_than';
export type Measure =
  | 'killed' | 'injured' | 'detained' | 'released' | 'missing' | 'displaced' | 'refugees'
  | 'besieged' | 'participants' | 'fighters' | 'civilians' | 'aid' | 'money' | 'percent' | 'other';

export interface Quantity {
  readonly text: string;
  readonly value: number;
  readonly max?: number;
  readonly approx: Approx;
  readonly measure: Measure;
  /** The noun counted ("prisoners", "people"), as written. */
  readonly unit?: string;
  readonly sentence: number;
  readonly evidence: Span[];
  readonly confidence: Confidence;
}

export interface Quote {
  /** Direct: the words inside the marks. Indirect: the reported clause. */
  readonly text: string;
  readonly direct: boolean;
  /** Actor id of the speaker, or null for an unnamed speaker. */
  readonly speakerId: string | null;
  /** The speaker's name as the record has it, or null. */
  readonly speaker: string | null;
  /** How the text describes an unnamed speaker ("a representative, who declined to be named"). */
  readonly speakerDescription?: string;
  readonly anonymous: boolean;
  /** The verb or phrase that introduces the speech ("said", "according to"). */
  readonly cue?: string;
  readonly sentence: number;
  /** First: the quoted words or clause; then the speaker and cue where found. */
  readonly evidence: Span[];
  readonly confidence: Confidence;
}

export type ParticipationStatus = 'attend' | 'boycott' | 'invited' | 'declined' | 'undecided';

export interface Participation {
  readonly actorId: string;
  readonly actor: string;
  readonly status: ParticipationStatus;
  readonly meeting?: string;
  readonly condition?: string;
  readonly sentence: number;
  readonly evidence: Span[];
  readonly confidence: Confidence;
}

export type EventType =
  | 'talks' | 'release' | 'aid_access' | 'ceasefire' | 'agreement' | 'attack' | 'arrest'
  | 'displacement' | 'evacuation' | 'siege' | 'withdrawal' | 'other';

export interface Event {
  readonly type: EventType;
  /** Who acts: the host of talks, who releases, who attacks. A name from `actors`. */
  readonly actor?: string;
  readonly actorId?: string;
  readonly place?: string;
  readonly start?: string;
  readonly end?: string;
  readonly quantity?: number;
  /** For talks: "second" round → 2. */
  readonly round?: number;
  readonly host?: string;
  readonly sentence: number;
  readonly evidence: Span[];
  readonly confidence: Confidence;
}

export interface DocumentInfo {
  readonly id: string;
  readonly title?: string;
  readonly url?: string;
  readonly publisher?: string;
  /** YYYY-MM-DD */
  readonly published: string;
  /** Where the publication date came from. */
  readonly publishedFrom: 'option' | 'text' | 'metadata' | 'today';
  readonly source: string;
}

/** Everything extracted from one report; every item points into `text`. */
export interface Extraction {
  readonly document: DocumentInfo;
  readonly text: string;
  readonly paragraphs: Paragraph[];
  readonly sentences: Sentence[];
  readonly actors: Actor[];
  readonly mentions: Mention[];
  readonly quotes: Quote[];
  readonly quantities: Quantity[];
  readonly dates: DateMention[];
  readonly participation: Participation[];
  readonly events: Event[];
}
