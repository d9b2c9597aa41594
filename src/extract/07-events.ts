import type { DateMention, Event, EventType, Quantity, Segmented, Sentence, Span } from '../domain/record.ts';
import type { ActorsFound } from './02-actors.ts';
import { hostOf, partiesOf } from './events/actor.ts';
import { datesSpeech, distance, sameClause } from './events/clause.ts';
import { ADJECTIVAL, findTriggers, MEASURE_ORDER, SUBSET_BEFORE, type Trigger } from './events/cues.ts';
import { type Draft, mergeInto } from './events/merge.ts';
import { findPlaces, type Place } from './events/places.ts';
import { roundOf } from './events/round.ts';
import { datesTheOneBefore, frameOf } from './events/frame.ts';
import { type Ctx, makeCtx } from './participation/context.ts';
import { sentenceWords } from './participation/patterns.ts';
import { sentenceIndexAt } from './text-utils.ts';

export interface EventInputs {
  readonly actors: ActorsFound;
  readonly dates: DateMention[];
  readonly quantities: Quantity[];
  /** The report's publication date (ISO): a date long past cannot be that of talks announced. */
  readonly published?: string;
}

/** Stage 7: talks, releases, aid access, ceasefires ... with actor, place, dates, quantity. */
export function findEvents(seg: Segmented, inputs: EventInputs): Event[] {
  const ctx = makeCtx(seg, inputs.actors);
  const datesBy = bySentence(seg, inputs.dates);
  const qtyBy = bySentence(seg, inputs.quantities);
  const drafts: Draft[] = [];
  for (const s of seg.sentences) {
    if (isTitle(seg, s)) continue;
    // A cue inside a name ("High Negotiations Committee") is no event.
    const names = ctx.bySentence[s.index] ?? [];
    // Nor is a capitalised noun inside a sentence ("the US Congress").
    // (A verb's own words end at its first: "endorsed the UN plan" names the UN after it.)
    const triggers = findTriggers(seg.text, s, sentenceWords(seg, s.index, () => ctx.tokens(s.index)), ctx.tokens(s.index)).filter((t) => !names.some((m) => m.start < (t.verb ? t.start + /^\S+/u.exec(seg.text.slice(t.start, t.end))![0].length : t.end) && t.start < m.end)
      && (t.verb || t.start === s.start || !/^\p{Lu}/u.test(seg.text[t.start]!)));
    const groups = groupTriggers(seg.text, triggers);
    if (!groups.length) continue;
    const places = findPlaces(seg.text, s);
    const local: Draft[] = [];
    for (const g of groups) {
      const locs = places.filter((p) => p.locative || objectOf(seg.text, p, g.at(-1)!));
      const place = owned(ctx, groups, g, locs, (p) => p) ?? places.find((p) => modifies(seg.text, p, g[0]!)) ?? soleLocation(seg.text, groups, g, locs);
      const dates = (datesBy[s.index] ?? []).filter((d) => !datesSpeech(seg.text, s.start, d.evidence[0]!.start));
      const owner = owned(ctx, groups, g, dates, (d) => d.evidence[0]!);
      const date = owner && !datesTheOneBefore(seg.text, s, spanOf(g), owner) ? owner : undefined;
      local.push(draftOf(ctx, s, g, place, date, quantityFor(seg.text, groups, g, qtyBy[s.index] ?? [])));
    }
    borrowFromTalks(seg.text, local);
    for (const d of local) mergeInto(drafts, d, inputs.published);
  }
  return drafts.map((d) => d.event);
}

const RESULTED_IN = /\b(?:led|lead|leads|leading)\s+to\b|\b(?:produced|yielded|ended\s+with|ended\s+in|resulted\s+in|brought\s+about|reached|clinched|secured|sealed)\b/iu;
/** "Talks last week between X and Y led to agreement": an outcome with nothing of its own is the talks'. */
function borrowFromTalks(text: string, local: Draft[]): void {
  for (const d of local) {
    const e = d.event;
    if ((e.type !== 'agreement' && e.type !== 'ceasefire') || e.actor || e.place || e.start || e.quantity != null) continue;
    const at = e.evidence[0]!.start;
    const talks = local.filter((x) => x.event.type === 'talks' && x.event.evidence[0]!.end <= at).at(-1);
    if (!talks || !(talks.event.actor || talks.event.start) || !RESULTED_IN.test(text.slice(talks.event.evidence[0]!.end, at))) continue;
    const t = talks.event;
    d.event = { ...e, ...(t.actor ? { actor: t.actor, actorId: t.actorId } : {}), ...(t.start ? { start: t.start, end: t.end ?? t.start } : {}) };
  }
}

