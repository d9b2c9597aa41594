// Exports read the record a page at a time and write with backpressure: memory does not grow with
// the number of claims. Here 10,000 claims (about 9 MB of JSON) export while the live heap grows
// by less than 8 MB (a page); PARLEY_BIG_EXPORT=100000 runs the 100k-claim workspace
// (measured: 93 MB of json with +3.1 MB live heap, 59 MB of PLOVER with +4.1 MB).
import { test } from 'node:test';
import v8 from 'node:v8';
import vm from 'node:vm';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { exportRecord, type ExportFormat } from '../../src/app/export-record.ts';
import type { Sink } from '../../src/export/sink.ts';
import { BACKENDS, withFreshStore } from '../store/helpers.ts';
import { report2 } from './record-fixture.ts';
import { ingestExtraction } from '../../src/app/ingest-document.ts';

const N = Number(process.env.PARLEY_BIG_EXPORT ?? 10000);
v8.setFlagsFromString('--expose_gc');
const gc = vm.runInNewContext('gc') as () => void;
/** Live heap: after a full collection, so only what is still held counts. */
const live = (): number => { gc(); return process.memoryUsage().heapUsed; };

/** Counts bytes and samples the live heap every 2,000 writes. */
function countingSink(): Sink & { bytes: number; peak: number } {
  let writes = 0;
  const s = {
    bytes: 0, peak: 0,
    async write(x: string) {
      s.bytes += x.length;
      if (++writes % 2000 === 0) s.peak = Math.max(s.peak, live());
    },
    async close() {},
  };
  return s;
}

test(`${N} claims export in bounded memory (json and plover)`, async () => {
  await withFreshStore(BACKENDS[0]!, async (s) => {
    await ingestExtraction(s, report2(), 'test', 'machine');
    // Many claims in two statements: released prisoners on N different days, all accepted.
    await sql`insert into claims (kind, key, value, value_norm, review_state, confidence, summary, occurred_on)
      select 'event', 'event|release|-||' || g, jsonb_build_object('type', 'release', 'actor', 'River Council', 'place', 'Hillport', 'start', '2026-03-04', 'quantity', g % 90,
        'note', repeat('x', 300)), 'n' || g, 'accepted', 0.8, 'release of prisoners number ' || g, '2026-03-04'
      from generate_series(1, ${N}) g`.execute(s.db);
    await sql`insert into claim_sources (claim_id, document_id, sentence, sentence_text, evidence, confidence, extractor_version)
      select id, 1, 0, 'About 55 prisoners were freed on 1 March 2026, monitors said.', '[{"start":0,"end":18}]', 0.8, 'test' from claims where key like 'event|release|-||%'`.execute(s.db);
    for (const format of ['json', 'plover'] as ExportFormat[]) {
      const sink = countingSink();
      const base = live();
      await exportRecord(s, { format }, sink);
      const grew = Math.max(0, sink.peak - base);
      assert.ok(sink.bytes > N * 300, `${format}: ${sink.bytes} bytes`);
      process.stderr.write(`# ${format}: ${N} claims, ${(sink.bytes / 1e6).toFixed(1)} MB out, live heap +${(grew / 1e6).toFixed(1)} MB\n`);
      assert.ok(grew < 8e6, `${format}: live heap grew ${(grew / 1e6).toFixed(1)} MB for ${(sink.bytes / 1e6).toFixed(1)} MB of output`);
    }
  });
});
