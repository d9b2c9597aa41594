import { usePaged, useResource } from '../hooks.ts';

export function ProcessList() {
  const { items, next, more } = usePaged('/api/processes', { limit: 50 });
  return (
    <section>
      <h1>Processes</h1>
      <table className="list"><thead><tr><th>Process</th><th>Rounds</th><th>Parties</th><th>From</th><th>To</th></tr></thead>
        <tbody>{items.map((p) => <tr key={p.id}><td><a href={`#/processes/${p.id}`}>{p.name}</a></td><td>{p.rounds}</td><td>{p.actors}</td><td>{p.first ?? '?'}</td><td>{p.last ?? '?'}</td></tr>)}</tbody>
      </table>
      {next && <button onClick={more}>More</button>}
    </section>
  );
}

/** Peace Accords Matrix implementation levels. */
const PAM: Record<string, string> = { '0': 'made, not implemented', '1': 'minimal', '2': 'intermediate', '3': 'implemented', reversed: 'reversed' };

const roundLabel = (r: any): string => (r.unassigned ? 'no round' : r.ordinal ? `Round ${r.ordinal}` : `Meeting ${r.index + 1}`);
const sourcesText = (sources: any[], docs: Record<string, any>): string =>
  sources.map((s) => `${s.documentId} ${docs[s.documentId]?.title ?? ''} (${docs[s.documentId]?.published ?? ''})`).join('\n');

/** Rounds on a timeline, the participation matrix, statements by party, measures, figures. */
export function ProcessView({ id }: { id: string }) {
  const { data: p, err } = useResource(`/api/processes/${id}`);
  if (err) return <p className="error">{err}</p>;
  if (!p) return <p className="muted">Loading…</p>;
  const byParty = new Map<string, any[]>();
  for (const s of p.statements) (byParty.get(s.speaker) ?? byParty.set(s.speaker, []).get(s.speaker)!).push(s);
  return (
    <article className="process">
      <h1>{p.name}</h1>
      <p className="muted">{[p.place, p.host && `hosted by ${p.host}`].filter(Boolean).join(' · ')}</p>
      <h2>Rounds</h2>
      <ol className="timeline">
        {p.rounds.map((r: any) => (
          <li key={r.index} className={r.unassigned ? 'round loose' : 'round'}>
            <strong>{roundLabel(r)}</strong>
            <span>{r.start ? (r.end && r.end !== r.start ? `${r.start} – ${r.end}` : r.start) : 'date unknown'}{r.datesContested ? ' (dates contested)' : ''}</span>
            <span className="muted">{r.places.join(', ') || p.place || ''}{p.host ? ` · host ${p.host}` : ''}</span>
          </li>
        ))}
      </ol>
      <h2>Participation</h2>
      <table className="matrix">
        <thead><tr><th>Actor</th>{p.rounds.map((r: any) => <th key={r.index}>{roundLabel(r)}</th>)}</tr></thead>
        <tbody>
          {p.matrix.map((a: any) => (
            <tr key={a.id ?? a.name}>
              <th>{a.id ? <a href={`#/actors/${a.id}`}>{a.name}</a> : a.name}</th>
              {p.rounds.map((r: any) => {
                const cells: any[] = a.cells[r.index] ?? [];
                return (
                  <td key={r.index}>
                    {cells.map((c, i) => (
                      <div key={i} className={`cell st-${c.status}${c.contested ? ' contested' : ''}`}
                        title={[c.conditions.length ? `Condition: ${c.conditions.join('; ')}` : '', `Sources:\n${sourcesText(c.sources, p.documents)}`].filter(Boolean).join('\n')}>
                        <span className="status">{c.status}</span>
                        {c.conditions.map((k: string) => <span key={k} className="condition">if: {k}</span>)}
                        <span className="muted"> {c.independent} src</span>
                      </div>
                    ))}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      {!p.matrix.length && <p className="muted">No participation reported.</p>}
      <h2>Statements by party</h2>
      {[...byParty].map(([who, list]) => (
        <section key={who} className="party">
          <h3>{list[0].speakerId ? <a href={`#/actors/${list[0].speakerId}`}>{who}</a> : who}</h3>
          <ul>{list.map((s) => <li key={s.id}><span className="muted">{s.date ?? ''}</span> {s.direct ? '“' : ''}{s.text}{s.direct ? '”' : ''} <a href={`#/documents/${s.document}`} className="muted">{s.document}</a></li>)}</ul>
        </section>
      ))}
      <h2>Commitments</h2>
      <table className="list commitments"><thead><tr><th>Made</th><th>Commitment</th><th>By</th><th>Promised</th><th>Delivered</th><th>Status over time</th><th>Sources</th></tr></thead>
        <tbody>{p.commitments.map((c: any) => (
          <tr key={c.key}>
            <td>{c.made}</td>
            <td>{c.what.replace(/_/g, ' ')}{c.object ? `: ${c.object}` : ''}{c.conditional ? ' (conditional)' : ''}{c.to ? ` → ${c.to}` : ''}</td>
            <td>{c.actorId ? <a href={`#/actors/${c.actorId}`}>{c.actor}</a> : c.actor ?? ''}</td>
            <td>{c.promised ?? ''}</td><td>{c.delivered || ''}</td>
            <td><ol className="status-line">{c.history.map((h: any, i: number) => <li key={i} className={`pam pam-${h.status}`} title={`${h.rule}, ${h.events} event(s)`}>{h.date}: {PAM[String(h.status)] ?? h.status}</li>)}</ol></td>
            <td className="evidence">{c.sources.map((s: any, i: number) => <div key={i}><a href={`#/documents/${s.document}`}>{s.document}</a> {s.sentence}</div>)}{c.sourceCount > c.sources.length ? <span className="muted">+{c.sourceCount - c.sources.length} more</span> : null}</td>
          </tr>
        ))}</tbody>
      </table>
      {!p.commitments.length && <p className="muted">No commitments found.</p>}
      <h2>Humanitarian measures reported</h2>
      <table className="list"><thead><tr><th>Date</th><th>Measure</th><th>By</th><th>Number</th><th>Review</th><th>Evidence</th></tr></thead>
        <tbody>{p.measures.map((m: any) => <tr key={m.id}><td>{m.date ?? '?'}</td><td>{m.type}</td><td>{m.actor ?? ''}</td><td>{m.quantity ?? ''}</td><td>{m.state}</td><td className="evidence">{m.evidence} <a href={`#/documents/${m.document}`}>{m.document}</a></td></tr>)}</tbody>
      </table>
      <h2>Figures</h2>
      {p.figures.map((f: any) => (
        <section key={f.key} className={f.contested ? 'figure contested' : 'figure'}>
          <h3>{f.measure}{f.unit ? ` (${f.unit})` : ''}{f.contested ? ' — contested' : ''}</h3>
          <div className="side-by-side">
            {f.values.map((v: any) => (
              <div key={v.id} className="value">
                <div className="big">{v.value}{v.max ? `–${v.max}` : ''}</div>
                <div className="muted">{v.text} · {v.state}</div>
                <ul>{v.sources.map((s: any) => <li key={s.document}><a href={`#/documents/${s.document}`}>{s.title}</a> <span className="muted">{s.published}</span><blockquote>{s.sentence}</blockquote></li>)}</ul>
              </div>
            ))}
          </div>
        </section>
      ))}
    </article>
  );
}
