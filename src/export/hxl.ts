import type { Kysely } from 'kysely';
import type { DB } from '../store/schema.ts';
import { claimPages, outletOf, type ClaimRow } from './claims.ts';
import { csvLine } from './csv.ts';
import type { ExportScope } from './scope.ts';
import type { Sink } from './sink.ts';

/** Columns: a header for people, then HXL's hashtag row (hxlstandard.org core hashtags). */
export const HXL_COLUMNS = [
  ['Date', '#date'], ['Country', '#country+name'], ['Admin 1', '#adm1+name'], ['Location', '#loc+name'], ['Organisation', '#org+name'],
  ['Event type', '#event+type'], ['Measure', '#indicator+name'], ['Value', '#indicator+num'], ['Approximation', '#indicator+approx'],
  ['Killed', '#affected+killed'], ['Injured', '#affected+injured'], ['Access', '#access'], ['Status', '#status'],
  ['Description', '#description'], ['Source', '#meta+source'], ['URL', '#meta+url'], ['parley id', '#meta+id'],
] as const;
/** The core HXL hashtags these columns use. */
export const HXL_HASHTAGS = ['date', 'country', 'adm1', 'loc', 'org', 'event', 'indicator', 'affected', 'access', 'status', 'description', 'meta'] as const;

const HUMANITARIAN = new Set(['release', 'aid_access', 'ceasefire', 'evacuation', 'displacement', 'siege', 'withdrawal', 'agreement']);

export function hxlOf(c: ClaimRow): string[] | undefined {
  const v = c.value;
  const s = c.sources[0];
  const src = [...new Set(c.sources.map(outletOf))].join('; ');
  const url = c.sources.map((x) => x.url).filter(Boolean).join(' ');
  const base = { date: c.occurredOn ?? s?.published ?? '', status: c.state, description: s?.sentenceText ?? c.summary, src, url, id: `c${c.id}` };
  if (c.kind === 'quantity') {
    const measure = String(v.measure ?? '');
    const num = v.value === null || v.value === undefined ? '' : String(v.value);
    return [base.date, '', '', '', '', '', measure + (v.unit ? ` (${String(v.unit)})` : ''), num, String(v.approx ?? ''),
      measure === 'killed' ? num : '', measure === 'injured' ? num : '', '', base.status, base.description, base.src, base.url, base.id];
  }
  if (c.kind === 'event' && HUMANITARIAN.has(v.type as string)) {
    return [(v.start as string | null) ?? base.date, '', '', (v.place as string | null) ?? '', c.actors[0]?.name ?? (v.actor as string | null) ?? '',
      String(v.type), v.quantity !== null && v.quantity !== undefined ? 'people' : '', v.quantity === null || v.quantity === undefined ? '' : String(v.quantity), '',
      '', '', v.type === 'aid_access' ? 'allowed' : '', base.status, base.description, base.src, base.url, base.id];
  }
  return undefined;
}

export async function exportHxl(db: Kysely<DB>, scope: ExportScope, out: Sink): Promise<number> {
  await out.write(csvLine(HXL_COLUMNS.map((c) => c[0])));
  await out.write(csvLine(HXL_COLUMNS.map((c) => c[1])));
  let n = 0;
  for await (const page of claimPages(db, { states: scope.states, kinds: ['quantity', 'event'], documents: scope.documents })) {
    for (const c of page) {
      const r = hxlOf(c);
      if (r) { await out.write(csvLine(r)); n++; }
    }
  }
  return n;
}
