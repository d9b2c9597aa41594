import type { Event } from '../domain/record.ts';
import type { ClaimRow } from '../export/claims.ts';
import { buildCommitments, type Commitment, type CommitmentEvent, type CommitmentStatement, type PamStatus } from '../record/commitments.ts';
import type { Footnotes } from './footnotes.ts';
import type { Line } from './model.ts';

/** Peace Accords Matrix levels in words. */
export const PAM_WORDS: Record<string, string> = { 0: 'not initiated', 1: 'minimal', 2: 'intermediate', 3: 'full', reversed: 'reversed' };
const WHAT: Record<string, string> = {
  release_detainees: 'release detainees', allow_aid_access: 'allow aid access', ceasefire: 'ceasefire',
  prisoner_exchange: 'prisoner exchange', withdrawal: 'withdrawal', other: 'commitment',
};
const pam = (s: PamStatus): string => `${PAM_WORDS[String(s)]}${typeof s === 'number' ? ` (${s}/3)` : ''}`;

/**
 * Commitments and their status (src/record/commitments.ts) from the sentences the claims in the
 * brief come from and their events; each line cites the reports of the commitment and of the
 * events that changed its status, and says what changed since `since`.
 */
export function commitmentLines(claims: readonly ClaimRow[], fn: Footnotes, since?: string): Line[] {
  const statements = new Map<string, CommitmentStatement>();
  const events: CommitmentEvent[] = [];
  const byRef = new Map<string, ClaimRow[]>();
  for (const c of claims) {
    for (const s of c.sources) {
      const ref = `${s.documentId}|${s.sentence}`;
      (byRef.get(ref) ?? byRef.set(ref, []).get(ref)!).push(c);
      if (!statements.has(ref)) statements.set(ref, { documentId: String(s.documentId), published: s.published, text: s.sentenceText, sentence: s.sentence });
      if (c.kind !== 'event') continue;
      const v = c.value;
      const actor = c.actors[0];
      const event: Event = {
        type: v.type as Event['type'], sentence: s.sentence, evidence: Array.isArray(s.evidence) ? (s.evidence as Event['evidence']) : [], confidence: 1,
        ...(v.actor ? { actor: String(v.actor) } : {}), ...(actor ? { actorId: `a${actor.id}` } : {}), ...(v.place ? { place: String(v.place) } : {}),
        ...(v.start ? { start: String(v.start) } : {}), ...(v.end ? { end: String(v.end) } : {}), ...(typeof v.quantity === 'number' ? { quantity: v.quantity } : {}),
      };
      events.push({ documentId: String(s.documentId), published: s.published, event });
    }
  }
  const dup = new Map<string, string>();
  for (const c of claims) for (const s of c.sources) if (s.duplicateOf !== null) dup.set(String(s.documentId), String(s.duplicateOf));
  let found: Commitment[];
  try {
    found = buildCommitments([...statements.values()], events, { duplicateOf: dup });
  } catch {
    return [];
  }
  return found.sort((a, b) => a.made.localeCompare(b.made) || a.key.localeCompare(b.key)).map((m): Line => {
    const refs = m.sources.map((s) => `${s.documentId}|${s.sentence ?? ''}`);
    const own = refs.flatMap((r) => byRef.get(r) ?? []);
    const later = m.history.filter((h) => !since || h.date >= since).filter((h) => h.rule !== 'made');
    const what = m.what === 'other' && m.object ? m.object : WHAT[m.what] ?? m.what;
    const head = [`Commitment: ${what}`, m.actor ? `by ${m.actor}` : null, m.to ? `to ${m.to}` : null, m.place ? `in ${m.place}` : null].filter(Boolean).join(' ');
    const bits = [`made ${m.made}`, m.promised !== undefined ? `promised ${m.promised}` : null, m.conditional ? 'conditional' : null, m.delivered ? `delivered so far ${m.delivered}` : null];
    const changes = later.map((h) => `${h.date}: ${pam(h.status)} (${h.rule.replace('_', ' ')})`);
    const docs = [...m.sources, ...m.history.flatMap((h) => h.events.flatMap((e) => e.sources))].map((s) => Number(s.documentId));
    return {
      text: `${head} (${bits.filter(Boolean).join(', ')}); status: ${pam(m.status)}${changes.length ? `; ${since ? `since ${since}` : 'changes'}: ${changes.join('; ')}` : ''}.`,
      notes: fn.cite(docs), proposed: own.length > 0 && own.every((c) => c.state === 'proposed'),
    };
  });
}
