import { extractReport, isIsoDay } from '../app/extract-report.ts';
import { ParleyError, isParleyError } from '../domain/errors.ts';
import { readInputFile, readStdin, type InputDocument } from '../input/read-input.ts';
import { EXIT_CODES } from './exit-codes.ts';
import { toParleyEval } from './format-eval.ts';
import { toRecordJson } from './format-json.ts';
import { toSummary } from './format-summary.ts';
import { report } from './main.ts';

export interface ExtractCommandOptions {
  readonly format: 'summary' | 'json' | 'parley-eval';
  readonly published?: string;
}

/**
 * `parley extract FILE...|-`: one result per file. A bad file is reported on stderr and the
 * rest go on; the exit code is that of the first failure. One file gives one pretty JSON
 * object; several give one object per line.
 */
export async function runExtract(files: string[], opts: ExtractCommandOptions): Promise<number> {
  // Arguments are checked before any file is read: a bad --published fails once, not per file.
  const bad = checkArguments(files, opts);
  if (bad) return report(bad);
  let exit = 0;
  const many = files.length > 1;
  for (const file of files) {
    if (stdoutClosed) break;
    try {
      if (file === '-' && process.stdin.isTTY) process.stderr.write('parley: reading a report from standard input; end it with Ctrl-D\n');
      const input: InputDocument = file === '-' ? await readStdin() : await readInputFile(file);
      const { extraction, warning } = extractReport(input, { published: opts.published });
      if (warning) process.stderr.write(`parley: ${warning}\n`);
      let out: string;
      if (opts.format === 'summary') out = toSummary(extraction) + (many ? '\n' : '');
      else {
        const obj = opts.format === 'json' ? toRecordJson(extraction) : toParleyEval(extraction);
        out = (many ? JSON.stringify(obj) : JSON.stringify(obj, null, 2)) + '\n';
      }
      await write(out);
    } catch (e) {
      const code = report(e);
      if (!exit) exit = isParleyError(e) ? EXIT_CODES[e.code] : code;
      if (isParleyError(e) && e.code === 'BAD_ARGUMENT') break;
    }
  }
  return exit;
}

function checkArguments(files: string[], opts: ExtractCommandOptions): ParleyError | undefined {
  if (opts.published != null && !isIsoDay(opts.published)) {
    return new ParleyError('BAD_ARGUMENT', `--published must be a date as YYYY-MM-DD, not "${opts.published}"`);
  }
  if (files.filter((f) => f === '-').length > 1) return new ParleyError('BAD_ARGUMENT', 'standard input (-) can be read only once');
  return undefined;
}

/** Set once stdout is gone (`parley extract ... | head`): the rest is not worth extracting. */
let stdoutClosed = false;
let watching = false;

function watchStdout(): void {
  if (watching) return;
  watching = true;
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (!stdoutClosed && e.code !== 'EPIPE') process.stderr.write(`parley: cannot write the output (${e.code ?? e.message})\n`);
    stdoutClosed = true;
  });
}

function write(s: string): Promise<void> {
  watchStdout();
  return new Promise((resolve) => {
    if (stdoutClosed || process.stdout.write(s)) return resolve();
    const done = () => { process.stdout.off('drain', done); process.stdout.off('close', done); process.stdout.off('error', done); resolve(); };
    process.stdout.once('drain', done).once('close', done).once('error', done);
  });
}
