import { useEffect, useState } from 'react';
import { get, qs, type Page } from './api.ts';

/** One resource by its API path: the data once loaded, or the error message if it failed. */
export function useResource<T = any>(path: string): { data: T | null; err: string } {
  const [data, setData] = useState<T | null>(null);
  const [err, setErr] = useState('');
  useEffect(() => { get<T>(path).then(setData).catch((e) => setErr(e.message)); }, [path]);
  return { data, err };
}

/** A cursor-paged list: reloaded from the first page when its parameters change; `more` fetches the next page. */
export function usePaged<T = any>(path: string, params: Record<string, string | number | undefined | null>, enabled = true) {
  const [items, setItems] = useState<T[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const load = (cursor?: string) => get<Page<T>>(`${path}${qs({ ...params, cursor })}`).then((p) => { setItems((x) => (cursor ? [...x, ...p.items] : p.items)); setNext(p.nextCursor); });
  const key = path + qs(params);
  useEffect(() => { if (enabled) load(); else setItems([]); }, [key, enabled]);
  return { items, next, more: () => { if (next) load(next); } };
}
