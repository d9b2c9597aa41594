import type { Actor, ActorKind, Mention, Segmented, Span, Token } from '../../domain/record.ts';
import type { ActorsFound } from '../02-actors.ts';
import { ANON_HEADS, BODY_VOICES, GROUP_HEADS, MEMBER_HEADS, ORG_WORDS, PRONOUNS, ROLE_HEADS, TITLES } from './lexicon.ts';
import { isPossessorOf, lowerBound, nameIn } from './names.ts';
import { hasCapitalHead, headIndex, low, startsCapital, type NP } from './np.ts';

/** Who a quote is attributed to. */
export interface Speaker {
  readonly speakerId: string | null;
  readonly speaker: string | null;
  readonly speakerDescription?: string;
  readonly anonymous: boolean;
  readonly span: Span;
  /** Person, group or unknown: what a later "he" or "it" may refer back to. */
  readonly sort: 'person' | 'group' | 'unknown';
  /** An unnamed definite role ("the foreign minister"): a person the next sentences may name. */
  readonly role?: boolean;
}

const GROUP_KINDS = new Set<ActorKind>(['organization', 'government', 'state', 'armed_group', 'international_org', 'monitor', 'media']);
/** What a definite description may refer back to: "the group" is no government. */
const HEAD_KINDS: [RegExp, ActorKind[]][] = [
  [/^(monitor|observatory)$/, ['monitor', 'organization']],
  [/^(government|regime|administration|ministry|presidency|kremlin|office|department|embassy)$/, ['government', 'state']],
  [/^(agency|newspaper|broadcaster|channel|station|television|media)$/, ['media', 'government', 'organization']],
  [/^(country)$/, ['state']],
  [/^(army|force|forces|militia|faction|front)$/, ['armed_group', 'government']],
  [/./, ['organization', 'armed_group', 'monitor', 'international_org']],
];
const NAME_JOINS = new Set(['for', 'of', 'and']);

export class SpeakerResolver {
  private readonly byId = new Map<string, Actor>();
  private readonly mentions: Mention[];
  /** Speakers found so far, in text order, for pronouns and surnames. */
  private readonly seen: { at: number; s: Speaker; subject: boolean }[] = [];

  /** Names inside quotation marks (and, while `strict`, inside reported clauses) are no speakers. */
  private strict = false;

  constructor(private readonly seg: Segmented, found: ActorsFound, private readonly inMarks: (at: number) => boolean = () => false,
    private readonly inReported: (at: number) => boolean = () => false) {
    for (const a of found.actors) this.byId.set(a.id, a);
    this.mentions = [...found.mentions].sort((a, b) => a.start - b.start);
  }

  resolve(st: Token[], np: NP, subject = true): Speaker {
    const span = { start: st[np.from]!.start, end: st[np.relEnd ?? np.to]!.end };
    const s = np.pronoun ? this.pronoun(st[np.from]!, span) : this.phrase(st, np, span);
    this.seen.push({ at: span.start, s, subject });
    return s;
  }

  private actorSpeaker(a: Actor, span: Span): Speaker {
    return { speakerId: a.id, speaker: a.name, anonymous: false, span, sort: a.kind === 'person' ? 'person' : GROUP_KINDS.has(a.kind) ? 'group' : 'unknown' };
  }

  private anonymous(description: string, span: Span, sort: Speaker['sort'] = 'unknown'): Speaker {
    return { speakerId: null, speaker: null, speakerDescription: description, anonymous: true, span, sort };
  }

  private quoted(at: number): boolean {
    return this.inMarks(at) || this.strict && this.inReported(at);
  }

  /** A pronoun goes back to a speaker or a subject; a name inside what was reported only when nothing else fits. */
  private pronoun(t: Token, span: Span): Speaker {
    this.strict = true;
    const s = this.pronounIn(t, span);
    this.strict = false;
    return s.speaker ? s : this.pronounIn(t, span);
  }

