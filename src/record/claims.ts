/**
 * Claims across documents: what counts as "the same fact", how many independent reports support
 * it, and when reports disagree. Pure.
 *
 * A claim is a fact with a KEY (what it is about) and a VALUE (what is said of it):
 * - quantity: key = measure + subject (actor or place key) + month of the period + what is
 *   counted (the noun with the words that qualify it, "newly displaced people", normalised);
 *   value = the number with its approx kind and max. A figure with neither a subject nor a day
 *   of its own names nothing to tell it from another count of the same noun that month: it
 *   meets only the same number (corroboration), never a different one (no contest between
 *   what may be two things). Neither does a bare number of "other" things. Money counts in its
 *   currency: £2.75bn and $5bn are not two values of one figure; and a day does not say what a
 *   sum is for, so a sum with no subject meets only the same number. The period its clause gives
 *   ("in the last 48 hours", "a day", "since Sunday") and a forecast ("will displace 700,000")
 *   are part of the key: a toll over two days and one of a single day, or a forecast and what
 *   happened, are two figures, not a contest (claims/scope.ts).
 * - date: key = the event (a caller's key, e.g. "talks|series:moscow|round:2"); value = start..end.
 * - participation: key = actor + round; value = status.
 * - quote: key = speaker + normalised words; value = direct or reported (never in conflict). A quote
 *   of 4+ words inside a longer one by the same speaker is that quote (reported in part).
 * Equal key and value: one claim, its sources pooled. Equal key, different values: kept side by
 * side. Two values are COMPATIBLE when both can be true (claims/ranges.ts for numbers; dates whose
 * intervals overlap, so "2015-01" and "2015-01-26" agree; statuses other than attend vs
 * boycott/declined). A key with two incompatible values is CONTESTED. Nothing is averaged or dropped.
 * Corroboration counts independent reports: a wire copy (near-duplicate) counts once with its original.
 */
import type { Approx, Measure, Participation, ParticipationStatus, Quantity, Quote } from '../domain/record.ts';
import { bucketOf, intervalOf, overlap } from './dates.ts';
import { countedPhrase, currencyOf } from './claims/counted.ts';
import { numbersCompatible } from './claims/ranges.ts';
import type { CountScope } from './claims/scope.ts';
import { statusesConflict } from './processes/participation.ts';
import { independentCount, type DuplicateOf, type SourceRef } from './sources.ts';
import { norm } from './text.ts';

export interface QuantityFact {
  readonly kind: 'quantity';
  readonly measure: Measure;
  /** Whose or where: a cross-document actor id or a place key; '' when the report names none. */
  readonly subject?: string;
  /** The date the count is about (partial ISO), else the report's publication date. */
  readonly period?: string;
  /** The period is a day the report gives for this count, not its publication date. */
  readonly dated?: boolean;
  /** What is counted as written ("prisoners"); normalised in the key. */
  readonly unit?: string;
  /** The unit with the words that qualify it ("political prisoners"), when they differ; wins over unit in the key. */
  readonly counted?: string;
  /** The period the count covers, when its clause says ("last:48 hour", "per:day", "cumulative": claims/scope.ts). */
  readonly span?: string;
  /** The figure is what may or will happen ("will displace 700,000"), not what happened. */
  readonly forecast?: boolean;
  readonly value: number;
  readonly max?: number | null;
  readonly approx: Approx;
}
export interface DateFact { readonly kind: 'date'; readonly event: string; readonly start: string; readonly end?: string }
export interface ParticipationFact { readonly kind: 'participation'; readonly actor: string; readonly round: string; readonly status: ParticipationStatus }
export interface QuoteFact { readonly kind: 'quote'; readonly speaker: string; readonly text: string; readonly direct: boolean }
export type ClaimFact = QuantityFact | DateFact | ParticipationFact | QuoteFact;

export interface ClaimInput { readonly fact: ClaimFact; readonly source: SourceRef }

