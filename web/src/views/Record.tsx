import { useResource } from '../hooks.ts';

/** One claim or membership with its sources and history. */
export function RecordView({ id }: { id: string }) {
  const { data: r, err } = useResource(`/api/records/${id}`);
  if (err) return <p className="error">{err}</p>;
  if (!r) return <p className="muted">Loading…</p>;
  return (
    <article className="record">
      <h1>{r.id} <span className="muted">{r.kind ?? ''} · {r.state} · version {r.version}</span></h1>
      <table className="list"><tbody>{Object.entries(r.value ?? {}).map(([k, v]) => <tr key={k}><th>{k}</th><td>{v === null ? '' : String(v)}</td></tr>)}</tbody></table>
      <h2>Sources</h2>
      <ul>{(r.sources ?? []).map((s: any) => <li key={s.document}><a href={`#/documents/${s.document}`}>{s.title ?? s.document}</a> <span className="muted">{s.published ?? ''}</span><blockquote>{s.sentence}</blockquote></li>)}</ul>
      <h2>History</h2>
      <ul>{(r.history ?? []).map((h: any, i: number) => <li key={i}>{h.at} {h.by}: {h.action} {h.field ?? ''} {JSON.stringify(h.before)} → {JSON.stringify(h.after)}</li>)}</ul>
    </article>
  );
}
