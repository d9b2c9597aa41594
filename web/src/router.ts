import { useEffect, useState } from 'react';

/** Hash routes: #/queue, #/documents/d1, #/processes/p.., #/actors/a1, #/search?q=... */
export function useRoute(): { path: string[]; query: URLSearchParams } {
  const read = () => {
    const h = decodeURI(location.hash.replace(/^#\/?/, ''));
    const [p = '', q = ''] = h.split('?');
    return { path: p.split('/').filter(Boolean), query: new URLSearchParams(q) };
  };
  const [r, setR] = useState(read);
  useEffect(() => {
    const on = () => setR(read());
    addEventListener('hashchange', on);
    return () => removeEventListener('hashchange', on);
  }, []);
  return r;
}

export const hrefOf = (id: string): string => {
  const k = id[0];
  if (k === 'd') return `#/documents/${id}`;
  if (k === 'a') return `#/actors/${id}`;
  if (k === 'p') return `#/processes/${id}`;
  return `#/records/${id}`;
};
