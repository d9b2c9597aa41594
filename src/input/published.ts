const MONTHS = 'january|february|march|april|may|june|july|august|september|october|november|december';
const MON = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const WEEKDAY = '(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\\.?,?\\s+)?';
const MONTH_FIRST = new RegExp(`^\\s*${WEEKDAY}${MON}\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, 'i');
const DAY_FIRST = new RegExp(`^\\s*${WEEKDAY}(\\d{1,2})(?:st|nd|rd|th)?\\s+${MON}\\.?,?\\s+(\\d{4})\\b`, 'i');
const ISO = /^\s*(\d{4})-(\d{2})-(\d{2})(?![\d])/;
const SLASHED = /^\s*(\d{4})[/.](\d{2})[/.](\d{2})(?![\d])/;
const COMPACT = /^\s*(\d{4})(\d{2})(\d{2})(?:T|\s|$)/;
const LEAD = /^(?:(?:first\s+)?(?:published|updated|posted|last\s+modified|dated?)(?:\s+on)?\s*:?\s*)/i;

/** A date line near the top (under the title) as YYYY-MM-DD, or undefined. */
export function findPublishedInText(text: string): string | undefined {
  const lines = text.slice(0, 2000).split('\n').map((l) => l.trim()).filter(Boolean).slice(0, 4);
  for (const line of lines) {
    if (line.length > 80) continue;
    // A byline and a date on one line: "By A. Writer | 12 March 2025 | 10:41".
    for (const part of line.split(/\s+[|•·—–]\s+|\s{3,}|\t/)) {
      const found = parseDateString(part.replace(/^[*_#>\s-]+|[*_\s]+$/g, ''));
      if (found) return found;
    }
  }
  return undefined;
}

/**
 * A date as pages and date lines write it: ISO (with or without time; the day as written,
 * not shifted to UTC), 2024/03/12, 20240312, "March 12, 2024", "12 Mar 2024", "Published:
 * Tuesday 12 March 2024". YYYY-MM-DD, or undefined when it is not a real calendar day.
 */
export function parseDateString(s: string): string | undefined {
  const l = s.trim().replace(LEAD, '');
  let m = ISO.exec(l) ?? SLASHED.exec(l) ?? COMPACT.exec(l);
  if (m) return iso(+m[1]!, +m[2]!, +m[3]!);
  m = MONTH_FIRST.exec(l);
  if (m) return iso(+m[3]!, monthIndex(m[1]!), +m[2]!);
  m = DAY_FIRST.exec(l);
  if (m) return iso(+m[3]!, monthIndex(m[2]!), +m[1]!);
  return undefined;
}

const monthIndex = (name: string) => {
  const p = name.toLowerCase().slice(0, 3);
  return MONTHS.split('|').findIndex((n) => n.startsWith(p)) + 1;
};

function iso(y: number, m: number, d: number): string | undefined {
  if (y < 1900 || y > 2200 || m < 1 || m > 12) return undefined;
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) return undefined;
  return dt.toISOString().slice(0, 10);
}
