/** A stretch of the document text: UTF-16 offsets, end exclusive, exactly as read. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

export function span(start: number, end: number): Span {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end <= start) {
    throw new RangeError(`invalid span [${start}, ${end})`);
  }
  return { start, end };
}

export const spanText = (text: string, s: Span): string => text.slice(s.start, s.end);

export const overlaps = (a: Span, b: Span): boolean => a.start < b.end && b.start < a.end;

export const contains = (outer: Span, inner: Span): boolean => outer.start <= inner.start && inner.end <= outer.end;

/** Trims whitespace (and optionally the given characters) off both ends of a span. */
export function trimSpan(text: string, s: Span, chars = ''): Span {
  const skip = (c: string) => /\s/.test(c) || chars.includes(c);
  let { start, end } = s;
  while (start < end && skip(text[start]!)) start++;
  while (end > start && skip(text[end - 1]!)) end--;
  return { start, end };
}