export interface ClaimValue {
  /** The normalised value (claimValue). */
  readonly value: string;
  /** The fact as first reported. */
  readonly fact: ClaimFact;
  readonly sources: SourceRef[];
  /** Independent reports of this very value. */
  readonly independent: number;
  /** Independent reports of this value or of any value compatible with it. */
  readonly supporting: number;
  /** The other values of the key that can also be true. */
  readonly compatibleWith: string[];
}

export interface ClaimGroup {
  readonly key: string;
  readonly kind: ClaimFact['kind'];
  /** Most independently reported first. */
  readonly values: ClaimValue[];
  readonly independent: number;
  readonly contested: boolean;
  /** Pairs of values that cannot both be true. */
  readonly conflicts: [string, string][];
}

/** "Prisoners" → "prisoner": lower case, last word singular (plain -s/-es/-ies only). */
export function unitKey(unit: string | null | undefined): string {
  const u = norm(unit);
  return u.replace(/ies$/, 'y').replace(/(ss|[sxz]|ch|sh)es$/, '$1').replace(/([^s])s$/, '$1');
}

/** A quote's words for matching: case, quote marks, punctuation, ellipses and spacing ignored. */
export const quoteText = (s: string): string => norm(s.replace(/\[[^\]]*\]/g, ' '));

/** What the fact is about, without its value: equal keys are the same fact or competing values of it. */
export function claimKey(f: ClaimFact): string {
  switch (f.kind) {
    case 'quantity': {
      // A period or a forecast tells counts of what happens apart, not sizes ("60 miles").
      const scoped = f.measure !== 'other';
      const key = `quantity|${f.measure}|${f.subject ?? ''}|${bucketOf(f.period)}|${unitKey(f.counted ?? f.unit)}`
        + (scoped && f.span ? `|span:${f.span}` : '') + (scoped && f.forecast ? '|forecast' : '');
      // Something to tell it from other counts: a subject or a day, and what is counted. A day
      // does not say what a sum is for: money needs a subject.
      const identified = (f.subject || (f.dated && f.measure !== 'money')) && (f.counted || f.unit || f.measure !== 'other');
      return identified ? key : `${key}|=${f.value}`;
    }
    case 'date': return `date|${f.event}`;
    case 'participation': return `participation|${f.actor}|${f.round}`;
    case 'quote': return `quote|${f.speaker}|${quoteText(f.text)}`;
  }
}

/** The value, normalised: equal key and value → one claim whoever reported it. */
export function claimValue(f: ClaimFact): string {
  switch (f.kind) {
    case 'quantity': return `${f.approx}|${f.value}|${f.max ?? ''}`;
    case 'date': return `${f.start}..${f.end ?? f.start}`;
    case 'participation': return f.status;
    case 'quote': return f.direct ? 'direct' : 'reported';
  }
}

/** A record quantity as a fact: `subject` an actor id or place key, `period` the date it counts to (default: none → '-'). */
export const quantityFact = (q: Quantity, ctx: { subject?: string; period?: string; dated?: boolean } & CountScope = {}): QuantityFact => {
  const counted = q.measure === 'money' ? currencyOf(q.text) : countedPhrase(q.text, q.unit);
  return {
    kind: 'quantity', measure: q.measure, ...(ctx.subject ? { subject: ctx.subject } : {}), ...(ctx.period ? { period: ctx.period } : {}),
    ...(ctx.dated ? { dated: true } : {}), ...(ctx.span ? { span: ctx.span } : {}), ...(ctx.forecast ? { forecast: true } : {}),
    ...(q.unit ? { unit: q.unit } : {}), ...(counted && counted !== q.unit ? { counted } : {}),
    value: q.value, ...(q.max !== undefined ? { max: q.max } : {}), approx: q.approx,
  };
};

/** A participation as a fact, `actor` the cross-document actor id, `round` a round key (processes.ts `roundKey`). */
export const participationFact = (p: Participation, actor: string, round: string): ParticipationFact =>
  ({ kind: 'participation', actor, round, status: p.status });

/** A quote as a fact, `speaker` the cross-document actor id (or a key for an unnamed speaker). */
export const quoteFact = (q: Quote, speaker: string): QuoteFact => ({ kind: 'quote', speaker, text: q.text, direct: q.direct });

