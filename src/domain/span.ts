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
