import type { Extraction } from '../domain/record.ts';

/** parley's own full record: everything extracted, offsets and confidences included. */
export function toRecordJson(x: Extraction): object {
  return { format: 'parley-record/1', ...x };
}
