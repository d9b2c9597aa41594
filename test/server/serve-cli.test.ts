import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { freshWorkspace, ROOT } from '../store/helpers.ts';

test('parley serve: listens on loopback, answers, stops on SIGTERM and frees the workspace', async () => {
  const ws = await freshWorkspace();
  const child = spawn(process.execPath, [join(ROOT, 'bin/parley.mjs'), 'serve', '-w', ws, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const url = await new Promise<string>((ok, fail) => {
    child.stdout.on('data', (b: Buffer) => { out += b; const m = /web UI\s+(http:\/\/127\.0\.0\.1:\d+)/.exec(out); if (m) ok(m[1]!); });
    child.on('exit', (c) => fail(new Error(`exited ${c}: ${out}`)));
  });
  const r = await fetch(`${url}/api/status`);
  assert.equal(r.status, 200);
  assert.equal((await r.json()).documents, 0);
  assert.match(r.headers.get('content-security-policy') ?? '', /script-src 'self'/);
  child.kill('SIGTERM');
  const code = await new Promise((ok) => child.once('exit', ok));
  assert.equal(code, 0);
  assert.equal(existsSync(join(ws, 'parley.lock')), false);
  rmSync(join(ws, '..'), { recursive: true, force: true });
});

test('parley serve: a bad port is a usage error', async () => {
  const child = spawn(process.execPath, [join(ROOT, 'bin/parley.mjs'), 'serve', '--port', '70000'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  child.stderr.on('data', (b: Buffer) => { err += b; });
  const code = await new Promise((ok) => child.once('exit', ok));
  assert.equal(code, 2);
  assert.match(err, /--port must be at most 65535/);
});
