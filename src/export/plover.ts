import type { Kysely } from 'kysely';
import type { DB } from '../store/schema.ts';
import { claimPages, outletOf, type ClaimActor, type ClaimRow } from './claims.ts';
import type { ExportScope } from './scope.ts';
import type { Sink } from './sink.ts';

/**
 * PLOVER records (the CAMEO successor POLECAT uses), one JSON object per line. Event types and
 * modes come from the PLOVER manual's CAMEO conversion table (data/plover/CAMEO2PLOVER-2021.txt):
 * talks CONSULT, refusal to meet REJECT/meet, releases RETREAT/release, aid access
 * RETREAT/access, ceasefires RETREAT/ceasefire. What parley does not know stays empty.
 */
export const PLOVER_VERSION = '0.8';
export const PLOVER_EVENTS = ['AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'INVESTIGATE', 'DEMAND', 'DISAPPROVE', 'REJECT', 'THREATEN', 'PROTEST', 'CRIME', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT', 'ACCUSE', 'REQUEST'] as const;
export const PLOVER_MODES = ['', 'third-party', 'visit', 'phone', 'meet', 'release', 'access', 'ceasefire', 'withdraw', 'return', 'arrest', 'seize', 'boycott', 'disarm', 'ease'] as const;
export const PLOVER_SECTORS = ['', 'GOV', 'MIL', 'REB', 'OPP', 'IGO', 'NGO', 'MED', 'CVL', 'PTY'] as const;
export const PLOVER_FIELDS = ['id', 'date', 'actor', 'recipient', 'event', 'mode', 'context', 'eventText', 'text', 'language', 'publication', 'coder', 'version', 'dateCoded', 'dead', 'injured', 'size', 'sources'] as const;

export interface PloverActor { actorText: string; code: string; sector: string }
export type PloverRecord = Record<(typeof PLOVER_FIELDS)[number], unknown>;

const EVENT_MAP: Record<string, [string, string] | undefined> = {
  talks: ['CONSULT', ''], release: ['RETREAT', 'release'], aid_access: ['RETREAT', 'access'], ceasefire: ['RETREAT', 'ceasefire'],
  withdrawal: ['RETREAT', 'withdraw'], agreement: ['AGREE', ''], attack: ['ASSAULT', ''], arrest: ['COERCE', 'arrest'], siege: ['ASSAULT', 'seize'],
};
const SECTOR: Record<string, string> = { government: 'GOV', state: 'GOV', armed_group: 'REB', international_org: 'IGO', monitor: 'NGO', media: 'MED' };

const actorOf = (a: ClaimActor | undefined, text?: unknown): PloverActor =>
  ({ actorText: a?.name ?? (typeof text === 'string' ? text : ''), code: '', sector: a ? SECTOR[a.kind] ?? '' : '' });

/** The PLOVER record of one claim, or none when PLOVER has no event for it (a quote, a figure, an attendance). */
export function ploverOf(c: ClaimRow): PloverRecord | undefined {
  let event: string, mode: string, recipient: PloverActor = { actorText: '', code: '', sector: '' };
  const v = c.value;
  if (c.kind === 'event') {
    const m = EVENT_MAP[v.type as string];
    if (!m) return undefined;
    [event, mode] = m;
    if (v.type === 'talks' && v.host) mode = 'third-party';
  } else if (c.kind === 'participation' && (v.status === 'boycott' || v.status === 'declined')) {
    [event, mode] = ['REJECT', 'meet'];
    recipient = { actorText: (v.meeting as string | null) ?? '', code: '', sector: '' };
  } else return undefined;
  const s = c.sources[0];
  const actor = actorOf(c.actors[0], v.actor);
  return {
    id: `parley-c${c.id}`, date: (v.start as string | null) ?? c.occurredOn ?? s?.published ?? '', actor, recipient, event, mode,
    context: v.condition ? `condition: ${String(v.condition)}` : '',
    eventText: c.summary, text: s?.sentenceText ?? '', language: 'en', publication: s ? outletOf(s) : '',
    coder: 'parley', version: PLOVER_VERSION, dateCoded: c.updatedAt.slice(0, 10),
    dead: '', injured: '', size: v.quantity ?? '',
    sources: c.sources.map((x) => ({ outlet: outletOf(x), date: x.published, url: x.url ?? '', title: x.title ?? '' })),
  };
}

export async function exportPlover(db: Kysely<DB>, scope: ExportScope, out: Sink): Promise<number> {
  let n = 0;
  for await (const page of claimPages(db, { states: scope.states, kinds: ['event', 'participation'], documents: scope.documents })) {
    for (const c of page) {
      const r = ploverOf(c);
      if (r) { await out.write(JSON.stringify(r) + '\n'); n++; }
    }
  }
  return n;
}
