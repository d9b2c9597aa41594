/**
 * The situation brief from the reviewed record. Pure: the caller reads the store (src/app/make-brief.ts).
 * Sections: where the process stands; who attends and who boycotts, on what condition; key
 * statements by party; humanitarian measures and what changed; figures, contested values side by
 * side; a timeline. Every line cites the reports it rests on.
 */
import type { ClaimRow } from '../export/claims.ts';
import type { Process, Round } from '../record/processes.ts';
import { Footnotes } from './footnotes.ts';
import type { Brief, Line, Section, TimelineItem } from './model.ts';
import { figuresSection, measuresSection, type Change } from './sections-facts.ts';
import { statementsSection } from './sections-statements.ts';

export interface BriefInput {
  /** Claims of every kind in scope (review states already filtered). */
  readonly claims: readonly ClaimRow[];
  /** The processes the brief covers, the one asked for or the latest first. */
  readonly processes: readonly Process[];
  /** The brief is about the first process alone (--process). */
  readonly oneProcess?: boolean;
  /** A speaker's party: person actor id → organisation name (from memberships). */
  readonly parties: ReadonlyMap<number, string>;
  /** Edits to the claims since `since`. */
  readonly changes: readonly Change[];
  readonly since?: string;
  readonly includeProposed: boolean;
  readonly redact: boolean;
  readonly title?: string;
}

export const STATUS_WORDS: Record<string, string> = { attend: 'attends', boycott: 'boycotts', invited: 'is invited', declined: 'declined', undecided: 'has not decided' };

export function buildBrief(x: BriefInput): Brief {
  const fn = new Footnotes();
  for (const c of x.claims) fn.know(c.sources);
  const asOf = x.claims.flatMap((c) => c.sources.map((s) => s.published)).sort().pop() ?? '';
  const sections: Section[] = [
    standingSection(x, fn, asOf),
    attendanceSection(x, fn),
    statementsSection(x, fn),
    measuresSection(x, fn),
    figuresSection(x, fn),
  ];
  return {
    title: x.title ?? (x.processes.length === 1 ? `Situation brief: ${x.processes[0]!.name}` : 'Situation brief'),
    asOf, ...(x.since ? { since: x.since } : {}), ...(x.oneProcess && x.processes[0] ? { process: x.processes[0].name } : {}),
    includeProposed: x.includeProposed, redacted: x.redact,
    sections, timeline: timeline(x, fn), footnotes: fn.list(),
  };
}

export const docsOf = (c: ClaimRow): number[] => c.sources.map((s) => s.documentId);
export const isProposed = (cs: readonly ClaimRow[]): boolean => cs.length > 0 && cs.every((c) => c.state === 'proposed');

/** Keys `document|sentence` of the claims of a kind: to find which claims a round's sources are. */
function claimsAt(claims: readonly ClaimRow[], refs: readonly { documentId: string; sentence?: number }[]): ClaimRow[] {
  const want = new Set(refs.map((r) => `${r.documentId}|${r.sentence ?? ''}`));
  return claims.filter((c) => c.kind === 'event' && c.value.type === 'talks' && c.sources.some((s) => want.has(`${s.documentId}|${s.sentence}`)));
}

const roundName = (r: Round): string => (r.ordinal ? `round ${r.ordinal}` : 'a round');
const datesOf = (r: Round): string => (r.start ? (r.end && r.end !== r.start ? `${r.start} to ${r.end}` : r.start) : 'date not reported');

function standingSection(x: BriefInput, fn: Footnotes, asOf: string): Section {
  const groups = x.processes.map((p) => ({ ...(x.processes.length > 1 ? { heading: p.name } : {}), lines: processLines(x, fn, asOf, p) })).filter((g) => g.lines.length > 0);
  if (groups.length === 0) groups.push({ lines: looseTalks(x, fn) });
  return { title: 'Where the process stands', empty: 'No talks in the reviewed record.', groups };
}

