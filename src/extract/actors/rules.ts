import type { ActorKind } from '../../domain/record.ts';
import type { Word } from './words.ts';
import type { Cand, NewActor } from './cand.ts';
import { normName } from './cand.ts';
import {
  GIVEN_NAMES, SURNAMES, MEDIA_HEADS, ROLE_NOUNS, NON_PERSON, NON_PERSON_WEAK, NOT_NAME, ORG_CONNECTORS, ORG_HEADS, PARTICLES, PLACE_WORDS, TITLES, MAX_TITLE_WORDS,
} from './lexicon.ts';

const ARABIC_ARTICLE = /^(?:al|el|ad|ar|as|ash|at|az|an|ul|ud)-\p{Lu}/u;
// Honorifics and ranks that make a single capitalised word a person ("Gen Baqeri", "Mr Kassis").
const SINGLE_TITLES = new Set(['mr', 'mrs', 'ms', 'dr', 'gen', 'general', 'col', 'colonel', 'president', 'king', 'queen', 'prince', 'sheikh', 'emir', 'ayatollah', 'mullah', 'chancellor', 'senator', 'sen', 'lt', 'maj', 'capt', 'sgt', 'adm', 'admiral', 'marshal', 'imam', 'pope', 'rabbi', 'prof', 'minister']);

const nameLike = (w: Word): boolean => (w.cap && !NOT_NAME.has(w.text)) || ARABIC_ARTICLE.test(w.text);
const runWord = (w: Word): boolean => w.cap || ARABIC_ARTICLE.test(w.text);
const connector = (w: Word): boolean => ORG_CONNECTORS.has(w.lc) || PARTICLES.has(w.text);
const TRAILING_TITLES = new Set(['Professor', 'Prof', 'QC', 'KC', 'MP', 'MEP', 'Patron', 'OBE', 'MBE', 'CBE']);
const START_STOP = new Set(['The', 'A', 'An', 'In', 'On', 'At', 'By', 'For', 'From', 'To', 'With', 'And', 'But', 'Of', 'As', 'If', 'After', 'Before', 'While', 'When']);

/** The title words right before word `i` ("Foreign Minister", "Marine Gen", "envoy"), or null. */
export function titleBefore(words: readonly Word[], i: number): string | null {
  let best: string | null = null;
  for (let n = 1; n <= MAX_TITLE_WORDS; n++) {
    const a = i - n;
    if (a < 0) break;
    let ok = true;
    for (let k = a + 1; k <= i; k++) if (!words[k]!.joined) ok = false;
    if (!ok || words[a]!.poss) break;
    const t = words.slice(a, i).map((w) => w.lc).join(' ');
    if (TITLES.has(t)) best = words.slice(a, i).map((w) => w.text).join(' ');
  }
  return best;
}

function orgKind(part: readonly Word[]): ActorKind {
  const text = part.map((w) => w.text).join(' ');
  if (MEDIA_HEADS.some((h) => text.endsWith(h))) return 'media';
  // The head is the last head word before the first connector: "Movement of the Pluralistic Society".
  let kind: ActorKind | undefined;
  for (const w of part) {
    if (ORG_CONNECTORS.has(w.lc) && kind) break;
    kind = ORG_HEADS.get(w.text) ?? kind;
  }
  return kind ?? 'organization';
}

export interface RuleOut { cands: Cand[]; actors: NewActor[] }

/**
 * Capitalised runs the gazetteer did not cover: organisations by their head word
 * ("Syrian Nonviolence Movement"), persons by title, given name or apposition.
 */
export function ruleMentions(text: string, words: readonly Word[], covered: Uint8Array, placeWord: Uint8Array): RuleOut {
  const cands: Cand[] = [];
  const actors: NewActor[] = [];
  let i = 0;
  while (i < words.length) {
    const w = words[i]!;
    if (covered[i] || !runWord(w)) { i++; continue; }
    // A run: capitalised words and connectors joined by spaces, connectors only between capitals.
    let j = i;
    const headSoFar = (to: number) => words.slice(i, to + 1).some((x) => ORG_HEADS.has(x.text));
    while (j + 1 < words.length && words[j + 1]!.joined && !words[j]!.poss) {
      const n = words[j + 1]!;
      // A state's name may end an organisation's: "Working Group for Syria", "Federation of Northern Syria".
      if (covered[j + 1]) {
        if (placeWord[j + 1] && headSoFar(j) && !ORG_HEADS.has(words[j]!.text)) { while (j + 1 < words.length && placeWord[j + 1] && words[j + 1]!.joined) j++; }
        break;
      }
      if (runWord(n)) { j++; continue; }
      if (connector(n)) {
        let k = j + 1;
        while (k < words.length && !covered[k] && words[k]!.joined && connector(words[k]!) && !runWord(words[k]!)) k++;
        if (k < words.length && words[k]!.joined && runWord(words[k]!) && (!covered[k] || (placeWord[k] && headSoFar(j)))) {
          j = k;
          if (covered[k]) { while (j + 1 < words.length && placeWord[j + 1] && words[j + 1]!.joined) j++; break; }
          continue;
        }
      }
      break;
    }
    for (const part of splitRun(words.slice(i, j + 1))) classify(text, words, part, cands, actors);
    i = j + 1;
  }
  return { cands, actors };
}

