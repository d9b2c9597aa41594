// Runs the real parley command line for the store tests.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, tempDir } from './helpers.ts';
import { wireStory } from './fixtures.ts';

export interface Run { code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }

const BIN = join(ROOT, 'bin/parley.mjs');

export function startCli(args: string[], env: Record<string, string>, stdin: 'ignore' | 'pipe' = 'ignore'): ChildProcess {
  const clean = { ...process.env };
  delete clean.DATABASE_URL;
  delete clean.PARLEY_WORKSPACE;
  return spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: { PARLEY_EXTRACTOR_VERSION: 'test', ...clean, ...env }, stdio: [stdin, 'pipe', 'pipe'] });
}

export function finish(p: ChildProcess): Promise<Run> {
  let stdout = '', stderr = '';
  p.stdout!.on('data', (d) => (stdout += d));
  p.stderr!.on('data', (d) => (stderr += d));
  return new Promise((res) => p.on('close', (code, signal) => res({ code, signal, stdout, stderr })));
}

export const runCli = (args: string[], env: Record<string, string>): Promise<Run> => finish(startCli(args, env));

/** Resolves when the process has printed `n` lines on stdout. */
export function linesSeen(p: ChildProcess, n: number): Promise<void> {
  return new Promise((res, rej) => {
    let seen = 0;
    p.stdout!.on('data', (d: Buffer) => {
      seen += d.toString().split('\n').length - 1;
      if (seen >= n) res();
    });
    p.on('close', () => rej(new Error(`exited after ${seen} lines`)));
  });
}

const NAMES = ['Ilona Marsh', 'Tomas Reed', 'Anya Kell', 'Ben Osei', 'Carla Dunn', 'Omar Fisk', 'Lena Holt', 'Piet Vos'];

/** A folder of `n` distinct invented reports (no two near-duplicates). */
export function reportsFolder(n: number): string {
  const dir = join(tempDir('parley-reports-'), 'reports');
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < n; i++) {
    const who = NAMES[i % NAMES.length]!;
    const text = [
      `Talks on the eastern valley enter round ${i + 2}`,
      '',
      `"We expect ${i + 3} more families to return by spring," said ${who}, a negotiator for the Valley Council.`,
      `The Valley Council said ${20 + i} prisoners had been released on ${1 + (i % 27)} March 2026.`,
      wireStory(i + 3),
    ].join('\n');
    writeFileSync(join(dir, `report-${String(i).padStart(3, '0')}.txt`), text);
  }
  return dir;
}
