import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, get, post, patch, qs, type Page } from '../api.ts';
import { Highlighted } from '../Highlighted.tsx';

interface Doc { id: string; title: string; published: string; proposed: number; accepted: number; rejected: number; edited: number }
interface Proposal { id: string; kind: string; summary: string; value: Record<string, unknown>; state: string; version: number; confidence: number; sentence: number; sentenceText: string; evidence: { start: number; end: number }[] }

/** The field a quick edit (e) changes, by kind of claim. */
const EDIT_FIELD: Record<string, string> = { quote: 'text', quantity: 'value', date: 'start', participation: 'status', event: 'type' };

/** Proposals grouped by document, the source sentence highlighted; j/k move, a accept, r reject, e edit. */
export function Queue({ onChange }: { onChange: () => void }) {
  const [docs, setDocs] = useState<Doc[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [doc, setDoc] = useState<string | null>(null);
  const [items, setItems] = useState<Proposal[]>([]);
  const [text, setText] = useState('');
  const [sel, setSel] = useState(0);
  const [editing, setEditing] = useState<string | null>(null);
  const [draft, setDraft] = useState('');
  const [msg, setMsg] = useState('');
  const listRef = useRef<HTMLOListElement>(null);

  const loadDocs = useCallback(async (cursor?: string) => {
    const p = await get<Page<Doc>>(`/api/review/documents${qs({ limit: 50, cursor })}`);
    setDocs((d) => (cursor ? [...d, ...p.items] : p.items));
    setNext(p.nextCursor);
    if (!cursor) setDoc((cur) => cur ?? p.items[0]?.id ?? null);
  }, []);
  useEffect(() => { loadDocs(); }, [loadDocs]);

  const loadDoc = useCallback(async (id: string) => {
    const [p, d] = await Promise.all([get<Page<Proposal>>(`/api/review/documents/${id}/proposals?limit=200`), get(`/api/documents/${id}`)]);
    setItems(p.items);
    setText(d.text);
  }, []);
  useEffect(() => { if (doc) { setSel(0); loadDoc(doc); } }, [doc, loadDoc]);

  const refreshCounts = async () => {
    onChange();
    const p = await get<Page<Doc>>(`/api/review/documents${qs({ limit: Math.max(50, docs.length) })}`);
    setDocs(p.items);
  };
  const replace = (id: string, state: string, version: number) => setItems((xs) => xs.map((x) => (x.id === id ? { ...x, state, version } : x)));
  const fail = (e: unknown, id: string) => {
    if (e instanceof ApiError && e.status === 412) { setMsg(`${id} was changed by someone else: reloaded, look again.`); if (doc) loadDoc(doc); }
    else setMsg(e instanceof Error ? e.message : String(e));
  };
  const decide = async (p: Proposal, state: 'accepted' | 'rejected') => {
    try {
      const d = await post(`/api/records/${p.id}/review`, { state }, p.version);
      replace(p.id, d.state, d.version);
      setMsg(`${p.id} ${state}`);
      setSel((i) => Math.min(i + 1, items.length - 1));
      refreshCounts();
    } catch (e) { fail(e, p.id); }
  };
  const saveEdit = async (p: Proposal) => {
    const field = EDIT_FIELD[p.kind] ?? 'text';
    try {
      const d = await patch(`/api/records/${p.id}`, { fields: { [field]: draft } }, p.version);
      setItems((xs) => xs.map((x) => (x.id === p.id ? { ...x, state: d.state, version: d.version, value: { ...x.value, [field]: draft } } : x)));
      setEditing(null);
      setMsg(`${p.id} edited`);
      refreshCounts();
    } catch (e) { fail(e, p.id); }
  };
  const acceptAll = async () => {
    if (!doc) return;
    const left = items.filter((x) => x.state === 'proposed').map((x) => ({ id: x.id, version: x.version }));
    const r = await post(`/api/review/documents/${doc}/accept`, { items: left });
    setMsg(`accepted ${r.accepted.length}${r.skipped.length ? `, ${r.skipped.length} changed meanwhile` : ''}`);
    await loadDoc(doc);
    refreshCounts();
  };

  useEffect(() => {
    const on = (ev: KeyboardEvent) => {
      if (editing || ev.ctrlKey || ev.metaKey || ev.altKey) return;
      const t = ev.target as HTMLElement;
      if (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA') return;
      const p = items[sel];
      if (ev.key === 'j') setSel((i) => Math.min(i + 1, items.length - 1));
      else if (ev.key === 'k') setSel((i) => Math.max(i - 1, 0));
      else if (ev.key === 'a' && p) decide(p, 'accepted');
      else if (ev.key === 'r' && p) decide(p, 'rejected');
      else if (ev.key === 'e' && p) { setEditing(p.id); setDraft(String(p.value[EDIT_FIELD[p.kind] ?? 'text'] ?? '')); ev.preventDefault(); }
      else return;
    };
    addEventListener('keydown', on);
    return () => removeEventListener('keydown', on);
  });
  useEffect(() => { listRef.current?.querySelector('.sel')?.scrollIntoView({ block: 'nearest' }); }, [sel]);

  const current = docs.find((d) => d.id === doc);
  const left = items.filter((x) => x.state === 'proposed').length;
  return (
    <div className="queue">
      <aside className="doclist">
        <h2>Documents to review</h2>
        <ul>
          {docs.map((d) => (
            <li key={d.id} className={d.id === doc ? 'on' : ''}>
              <button onClick={() => setDoc(d.id)}>{d.title}</button>
              <span className="muted"> {d.published} · <span className="count" data-doc={d.id}>{d.proposed}</span> left</span>
            </li>
          ))}
        </ul>
        {next && <button onClick={() => loadDocs(next)}>More documents</button>}
        {!docs.length && <p className="muted">Nothing left to review.</p>}
      </aside>
      <section className="proposals">
        {current && <h2><a href={`#/documents/${current.id}`}>{current.title}</a></h2>}
        <div className="toolbar">
          <span className="muted">j/k move · a accept · r reject · e edit</span>
          <button onClick={acceptAll} disabled={!left}>Accept all remaining ({left})</button>
          <span className="msg" role="status">{msg}</span>
        </div>
        <ol ref={listRef}>
          {items.map((p, i) => {
            const ev = p.evidence[0];
            const s0 = ev ? text.lastIndexOf(p.sentenceText, ev.start) : -1;
            const marks = s0 >= 0 ? p.evidence.map((e) => ({ start: e.start - s0, end: e.end - s0, type: p.kind })) : [];
            return (
              <li key={p.id} className={`proposal state-${p.state}${i === sel ? ' sel' : ''}`} data-id={p.id} onClick={() => setSel(i)}>
                <div className="row">
                  <span className={`kind k-${p.kind}`}>{p.kind}</span>
                  <span className="summary">{p.summary}</span>
                  <span className="state">{p.state}</span>
                  <button onClick={() => decide(p, 'accepted')}>Accept</button>
                  <button onClick={() => decide(p, 'rejected')}>Reject</button>
                  <button onClick={() => { setEditing(p.id); setDraft(String(p.value[EDIT_FIELD[p.kind] ?? 'text'] ?? '')); }}>Edit</button>
                </div>
                <blockquote className="sentence"><Highlighted text={p.sentenceText} marks={marks} /></blockquote>
                {editing === p.id && (
                  <form onSubmit={(e) => { e.preventDefault(); saveEdit(p); }}>
                    <label>{EDIT_FIELD[p.kind] ?? 'text'} <input autoFocus value={draft} onChange={(e) => setDraft(e.target.value)} onKeyDown={(e) => { if (e.key === 'Escape') setEditing(null); }} /></label>
                    <button type="submit">Save</button>
                  </form>
                )}
              </li>
            );
          })}
        </ol>
      </section>
    </div>
  );
}
