import type { ActorKind } from '../../domain/record.ts';
import gaz from '../lexicon/actors.json' with { type: 'json' };
import derived from '../lexicon/actors-derived.json' with { type: 'json' };
import rules from '../lexicon/actors-rules.json' with { type: 'json' };
import coll from '../lexicon/collectives.json' with { type: 'json' };
import { fold, straight } from './words.ts';
import { slug } from '../text-utils.ts';

/** An identity of the gazetteer. Ids starting with "@" are resolved per document (the regime, rebels). */
export interface LexActor {
  readonly id: string;
  readonly name: string;
  readonly kind: ActorKind;
  readonly description?: string;
  /** For a state: the adjective ("Syrian") and the id of its separate government, if any. */
  readonly adj?: string;
  readonly government?: string;
}

export type Via = 'name' | 'alias' | 'acronym' | 'surname' | 'metonym' | 'description';
/** capital: a metonym only when it acts; place: a state name that may only locate; generic: resolved per document. */
export type Cond = 'none' | 'capital' | 'place' | 'people' | 'generic';

export interface Key {
  readonly target: string;
  readonly form: string;
  readonly via: Via;
  readonly cond: Cond;
  /** Per key word: must match exactly as written (acronyms), or must be capitalised (first word). */
  readonly exact: boolean[];
  readonly firstCap: boolean;
  /** The key's words as written. */
  readonly ws: string[];
  /** From the derived (less curated) part of the gazetteer. */
  readonly weak: boolean;
}

export interface Node { next: Map<string, Node>; keys: Key[] }

export const ACTORS = new Map<string, LexActor>();
/** One-word names of gazetteer persons (Putin, Clinton): a run ending in one is a person's name. */
export const SURNAMES = new Set<string>();
export const TRIE: Node = { next: new Map(), keys: [] };

