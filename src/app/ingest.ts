import { readdir, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { extname, join } from 'node:path';
import { readFile } from 'node:fs/promises';
import { isParleyError, type ErrorCode } from '../domain/errors.ts';
import { readInputFile, readStdin, type InputDocument } from '../input/read-input.ts';
import type { Store } from '../store/open.ts';
import { currentUser } from './actor-of.ts';
import { extractorVersion } from './extractor-version.ts';
import { contentHash, ingestExtractions, type BatchItem, type IngestedDocument } from './ingest-batch.ts';
import { storedHashes } from '../store/documents-repo.ts';
import { fileId, parseManifest } from './manifest.ts';
import { recomputeProcessRecord } from './recompute-record.ts';
import { inlineExtractor, workerExtractor, type ExtractedReport, type Extractor } from './ingest-pool.ts';

export interface IngestProgress { readonly done: number; readonly total: number; readonly perSecond: number; readonly secondsLeft: number }

export interface IngestOptions {
  readonly published?: string;
  /**
   * Publication dates by file id (the file name without its extension) or path, e.g. from
   * `--manifest FILE`. A folder's own manifest.json ([{ id, published }] or { id: date }) is read too.
   */
  readonly manifest?: ReadonlyMap<string, string>;
  /** Rebuild the derived process record after the batch (default true). */
  readonly recompute?: boolean;
  /** Worker threads for extraction; default one per core less one when there are many files, 0 = inline. */
  readonly workers?: number;
  readonly extractorVersion?: string;
  readonly extractor?: Extractor;
  readonly by?: string;
  readonly signal?: AbortSignal;
  onProgress?(p: IngestProgress): void;
  onStored?(source: string, r: { status: string; documentId: number; duplicateOf?: number }): void;
}

export interface IngestFailure { readonly source: string; readonly code: ErrorCode | 'INTERNAL'; readonly message: string }

export interface IngestSummary {
  readonly files: number;
  /** New documents, of which `nearDuplicates` are linked wire copies. */
  readonly stored: number;
  readonly nearDuplicates: number;
  /** Same content already in the record (this run or before). */
  readonly already: number;
  /** Re-extracted by a newer extractor. */
  readonly updated: number;
  readonly failed: IngestFailure[];
  readonly warnings: string[];
  readonly seconds: number;
  readonly interrupted: boolean;
}

/** Files parley reads when given a folder; hidden files and folders (.parley) are left out. */
const READABLE = new Set(['.txt', '.text', '.md', '.markdown', '.html', '.htm', '.xhtml']);
const MANY = 8;
/** An extracted report waiting for its batch, with the file it came from. */
type ReportToWrite = BatchItem & { readonly src: string };
/** Reports written per transaction, at most: the statements per batch do not grow with it. */
const BATCH = 32;
/**
 * Reports handed to the workers before a new workspace opens: more than they get through while
 * it opens (~1.3 s), few enough that holding their texts and results costs little memory.
 */
const HEAD_START = 96;

/**
 * Use case: `parley ingest FILE|DIR|- ...`. Each report is read, extracted (on worker threads
 * when there are many) and stored in the order given, the reports extracted meanwhile written
 * together in one transaction (up to BATCH). A bad file is recorded and the rest go on.
 * Interrupted (signal), it stops after the batch being written: running it again finishes the
 * job, stored documents being recognised by content.
 */
export async function ingestPaths(store: Store, paths: readonly string[], opts: IngestOptions = {}): Promise<IngestSummary> {
  const t0 = performance.now();
  const failed: IngestFailure[] = [];
  const warnings: string[] = [];
  const fail = (source: string, e: unknown): void => {
    failed.push(isParleyError(e)
      ? { source: e.file ?? source, code: e.code, message: e.message }
      : { source, code: 'INTERNAL', message: (e as Error)?.message ?? String(e) });
  };
  const listed = await listSources(paths, opts.manifest);
  const { sources } = listed;
  warnings.push(...listed.warnings);
  for (const [p, e] of listed.failed) fail(p, e);
  const version = opts.extractorVersion ?? extractorVersion();
  const by = opts.by ?? currentUser();
  const n = workerCount(sources.length, opts.workers);
  const extractor = opts.extractor ?? (n > 0 ? workerExtractor(n) : inlineExtractor());
  // Workers keep extracting while the main thread writes a batch. Extracting on this thread
  // (few files, --workers 0), reports are written as they come, a batch of one or two.
  const ahead = n > 0 ? BATCH + n * 2 : 2;
  let stored = 0, near = 0, already = 0, updated = 0, done = 0;
  type Job = Awaited<ReturnType<Extractor['run']>> | { readonly storedAs: number };
  const jobs = sources.map(() => undefined as Promise<Job> | undefined);
  const settled = sources.map(() => false);
  // What this extractor stored already, read once: a lookup per report would wait behind the
  // batch being written (PGlite has one connection). The batch writer checks again anyway.
  const storedByThisExtractor = await storedHashes(store.db, version);
  const start = (i: number): void => {
    if (i >= sources.length || jobs[i]) return;
    const src = sources[i]!;
    // A report already stored by this extractor is not extracted again: a rerun after a kill
    // costs only the reports still missing.
    jobs[i] = read(src).then(async (input): Promise<Job> => {
      const known = storedByThisExtractor.get(contentHash(input.text));
      if (known !== undefined) return { storedAs: known };
      return extractor.run(input, listed.publishedOf(src, opts.published));
    });
    jobs[i]!.then(() => { settled[i] = true; }, () => { settled[i] = true; });
  };
  const count = (src: string, r: IngestedDocument): void => {
    if (r.status === 'stored') { stored++; if (r.duplicateOf !== undefined) near++; }
    else if (r.status === 'updated') updated++;
    else already++;
    opts.onStored?.(src, r);
  };
  const progress = (): void => {
    if (!opts.onProgress) return;
    const secs = (performance.now() - t0) / 1000;
    const rate = done / Math.max(secs, 1e-3);
    opts.onProgress({ done, total: sources.length, perSecond: rate, secondsLeft: (sources.length - done) / rate });
  };
  try {
    for (let i = 0; i < Math.min(ahead, sources.length); i++) start(i);
    let i = 0;
    while (i < sources.length && !opts.signal?.aborted) {
      // A batch: the next report, and those after it already extracted, up to BATCH.
      await jobs[i]!.catch(() => undefined);
      // Writing a batch never yields to the event loop (PGlite answers in microtasks): the
      // workers' replies that came in meanwhile are read now, so they join this batch.
      await new Promise((r) => setImmediate(r));
      let end = i + 1;
      while (end < sources.length && end - i < BATCH && settled[end]) end++;
      if (opts.signal?.aborted) break;
      const batch: ReportToWrite[] = [];
      for (let k = i; k < end; k++) {
        const src = sources[k]!;
        try {
          const job = await jobs[k]!;
          if ('storedAs' in job) { count(src, { status: 'already', documentId: job.storedAs, claims: 0 }); done++; }
          else {
            if (job.warning) warnings.push(job.warning);
            batch.push({ src, extraction: job.extraction, bands: job.bands });
          }
        } catch (e) { fail(src, e); done++; }
        jobs[k] = undefined;
      }
      await writeBatch(batch);
      i = end;
      for (let k = i; k < i + ahead; k++) start(k);
      progress();
    }
  } finally {
    await extractor.close();
  }

  /** The batch in one transaction; should it fail, each report alone, so one bad report is named and the rest go on. */
  async function writeBatch(batch: ReportToWrite[]): Promise<void> {
    if (batch.length === 0) return;
    try {
      const rs = await ingestExtractions(store, batch, version, by);
      rs.forEach((r, k) => count(batch[k]!.src, r));
      done += batch.length;
      return;
    } catch (e) {
      if (batch.length === 1) { fail(batch[0]!.src, e); done++; return; }
    }
    for (const b of batch) {
      try { count(b.src, (await ingestExtractions(store, [b], version, by))[0]!); } catch (e) { fail(b.src, e); }
      done++;
    }
  }
  if ((stored > 0 || updated > 0) && opts.recompute !== false) {
    try { await recomputeProcessRecord(store.db); } catch (e) { warnings.push(`the process record was not rebuilt: ${(e as Error).message}; it is rebuilt at the next query`); }
  }
  return {
    files: sources.length, stored, nearDuplicates: near, already, updated, failed, warnings,
    seconds: (performance.now() - t0) / 1000, interrupted: opts.signal?.aborted ?? false,
  };
}

/**
 * Extraction threads for this many files: one per core but the one the writing thread runs on.
 * On 2 cores, 2 workers beside the writing thread were slower than 1 (249 reports: PGlite 6.5 s
 * against 5.5 s, PostgreSQL 5.0 s against 4.6 s), three busy threads taking turns on two cores.
 */
function workerCount(files: number, workers: number | undefined): number {
  return workers ?? (files >= MANY ? Math.max(1, availableParallelism() - 1) : 0);
}

/**
 * The extraction workers `ingestPaths` would start for these paths, started now: a caller that
 * has a store to open first (PGlite: 0.8 s, 1.3 s for a new workspace) lets the workers load
 * meanwhile, then passes them as `extractor`. Undefined when the reports are few enough to be
 * extracted on the calling thread. With `headStart` (a store known to hold nothing yet, so every
 * report will be extracted) the workers also begin on the first reports, with the dates
 * `ingestPaths` will give them; `ingestPaths` takes those results instead of asking again.
 */
export async function startExtractionWorkers(paths: readonly string[], workers?: number, headStart?: HeadStart): Promise<Extractor | undefined> {
  const listed = await listSources(paths, headStart?.manifest);
  const n = workerCount(listed.sources.length, workers);
  if (n === 0) return undefined;
  const pool = workerExtractor(n);
  if (!headStart) return pool;
  const early = new Map<string, { input: InputDocument; published?: string; result: Promise<ExtractedReport> }>();
  // Read before the store opens: PGlite's start holds this thread until it is done.
  for (const src of listed.sources.slice(0, HEAD_START)) {
    if (src === '-') continue;
    const published = listed.publishedOf(src, headStart.published);
    const input = await readInputFile(src).catch(() => undefined);
    if (!input) continue; // ingestPaths reads it again and reports what is wrong
    const result = pool.run(input, published);
    result.catch(() => undefined); // a report never asked for again fails unheard
    early.set(src, { input, published, result });
  }
  return {
    run(input, published) {
      const e = early.get(input.source);
      early.delete(input.source);
      // The same file, unchanged since, with the same date: its extraction is already under way.
      if (e && e.input.text === input.text && e.input.title === input.title && e.published === published) return e.result;
      return pool.run(input, published);
    },
    close: () => pool.close(),
  };
}

/** What `startExtractionWorkers` needs to start on the reports as `ingestPaths` will. */
export interface HeadStart { readonly published?: string; readonly manifest?: ReadonlyMap<string, string> }

interface Sources {
  readonly sources: string[];
  readonly warnings: string[];
  readonly failed: [path: string, error: unknown][];
  /** A report's publication date: its manifest's (by path, else file id), else `fallback`. */
  publishedOf(src: string, fallback: string | undefined): string | undefined;
}

/** The files the paths stand for, in order, with the dates of the manifests given and found. */
async function listSources(paths: readonly string[], manifest: ReadonlyMap<string, string> | undefined): Promise<Sources> {
  const sources: string[] = [];
  const warnings: string[] = [];
  const failed: [string, unknown][] = [];
  const dates = new Map(manifest ?? []);
  for (const p of paths) {
    try {
      for (const [k, v] of await folderManifest(p)) if (!dates.has(k)) dates.set(k, v);
      const found = await expand(p);
      if (found.length === 0) warnings.push(`${p}: no reports in this folder (parley reads ${[...READABLE].join(' ')})`);
      sources.push(...found);
    } catch (e) { failed.push([p, e]); }
  }
  return { sources, warnings, failed, publishedOf: (src, fallback) => dates.get(src) ?? dates.get(fileId(src)) ?? fallback };
}

async function read(src: string): Promise<InputDocument> {
  return src === '-' ? readStdin() : readInputFile(src);
}

/** A path to the files it stands for: a folder to its readable files, sorted; - stays -. */
async function expand(p: string): Promise<string[]> {
  if (p === '-') return ['-'];
  let st;
  try { st = await stat(p); } catch { return [p]; } // readInputFile reports it
  if (!st.isDirectory()) return [p];
  const out: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1));
    for (const e of entries) {
      if (e.name.startsWith('.')) continue;
      const q = join(dir, e.name);
      if (e.isDirectory()) await walk(q);
      else if (READABLE.has(extname(e.name).toLowerCase())) out.push(q);
    }
  };
  await walk(p);
  return out;
}

/** A folder's manifest.json, when it has one. */
async function folderManifest(p: string): Promise<Map<string, string>> {
  if (p === '-') return new Map();
  try {
    if (!(await stat(p)).isDirectory()) return new Map();
    return parseManifest(JSON.parse(await readFile(join(p, 'manifest.json'), 'utf8')));
  } catch { return new Map(); }
}