  private pronounIn(t: Token, span: Span): Speaker {
    const m = this.mentions.find((x) => x.start <= t.start && t.end <= x.end && this.byId.has(x.actorId));
    if (m) return this.actorSpeaker(this.byId.get(m.actorId)!, span);
    const want = PRONOUNS.get(low(t));
    const limit = this.sentenceStartBefore(t.start, 5);
    if (want === 'person' || want === 'group') {
      // Candidates: earlier speakers of that sort and mentions of fitting actors. The nearest
      // in the current or the previous sentence that stands as a subject wins; else the nearest.
      const fits = (a: Actor) => (want === 'person' ? a.kind === 'person' : GROUP_KINDS.has(a.kind));
      const cands: { at: number; s: Speaker; subject: boolean }[] = [];
      for (const x of this.mentions) {
        if (x.start < limit) continue;
        if (x.end > t.start) break;
        const a = this.byId.get(x.actorId);
        if (a && x.via !== 'pronoun' && fits(a) && !this.quoted(x.start)) cands.push({ at: x.start, s: this.actorSpeaker(a, span), subject: this.isSubject(x.end) });
      }
      for (const x of this.seen) if (x.at >= limit && x.s.sort === want && x.s.speaker) cands.push({ at: x.at, s: { ...x.s, span }, subject: x.subject });
      const recent = this.sentenceStartBefore(t.start, 1);
      const pick = (xs: typeof cands) => xs.reduce<(typeof cands)[number] | undefined>((b, x) => (!b || x.at > b.at ? x : b), undefined);
      const best = pick(cands.filter((x) => x.subject && x.at >= recent)) ?? pick(cands);
      if (best) return best.s;
      if (want === 'group') { const g = this.nearestGroupName(t.start, limit, span); if (g) return g; }
      if (want === 'person' && !this.mentions.length) { const p = this.nearestPersonName(t.start, span); if (p) return p; }
    } else if (want === 'plural') {
      // "they": the speakers just quoted, else a group standing as a subject just before
      const prev = this.seen.at(-1);
      if (prev && prev.at >= this.sentenceStartBefore(t.start, 2)) return { ...prev.s, span };
      const recent = this.sentenceStartBefore(t.start, 1);
      for (let i = this.mentions.length - 1; i >= 0; i--) {
        const x = this.mentions[i]!;
        if (x.end > t.start || this.quoted(x.start)) continue;
        if (x.start < recent) break;
        const a = this.byId.get(x.actorId);
        if (a && GROUP_KINDS.has(a.kind) && a.kind !== 'state' && this.isSubject(x.end)) return this.actorSpeaker(a, span);
      }
    }
    return this.anonymous(t.text, span);
  }

  /** Does a verb follow the mention (past adverbs and auxiliaries)? */
  private isSubject(end: number): boolean {
    const toks = this.seg.tokens;
    let i = lowerBound(toks, end);
    while (i < toks.length && (toks[i]!.pos === 'ADV' || toks[i]!.pos === 'PART' && toks[i]!.text !== '’s')) i++;
    const t = toks[i];
    return !!t && (t.pos === 'VERB' || t.pos === 'AUX');
  }

  private phrase(st: Token[], np: NP, span: Span): Speaker {
    const desc = this.seg.text.slice(span.start, span.end);
    const h = headIndex(st, np);
    const headWord = low(st[h]);
    const capHead = hasCapitalHead(st, np);
    // "US officials", "a member of the ... Committee": an unnamed person, whatever names qualify it
    if ((BODY_VOICES.has(headWord) || MEMBER_HEADS.has(headWord)) && !capHead && np.relEnd == null) {
      // "a Foreign Office spokesperson", "a spokesman for the council", "Hamas fighters": the body speaks
      const m = this.bestMention(st, np.from, np.to);
      const a = m && this.byId.get(m.actorId);
      const fits = a && (BODY_VOICES.has(headWord) ? a.kind !== 'person' : a.kind === 'armed_group' || a.kind === 'organization');
      if (a && fits) return this.actorSpeaker(a, span);
    }
    if (ANON_HEADS.has(headWord) && !capHead) {
      // "the Turkish president": the person the text introduced with that role
      const role = low(st[np.from]) === 'the' && h === np.to && np.relEnd == null ? this.previousRole(st, np.from, h, span) : undefined;
      if (role) return role;
      return ROLE_HEADS.has(headWord) && low(st[np.from]) === 'the' ? { ...this.anonymous(desc, span, 'person'), role: true } : this.anonymous(desc, span);
    }
    const m = this.bestMention(st, np.from, h);
    if (m) return this.actorSpeaker(this.byId.get(m.actorId)!, span);
    const name = nameIn(st, np);
    if (!name) {
      // "the group said" / "the monitor said": a definite description of a group named before
      if (low(st[np.from]) === 'the' && GROUP_HEADS.has(headWord) && np.to - np.from <= 2) {
        const g = this.groupNamedLike(st, np.from + 1, h, span) ?? this.previousGroup(st[np.from]!.start, span, headWord);
        if (g) return g;
      }
      return this.anonymous(desc, span, 'group');
    }
    const at = st.findIndex((x, k) => k >= np.from && x.text === name);
    if (!capHead && at >= 0 && at < h && GROUP_HEADS.has(headWord) && st.slice(at + 1, h + 1).every((x) => !startsCapital(x.text))) {
      // "Syrian state media", "Tasnim news agency": a body named by the whole phrase
      return { speakerId: null, speaker: this.seg.text.slice(st[at]!.start, st[h]!.end), anonymous: false, span, sort: 'group' };
    }
    const actor = this.actorNamed(name);
    if (actor) return this.actorSpeaker(actor, span);
    // no actor covers it: the name as written
    const words = name.split(/\s+/);
    const sort = words.some((w) => ORG_WORDS.has(w.toLowerCase())) ? 'group' : words.length >= 2 || this.isSurname(name) ? 'person' : 'group';
    return { speakerId: null, speaker: name, anonymous: false, span, sort };
  }