const WORD = /(?:\p{Lu}\.){2,}|[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:[-'’‘][\p{L}\p{N}][\p{L}\p{M}\p{N}]*)*/gu;
const splitWords = (s: string): string[] => s.match(WORD) ?? [];
const isAcronym = (w: string): boolean => w.length >= 2 && /^\p{Lu}/u.test(w) && !/\p{Ll}/u.test(w);

function addKey(form: string, target: string, via: Via, cond: Cond = 'none', weak = false): void {
  const ws = splitWords(form);
  if (!ws.length) return;
  let node = TRIE;
  for (const w of ws) {
    const lc = fold(w);
    let next = node.next.get(lc);
    if (!next) { next = { next: new Map(), keys: [] }; node.next.set(lc, next); }
    node = next;
  }
  if (node.keys.some((k) => k.target === target)) return;
  const v: Via = ws.length === 1 && isAcronym(ws[0]!) && via === 'alias' ? 'acronym' : via;
  node.keys.push({ target, form, via: v, cond, exact: ws.map(isAcronym), firstCap: /^\p{Lu}/u.test(ws[0]!), ws, weak });
}


function addActor(a: LexActor): boolean {
  if (ACTORS.has(a.id)) return false;
  ACTORS.set(a.id, a);
  return true;
}

// Curated actors first, so their ids win over derived ones with the same name.
for (const a of gaz.actors) {
  addActor({ id: a.id, name: a.name, kind: a.kind as ActorKind });
  addKey(a.name, a.id, 'name');
  for (const al of a.aliases) addKey(al, a.id, 'alias');
}

export const FORCE_NOUNS: readonly string[] = rules.forceNouns;
const MINISTRIES = new Set<string>(rules.ministries);
for (const s of gaz.states) {
  const id = `state:${slug(s.name)}`;
  const gov = (s as { government?: string }).government;
  addActor({ id, name: s.name, kind: 'state', adj: s.adj[0], ...(gov ? { government: gov } : {}) });
  addKey(s.name, id, 'name', 'place');
  for (const al of s.aliases) addKey(al, id, 'alias', 'place');
  for (const p of s.people) addKey(p, id, 'alias', 'people');
  const agent = gov ?? id;
  for (const c of s.capitals) addKey(c, agent, 'metonym', 'capital');
  // "Russia's defence ministry": a ministry of a state without a separate government entry is an actor of its own.
  if (!gov) {
    for (const n of MINISTRIES) {
      const mid = `ministry:${slug(`${s.adj[0] ?? s.name} ${n}`)}`;
      addActor({ id: mid, name: `${s.adj[0] ?? s.name} ${n}`, kind: 'government' });
      for (const adj of s.adj) addKey(`${adj} ${n}`, mid, 'name');
      addKey(`${s.name}'s ${n}`, mid, 'alias');
      for (const al of s.aliases) addKey(`${al}'s ${n}`, mid, 'alias');
    }
  }
  for (const adj of s.adj) for (const n of FORCE_NOUNS) if (gov || !MINISTRIES.has(n)) addKey(`${adj} ${n}`, agent, 'metonym');
  addKey(`government of ${s.name}`, agent, 'metonym');
}

for (const p of gaz.persons) {
  const id = `person:${slug(p.name)}`;
  const desc = (p as { description?: string }).description;
  addActor({ id, name: p.name, kind: 'person', ...(desc ? { description: desc } : {}) });
  addKey(p.name, id, 'name');
  for (const al of p.aliases) addKey(al, id, splitWords(al).length === 1 ? 'surname' : 'alias');
  for (const al of p.aliases) if (splitWords(al).length === 1) SURNAMES.add(al);
}

for (const g of derived.armedGroups) {
  if (splitWords(g.name).length < 2) continue;
  const id = `group:${slug(g.name)}`;
  if (!addActor({ id, name: g.name, kind: 'armed_group' })) continue;
  addKey(g.name, id, 'name', 'none', true);
  for (const al of g.aliases) {
    const n = splitWords(al).length;
    if (n >= 2 || (isAcronym(al) && al.length >= 3)) addKey(al, id, 'alias', 'none', true);
  }
}

// Peoples without a state of their own: "the Kurds", "Syrian Kurds" and "Kurdish representatives"
// are one body; "Druze fighters" its armed men (a curated name such as "Kurdish forces" wins).
export const GROUP_NOUNS: ReadonlySet<string> = new Set(coll.groupNouns);
/** A people's id → the id of its armed men. */
export const PEOPLE_FORCES = new Map<string, string>();
for (const p of coll.peoples) {
  const id = `people:${slug(p.plural)}`;
  PEOPLE_FORCES.set(id, (p as { forces?: string }).forces ?? `people-forces:${slug(p.plural)}`);
  addActor({ id, name: p.plural, kind: 'organization' });
  addKey(p.plural, id, 'name');
  for (const s of gaz.states) for (const adj of s.adj) addKey(`${adj} ${p.plural}`, id, 'alias');
  const fid = `people-forces:${slug(p.plural)}`;
  addActor({ id: fid, name: `${p.adj[0]} forces`, kind: 'armed_group' });
  for (const adj of p.adj) {
    for (const n of coll.groupNouns) addKey(`${adj} ${n}`, id, 'alias');
    for (const n of coll.armedNouns) addKey(`${adj} ${n}`, fid, 'alias');
  }
}

for (const a of coll.adjectives) for (const n of [...coll.groupNouns, ...coll.armedNouns]) addKey(`${a.adj} ${n}`, a.target, 'alias');

/** States by adjective ("Syrian" → Syria). */
export const STATE_BY_ADJ = new Map<string, LexActor>();
/** States by name ("Syria", "Burma"). */
export const STATE_BY_NAME = new Map<string, LexActor>();
for (const s of gaz.states) {
  const a = ACTORS.get(`state:${slug(s.name)}`);
  if (!a) continue;
  // ("Turkmen" is Turkmenistan's adjective and a people's name: as a qualifier it is the people's.)
  for (const adj of s.adj) if (!coll.peoples.some((p) => p.adj.includes(adj))) STATE_BY_ADJ.set(adj, a);
  for (const n of [s.name, ...s.aliases]) STATE_BY_NAME.set(n, a);
}

// Phrases whose referent depends on the document: "the regime", "the opposition", "rebels".
for (const f of rules.genericGovernment) addKey(f, '@gov', 'description', 'generic');
for (const f of rules.genericOpposition) addKey(f, '@opp', 'description', 'generic');
for (const f of rules.genericRebels) addKey(f, '@rebels', 'description', 'generic');

const setOf = (xs: readonly string[]): Set<string> => new Set(xs);
export const TITLES = setOf(rules.titles.map((t) => straight(t.toLowerCase())));
export const MAX_TITLE_WORDS = 3;
export const ORG_HEADS = new Map<string, ActorKind>(Object.entries(rules.orgHeads) as [string, ActorKind][]);
export const ORG_CONNECTORS = setOf(rules.orgConnectors);
export const NOT_NAME = setOf(rules.notNameWords);
export const PARTICLES = setOf(rules.particles);
export const LOCATIVES = setOf(rules.locatives);
export const PLACE_NOUNS = setOf(rules.placeNouns);
export const DIRECTIONS = setOf(rules.directions);
export const ROLE_NOUNS = setOf(rules.roleNouns);
export const TOPIC_OF_NOUNS = setOf(rules.topicOfNouns);
export const NON_PERSON = setOf(rules.nonPersonWords);
/** Words that end place names but are also surnames (Hill, Lane): a known given name outweighs them. */
export const NON_PERSON_WEAK = setOf(rules.nonPersonWeak);
export const MEDIA_HEADS = rules.mediaHeads;

// Given names (from Phoenix) that are also the names of places or states are not evidence of a person.
const placeWords = new Set<string>(rules.placeNames);
for (const s of gaz.states) for (const w of [s.name, ...s.capitals, ...s.adj, ...s.aliases]) placeWords.add(w);
export const GIVEN_NAMES = new Set(derived.givenNames.filter((g) => !placeWords.has(g) && !NOT_NAME.has(g) && !TITLES.has(g.toLowerCase())));

/** Names, capitals and adjectives of states: never part of a person's name. */
export const PLACE_WORDS: ReadonlySet<string> = placeWords;

/** The state whose separate government an id names ("syrian-gov" → Syria). */
export const STATE_OF_GOVERNMENT = new Map<string, LexActor>();
for (const a of ACTORS.values()) if (a.government) STATE_OF_GOVERNMENT.set(a.government, a);

/** Initials of curated bodies ("SOHR" → Syrian Observatory for Human Rights), for acronyms the text never spells out. */
export const BY_INITIALS = new Map<string, string | null>();
for (const a of gaz.actors) {
  // Bodies with an acronym of their own are found by it; the rest by what their initials spell.
  if (a.kind === 'person' || a.kind === 'state' || a.aliases.some(isAcronym)) continue;
  const ini = a.name.split(/[\s-]+/).filter((w) => w && !ORG_CONNECTORS.has(w.toLowerCase()) && /^\p{Lu}/u.test(w)).map((w) => w[0]).join('');
  if (ini.length < 3 || NOT_NAME.has(ini) || /^(?:USS|HMS|PDF|KIA|CEO|NGO|GDP)$/.test(ini)) continue;
  BY_INITIALS.set(ini, BY_INITIALS.has(ini) ? null : a.id);
}
