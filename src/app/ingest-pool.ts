import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { setFlagsFromString } from 'node:v8';
import { join } from 'node:path';
import { freshBundle } from '../../bin/bundle-fresh.mjs';
import { PROJECT_ROOT } from '../project-root.ts';
import { ParleyError, type ErrorCode } from '../domain/errors.ts';
import type { Extraction } from '../domain/record.ts';
import type { InputDocument } from '../input/read-input.ts';
import { extractReport, type ExtractResult } from './extract-report.ts';

export interface ExtractJob { readonly id: number; readonly input: InputDocument; readonly published?: string }
export type ExtractReply =
  | { readonly id: number; readonly ok: true; readonly extraction: Extraction; readonly warning?: string; readonly bands?: number[] }
  | { readonly id: number; readonly ok: false; readonly code?: ErrorCode; readonly message: string; readonly file?: string };

/** An extraction, with the text's near-duplicate band keys when a worker computed them. */
export type ExtractedReport = ExtractResult & { readonly bands?: readonly number[] };

export interface Extractor {
  run(input: InputDocument, published?: string): Promise<ExtractedReport>;
  close(): Promise<void>;
}

/** Extraction on the calling thread: for a few files, where starting workers costs more. */
export function inlineExtractor(): Extractor {
  return {
    async run(input, published) { return extractReport(input, { published }); },
    async close() {},
  };
}

/**
 * V8's compilers, tuned for a burst of extraction rather than a long-running server. Extraction
 * is large functions of string and regex work whose types keep changing (one- and two-byte
 * strings, slices): V8 optimised them, dropped the code and optimised again, inlining every callee
 * into each copy. A cold worker spent 4.5 s of compiler time on the 249 Guardian reports
 * (findTriggers compiled 6 times, findCues 12), on threads that 2 cores need for extracting and
 * writing. So functions are optimised later (a larger interrupt budget) and without inlining, and
 * regexes go straight to machine code instead of being interpreted first and compiled again.
 * Measured on the 249 reports, 2 cores, alternating runs: whole ingest on PostgreSQL 4.28 -> 3.10 s,
 * on PGlite 5.94 -> 4.93 s. Warm extraction is ~10% slower: the defaults would win back what they
 * cost only in a run ~10 times as long. The flags are process-wide (V8 has none per isolate), so
 * they are set once, when a pool starts: only `parley ingest` of many files runs with them.
 */
const COMPILE_LESS = '--no-turbo-inlining --interrupt-budget=600000 --no-regexp-tier-up';
let compilingLess = false;
function compileLess(): void {
  if (compilingLess) return;
  compilingLess = true;
  setFlagsFromString(COMPILE_LESS);
}

/**
 * Extraction on `n` worker threads (one per core): each job goes to the least busy worker.
 * Workers start from the bundle built at install while it is fresh (no TypeScript to compile:
 * ~0.7 s less per worker), else load the sources through tsx, as bin/parley.mjs does.
 */
export function workerExtractor(n: number): Extractor {
  compileLess();
  const bundle = freshBundle('ingest-worker.mjs', PROJECT_ROOT);
  const tsx = import.meta.resolve('tsx/esm/api');
  const entry = pathToFileURL(join(PROJECT_ROOT, 'src', 'app', 'ingest-worker.ts')).href;
  const boot = bundle
    ? `import(${JSON.stringify(pathToFileURL(bundle).href)})`
    : `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); })`;
  const pending = new Map<number, { resolve(r: ExtractedReport): void; reject(e: Error): void; worker: number }>();
  const busy = new Array<number>(n).fill(0);
  const dead: (Error | undefined)[] = new Array(n).fill(undefined);
  let nextId = 0;
  // A worker that dies (a crash, a source that fails to load) fails its jobs, never hangs them.
  const kill = (i: number, e: Error): void => {
    dead[i] ??= e;
    for (const [id, p] of pending) if (p.worker === i) { pending.delete(id); p.reject(e); }
  };
  const workers = Array.from({ length: n }, (_, i) => {
    const w = new Worker(boot, { eval: true });
    w.on('message', (r: ExtractReply) => {
      const p = pending.get(r.id);
      if (!p) return;
      pending.delete(r.id);
      busy[i]!--;
      if (busy[i] === 0) w.unref();
      if (r.ok) p.resolve({ extraction: r.extraction, warning: r.warning, bands: r.bands });
      else p.reject(r.code ? new ParleyError(r.code, r.message, r.file) : new Error(r.message));
    });
    w.on('error', (e) => kill(i, e));
    w.on('exit', (code) => kill(i, new Error(`extraction worker stopped (exit code ${code})`)));
    w.unref();
    return w;
  });
  return {
    run(input, published) {
      const live = busy.map((b, i) => (dead[i] ? Infinity : b));
      const i = live.indexOf(Math.min(...live));
      if (dead[i]) return Promise.reject(dead[i]);
      busy[i]!++;
      const id = nextId++;
      return new Promise<ExtractedReport>((resolve, reject) => {
        pending.set(id, { resolve, reject, worker: i });
        workers[i]!.ref();
        workers[i]!.postMessage({ id, input, published } satisfies ExtractJob);
      });
    },
    async close() {
      for (let i = 0; i < n; i++) dead[i] ??= new Error('extraction pool closed');
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
