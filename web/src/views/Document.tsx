import { usePaged, useResource } from '../hooks.ts';
import { Highlighted, type Mark } from '../Highlighted.tsx';
import { hrefOf } from '../router.ts';

/** The report as text (never HTML) with its actors, quotes, dates and figures highlighted; a click opens the record. */
export function DocumentView({ id }: { id: string }) {
  const { data: d, err } = useResource<{ document: any; text: string; highlights: Mark[] }>(`/api/documents/${id}`);
  if (err) return <p className="error">{err}</p>;
  if (!d) return <p className="muted">Loading…</p>;
  return (
    <article className="document">
      <h1>{d.document.title ?? d.document.source}</h1>
      <p className="muted">{d.document.published} · {d.document.publisher ?? ''} · {d.document.source}</p>
      <p className="legend">{['actor', 'quote', 'date', 'quantity', 'participation', 'event'].map((t) => <mark key={t} className={`hl hl-${t}`}>{t}</mark>)}</p>
      <div className="doctext"><Highlighted text={d.text} marks={d.highlights} onPick={(m) => { if (m.ref) location.hash = hrefOf(m.ref); }} /></div>
    </article>
  );
}

export function DocumentList() {
  const { items, next, more } = usePaged('/api/documents', { limit: 50 });
  return (
    <section>
      <h1>Documents</h1>
      <table className="list"><thead><tr><th>Published</th><th>Title</th><th>Claims</th><th>To review</th></tr></thead>
        <tbody>{items.map((d) => <tr key={d.id}><td>{d.published}</td><td><a href={`#/documents/${d.id}`}>{d.title}</a>{d.copyOf ? <span className="muted"> (copy of {d.copyOf})</span> : null}</td><td>{d.claims}</td><td>{d.proposed}</td></tr>)}</tbody>
      </table>
      {next && <button onClick={more}>More</button>}
    </section>
  );
}
