import { z } from 'zod';
import { badField } from './problem.ts';

/**
 * Keyset pagination: a cursor is an opaque base64url of the sort key of the last row sent.
 * Lists take `limit` (1-200, default 50) and `cursor`, and answer `{ items, nextCursor }`.
 */
export const pageQuery = {
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
};

export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor(cursor: string | undefined): (string | number)[] | undefined {
  if (cursor === undefined || cursor === '') return undefined;
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(v) && v.every((x) => typeof x === 'string' || typeof x === 'number')) return v;
  } catch { /* below */ }
  throw badField('query.cursor', 'not a cursor this server gave');
}

/** Rows fetched with limit+1: the page, and the cursor after it when there is more. */
export function page<T>(rows: T[], limit: number, keyOf: (row: T) => (string | number)[]): { items: T[]; nextCursor: string | null } {
  const more = rows.length > limit;
  const items = more ? rows.slice(0, limit) : rows;
  return { items, nextCursor: more ? encodeCursor(keyOf(items[items.length - 1]!)) : null };
}

export const pageOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), nextCursor: z.string().nullable() });

export function numericId(text: string, prefix: string, field = 'params.id'): number {
  const m = /^([a-z])(\d{1,9})$/.exec(text);
  if (!m || m[1] !== prefix) throw badField(field, `expected an id like ${prefix}12, not "${text}"`);
  return Number(m[2]);
}
