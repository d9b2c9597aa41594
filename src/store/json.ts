/**
 * Text and JSON as PostgreSQL takes them: no NUL character anywhere, no lone UTF-16 surrogate.
 * Each is replaced by U+FFFD, one UTF-16 unit for one, so evidence offsets stay right.
 */
const BAD_TEXT = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const BAD_JSON = /\\u0000|\\ud[89ab][0-9a-f]{2}(?!\\ud[c-f][0-9a-f]{2})|(?<!\\ud[89ab][0-9a-f]{2})\\ud[c-f][0-9a-f]{2}/gi;

export function pgText(s: string): string {
  return s.replace(BAD_TEXT, '\ufffd');
}

export function jsonb(v: unknown): string {
  return JSON.stringify(v).replace(BAD_JSON, '\\ufffd');
}

/** A whole value with every string made safe for PostgreSQL; the value itself when nothing needs it. */
export function pgSafe<T>(v: T): T {
  const j = JSON.stringify(v);
  BAD_JSON.lastIndex = 0;
  return BAD_JSON.test(j) ? (JSON.parse(j.replace(BAD_JSON, '\\ufffd')) as T) : v;
}
