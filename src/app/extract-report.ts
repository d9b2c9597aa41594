import type { Extraction } from '../domain/record.ts';
import { ParleyError } from '../domain/errors.ts';
import { extract } from '../extract/index.ts';
import type { InputDocument } from '../input/read-input.ts';

export interface ExtractOptions {
  /** YYYY-MM-DD given by the user; wins over what the text says. */
  readonly published?: string;
  /** Today, for reports with no date anywhere. */
  readonly today?: string;
}

export interface ExtractResult {
  readonly extraction: Extraction;
  /** Set when no publication date was found and dates were resolved against today. */
  readonly warning?: string;
}

/** Use case: one report in, its sourced record out. */
export function extractReport(input: InputDocument, opts: ExtractOptions = {}): ExtractResult {
  if (opts.published && !isIsoDay(opts.published)) {
    throw new ParleyError('BAD_ARGUMENT', `--published must be a date as YYYY-MM-DD, not "${opts.published}"`);
  }
  const today = opts.today ?? new Date().toISOString().slice(0, 10);
  const published = opts.published ?? input.published ?? today;
  const publishedFrom = opts.published ? 'option' : input.published ? input.publishedFrom ?? 'text' : 'today';
  const extraction = extract(input.text, {
    id: input.id,
    source: input.source,
    title: input.title,
    url: input.url,
    publisher: input.publisher,
    published,
    publishedFrom,
  });
  const warning = publishedFrom === 'today'
    ? `${input.source}: no publication date found (use --published YYYY-MM-DD); dates resolved against today, ${today}`
    : undefined;
  return { extraction, warning };
}

export function isIsoDay(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(s + 'T00:00:00Z');
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}