/** A headline repeats what the report says below it: "Talks in Moscow to Focus on Aid". */
function isTitle(seg: Segmented, s: Sentence): boolean {
  const p = seg.paragraphs[s.paragraph];
  return s.paragraph === 0 && seg.paragraphs.length > 1 && !!p && p.end === s.end && s.end - s.start < 140 && !/[.!?"”]$/.test(seg.text.slice(s.start, s.end));
}

function bySentence<T extends { sentence: number }>(seg: Segmented, items: readonly T[]): T[][] {
  const out: T[][] = seg.sentences.map(() => []);
  for (const x of items) out[x.sentence]?.push(x);
  return out;
}

/** Cues of one type next to each other ("shelling and airstrikes") are one happening. */
function groupTriggers(text: string, ts: Trigger[]): Trigger[][] {
  const out: Trigger[][] = [];
  for (const t of ts) {
    const g = [...out].reverse().find((x) => x[0]!.type === t.type);
    const last = g?.at(-1);
    if (g && last && /^[\s,]*(?:(?:and|or|of|the|a|an)\s+)*(?:[\w-]+\s+){0,2}$/iu.test(text.slice(last.end, t.start)) && !/[;.]/.test(text.slice(last.end, t.start))) g.push(t);
    else out.push([t]);
  }
  return out;
}

const spanOf = (g: Trigger[]): Span => ({ start: g[0]!.start, end: g.at(-1)!.end });

/** "the Sochi summit", "the Geneva peace talks": a town written right before the cue ("Syria talks" names the topic). */
function modifies(text: string, p: Place, t: Trigger): boolean {
  // "Baghdad–Washington talks" name the parties, not a venue.
  if (/[–—-]\s*$/u.test(text.slice(Math.max(0, p.start - 2), p.start)) || /^\s*[–—-]/u.test(text.slice(p.end, p.end + 2))) return false;
  return !p.country && p.end <= t.start && /^(?:['’]s)?\s+(?:[\w-]+\s+){0,1}$/u.test(text.slice(p.end, t.start));
}

/**
 * The one place a sentence with a single cue locates, when another verb stands between them:
 * "fighters are fighting to clear the town of Xyz", "the UN called for access at Xyz camp".
 */
function soleLocation(text: string, groups: Trigger[][], g: Trigger[], locs: readonly Place[]): Place | undefined {
  if (groups.length !== 1) return undefined;
  const mine = spanOf(g);
  const near = locs.filter((p) => p.locative && !p.country && sameClause(text, p, mine) && !TIME_PHRASE.test(text.slice(p.end, mine.start)));
  return near.length === 1 ? near[0] : undefined;
}

/** "the bombardment of Eastern Ghouta", "an assault on Raqqa": the place the event is done to. */
function objectOf(text: string, p: Place, t: Trigger): boolean {
  // Talks "on Syria" are about it, not in it.
  const link = t.type === 'talks' ? /^\s+of\s+(?:the\s+)?$/iu : /^\s+(?:of|on|against)\s+(?:the\s+)?$/iu;
  return t.end <= p.start && link.test(text.slice(t.end, p.start));
}

/**
 * The item this cue group owns: a place or date belongs to the nearest cue before it (a
 * phrase attaches to what it follows: "an offensive on Sunday in Ghouta"), else to the nearest
 * cue after it ("On Sunday, ... attacked"); cues of every type compete, except adjectives
 * ("the besieged town"), which take the nearest item without competing.
 */
function owned<T>(ctx: Ctx, groups: Trigger[][], g: Trigger[], items: readonly T[], at: (x: T) => Span): T | undefined {
  const text = ctx.text;
  const mine = spanOf(g);
  const adjective = ADJECTIVAL.has(g[0]!.type);
  const rivals = groups.filter((x) => x === g || !ADJECTIVAL.has(x[0]!.type)).map((x) => ({ x, span: spanOf(x) }));
  let best: T | undefined, bestD = Infinity;
  for (const item of items) {
    const xs = at(item);
    if (!sameClause(text, xs, mine)) continue;
    // "flew to Moscow ahead of the invasion": a cue in a time phrase takes nothing written before it.
    if (xs.end <= mine.start && TIME_PHRASE.test(text.slice(xs.end, mine.start))) continue;
    const d = distance(xs, mine);
    if (d >= bestD || (adjective && d > 80)) continue;
    if (!adjective) {
      const near = rivals.filter((r) => sameClause(text, xs, r.span));
      const before = near.filter((r) => r.span.start < xs.start).sort((a, b) => b.span.end - a.span.end)[0];
      const after = near.filter((r) => r.span.start >= xs.start).sort((a, b) => a.span.start - b.span.start)[0];
      if ((before ?? after)?.x !== g) continue;
      // No other verb may come between ("agreed to resume traffic by 2019" dates the traffic).
      if (verbBetween(ctx, g[0]!, before ? mine : xs, before ? xs : mine)) continue;
    }
    best = item; bestD = d;
  }
  return best;
}

const TIME_PHRASE = /\b(?:ahead\s+of|before|after|following|since|amid|despite|during)\s+(?:(?:the|a|an|its|their|this|last|week['’]s|[\w-]+['’]s)\s+)?(?:[\w-]+\s+){0,2}$/iu;

/** Verbs that place an event in time rather than name another: "talks resume on 28 June". */
const ASPECT = /^(?:resum|restart|begin|began|begun|start|continu|end|open|clos|tak|took|place|held|hold|due|schedul|set|expect|last|run|ran|convene|reconvene|launch|erupt|broke|break|come|came|went|go|kill|die|wound|injur|hit|struck|strik|pound|target|shell|bomb|pummel|fire|fired|agreed|sign|broker|reach|declar|announc|implement|enforc|order)/iu;

function verbBetween(ctx: Ctx, t: Trigger, a: Span, b: Span): boolean {
  const s = ctx.seg.sentences[sentenceIndexAt(ctx.seg, t.start)];
  if (!s || t.start >= s.end) return false;
  // After a noun cue an aspect verb is the cue's own ("talks resume on 28 June"); after a verb
  // cue any verb starts another clause ("agreed to resume traffic by 2019").
  const toks = ctx.tokens(s.index);
  return toks.some((k, i) => k.start >= a.end && k.end <= b.start && k.pos === 'VERB' && (t.verb || !ASPECT.test(k.text)) && !prenominal(toks, i) && !(!t.verb && parenthetical(toks, i, b.start)));
}

/** "Talks, sponsored by the UN, open ...": a participle set off by commas after a noun cue describes it. */
function parenthetical(toks: readonly { text: string; start: number }[], i: number, before: number): boolean {
  if (toks[i - 1]?.text !== ',' || !/(?:ed|en)$/i.test(toks[i]!.text)) return false;
  for (let j = i + 1; j < toks.length && toks[j]!.start < before; j++) if (toks[j]!.text === ',') return true;
  return false;
}

/** "the internationally recognised government", "the besieged town": a participle before its noun is no verb. */
function prenominal(toks: readonly { text: string; pos: string }[], i: number): boolean {
  const prev = toks[i - 1], next = toks[i + 1];
  if (!prev || !next || !/(?:ed|en)$/i.test(toks[i]!.text) || (next.pos !== 'NOUN' && next.pos !== 'PROPN')) return false;
  if (prev.pos === 'DET' || prev.pos === 'PART' || prev.pos === 'ADJ') return true;
  const pp = toks[i - 2];
  return prev.pos === 'ADV' && /ly$/i.test(prev.text) && !!pp && (pp.pos === 'DET' || pp.pos === 'PART');
}

/** The count of the event: the first preferred measure, nearest; parts ("including three children") last. */
function quantityFor(text: string, groups: Trigger[][], g: Trigger[], qs: readonly Quantity[]): Quantity | undefined {
  const order = MEASURE_ORDER.get(g[0]!.type) ?? [];
  const mine = spanOf(g);
  const same = groups.filter((x) => x !== g && x[0]!.type === g[0]!.type).map(spanOf);
  const ok = qs.filter((q) => {
    const at = q.evidence[0]!;
    return order.includes(q.measure) && sameClause(text, at, mine) && !same.some((r) => distance(at, r) < distance(at, mine));
  });
  const rank = (q: Quantity) => order.indexOf(q.measure) * 1e6 + (SUBSET_BEFORE.test(text.slice(Math.max(0, q.evidence[0]!.start - 15), q.evidence[0]!.start)) ? 5e5 : 0) + distance(q.evidence[0]!, mine);
  return ok.sort((a, b) => rank(a) - rank(b))[0];
}

const SOURCE_KINDS: ReadonlySet<string> = new Set(['media', 'monitor']);

function draftOf(ctx: Ctx, s: Sentence, g: Trigger[], place?: Place, date?: DateMention, qty?: Quantity): Draft {
  const type: EventType = g[0]!.type;
  const span = spanOf(g);
  // A news agency or a monitor that reports an event is its source, not a party to it.
  const parties = partiesOf(ctx, s.index, g[0]!, type).filter((m) => !SOURCE_KINDS.has(ctx.actors.get(m.actorId)?.kind ?? 'other'));
  const host = type === 'talks' ? hostOf(ctx, s.index, g[0]!, ctx.text.slice(g[0]!.start, g[0]!.end)) : null;
  const lead = host ?? parties[0];
  const actor = lead ? ctx.actors.get(lead.actorId) : undefined;
  const round = type === 'talks' ? roundOf(ctx.text, s, g) : undefined;
  const evidence: Span[] = [span];
  const confidence = 0.5 + (place ? 0.1 : 0) + (date ? 0.1 : 0) + (actor ? 0.1 : 0);
  const event: Event = {
    type, sentence: s.index, evidence, confidence,
    ...(actor ? { actor: actor.name, actorId: actor.id } : {}),
    ...(place ? { place: place.name } : {}),
    ...(date ? { start: date.start, end: date.end } : {}),
    ...(qty ? { quantity: qty.value } : {}),
    ...(round != null ? { round } : {}),
    ...(host ? { host: ctx.actors.get(host.actorId)!.name } : {}),
  };
  const anaphoric = !g[0]!.verb && /\b(?:the|these|those)\s+$/iu.test(ctx.text.slice(Math.max(s.start, span.start - 8), span.start));
  return { event, parties: new Set(parties.map((p) => p.actorId)), anaphoric, ...(type === 'talks' ? { frame: frameOf(ctx.text, s, span, date) } : {}) };
}
