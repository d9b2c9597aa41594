import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const BIN = join(ROOT, 'bin/parley.mjs');

export interface CliResult { status: number | null; stdout: string; stderr: string }

/** Runs the real command line, as a user would: `node bin/parley.mjs ARGS`, in `cwd`. */
export function parley(args: string[], opts: { cwd?: string; input?: string | Buffer } = {}): CliResult {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  delete env.PARLEY_DEBUG;
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: opts.cwd ?? ROOT, input: opts.input ?? '', encoding: 'utf8', env, maxBuffer: 64 << 20, timeout: 60_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A temp folder for one test file's fixtures, written at test time; removed by `done()`. */
export function fixtures(files: Record<string, string | Buffer>): { dir: string; path: (n: string) => string; done: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'parley-cli-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return { dir, path: (n) => join(dir, n), done: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The one-line failure every bad input must give: names the file and what is wrong, no stack. */
export function assertOneErrorLine(r: CliResult, file: string, what: RegExp): string {
  const lines = r.stderr.split('\n').filter((l) => l.trim());
  assert.equal(lines.length, 1, `one line on stderr, got:\n${r.stderr}`);
  const line = lines[0]!;
  assert.ok(line.startsWith('parley: '), line);
  assert.ok(line.includes(file), `names ${file}: ${line}`);
  assert.match(line, what);
  assert.ok(!r.stderr.includes('    at '), 'no stack trace');
  return line;
}

/** A short English report written for these tests; `date` puts a date line under the title. */
export function report(title: string, date?: string): string {
  return [
    title, '', ...(date ? [date, ''] : []),
    'The government and the rebel front met in Nairobi on Tuesday for a second round of talks hosted by Kenya.',
    '', '"We came to listen," said Amina Odhiambo, the chief mediator.',
    '', 'At least 12 people were killed in clashes last week, according to local officials.', '',
  ].join('\n');
}
