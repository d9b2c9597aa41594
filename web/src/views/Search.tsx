import { useEffect, useState } from 'react';
import { get, qs, type Page } from '../api.ts';
import { hrefOf } from '../router.ts';

/** Search across documents and records; "exact phrase" in quotes. */
export function Search({ q }: { q: string }) {
  const [text, setText] = useState(q);
  const [items, setItems] = useState<any[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const load = (cursor?: string) => get<Page<any>>(`/api/search${qs({ q, limit: 30, cursor })}`).then((p) => { setItems((x) => (cursor ? [...x, ...p.items] : p.items)); setNext(p.nextCursor); });
  useEffect(() => { if (q.trim()) load(); else setItems([]); }, [q]);
  return (
    <section className="search">
      <form onSubmit={(e) => { e.preventDefault(); location.hash = `#/search?q=${encodeURIComponent(text)}`; }}>
        <input name="q" value={text} onChange={(e) => setText(e.target.value)} placeholder='words, or "an exact phrase"' size={50} />
        <button type="submit">Search</button>
      </form>
      <ol>{items.map((r) => <li key={r.id}><a href={hrefOf(r.id)}>{r.title}</a> <span className="muted">{r.kind} {r.date ?? ''}</span><div>{r.text}</div></li>)}</ol>
      {q && !items.length && <p className="muted">No results.</p>}
      {next && <button onClick={() => load(next)}>More</button>}
    </section>
  );
}
