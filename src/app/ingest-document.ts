import type { Extraction } from '../domain/record.ts';
import type { Store } from '../store/open.ts';
import { ingestExtractions, type IngestedDocument } from './ingest-batch.ts';

export { contentHash, type IngestedDocument } from './ingest-batch.ts';

/**
 * Use case: stores one document and its extraction as proposed claims, in one transaction (a
 * kill leaves the document wholly in or wholly out). The same content already stored by the same
 * extractor is left alone; by another extractor it is re-extracted: new claims join, proposals
 * it no longer yields go, decided claims stay as a person left them. A batch of one: see
 * ingestExtractions for many.
 */
export async function ingestExtraction(store: Store, extraction: Extraction, extractorVersion: string, by: string): Promise<IngestedDocument> {
  const [r] = await ingestExtractions(store, [{ extraction }], extractorVersion, by);
  return r!;
}
