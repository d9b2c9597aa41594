import type { Word } from './words.ts';
import { DIRECTIONS, LOCATIVES, PLACE_NOUNS, TOPIC_OF_NOUNS } from './lexicon.ts';

// Verbs and prepositions after which a capital names its government: "accused Moscow", "opposed by Damascus".
const AGENTIVE_BEFORE = new Set(['by', 'with', 'accused', 'urged', 'warned', 'told', 'pressed', 'asked', 'criticised', 'criticized',
  'condemned', 'blamed', 'backed', 'convince', 'persuade', 'pressure', 'pressured', 'pressuring', 'against', 'between', 'both',
  'called', 'allowed', 'invited', 'supported', 'support', 'supports', 'oppose', 'opposed', 'opposes', 'lobbied', 'defied']);
// "talking to Damascus": a "to" after these is addressed to the government, not a trip.
const TO_AGENT = new Set(['talking', 'talk', 'talks', 'speak', 'speaking', 'spoke', 'appeal', 'appealed', 'message', 'loyal', 'close',
  'allied', 'ties', 'relations', 'hostile', 'offered', 'sent', 'handed', 'surrender', 'surrendered', 'closer', 'loyalty', 'reconcile']);
const LIGHT_ADVERBS = new Set(['also', 'not', 'still', 'already', 'now', 'then', 'has', 'have', 'had', 'reportedly', 'repeatedly', 'quickly', 'previously', 'again', 'never', 'always', 'too']);
const VERBISH = new Set(['has', 'have', 'had', 'is', 'was', 'are', 'were', 'will', 'would', 'could', 'should', 'may', 'might', 'must',
  'can', 'says', 'said', 'wants', 'wanted', 'insists', 'insisted', 'denies', 'denied', 'accused', 'accuses', 'rejected', 'rejects',
  'hopes', 'fears', 'sees', 'believes', 'regards', 'considers', 'announced', 'agreed', 'refused', 'warned', 'claimed', 'claims', 'does', 'did']);

/** The word before `w` in the same sentence with only spaces (or a hyphen-free gap) between. */
export function prevWord(words: readonly Word[], w: Word): Word | undefined {
  const p = words[w.i - 1];
  return p && p.sentence === w.sentence && w.joined ? p : undefined;
}
export function nextWord(words: readonly Word[], w: Word): Word | undefined {
  const n = words[w.i + 1];
  return n && n.sentence === w.sentence && n.joined ? n : undefined;
}

/** "in Syria", "to Jordan", "the border with Jordan": the name only locates something. */
export function locativeBefore(words: readonly Word[], first: Word): boolean {
  // "in Washington, Brussels and London": walk back over a list of names to its preposition.
  let k = first.i - 1;
  while (k >= 0 && k > first.i - 10 && words[k]!.sentence === first.sentence && !words[k]!.poss
    && (words[k]!.cap || words[k]!.lc === 'and' || words[k]!.lc === 'or' || (words[k]!.lc === 'the' && words[k + 1]?.cap))) k--;
  if (k < first.i - 1 && k >= 0 && words[k]!.sentence === first.sentence && words[k + 1]!.joined) {
    if (LOCATIVES.has(words[k]!.lc)) return true;
    // "the borders with Turkey and Iraq"
    if (words[k]!.lc === 'with' && /^(?:border|borders|frontier)$/.test(prevWord(words, words[k]!)?.lc ?? '')) return true;
  }
  const p = prevWord(words, first);
  if (!p) return false;
  // "northern Syria", "the coast of Yemen", "north of Syria"
  if (DIRECTIONS.has(p.lc)) return true;
  if (p.lc === 'of') {
    const pp = prevWord(words, p);
    if (pp && (DIRECTIONS.has(pp.lc) || PLACE_NOUNS.has(pp.lc))) return true;
  }
  if (p.lc === 'to') {
    const pp = prevWord(words, p);
    if (pp && TO_AGENT.has(pp.lc)) return false;
  }
  if (p.lc === 'with') {
    const pp = prevWord(words, p);
    return !!pp && /^(?:border|borders|frontier)$/.test(pp.lc);
  }
  if (p.lc === 'the') {
    const pp = prevWord(words, p);
    return !!pp && LOCATIVES.has(pp.lc);
  }
  return LOCATIVES.has(p.lc);
}

