import { closeSync, linkSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { ParleyError } from '../domain/errors.ts';

/** Who holds a workspace: written into the lock file, shown to whoever is kept out. */
export interface LockHolder {
  readonly pid: number;
  readonly host: string;
  readonly command: string;
  /** ISO time the lock was taken. */
  readonly since: string;
}

export interface WorkspaceLock {
  readonly path: string;
  readonly holder: LockHolder;
  release(): void;
}

/**
 * Takes the lock file of a PGlite workspace: two processes on one PGlite folder lose writes.
 * The file is written whole under a temporary name and hard-linked into place, so it appears
 * atomically and complete. A lock left by a dead process on this host is taken over.
 * Fails with WORKSPACE_LOCKED naming the holder.
 */
export function acquireLock(path: string, command: string): WorkspaceLock {
  const holder: LockHolder = { pid: process.pid, host: hostname(), command, since: new Date().toISOString() };
  const tmp = `${path}.${process.pid}.tmp`;
  const fd = openSync(tmp, 'w');
  try { writeSync(fd, JSON.stringify(holder) + '\n'); } finally { closeSync(fd); }
  try {
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        linkSync(tmp, path);
        return makeLock(path, holder);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      }
      const other = readHolder(path);
      if (other && !isStale(other)) throw lockedError(path, other);
      // Stale (dead pid on this host) or unreadable: take it over.
      try { unlinkSync(path); } catch { /* another process took it over first: retry */ }
    }
    const other = readHolder(path);
    throw lockedError(path, other ?? { pid: 0, host: '?', command: '?', since: '?' });
  } finally {
    try { unlinkSync(tmp); } catch { /* already gone */ }
  }
}

function makeLock(path: string, holder: LockHolder): WorkspaceLock {
  let released = false;
  const release = (): void => {
    if (released) return;
    released = true;
    process.removeListener('exit', release);
    const current = readHolder(path);
    if (current && current.pid === holder.pid && current.since === holder.since) {
      try { unlinkSync(path); } catch { /* gone */ }
    }
  };
  process.on('exit', release);
  return { path, holder, release };
}

export function readHolder(path: string): LockHolder | undefined {
  try {
    const h = JSON.parse(readFileSync(path, 'utf8')) as LockHolder;
    return typeof h.pid === 'number' ? h : undefined;
  } catch {
    return undefined;
  }
}

function isStale(h: LockHolder): boolean {
  if (h.host !== hostname()) return false;
  if (h.pid === process.pid) return false;
  try {
    process.kill(h.pid, 0);
    return false;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

function lockedError(path: string, h: LockHolder): ParleyError {
  return new ParleyError(
    'WORKSPACE_LOCKED',
    `workspace is in use by pid ${h.pid} on ${h.host} (${h.command}) since ${h.since}; wait for it to finish, or stop it`,
    path.replace(/\/[^/]+$/, ''),
  );
}
