import { sql, type Kysely } from 'kysely';
import type { DB, ReviewState } from '../store/schema.ts';
import { pages } from './pages.ts';

/** One source of a claim: the report, where in it, and the sentence as stored. */
export interface SourceRow {
  readonly documentId: number;
  readonly sentence: number;
  readonly sentenceText: string;
  readonly evidence: unknown;
  readonly source: string;
  readonly title: string | null;
  readonly publisher: string | null;
  readonly url: string | null;
  readonly published: string;
  readonly duplicateOf: number | null;
}

export interface ClaimActor { readonly id: number; readonly name: string; readonly kind: string; readonly role: string; readonly asName: string }

/** A claim as exports and briefs read it: the value a person left (edits over the machine's). */
export interface ClaimRow {
  readonly id: number;
  readonly kind: string;
  readonly key: string;
  readonly value: Record<string, unknown>;
  readonly state: ReviewState;
  readonly summary: string;
  readonly occurredOn: string | null;
  readonly updatedAt: string;
  readonly sources: SourceRow[];
  readonly actors: ClaimActor[];
}

export interface ClaimFilter {
  readonly states: readonly ReviewState[];
  readonly kinds?: readonly string[];
  /** Only claims with a source among these documents. */
  readonly documents?: readonly number[];
}

/** The claims the filter keeps, a page at a time, each with its sources and actors (three statements a page). */
export async function* claimPages(db: Kysely<DB>, f: ClaimFilter, size?: number): AsyncGenerator<ClaimRow[]> {
  const where = sql.join([
    sql`review_state = any(${[...f.states]}::text[])`,
    f.kinds ? sql`kind = any(${[...f.kinds]}::text[])` : sql`true`,
    f.documents ? sql`exists (select 1 from claim_sources s where s.claim_id = claims.id and s.document_id = any(${[...f.documents]}::int[]))` : sql`true`,
  ], sql` and `);
  const cols = ['id', 'kind', 'key', 'value', 'edited_value', 'review_state', 'summary', 'occurred_on', 'updated_at'];
  for await (const rows of pages(db, 'claims', ['id'], cols, where, size)) {
    const ids = rows.map((r) => r.id as number);
    const src = await sql<{ claim_id: number; document_id: number; sentence: number; sentence_text: string; evidence: unknown; source: string; title: string | null; publisher: string | null; url: string | null; published: string; duplicate_of: number | null }>`
      select s.claim_id, s.document_id, s.sentence, s.sentence_text, s.evidence, d.source, d.title, d.publisher, d.url, d.published, d.duplicate_of
      from claim_sources s join documents d on d.id = s.document_id where s.claim_id = any(${ids}::int[]) order by d.published, d.id`.execute(db);
    const act = await sql<{ claim_id: number; id: number; name: string; kind: string; role: string; as_name: string }>`
      select x.claim_id, a.id, a.name, a.kind, x.role, x.as_name from claim_actors x join actors a on a.id = x.actor_id
      where x.claim_id = any(${ids}::int[]) order by x.role, a.id`.execute(db);
    const bySrc = group(src.rows, (r) => r.claim_id);
    const byAct = group(act.rows, (r) => r.claim_id);
    yield rows.map((r): ClaimRow => ({
      id: r.id as number, kind: r.kind as string, key: r.key as string,
      value: { ...(r.value as Record<string, unknown>), ...((r.edited_value as Record<string, unknown> | null) ?? {}) },
      state: r.review_state as ReviewState, summary: r.summary as string, occurredOn: r.occurred_on as string | null,
      updatedAt: new Date(r.updated_at as string).toISOString(),
      sources: (bySrc.get(r.id as number) ?? []).map((s) => ({
        documentId: s.document_id, sentence: s.sentence, sentenceText: s.sentence_text, evidence: s.evidence, source: s.source,
        title: s.title, publisher: s.publisher, url: s.url, published: s.published, duplicateOf: s.duplicate_of,
      })),
      actors: (byAct.get(r.id as number) ?? []).map((a) => ({ id: a.id, name: a.name, kind: a.kind, role: a.role, asName: a.as_name })),
    }));
  }
}

/** Every claim the filter keeps, in memory: for briefs, which read a process's reports, not a whole archive. */
export async function allClaims(db: Kysely<DB>, f: ClaimFilter): Promise<ClaimRow[]> {
  const out: ClaimRow[] = [];
  for await (const p of claimPages(db, f)) out.push(...p);
  return out;
}

function group<T>(xs: readonly T[], k: (x: T) => number): Map<number, T[]> {
  const m = new Map<number, T[]>();
  for (const x of xs) {
    const l = m.get(k(x));
    if (l) l.push(x); else m.set(k(x), [x]);
  }
  return m;
}

/** The outlet a source names: its publisher, else the file or address it came from. */
export const outletOf = (s: Pick<SourceRow, 'publisher' | 'source'>): string =>
  s.publisher ?? (/^[a-z]+:\/\//i.test(s.source) ? s.source : s.source.split(/[\\/]/).pop() || s.source);
