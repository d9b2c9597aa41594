import type { ClaimRow } from '../export/claims.ts';
import type { BriefInput } from './build.ts';
import type { Footnotes } from './footnotes.ts';
import type { Line, Section } from './model.ts';

/** Statements kept per party: the best corroborated, then the latest. */
export const STATEMENTS_PER_PARTY = 6;
export const UNNAMED = 'Unnamed sources';

const isAnonymous = (c: ClaimRow): boolean => c.value.anonymous === true || (!c.value.speaker && c.actors.length === 0);

/** Who said it, as the brief may print it: an anonymous speaker is never named, and with redaction never described. */
export function speakerOf(c: ClaimRow, redact: boolean): string {
  if (!isAnonymous(c)) return c.actors[0]?.name ?? String(c.value.speaker);
  const d = c.value.speakerDescription;
  return !redact && typeof d === 'string' && d.trim() ? `An unnamed source (${d.trim()})` : 'An unnamed source';
}

export function statementsSection(x: BriefInput, fn: Footnotes): Section {
  const quotes = x.claims.filter((c) => c.kind === 'quote' && (!x.since || (c.occurredOn ?? '') >= x.since));
  const byParty = new Map<string, ClaimRow[]>();
  for (const c of quotes) {
    const speaker = c.actors[0];
    const party = isAnonymous(c) ? UNNAMED : (speaker && x.parties.get(speaker.id)) ?? speaker?.name ?? String(c.value.speaker);
    (byParty.get(party) ?? byParty.set(party, []).get(party)!).push(c);
  }
  const parties = [...byParty.entries()].sort((a, b) => (a[0] === UNNAMED ? 1 : b[0] === UNNAMED ? -1 : b[1].length - a[1].length || a[0].localeCompare(b[0])));
  return {
    title: x.since ? `Key statements since ${x.since}` : 'Key statements',
    empty: 'No statements in the reviewed record.',
    groups: parties.map(([party, cs]) => ({
      heading: party,
      lines: cs.sort((a, b) => b.sources.length - a.sources.length || (b.occurredOn ?? '').localeCompare(a.occurredOn ?? '') || a.id - b.id)
        .slice(0, STATEMENTS_PER_PARTY)
        .map((c): Line => {
          const who = speakerOf(c, x.redact);
          const text = String(c.value.text ?? '').replace(/[,;:\s]+$/, '');
          const said = c.value.direct ? `${who}: “${text}”` : `${who} said that ${lowerFirst(text.replace(/[.\s]+$/, ''))}`;
          return { text: `${c.occurredOn ? `${c.occurredOn}: ` : ''}${said}${/[.!?”]$/.test(said) ? '' : '.'}`, notes: fn.cite(c.sources.map((s) => s.documentId)), proposed: c.state === 'proposed' };
        }),
    })),
  };
}

/** "The council will ..." → "the council will ...": a reported clause after "said that". Names keep their capital. */
const FUNCTION_WORDS = new Set(['the', 'a', 'an', 'it', 'they', 'we', 'he', 'she', 'this', 'that', 'these', 'those', 'there', 'its', 'their', 'our', 'his', 'her', 'all', 'no', 'some',
  'about', 'nearly', 'almost', 'around', 'roughly', 'more', 'at', 'in', 'on', 'after', 'before', 'if', 'when', 'while', 'only', 'both', 'each', 'every', 'one', 'two', 'three']);
function lowerFirst(s: string): string {
  const w = /^\p{L}+/u.exec(s)?.[0] ?? '';
  return FUNCTION_WORDS.has(w.toLowerCase()) ? s[0]!.toLowerCase() + s.slice(1) : s;
}