// "envoy for Syria", "the future of Syria", "talks about Yemen": a state as a topic, not a party.
const CLAUSE_GOES_ON = new Set(['not', 'to', 'that', 'the', 'a', 'an', 'it', 'they', 'he', 'she', 'its', 'their', 'his', 'her', 'this', 'these', 'those', 'no', 'all', 'any']);
const TOPIC_BEFORE = new Set(['for', 'of', 'about', 'regarding', 'concerning', 'on']);
/**
 * A state's name that neither acts nor locates: the object of a topic preposition ("the envoy
 * for Syria", "the partitioning of Syria"), the complement of "is" ("the patchwork that is Syria"),
 * or a noun modifier ("al-Qaida's Syria branch").
 */
export function stateIsTopic(words: readonly Word[], first: Word, last: Word, posAt: Map<number, string>): boolean {
  const p = prevWord(words, first);
  if (p && !first.first && (TOPIC_BEFORE.has(p.lc) || p.lc === 'is' || p.lc === 'was')) {
    // "of" makes a topic only after a noun of things done to or found in a state ("the future of
    // Syria"), not after its acts ("the approval of Russia") or its offices ("the president of Syria").
    const pp = prevWord(words, p);
    if (p.lc !== 'of' || (!!pp && TOPIC_OF_NOUNS.has(pp.lc))) return true;
  }
  const n = nextWord(words, last);
  // ("Russia claim not to..." is a verb the tagger took for a noun: a clause goes on after it)
  const nn = n ? nextWord(words, n) : undefined;
  if (!last.poss && n && !n.cap && posAt.get(n.start) === 'NOUN' && !VERBISH.has(n.lc) && !(nn && CLAUSE_GOES_ON.has(nn.lc))) return true;
  return false;
}

/** A capital names its government only when it acts: subject of a verb, agent, or possessor of a non-place. */
export function capitalActs(words: readonly Word[], first: Word, last: Word, posAt: Map<number, string>): boolean {
  if (locativeBefore(words, first)) return false;
  const p = prevWord(words, first);
  if (p && p.lc === 'and') {
    // "between Baghdad and Damascus": the conjunction takes the reading of its first member.
    const q = words[p.i - 1];
    const r = q && q.cap ? prevWord(words, q) : undefined;
    if (r && AGENTIVE_BEFORE.has(r.lc)) return true;
  } else if (p && AGENTIVE_BEFORE.has(p.lc)) return true;
  const n = words[last.i + 1];
  const sameSentence = !!n && n.sentence === last.sentence;
  if (last.poss) return !sameSentence || !PLACE_NOUNS.has(n.lc);
  if (!sameSentence) return false;
  if (n.joined && n.cap) return false;
  let v: Word | undefined = n.joined ? n : undefined;
  if (!v) {
    // "Moscow, which backs Assad, said": skip a relative clause? Too loose; only "Moscow, however," forms.
    return false;
  }
  for (let k = 0; k < 2 && v && LIGHT_ADVERBS.has(v.lc) && !VERBISH.has(v.lc); k++) v = nextWord(words, v);
  if (!v) return false;
  if (VERBISH.has(v.lc)) return true;
  const pos = posAt.get(v.start);
  return (pos === 'VERB' || pos === 'AUX') && !/ing$/.test(v.lc);
}

/** "the Russians", "The Russians and Iranians": a people noun names the state only as "the X". */
export function peopleActs(words: readonly Word[], first: Word, last: Word): boolean {
  const n = nextWord(words, last);
  if (n && n.cap) return false;
  let k = first.i - 1;
  while (k >= 0 && k > first.i - 4 && words[k]!.sentence === first.sentence && (words[k]!.lc === 'and' || words[k]!.cap) && words[k]!.lc !== 'the') k--;
  const w = words[k];
  return !!w && w.sentence === first.sentence && (w.lc === 'the' || first.lc.startsWith('the'));
}
