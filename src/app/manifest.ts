import { basename, extname } from 'node:path';

/** A report's id in a manifest: its file name without the extension. */
export const fileId = (src: string): string => basename(src, extname(src));

/** Publication dates from a manifest: [{ id, published }], { files: [...] } or { id: "YYYY-MM-DD" }. */
export function parseManifest(json: unknown): Map<string, string> {
  const out = new Map<string, string>();
  const day = (v: unknown): string | undefined => (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}/.test(v) ? v.slice(0, 10) : undefined);
  const list = Array.isArray(json) ? json : json && typeof json === 'object' && Array.isArray((json as { files?: unknown }).files) ? (json as { files: unknown[] }).files : undefined;
  if (list) {
    for (const x of list) {
      if (!x || typeof x !== 'object') continue;
      const r = x as Record<string, unknown>;
      const id = typeof r.id === 'string' ? r.id : typeof r.file === 'string' ? fileId(r.file) : undefined;
      const d = day(r.published ?? r.date);
      if (id && d) out.set(id, d);
    }
  } else if (json && typeof json === 'object') {
    for (const [k, v] of Object.entries(json)) { const d = day(v); if (d) out.set(fileId(k), d); }
  }
  return out;
}
