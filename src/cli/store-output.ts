/** Output of the record commands: a table on a terminal, --format json|csv for scripts. */
export type Format = 'table' | 'json' | 'csv';
export const FORMATS: Format[] = ['table', 'json', 'csv'];

type Row = Record<string, unknown>;

export function formatRows(rows: Row[], format: Format, width = process.stdout.columns || 120): string {
  if (format === 'json') return JSON.stringify(rows, null, 2) + '\n';
  const cols = rows.length ? Object.keys(rows[0]!) : [];
  if (format === 'csv') return [cols.join(','), ...rows.map((r) => cols.map((c) => csvCell(r[c])).join(','))].join('\n') + '\n';
  if (rows.length === 0) return '(none)\n';
  const cells = rows.map((r) => cols.map((c) => text(r[c])));
  const w = cols.map((c, i) => Math.max(c.length, ...cells.map((r) => r[i]!.length)));
  // The last column takes what the terminal has left.
  const used = w.slice(0, -1).reduce((a, b) => a + b + 2, 0);
  w[w.length - 1] = Math.max(10, Math.min(w[w.length - 1]!, width - used));
  const line = (xs: string[]): string => xs.map((x, i) => fit(x, w[i]!)).join('  ').trimEnd();
  return [line(cols), line(w.map((n) => '-'.repeat(n))), ...cells.map(line)].join('\n') + '\n';
}

/** One record: JSON, or `field: value` lines with nested lists indented. */
export function formatRecord(rec: Row, format: Format): string {
  if (format !== 'table') return JSON.stringify(rec, null, 2) + '\n';
  const out: string[] = [];
  for (const [k, v] of Object.entries(rec)) {
    if (Array.isArray(v)) {
      out.push(`${k}: ${v.length === 0 ? '(none)' : ''}`);
      for (const x of v) out.push('  - ' + (x && typeof x === 'object' ? Object.entries(x).filter(([, y]) => y !== null && y !== '').map(([a, y]) => `${a}: ${text(y)}`).join('; ') : text(x)));
    } else if (v !== null && v !== undefined) out.push(`${k}: ${text(v)}`);
  }
  return out.join('\n') + '\n';
}

function text(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v).replace(/\s+/g, ' ');
}

function fit(s: string, n: number): string {
  return s.length > n ? s.slice(0, n - 1) + '…' : s.padEnd(n);
}

function csvCell(v: unknown): string {
  const s = v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
