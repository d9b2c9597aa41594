import { useState } from 'react';
import { usePaged, useResource } from '../hooks.ts';

export function ActorList() {
  const [q, setQ] = useState('');
  const { items, next, more } = usePaged('/api/actors', { limit: 50, q });
  return (
    <section>
      <h1>Actors</h1>
      <input placeholder="Filter by name" value={q} onChange={(e) => setQ(e.target.value)} />
      <table className="list"><thead><tr><th>Name</th><th>Kind</th><th>Also called</th><th>Review</th></tr></thead>
        <tbody>{items.map((a) => <tr key={a.id}><td><a href={`#/actors/${a.id}`}>{a.name}</a></td><td>{a.kind}</td><td>{a.aliases.join(', ')}</td><td>{a.state}</td></tr>)}</tbody>
      </table>
      {next && <button onClick={more}>More</button>}
    </section>
  );
}

/** The actors it meets, boycotts or speaks with, around it. */
function Network({ name, links }: { name: string; links: any[] }) {
  const shown = links.slice(0, 16);
  const W = 520, H = 320, cx = W / 2, cy = H / 2, R = 120;
  return (
    <svg className="network" width={W} height={H} viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`network of ${name}`}>
      {shown.map((l, i) => {
        const t = (2 * Math.PI * i) / shown.length;
        const x = cx + R * Math.cos(t), y = cy + R * Math.sin(t);
        return (
          <g key={l.id + l.relation}>
            <line x1={cx} y1={cy} x2={x} y2={y} className={`rel-${l.relation}`} strokeWidth={Math.min(1 + l.weight, 6)} />
            <a href={`#/actors/${l.id}`}><circle cx={x} cy={y} r={6} /><text x={x} y={y - 10} textAnchor="middle">{l.name} ({l.relation})</text></a>
          </g>
        );
      })}
      <circle cx={cx} cy={cy} r={9} className="self" /><text x={cx} y={cy + 24} textAnchor="middle" className="self">{name}</text>
    </svg>
  );
}

export function ActorView({ id }: { id: string }) {
  const { data: a, err } = useResource(`/api/actors/${id}`);
  if (err) return <p className="error">{err}</p>;
  if (!a) return <p className="muted">Loading…</p>;
  return (
    <article className="actor">
      <h1>{a.name} <span className="muted">{a.kind}</span></h1>
      {a.aliases.length > 0 && <p>Also called: {a.aliases.join(', ')}</p>}
      {a.description && <p>{a.description}</p>}
      <p className="muted">{a.documents} documents · review: {a.state}</p>
      <h2>Affiliations</h2>
      <ul>{a.memberships.map((m: any) => <li key={m.id}>{m.person} — {m.role ?? 'member'} of {m.organization} <span className="muted">{m.start ?? ''}{m.end ? `–${m.end}` : ''} ({m.status})</span></li>)}</ul>
      <h2>Participation</h2>
      <ul>{a.participation.map((p: any) => <li key={p.id} className={`st-${p.status}`}>{p.date ?? ''} {p.status} {p.meeting ?? ''}{p.condition ? ` — if ${p.condition}` : ''}</li>)}</ul>
      <h2>Statements</h2>
      <ul>{a.quotes.map((q: any) => <li key={q.id}><span className="muted">{q.date ?? ''}</span> {q.direct ? `“${q.text}”` : q.text}</li>)}</ul>
      <h2>Network</h2>
      {a.network.length ? <Network name={a.name} links={a.network} /> : <p className="muted">No links yet.</p>}
    </article>
  );
}
