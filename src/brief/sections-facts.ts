import type { ClaimRow } from '../export/claims.ts';
import type { BriefInput } from './build.ts';
import type { Footnotes } from './footnotes.ts';
import type { Line, Section } from './model.ts';
import { commitmentLines } from './sections-commitments.ts';

/** A person's edit of a claim (from the history table). */
export interface Change { readonly claimId: number; readonly at: string; readonly by: string; readonly field: string | null; readonly before: unknown; readonly after: unknown }

export const MEASURE_TYPES = ['release', 'aid_access', 'ceasefire', 'agreement', 'evacuation', 'withdrawal'] as const;
const MEASURE_NAMES: Record<string, string> = { release: 'Release', aid_access: 'Aid access', ceasefire: 'Ceasefire', agreement: 'Agreement', evacuation: 'Evacuation', withdrawal: 'Withdrawal' };
const APPROX: Record<string, string> = { exact: '', about: 'about ', more_than: 'more than ', at_least: 'at least ', up_to: 'up to ', less_than: 'fewer than ' };

const independent = (c: ClaimRow): number => new Set(c.sources.map((s) => s.duplicateOf ?? s.documentId)).size;
const val = (v: unknown): string => (v === null || v === undefined ? '(none)' : typeof v === 'object' ? JSON.stringify(v) : String(v));

export function measuresSection(x: BriefInput, fn: Footnotes): Section {
  const events = x.claims.filter((c) => c.kind === 'event' && (MEASURE_TYPES as readonly string[]).includes(c.value.type as string))
    .sort((a, b) => String(a.value.start ?? a.occurredOn ?? '').localeCompare(String(b.value.start ?? b.occurredOn ?? '')) || a.id - b.id);
  const lines = events.map((c): Line => {
    const v = c.value;
    const what = `${MEASURE_NAMES[v.type as string]}${v.quantity ? ` (${String(v.quantity)} reported)` : ''}`;
    const by = c.actors[0]?.name ?? (v.actor as string | null);
    const parts = [what, by ? `by ${by}` : null, v.place ? `in ${String(v.place)}` : null, v.start ? `on ${String(v.start)}${v.end && v.end !== v.start ? ` to ${String(v.end)}` : ''}` : null];
    const n = independent(c);
    const status = `${c.state === 'proposed' ? 'status: proposed, not reviewed' : `status: ${c.state}`}; ${n} independent report${n === 1 ? '' : 's'}`;
    const changed = x.changes.filter((h) => h.claimId === c.id).map((h) => `${h.field ?? "record"} from ${val(h.before)} to ${val(h.after)} (${h.at.slice(0, 10)})`);
    const news = x.since && String(v.start ?? c.occurredOn ?? '') >= x.since ? `new since ${x.since}` : null;
    const change = [news, changed.length ? `changed: ${changed.join('; ')}` : null].filter(Boolean).join('; ');
    return { text: `${parts.filter(Boolean).join(', ')}; ${status}${change ? `; ${change}` : ''}.`, notes: fn.cite(c.sources.map((s) => s.documentId)), proposed: c.state === 'proposed' };
  });
  const commitments = commitmentLines(x.claims, fn, x.since);
  return {
    title: 'Humanitarian measures and commitments', empty: 'No humanitarian measures or commitments in the reviewed record.',
    groups: [{ heading: 'Measures reported', lines }, { heading: 'Commitments and their status (Peace Accords Matrix scale)', lines: commitments }],
  };
}

/** A reported figure as words: "at least 40 prisoners", "10 to 12 people". */
export function figureText(v: Record<string, unknown>): string {
  const n = (x: unknown): string => (typeof x === 'number' ? x.toLocaleString('en-GB') : String(x));
  const num = v.max !== null && v.max !== undefined ? `${n(v.value)} to ${n(v.max)}` : n(v.value);
  return `${APPROX[String(v.approx)] ?? ''}${num}${v.unit ? ` ${String(v.unit)}` : ''}`;
}

export function figuresSection(x: BriefInput, fn: Footnotes): Section {
  const qs = x.claims.filter((c) => c.kind === 'quantity' && (!x.since || (c.occurredOn ?? '') >= x.since));
  const byKey = new Map<string, ClaimRow[]>();
  for (const c of qs) (byKey.get(c.key) ?? byKey.set(c.key, []).get(c.key)!).push(c);
  const groups = [...byKey.values()].map((cs) => {
    const v0 = cs[0]!.value;
    const contested = new Set(cs.map((c) => `${String(c.value.value)}|${String(c.value.max)}|${String(c.value.approx)}`)).size > 1;
    return {
      heading: `${String(v0.measure)}${v0.unit ? ` (${String(v0.unit)})` : ''}${cs[0]!.occurredOn ? `, reported ${cs[0]!.occurredOn}` : ''}${contested ? ': reports differ' : ''}`,
      lines: cs.map((c): Line => ({ text: `${figureText(c.value)}${c.value.text ? ` (“${String(c.value.text)}”)` : ''}.`, notes: fn.cite(c.sources.map((s) => s.documentId)), proposed: c.state === 'proposed', contested })),
    };
  }).sort((a, b) => a.heading.localeCompare(b.heading));
  return { title: x.since ? `Figures since ${x.since}` : 'Figures', empty: 'No figures in the reviewed record.', groups };
}