/** Cuts a run before "of/for ..." when the left side has no head ("Ibrahim al-Assil of the X Movement"). */
const DESCRIPTIVE = /-(?:led|backed|dominated|based|allied|held|run|controlled|affiliated|linked|aligned|supported|sponsored|born|owned)$/i;
function splitRun(run: Word[]): Word[][] {
  while (run.length && (START_STOP.has(run[0]!.text) || DESCRIPTIVE.test(run[0]!.text) || (connector(run[0]!) && !runWord(run[0]!)))) run = run.slice(1);
  if (run.length && /^(?:USS|HMS|MV|RFS)$/.test(run[0]!.text)) return [];
  const cut = run.findIndex((w) => DESCRIPTIVE.test(w.text));
  if (cut >= 0) run = run.slice(0, cut);
  if (!run.length) return [];
  while (run.length && connector(run.at(-1)!) && !runWord(run.at(-1)!)) run = run.slice(0, -1);
  if (!run.length) return [];
  const hasHead = (ws: Word[]) => ws.some((w) => ORG_HEADS.has(w.text));
  for (let k = 1; k < run.length - 1; k++) {
    const w = run[k]!;
    if (!['of', 'for', 'and', 'at', 'in', 'on'].includes(w.lc)) continue;
    const left = run.slice(0, k), right = run.slice(k + 1);
    const leftHead = hasHead(left);
    if ((!leftHead && hasHead(right)) || (w.lc === 'and' && ORG_HEADS.has(left.at(-1)!.text)) || (!leftHead && !hasHead(right))) {
      return [...splitRun(left), ...splitRun(right)];
    }
  }
  return [run];
}

function classify(text: string, words: readonly Word[], part: Word[], cands: Cand[], actors: NewActor[]): void {
  const first = part[0]!, last = part.at(-1)!;
  const name = text.slice(first.start, last.end);
  const heads = part.filter((w) => ORG_HEADS.has(w.text));
  if (heads.length && part.length >= 2 && !(part.length === 2 && NOT_NAME.has(first.text) && heads[0] === last && first.first)) {
    const id = `rule:${normName(name)}`;
    actors.push({ id, name, kind: orgKind(part), affiliations: [] });
    cands.push({ start: first.start, end: last.end, from: first.i, to: last.i, sentence: first.sentence, target: id, via: 'name', acts: true, confidence: 0.7 });
    return;
  }
  if (heads.length) return;
  // Persons: two to four name words (particles allowed inside), or one after an honorific.
  // Leading titles inside the run ("President Bashar", "Marine Gen Joseph") move before it.
  let s = 0;
  outer: while (s < part.length - 1) {
    for (let n = Math.min(MAX_TITLE_WORDS, part.length - 1 - s); n >= 1; n--) {
      if (TITLES.has(part.slice(s, s + n).map((w) => w.lc).join(' '))) { s += n; continue outer; }
    }
    if (NOT_NAME.has(part[s]!.text) || PLACE_WORDS.has(part[s]!.text)) { s++; continue; }
    // "Londoners Ali Khan": a people's plural before a name of two words or more
    if (part.length - s >= 3 && DEMONYM_PLURAL.test(part[s]!.text) && !ORG_HEADS.has(part[s]!.text)) { s++; continue; }
    break;
  }
  let e = part.length - 1;
  while (e > s && TRAILING_TITLES.has(part[e]!.text)) e--;
  if (s > 0 || e < part.length - 1) { part = part.slice(s, e + 1); return classify(text, words, part, cands, actors); }
  if (part.some((w) => NON_PERSON.has(w.text)) || (part.some((w) => NON_PERSON_WEAK.has(w.text)) && !GIVEN_NAMES.has(first.text))) {
    // "Sky News", "Chatham House": a name, but no person's.
    if (MEDIA_HEADS.some((h) => name.endsWith(h)) && part.length >= 2) {
      const id = `rule:${normName(name)}`;
      actors.push({ id, name, kind: 'media', affiliations: [] });
      cands.push({ start: first.start, end: last.end, from: first.i, to: last.i, sentence: first.sentence, target: id, via: 'name', acts: true, confidence: 0.6 });
    }
    return;
  }
  const nameWords = part.filter((w) => !PARTICLES.has(w.text) || w.cap);
  if (!part.every((w) => nameLike(w) || (PARTICLES.has(w.text) && w !== first && w !== last))) return;
  if (part.some((w) => PLACE_WORDS.has(w.text)) || PLACE_WORDS.has(name)) return;
  const title = titleBefore(words, first.i) ?? roleBefore(text, first);
  let person = false;
  let confidence = 0.6;
  if (nameWords.length >= 2 && nameWords.length <= 4) {
    if (title || GIVEN_NAMES.has(first.text) || (SURNAMES.has(last.text) && !first.first)) { person = true; confidence = 0.75; }
    else if (apposition(text, last) || speechAround(text, words, first, last) || peopleNounBefore(words, first) || nextToPerson(words, first, cands, actors)) person = true;
  } else if (nameWords.length === 1 && title && SINGLE_TITLES.has(title.split(' ').at(-1)!.toLowerCase()) && !first.first) {
    person = true;
  }
  if (!person) return;
  const id = `rule:${normName(name)}`;
  actors.push({ id, name, kind: 'person', ...(title ? { description: title } : {}), affiliations: [] });
  cands.push({ start: first.start, end: last.end, from: first.i, to: last.i, sentence: first.sentence, target: id, via: 'name', acts: true, confidence });
}