function processLines(x: BriefInput, fn: Footnotes, asOf: string, p: Process): Line[] {
  const lines: Line[] = [];
  {
    const dated = p.rounds.filter((r) => r.start);
    const past = dated.filter((r) => r.start! <= asOf);
    const next = dated.filter((r) => r.start! > asOf)[0];
    const last = past[past.length - 1] ?? (next ? undefined : p.rounds[p.rounds.length - 1]);
    const line = (label: string, r: Round): Line => {
      const cs = claimsAt(x.claims, r.sources);
      const contested = r.datesContested ? ` (reports differ: ${r.dates.map((d) => (d.start === d.end ? d.start : `${d.start} to ${d.end}`)).join(' vs ')})` : '';
      return {
        text: `${label}: ${roundName(r)}, ${datesOf(r)}${r.places.length ? `, in ${r.places.join(' / ')}` : ''}${contested}.`,
        notes: fn.cite(r.sources.map((s) => Number(s.documentId))), proposed: isProposed(cs), contested: r.datesContested,
      };
    };
    const all = [...p.rounds.flatMap((r) => r.sources), ...p.unassigned.talks].map((s) => Number(s.documentId));
    if (fn.cite(all).length === 0) return lines;
    const proposed = isProposed(claimsAt(x.claims, [...p.rounds.flatMap((r) => r.sources), ...p.unassigned.talks]));
    const rounds = p.rounds.length ? `${p.rounds.length} round${p.rounds.length === 1 ? '' : 's'} on record` : 'talks reported, no round dated yet';
    lines.push({ text: `Process: ${p.name}; ${rounds}.`, notes: fn.cite(all), proposed });
    if (last) lines.push(line('Last round', last));
    if (next) lines.push(line('Next round', next));
    const venue = p.place ?? last?.places[0] ?? next?.places[0];
    if (venue) lines.push({ text: `Venue: ${venue}.`, notes: fn.cite(all), proposed });
    if (p.host) lines.push({ text: `Host: ${p.host}.`, notes: fn.cite(all), proposed });
  }
  return lines;
}

/** Talks no process holds (none has a place or a host): listed as reported. */
function looseTalks(x: BriefInput, fn: Footnotes): Line[] {
  const lines: Line[] = [];
  {
    for (const c of x.claims.filter((c) => c.kind === 'event' && c.value.type === 'talks')) {
      const v = c.value;
      const bits = [v.round ? `round ${String(v.round)}` : 'talks', v.start ? `on ${String(v.start)}` : null, v.place ? `in ${String(v.place)}` : null, v.host ? `hosted by ${String(v.host)}` : null];
      lines.push({ text: `Talks: ${bits.filter(Boolean).join(', ')}.`, notes: fn.cite(docsOf(c)), proposed: c.state === 'proposed' });
    }
  }
  return lines;
}

function attendanceSection(x: BriefInput, fn: Footnotes): Section {
  const byActor = new Map<string, ClaimRow[]>();
  for (const c of x.claims.filter((c) => c.kind === 'participation')) {
    const who = c.actors[0]?.name ?? String(c.value.actor ?? 'unnamed');
    (byActor.get(who) ?? byActor.set(who, []).get(who)!).push(c);
  }
  const lines: Line[] = [];
  for (const [who, cs] of [...byActor.entries()].sort((a, b) => a[0].localeCompare(b[0]))) {
    const statuses = new Set(cs.map((c) => c.value.status as string));
    const contested = statuses.has('attend') && (statuses.has('boycott') || statuses.has('declined'));
    for (const c of cs) {
      const v = c.value;
      const cond = v.condition ? `; condition: ${String(v.condition)}` : '';
      lines.push({
        text: `${who} ${STATUS_WORDS[v.status as string] ?? String(v.status)}${v.meeting ? ` (${String(v.meeting)})` : ''}${cond}${contested ? ' (reports differ)' : ''}.`,
        notes: fn.cite(docsOf(c)), proposed: c.state === 'proposed', contested,
      });
    }
  }
  return { title: 'Who attends, who boycotts', empty: 'No participation in the reviewed record.', groups: [{ lines }] };
}

function timeline(x: BriefInput, fn: Footnotes): TimelineItem[] {
  const items: TimelineItem[] = [];
  for (const r of x.processes.flatMap((p) => p.rounds)) {
    if (r.start) items.push({ date: day(r.start), label: `${roundName(r)}${r.places[0] ? `, ${r.places[0]}` : ''}`, kind: 'round', notes: fn.cite(r.sources.map((s) => Number(s.documentId))) });
  }
  for (const c of x.claims.filter((c) => c.kind === 'event' && (c.value.type !== 'talks' || x.processes.length === 0))) {
    const d = (c.value.start as string | null) ?? c.occurredOn;
    if (d) items.push({ date: day(d), label: `${String(c.value.type).replace('_', ' ')}${c.value.place ? `, ${String(c.value.place)}` : ''}`, kind: 'event', notes: fn.cite(docsOf(c)) });
  }
  return items.sort((a, b) => a.date.localeCompare(b.date) || a.label.localeCompare(b.label));
}

const day = (iso: string): string => (iso.length >= 10 ? iso.slice(0, 10) : iso.length === 7 ? `${iso}-01` : `${iso.slice(0, 4)}-01-01`);
