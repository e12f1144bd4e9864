import { closeSync, linkSync, mkdirSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';
import { IndexLockTimeoutError } from '../errors.js';

/** One indexing run at a time per INDEX_DIR: the run holding this file (it names its pid) may write. */
export const LOCK_FILE = 'index.lock';

export const DEFAULT_LOCK_WAIT_SECONDS = 60;

/** A lock file that has no pid yet is being written; after this long it is an abandoned one. */
const UNWRITTEN_LOCK_GRACE_MS = 5_000;

export { IndexLockTimeoutError };

export interface IndexLock {
  readonly file: string;
  /** Removes the lock file if it is still this process's; safe to call more than once. */
  release(): void;
}

export interface LockOptions {
  /** Seconds to wait for another run (INDEX_LOCK_WAIT). */
  waitSeconds?: number;
  /** Where "waiting for another indexing run (pid N)…" goes (once). */
  log?: (line: string) => void;
  pollMs?: number;
}

type Holder = { pid: number | null; content: string };

function readHolder(file: string): Holder | null {
  try {
    const content = readFileSync(file, 'utf8');
    const pid = Number.parseInt(content.trim(), 10);
    return { pid: Number.isInteger(pid) && pid > 0 ? pid : null, content };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

function tryCreate(file: string): boolean {
  let fd: number;
  try {
    fd = openSync(file, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    writeSync(fd, `${process.pid}\n`);
  } finally {
    closeSync(fd);
  }
  return true;
}

/**
 * Moves a stale lock out of the way. Renaming is atomic, so of two processes taking over the same stale
 * lock only one moves it; if what was moved turns out not to be the stale lock (another process had
 * already taken over and made its own), it is put back.
 */
function takeOver(file: string, stale: Holder): void {
  const aside = `${file}.stale-${process.pid}-${Date.now()}`;
  try {
    renameSync(file, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  const moved = readHolder(aside);
  if (moved && moved.content !== stale.content) {
    try {
      linkSync(aside, file);
    } catch {
      // A third process holds the lock now; the moved one's owner will find its file gone.
    }
  }
  try {
    unlinkSync(aside);
  } catch {
    // already gone
  }
}

/**
 * Takes the indexing lock of `indexDir`, waiting up to `waitSeconds` for another live run to finish.
 * A lock whose process is gone (killed, crashed) is taken over. The lock is released by `release()`,
 * and also when the process exits or is stopped by SIGINT/SIGTERM while holding it.
 */
export async function acquireIndexLock(indexDir: string, options: LockOptions = {}): Promise<IndexLock> {
  const waitSeconds = options.waitSeconds ?? DEFAULT_LOCK_WAIT_SECONDS;
  const pollMs = options.pollMs ?? 200;
  mkdirSync(indexDir, { recursive: true });
  const file = path.join(indexDir, LOCK_FILE);
  const deadline = Date.now() + waitSeconds * 1000;
  let announced = false;
  for (;;) {
    if (tryCreate(file)) return holdLock(file);
    const holder = readHolder(file);
    if (holder === null) continue; // released between our two looks
    if (holder.pid === null) {
      const age = Date.now() - statSafe(file);
      if (age > UNWRITTEN_LOCK_GRACE_MS) {
        takeOver(file, holder);
        continue;
      }
    } else if (!isAlive(holder.pid)) {
      options.log?.(`Taking over the lock of an indexing run that is gone (pid ${holder.pid}).`);
      takeOver(file, holder);
      continue;
    }
    const who = holder.pid === null ? 'pid unknown' : `pid ${holder.pid}`;
    if (Date.now() >= deadline) {
      throw new IndexLockTimeoutError(
        `Another indexing run (${who}) is still running after ${waitSeconds} s (INDEX_LOCK_WAIT=${waitSeconds}); ` +
          `try again when it has finished, or raise INDEX_LOCK_WAIT. Lock file: ${file}`,
      );
    }
    if (!announced) {
      options.log?.(`waiting for another indexing run (${who})…`);
      announced = true;
    }
    await new Promise((r) => setTimeout(r, Math.min(pollMs, Math.max(10, deadline - Date.now()))));
  }
}

function statSafe(file: string): number {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return Date.now();
  }
}

function holdLock(file: string): IndexLock {
  const mine = `${process.pid}\n`;
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    process.off('exit', release);
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    try {
      if (readFileSync(file, 'utf8') === mine) unlinkSync(file);
    } catch {
      // gone already
    }
  };
  const onSignal = (signal: NodeJS.Signals) => {
    release();
    // With no other handler the signal's default is to end the process: keep it so.
    if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
  };
  process.on('exit', release);
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return { file, release };
}