// "activist Lina Haddad", "Londoners Ali Khan and ...": a noun for people right before a name describes it.
const DEMONYM_PLURAL = /^\p{Lu}\p{Ll}+(?:ers|ans|ians|is|ites|ese|ons)$/u;
function peopleNounBefore(words: readonly Word[], first: Word): boolean {
  const p = words[first.i - 1];
  if (!p || !first.joined || p.sentence !== first.sentence || p.poss) return false;
  if (ROLE_NOUNS.has(p.lc) && !p.cap) return true;
  return DEMONYM_PLURAL.test(p.text) && !PLACE_WORDS.has(p.text) && !NOT_NAME.has(p.text) && !ORG_HEADS.has(p.text);
}
/** "Ali Khan and Omar Said": a name joined by "and" to a person's name just found. */
function nextToPerson(words: readonly Word[], first: Word, cands: readonly Cand[], actors: readonly NewActor[]): boolean {
  const and = words[first.i - 1];
  if (!and || and.lc !== 'and' || !first.joined || !and.joined || and.sentence !== first.sentence) return false;
  const c = cands.at(-1);
  return !!c && c.to === and.i - 1 && actors.find((a) => a.id === c.target)?.kind === 'person';
}

const APPOSITION = /^,\s+(?:a|an|the|who|former|then|now|[\p{Lu}][\p{L}'’.-]*(?:['’]s)?\s+(?:former\s+)?(?:[\p{Ll}-]+\s+){0,3}?(?:president|minister|spokesman|spokeswoman|envoy|ambassador|chief|leader|head|commander|adviser|director|secretary|chairman|official)|(?:(?:senior|deputy|executive|managing|founding|research|former)\s+)?(?:director|head|founder|co-founder|chairman|chairwoman|chair|spokesman|spokeswoman|spokesperson|professor|lecturer|fellow|researcher|analyst|editor|correspondent|commander|leader|member|secretary|president|adviser|advisor)\s+(?:at|of|for|with|in)\s)\b/u;
/** ", a former member of ...", ", Syria's ambassador to the UN", ", who ..." right after a name. */
export const apposition = (text: string, last: Word): boolean => APPOSITION.test(text.slice(last.end, last.end + 80));

const SAID = /^(?:said|says|told|added|wrote|tweeted|warned|insisted|argued|explained|stated)\b/;
function speechAround(text: string, words: readonly Word[], first: Word, last: Word): boolean {
  const after = words[last.i + 1];
  if (after && after.sentence === last.sentence && SAID.test(after.lc) && /^[\s,]*$/.test(text.slice(last.end, after.start))) return true;
  const before = words[first.i - 1];
  return !!before && before.sentence === first.sentence && SAID.test(before.lc) && /^\s+$/.test(text.slice(before.end, first.start));
}

// "Turkey's foreign minister, Mevlüt Çavuşoğlu," / "the US national security adviser, HR McMaster,"
const ROLE_COMMA = /\b((?:[\p{L}’'-]+\s+){0,3}(?:minister|president|envoy|ambassador|adviser|advisor|spokesman|spokeswoman|spokesperson|chancellor|secretary|commander|chief|leader|negotiator|mediator|director|head|premier|king|emir|general|official|representative|coordinator|chairman|founder|analyst|researcher)(?:\s+(?:for|to|of|on|at)\s+(?:the\s+)?[\p{Lu}][\p{L}’'-]*)?)\s*,\s*$/u;
function roleBefore(text: string, first: Word): string | null {
  let k = first.start - 1;
  while (k > 0 && text.charCodeAt(k) === 32) k--;
  if (text[k] !== ',') return null;
  const m = ROLE_COMMA.exec(text.slice(Math.max(0, first.start - 80), first.start));
  return m ? m[1]!.trim().replace(/^(?:(?:While|When|As|After|But|And|The|A|An|Meanwhile|Earlier|Later|Then)\s+)+/, '') : null;
}