/** Whether two values of the same key can both be true. */
export function compatible(a: ClaimFact, b: ClaimFact): boolean {
  if (a.kind !== b.kind) return false;
  switch (a.kind) {
    case 'quantity': return numbersCompatible(a, b as QuantityFact);
    case 'date': {
      const x = intervalOf(a.start, a.end), y = intervalOf((b as DateFact).start, (b as DateFact).end);
      return !x || !y || overlap(x, y);
    }
    case 'participation': return !statusesConflict(a.status, (b as ParticipationFact).status);
    case 'quote': return true;
  }
}

/** Claims from many reports grouped by key, values side by side, corroboration and conflicts counted. */
export function groupClaims(inputs: readonly ClaimInput[], opts: { duplicateOf?: DuplicateOf } = {}): ClaimGroup[] {
  const byKey = new Map<string, Map<string, { fact: ClaimFact; sources: SourceRef[] }>>();
  const quoteKeys = quoteCanon(inputs.map((i) => i.fact).filter((f): f is QuoteFact => f.kind === 'quote'));
  for (const { fact, source } of inputs) {
    const k0 = claimKey(fact);
    const k = quoteKeys.get(k0) ?? k0, v = claimValue(fact);
    const values = byKey.get(k) ?? byKey.set(k, new Map()).get(k)!;
    (values.get(v) ?? values.set(v, { fact, sources: [] }).get(v)!).sources.push(source);
  }
  const dup = opts.duplicateOf;
  return [...byKey.entries()].map(([key, values]) => {
    const vs = [...values.entries()];
    const conflicts: [string, string][] = [];
    for (let i = 0; i < vs.length; i++) {
      for (let j = i + 1; j < vs.length; j++) if (!compatible(vs[i]![1].fact, vs[j]![1].fact)) conflicts.push([vs[i]![0], vs[j]![0]]);
    }
    const out: ClaimValue[] = vs.map(([value, { fact, sources }]) => {
      const compatibleWith = vs.filter(([w, o]) => w !== value && compatible(fact, o.fact)).map(([w]) => w);
      const pool = [...sources, ...vs.filter(([w]) => compatibleWith.includes(w)).flatMap(([, o]) => o.sources)];
      return { value, fact, sources, independent: independentCount(sources, dup), supporting: independentCount(pool, dup), compatibleWith };
    }).sort((a, b) => b.independent - a.independent);
    return {
      key, kind: vs[0]![1].fact.kind, values: out,
      independent: independentCount(vs.flatMap(([, o]) => o.sources), dup),
      contested: conflicts.length > 0, conflicts,
    };
  });
}

/** Words a shorter quote needs before it counts as part of a longer one. */
export const QUOTE_PART_WORDS = 4;

/**
 * A quote reported in part ("will not attend") by one report and whole ("we will not attend
 * unless ...") by another is one quote: a quote of at least QUOTE_PART_WORDS words found, as whole
 * words, inside a longer quote by the same speaker takes the longer one's key (the longest such).
 */
function quoteCanon(quotes: readonly QuoteFact[]): Map<string, string> {
  const bySpeaker = new Map<string, Set<string>>();
  for (const q of quotes) (bySpeaker.get(q.speaker) ?? bySpeaker.set(q.speaker, new Set()).get(q.speaker)!).add(quoteText(q.text));
  const out = new Map<string, string>();
  for (const [speaker, set] of bySpeaker) {
    const texts = [...set].sort((a, b) => b.length - a.length);
    for (let i = 1; i < texts.length; i++) {
      const t = texts[i]!;
      if (t.split(' ').length < QUOTE_PART_WORDS) continue;
      const whole = texts.slice(0, i).find((w) => w.length > t.length && ` ${w} `.includes(` ${t} `));
      if (whole) out.set(`quote|${speaker}|${t}`, `quote|${speaker}|${out.get(`quote|${speaker}|${whole}`)?.split('|').slice(2).join('|') ?? whole}`);
    }
  }
  return out;
}
