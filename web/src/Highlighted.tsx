import type { ReactNode } from 'react';

export interface Mark { start: number; end: number; type: string; ref?: string; label?: string }

/**
 * Text with marks, rendered as React text nodes only: whatever markup a report holds is shown,
 * never parsed. Overlapping marks: the first (outermost) wins.
 */
export function Highlighted({ text, marks, onPick }: { text: string; marks: Mark[]; onPick?: (m: Mark) => void }): ReactNode {
  const out: ReactNode[] = [];
  let at = 0;
  const sorted = [...marks].sort((a, b) => a.start - b.start || b.end - a.end);
  for (const m of sorted) {
    if (m.start < at || m.end > text.length || m.start >= m.end) continue;
    if (m.start > at) out.push(text.slice(at, m.start));
    out.push(
      <mark key={`${m.start}-${m.ref ?? ''}`} className={`hl hl-${m.type}`} title={m.label} data-ref={m.ref}
        onClick={onPick ? () => onPick(m) : undefined}>{text.slice(m.start, m.end)}</mark>,
    );
    at = m.end;
  }
  if (at < text.length) out.push(text.slice(at));
  return <>{out}</>;
}
