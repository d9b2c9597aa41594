import type { SourceRow } from '../export/claims.ts';
import { outletOf } from '../export/claims.ts';
import type { Footnote } from './model.ts';

/** Numbers the brief's sources in order of first citation: one footnote per report. */
export class Footnotes {
  private readonly byDoc = new Map<number, Footnote>();
  private readonly meta = new Map<number, SourceRow>();

  /** Makes the documents of these sources known (a source row carries the report's metadata). */
  know(sources: readonly SourceRow[]): void {
    for (const s of sources) if (!this.meta.has(s.documentId)) this.meta.set(s.documentId, s);
  }

  /** The footnote numbers of these documents, numbering new ones; unknown documents are skipped. */
  cite(documentIds: Iterable<number>): number[] {
    const out = new Set<number>();
    for (const id of documentIds) {
      let f = this.byDoc.get(id);
      if (!f) {
        const s = this.meta.get(id);
        if (!s) continue;
        f = { n: this.byDoc.size + 1, documentId: id, outlet: outletOf(s), date: s.published, title: s.title, url: s.url };
        this.byDoc.set(id, f);
      }
      out.add(f.n);
    }
    return [...out].sort((a, b) => a - b);
  }

  list(): Footnote[] {
    return [...this.byDoc.values()].sort((a, b) => a.n - b.n);
  }
}

/** A footnote as one line of text: outlet, date, title, address. */
export const footnoteText = (f: Footnote): string =>
  [f.outlet, f.date, f.title ? `“${f.title}”` : null, f.url].filter(Boolean).join(', ');