  /** A mention inside the phrase's head part, not a possessor or a bare adjective ("Syrian"). */
  private bestMention(st: Token[], from: number, h: number): Mention | undefined {
    const start = st[from]!.start, end = st[h]!.end;
    let best: Mention | undefined;
    for (const m of this.mentions) {
      if (m.start >= end) break;
      if (m.end <= start || !this.byId.has(m.actorId)) continue;
      const toks = st.filter((t) => t.start >= m.start && t.end <= m.end);
      if (toks.length && toks.every((t) => t.pos === 'ADJ')) continue;
      const possessor = isPossessorOf(m, this.seg.text);
      if (!best || isPossessorOf(best, this.seg.text) && !possessor) best = m;
    }
    return best;
  }

  private actorNamed(name: string): Actor | undefined {
    const n = name.toLowerCase();
    for (const a of this.byId.values()) {
      if (a.name.toLowerCase() === n || a.aliases.some((x) => x.toLowerCase() === n)) return a;
    }
    for (const a of this.byId.values()) {
      if (a.kind === 'person' && a.name.toLowerCase().endsWith(' ' + n)) return a;
    }
    return undefined;
  }

  private isSurname(name: string): boolean {
    return this.seen.some((x) => x.s.sort === 'person' && x.s.speaker?.endsWith(' ' + name));
  }

  /**
   * "the Turkish president" / "the Syrian opposition leader": the nearest earlier person whose
   * name stands next to that role word, or next to all the description's other words
   * ("Turkish President Recep Tayyip Erdoğan", "Nasr al-Hariri, the opposition's chief").
   */
  private previousRole(st: Token[], from: number, h: number, span: Span): Speaker | undefined {
    const head = low(st[h]);
    if (/s$/.test(head) && !TITLES.has(head)) return undefined; // "the officials": a plural is nobody named
    const mods = st.slice(from + 1, h).map(low).filter((w) => /^\p{L}/u.test(w));
    const near = (re: RegExp, m: Mention) => re.test(this.seg.text.slice(Math.max(0, m.start - 40), m.end + 40).toLowerCase());
    const word = (w: string) => new RegExp(`(?:^|[^\\p{L}])${w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?:$|[^\\p{L}])`, 'u');
    const headRe = word(head), modRes = mods.map(word);
    const at = st[from]!.start, limit = this.sentenceStartBefore(at, 25);
    for (let i = this.mentions.length - 1; i >= 0; i--) {
      const m = this.mentions[i]!;
      if (m.end > at || m.via === 'pronoun' || this.inMarks(m.start) || this.inReported(m.start)) continue;
      if (m.start < limit) break;
      const a = this.byId.get(m.actorId);
      if (!a || a.kind !== 'person') continue;
      if ((near(headRe, m) || modRes.length >= 2) && modRes.every((re) => near(re, m))) return this.actorSpeaker(a, span);
    }
    // a role word alone: the person last quoted, when nobody else was quoted since
    if (!ROLE_HEADS.has(head)) return undefined;
    const recent = this.sentenceStartBefore(at, 6);
    const people = this.seen.filter((x) => x.at >= recent && x.at < at && x.s.sort === 'person' && x.s.speakerId);
    const last = people.at(-1);
    return last && people.every((x) => x.s.speakerId === last.s.speakerId) ? { ...last.s, span } : undefined;
  }

