import { Option, type Command } from 'commander';
import { readFile } from 'node:fs/promises';
import { ParleyError } from '../domain/errors.ts';
import type { IngestProgress, IngestSummary } from '../app/ingest.ts';
import type { Extractor } from '../app/ingest-pool.ts';
import { parseManifest } from '../app/manifest.ts';
import { isNewStore, openStore, storeOptionsFrom, type Store } from '../store/open.ts';
import { EXIT_CODES } from './exit-codes.ts';
import { report } from './main.ts';
import { registerRecordCommands } from './store-record-commands.ts';

export interface StoreFlags { readonly workspace?: string }

/** Opens the record for one command, runs it, always closes it (and its lock). */
export async function withStore<T>(flags: StoreFlags, command: string, fn: (s: Store) => Promise<T>): Promise<T> {
  const store = await openStore({ ...storeOptionsFrom(flags), command });
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

export const workspaceOption = (): Option => new Option('-w, --workspace <dir>', 'workspace folder (default: DATABASE_URL, else $PARLEY_WORKSPACE, else ./.parley)');

/** The commands that work on the process record. `setCode` gives main the exit code. */
export function registerStoreCommands(program: Command, setCode: (code: number) => void): void {
  program
    .command('ingest')
    .description('store reports and their extraction in the record, as proposals to review')
    .argument('<paths...>', 'report files, folders of reports, or - for standard input')
    .addOption(workspaceOption())
    .option('--published <date>', 'publication date as YYYY-MM-DD for reports that give none')
    .option('--manifest <file>', 'publication dates by file id: JSON [{ "id", "published" }] or { "id": "YYYY-MM-DD" } (a folder\'s manifest.json is read anyway)')
    .option('--workers <n>', 'extraction threads (default: one per core but one, when there are many files)', (v) => positiveInt(v, '--workers'))
    .addOption(new Option('-f, --format <format>', 'summary format').choices(['text', 'json']).default('text'))
    .option('-v, --verbose', 'a line per report as it is stored')
    .action(async (paths: string[], opts: IngestFlags) => {
      setCode(await runIngest(paths, opts));
    });
  registerRecordCommands(program, setCode);
}

type IngestFlags = StoreFlags & { published?: string; manifest?: string; workers?: number; format: 'text' | 'json'; verbose?: boolean };

async function runIngest(paths: string[], opts: IngestFlags): Promise<number> {
  const t0 = performance.now();
  const ac = new AbortController();
  const onSigint = (): void => {
    if (ac.signal.aborted) process.exit(130);
    process.stderr.write('\nparley: interrupted: finishing the document being written (Ctrl-C again to stop at once)\n');
    ac.abort();
  };
  process.on('SIGINT', onSigint);
  process.on('SIGTERM', onSigint);
  const tty = process.stderr.isTTY === true;
  let extractor: Extractor | undefined;
  try {
    // The extraction pipeline loads only for this command, not for every command on the record.
    const { ingestPaths, startExtractionWorkers } = await import('../app/ingest.ts');
    const manifest = opts.manifest ? await readManifest(opts.manifest) : undefined;
    // The extraction workers load while the workspace opens; into a new workspace, where every
    // report will be read, they start on the first reports too.
    const storeOptions = storeOptionsFrom(opts);
    extractor = await startExtractionWorkers(paths, opts.workers, isNewStore(storeOptions) ? { published: opts.published, manifest } : undefined);
    const ingested = await withStore(opts, commandLine(), (s) => ingestPaths(s, paths, {
      published: opts.published,
      manifest,
      workers: opts.workers,
      extractor,
      signal: ac.signal,
      onProgress: tty ? (p) => process.stderr.write(`\r${progressLine(p)}\x1b[K`) : undefined,
      onStored: opts.verbose ? (src, r) => {
        const what = r.status === 'already' ? 'already in the record as' : r.status === 'updated' ? 're-read' : r.duplicateOf !== undefined ? `stored as a copy of d${r.duplicateOf}:` : 'stored';
        process.stdout.write(`${tty ? '\r\x1b[K' : ''}${src}: ${what} d${r.documentId}\n`);
      } : undefined,
    }));
    // The time the user waited: opening (or creating) the store included, where the workers
    // may already have started on the first reports.
    const summary = { ...ingested, seconds: (performance.now() - t0) / 1000 };
    if (tty) process.stderr.write('\r\x1b[K');
    const shown = summary.warnings.slice(0, 5);
    for (const w of shown) process.stderr.write(`parley: ${w}\n`);
    if (summary.warnings.length > shown.length) process.stderr.write(`parley: ... and ${summary.warnings.length - shown.length} more warnings like these\n`);
    process.stdout.write(opts.format === 'json' ? JSON.stringify(summary, null, 2) + '\n' : summaryText(summary));
    if (summary.interrupted) return 130;
    const first = summary.failed[0];
    return first ? (first.code === 'INTERNAL' ? 70 : EXIT_CODES[first.code]) : 0;
  } catch (e) {
    if (tty) process.stderr.write('\r\x1b[K');
    return report(e);
  } finally {
    await extractor?.close();
    process.off('SIGINT', onSigint);
    process.off('SIGTERM', onSigint);
  }
}

/** The command as typed, for the lock file: the holder a second process is told about. */
export function commandLine(): string {
  return ['parley', ...process.argv.slice(2)].join(' ').slice(0, 200);
}

export function progressLine(p: IngestProgress): string {
  const width = 24;
  const filled = Math.round((p.done / Math.max(p.total, 1)) * width);
  const left = Number.isFinite(p.secondsLeft) ? clock(p.secondsLeft) : '?';
  return `[${'='.repeat(filled)}${' '.repeat(width - filled)}] ${p.done}/${p.total}  ${p.perSecond.toFixed(1)} docs/s  ${left} left`;
}

export function summaryText(s: IngestSummary): string {
  const lines = [
    `${s.interrupted ? 'interrupted after' : 'ingested'} ${s.files} file${s.files === 1 ? '' : 's'} in ${s.seconds.toFixed(1)} s (${(s.files / Math.max(s.seconds, 1e-3)).toFixed(1)} docs/s)`,
    `  stored      ${s.stored}${s.nearDuplicates ? ` (${s.nearDuplicates} near-duplicate copies linked to their original)` : ''}`,
    `  duplicates  ${s.already} (same content already in the record)`,
  ];
  if (s.updated) lines.push(`  re-read     ${s.updated} (by a newer extractor; decisions kept)`);
  lines.push(`  skipped     ${s.failed.length}`);
  for (const f of s.failed) lines.push(`    ${f.source}: ${f.message}`);
  return lines.join('\n') + '\n';
}

function clock(sec: number): string {
  const s = Math.max(0, Math.round(sec));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

export function positiveInt(v: string, name: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new ParleyError('BAD_ARGUMENT', `${name} must be a whole number, not "${v}"`);
  return n;
}

async function readManifest(file: string): Promise<Map<string, string>> {
  let json: unknown;
  try { json = JSON.parse(await readFile(file, 'utf8')); } catch (e) {
    throw new ParleyError('BAD_ARGUMENT', `--manifest ${file}: ${(e as Error).message}`);
  }
  const m = parseManifest(json);
  if (m.size === 0) throw new ParleyError('BAD_ARGUMENT', `--manifest ${file}: no publication dates in it (expected [{ "id", "published" }] or { "id": "YYYY-MM-DD" })`);
  return m;
}
