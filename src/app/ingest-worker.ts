// Worker thread body for `parley ingest`: extracts reports sent by the main thread.
import { parentPort } from 'node:worker_threads';
import { isParleyError } from '../domain/errors.ts';
import { extractReport } from './extract-report.ts';
import { nearDuplicateKeys } from '../store/near-dup.ts';
import type { ExtractJob, ExtractReply } from './ingest-pool.ts';

parentPort!.on('message', (job: ExtractJob) => {
  let reply: ExtractReply;
  try {
    const r = extractReport(job.input, { published: job.published });
    // The near-duplicate keys are hashing work the main thread, busy writing, is spared.
    reply = { id: job.id, ok: true, extraction: r.extraction, warning: r.warning, bands: nearDuplicateKeys(r.extraction.text) };
  } catch (e) {
    reply = isParleyError(e)
      ? { id: job.id, ok: false, code: e.code, message: e.message, file: e.file }
      : { id: job.id, ok: false, message: (e as Error)?.message ?? String(e) };
  }
  parentPort!.postMessage(reply);
});