  /** "the working group": an earlier body whose name holds all the description's words. */
  private groupNamedLike(st: Token[], from: number, h: number, span: Span): Speaker | undefined {
    if (h <= from) return undefined; // a bare "the group" goes by kind and nearness
    const words = st.slice(from, h + 1).map(low);
    const at = st[from]!.start;
    for (let i = this.mentions.length - 1; i >= 0; i--) {
      const m = this.mentions[i]!;
      if (m.end > at) continue;
      const a = this.byId.get(m.actorId);
      if (!a || a.kind === 'person') continue;
      const name = a.name.toLowerCase().split(/[^\p{L}]+/u);
      if (words.every((w) => name.includes(w))) return this.actorSpeaker(a, span);
    }
    return undefined;
  }

  private previousGroup(at: number, span: Span, head: string): Speaker | undefined {
    const limit = this.sentenceStartBefore(at, 4);
    const kinds = HEAD_KINDS.find(([re]) => re.test(head))?.[1] ?? [...GROUP_KINDS].filter((k) => k !== 'state');
    for (let i = this.mentions.length - 1; i >= 0; i--) {
      const x = this.mentions[i]!;
      if (x.end > at || x.start < limit) continue;
      const a = this.byId.get(x.actorId);
      if (a && kinds.includes(a.kind) && !this.quoted(x.start)) return this.actorSpeaker(a, span);
    }
    return this.nearestGroupName(at, limit, span);
  }

  /** Without actors from stage 2: the nearest name of two capitalised words standing as a subject. */
  private nearestPersonName(at: number, span: Span): Speaker | undefined {
    const toks = this.seg.tokens, limit = this.sentenceStartBefore(at, 1);
    for (let i = lowerBound(toks, at) - 1; i > 0 && toks[i]!.start >= limit; i--) {
      const t = toks[i]!, next = toks[i + 1];
      if (t.pos !== 'PROPN' || !next || next.pos !== 'VERB' && next.pos !== 'AUX' || this.quoted(t.start)) continue;
      let a = i;
      while (a > 0 && toks[a - 1]!.pos === 'PROPN' && toks[a - 1]!.sentence === t.sentence && !TITLES.has(low(toks[a - 1]))) a--;
      const words = toks.slice(a, i + 1);
      if (words.length < 2 || words.some((w) => ORG_WORDS.has(low(w)))) continue;
      return { speakerId: null, speaker: this.seg.text.slice(toks[a]!.start, t.end), anonymous: false, span, sort: 'person' };
    }
    return undefined;
  }

  /** Without actors from stage 2: the nearest capitalised name with an organisation word. */
  private nearestGroupName(at: number, limit: number, span: Span): Speaker | undefined {
    const toks = this.seg.tokens;
    let i = lowerBound(toks, at) - 1;
    for (; i >= 0 && toks[i]!.start >= limit; i--) {
      if (!ORG_WORDS.has(low(toks[i])) || !/^\p{Lu}/u.test(toks[i]!.text)) continue;
      let a = i;
      while (a > 0 && (/^\p{Lu}/u.test(toks[a - 1]!.text) || NAME_JOINS.has(low(toks[a - 1])) && /^\p{Lu}/u.test(toks[a - 2]?.text ?? '')) && toks[a - 1]!.sentence === toks[i]!.sentence) a--;
      let b = i;
      while (b + 1 < toks.length && (/^\p{Lu}/u.test(toks[b + 1]!.text) || NAME_JOINS.has(low(toks[b + 1])) && /^\p{Lu}/u.test(toks[b + 2]?.text ?? ''))) b++;
      while (a < b && (TITLES.has(low(toks[a])) || toks[a]!.pos === 'DET')) a++;
      const name = this.seg.text.slice(toks[a]!.start, toks[b]!.end);
      return { speakerId: null, speaker: name, anonymous: false, span, sort: 'group' };
    }
    return undefined;
  }

  private sentenceStartBefore(at: number, n: number): number {
    const ss = this.seg.sentences;
    let k = ss.findIndex((s) => s.end > at);
    if (k < 0) k = ss.length - 1;
    return ss[Math.max(0, k - n)]?.start ?? 0;
  }
}
