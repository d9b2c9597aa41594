import { useState } from 'react';
import { usePaged } from '../hooks.ts';
import { hrefOf } from '../router.ts';

/** Search across documents and records; "exact phrase" in quotes. */
export function Search({ q }: { q: string }) {
  const [text, setText] = useState(q);
  const { items, next, more } = usePaged('/api/search', { q, limit: 30 }, q.trim() !== '');
  return (
    <section className="search">
      <form onSubmit={(e) => { e.preventDefault(); location.hash = `#/search?q=${encodeURIComponent(text)}`; }}>
        <input name="q" value={text} onChange={(e) => setText(e.target.value)} placeholder='words, or "an exact phrase"' size={50} />
        <button type="submit">Search</button>
      </form>
      <ol>{items.map((r) => <li key={r.id}><a href={hrefOf(r.id)}>{r.title}</a> <span className="muted">{r.kind} {r.date ?? ''}</span><div>{r.text}</div></li>)}</ol>
      {q && !items.length && <p className="muted">No results.</p>}
      {next && <button onClick={more}>More</button>}
    </section>
  );
}
