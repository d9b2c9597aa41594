const MONTHS = 'january|february|march|april|may|june|july|august|september|october|november|december';
const MONTH_FIRST = new RegExp(`^\\s*(?:[a-z]+day,?\\s+)?(${MONTHS})\\.?\\s+(\\d{1,2}),?\\s+(\\d{4})\\b`, 'i');
const DAY_FIRST = new RegExp(`^\\s*(?:[a-z]+day,?\\s+)?(\\d{1,2})\\s+(${MONTHS})\\.?,?\\s+(\\d{4})\\b`, 'i');
const ISO = /^\s*(\d{4})-(\d{2})-(\d{2})\b/;

/** A date line near the top (under the title) as YYYY-MM-DD, or undefined. */
export function findPublishedInText(text: string): string | undefined {
  const lines = text.split('\n').map((l) => l.trim()).filter(Boolean).slice(0, 4);
  for (const line of lines) {
    if (line.length > 60) continue;
    const l = line.replace(/^(?:published|updated|posted)(?: on)?:?\s*/i, '');
    let m = MONTH_FIRST.exec(l);
    if (m) return iso(+m[3]!, monthIndex(m[1]!), +m[2]!);
    m = DAY_FIRST.exec(l);
    if (m) return iso(+m[3]!, monthIndex(m[2]!), +m[1]!);
    m = ISO.exec(l);
    if (m) return iso(+m[1]!, +m[2]!, +m[3]!);
  }
  return undefined;
}

const monthIndex = (name: string) => MONTHS.split('|').indexOf(name.toLowerCase()) + 1;

function iso(y: number, m: number, d: number): string | undefined {
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) return undefined;
  return dt.toISOString().slice(0, 10);
}
