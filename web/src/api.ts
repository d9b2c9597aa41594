/** The API client: JSON in and out, problems thrown as ApiError (status, code, detail). */
export class ApiError extends Error {
  constructor(readonly status: number, readonly code: string, message: string) { super(message); }
}

async function call<T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ data: T; etag: string | null }> {
  const r = await fetch(path, { method, headers: { accept: 'application/json', ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers }, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await r.text();
  const data = text ? JSON.parse(text) : null;
  if (!r.ok) throw new ApiError(r.status, data?.code ?? 'ERROR', data?.detail ?? r.statusText);
  return { data: data as T, etag: r.headers.get('etag') };
}

export const get = async <T = any>(path: string): Promise<T> => (await call<T>('GET', path)).data;
export const post = async <T = any>(path: string, body: unknown, version?: number): Promise<T> =>
  (await call<T>('POST', path, body, version !== undefined ? { 'if-match': `"${version}"` } : {})).data;
export const patch = async <T = any>(path: string, body: unknown, version?: number): Promise<T> =>
  (await call<T>('PATCH', path, body, version !== undefined ? { 'if-match': `"${version}"` } : {})).data;

export interface Page<T> { items: T[]; nextCursor: string | null }
export const qs = (o: Record<string, string | number | undefined | null>): string => {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(o)) if (v !== undefined && v !== null && v !== '') p.set(k, String(v));
  const s = p.toString();
  return s ? `?${s}` : '';
};
