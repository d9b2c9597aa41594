import type { Kysely } from 'kysely';
import type { DB } from '../store/schema.ts';
import { claimPages, outletOf, type ClaimRow } from './claims.ts';
import { csvLine } from './csv.ts';
import type { ExportScope } from './scope.ts';
import type { Sink } from './sink.ts';

/** ACLED's column set, in ACLED's order. */
export const ACLED_COLUMNS = [
  'event_id_cnty', 'event_date', 'year', 'time_precision', 'disorder_type', 'event_type', 'sub_event_type', 'actor1', 'assoc_actor_1', 'inter1',
  'actor2', 'assoc_actor_2', 'inter2', 'interaction', 'civilian_targeting', 'iso', 'region', 'country', 'admin1', 'admin2', 'admin3', 'location',
  'latitude', 'longitude', 'geo_precision', 'source', 'source_scale', 'notes', 'fatalities', 'tags', 'timestamp',
] as const;
export const ACLED_DISORDER_TYPES = ['Political violence', 'Demonstrations', 'Strategic developments', 'Political violence; Demonstrations'] as const;
export const ACLED_EVENT_TYPES = ['Battles', 'Violence against civilians', 'Explosions/Remote violence', 'Riots', 'Protests', 'Strategic developments'] as const;
export const ACLED_STRATEGIC_SUB_TYPES = ['Agreement', 'Arrests', 'Change to group/activity', 'Disrupted weapons use', 'Headquarters or base established', 'Looting/property destruction', 'Non-violent transfer of territory', 'Other'] as const;

/**
 * Strategic developments only: ACLED's codebook counts peace talks, ceasefires, prisoner releases
 * and exchanges and evacuation deals as Agreement, detentions as Arrests. Attacks are left out:
 * parley cannot tell ACLED's battles from violence against civilians or remote violence.
 */
const SUB_TYPE: Record<string, string | undefined> = {
  talks: 'Agreement', agreement: 'Agreement', ceasefire: 'Agreement', release: 'Agreement', evacuation: 'Agreement',
  arrest: 'Arrests', withdrawal: 'Non-violent transfer of territory',
};
/** ACLED's inter codes: 1 state forces, 2 rebel groups; others parley cannot tell. */
const INTER: Record<string, number | undefined> = { government: 1, state: 1, armed_group: 2 };

export type AcledRow = Record<(typeof ACLED_COLUMNS)[number], string | number>;

/** Time precision: 1 a day, 2 a week or a few days, 3 a month or more. */
function precision(start: string, end: string | null): number {
  if (start.length < 10) return 3;
  if (!end || end === start) return 1;
  const days = (Date.parse(end.slice(0, 10)) - Date.parse(start)) / 864e5;
  return days <= 7 ? 2 : 3;
}

export function acledOf(c: ClaimRow): AcledRow | undefined {
  const v = c.value;
  const sub = c.kind === 'event' ? SUB_TYPE[v.type as string] : undefined;
  if (!sub) return undefined;
  const date = (v.start as string | null) ?? c.occurredOn ?? c.sources[0]?.published ?? '';
  const a1 = c.actors[0];
  const inter1 = a1 ? INTER[a1.kind] : undefined;
  const outlets = [...new Set(c.sources.map(outletOf))];
  const notes = [`On ${date}, ${c.summary}.`, ...c.sources.slice(0, 1).map((s) => `"${s.sentenceText}"`)].join(' ');
  return {
    event_id_cnty: `PARLEY${c.id}`, event_date: date.length >= 10 ? date.slice(0, 10) : '', year: date.slice(0, 4), time_precision: date ? precision(date, v.end as string | null) : '',
    disorder_type: 'Strategic developments', event_type: 'Strategic developments', sub_event_type: sub,
    actor1: a1?.name ?? (v.actor as string | null) ?? '', assoc_actor_1: '', inter1: inter1 ?? '',
    actor2: (v.host as string | null) ?? '', assoc_actor_2: '', inter2: '', interaction: '', civilian_targeting: '',
    iso: '', region: '', country: '', admin1: '', admin2: '', admin3: '', location: (v.place as string | null) ?? '',
    latitude: '', longitude: '', geo_precision: '', source: outlets.join('; '), source_scale: '', notes,
    fatalities: '', tags: c.state === 'proposed' ? 'parley: proposed, not reviewed' : '', timestamp: Math.floor(Date.parse(c.updatedAt) / 1000),
  };
}

export async function exportAcled(db: Kysely<DB>, scope: ExportScope, out: Sink): Promise<number> {
  await out.write(csvLine(ACLED_COLUMNS));
  let n = 0;
  for await (const page of claimPages(db, { states: scope.states, kinds: ['event'], documents: scope.documents })) {
    for (const c of page) {
      const r = acledOf(c);
      if (r) { await out.write(csvLine(ACLED_COLUMNS.map((k) => r[k]))); n++; }
    }
  }
  return n;
}
