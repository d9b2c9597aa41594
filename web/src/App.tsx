import { useEffect, useState } from 'react';
import { get } from './api.ts';
import { useRoute } from './router.ts';
import { Queue } from './views/Queue.tsx';
import { DocumentView, DocumentList } from './views/Document.tsx';
import { ProcessList, ProcessView } from './views/Process.tsx';
import { ActorList, ActorView } from './views/Actor.tsx';
import { Search } from './views/Search.tsx';
import { RecordView } from './views/Record.tsx';

export function App() {
  const { path, query } = useRoute();
  const [section = 'queue', id] = path;
  const [counts, setCounts] = useState<{ proposed: number } | null>(null);
  const refreshCounts = () => { get('/api/review/counts').then(setCounts).catch(() => undefined); };
  useEffect(refreshCounts, [section]);
  let view;
  if (section === 'queue') view = <Queue onChange={refreshCounts} />;
  else if (section === 'documents') view = id ? <DocumentView id={id} /> : <DocumentList />;
  else if (section === 'processes') view = id ? <ProcessView id={id} /> : <ProcessList />;
  else if (section === 'actors') view = id ? <ActorView id={id} /> : <ActorList />;
  else if (section === 'search') view = <Search q={query.get('q') ?? ''} />;
  else if (section === 'records' && id) view = <RecordView id={id} />;
  else view = <p>Nothing here. <a href="#/queue">Review queue</a></p>;
  const tab = (s: string, label: string) => <a href={`#/${s}`} className={section === s ? 'tab on' : 'tab'}>{label}</a>;
  return (
    <div className="app">
      <header>
        <strong className="brand">parley</strong>
        <nav>
          {tab('queue', `Review${counts ? ` (${counts.proposed})` : ''}`)}
          {tab('processes', 'Processes')}
          {tab('documents', 'Documents')}
          {tab('actors', 'Actors')}
          {tab('search', 'Search')}
        </nav>
      </header>
      <main>{view}</main>
    </div>
  );
}
