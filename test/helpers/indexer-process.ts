/**
 * A real indexing run in a child process (`npm run index -- <roots> --json`, i.e. src/cli/index-cmd.ts under tsx),
 * so it holds INDEX_DIR's write lock like a run started from another shell. Used by the during-indexing test and
 * the soak bench. The child is always bounded: `stop()` sends SIGTERM, then SIGKILL after 5 s.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { LOCK_FILE } from '../../src/store/sqlite/lock.js';

export const PROJECT_ROOT = path.resolve(import.meta.dirname, '../..');

export interface IndexerExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** Wall time from spawn to exit. */
  ms: number;
  stdout: string;
  stderr: string;
}

export interface IndexerProcess {
  child: ChildProcess;
  startedAt: number;
  exited: Promise<IndexerExit>;
  /** Whether INDEX_DIR's lock file names this child (it is planning, embedding or writing). */
  holdsLock(): boolean;
  /** SIGTERM, then SIGKILL after 5 s; resolves with the exit. */
  stop(): Promise<IndexerExit>;
}

export function startIndexerProcess(indexDir: string, roots: string[], env: Record<string, string> = {}): IndexerProcess {
  const startedAt = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/index-cmd.ts', ...roots, '--json'], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, INDEX_DIR: indexDir, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d) => (stdout += d));
  child.stderr!.on('data', (d) => (stderr += d));
  const exited = new Promise<IndexerExit>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal, ms: performance.now() - startedAt, stdout, stderr })),
  );
  const lockFile = path.join(indexDir, LOCK_FILE);
  return {
    child,
    startedAt,
    exited,
    holdsLock() {
      try {
        return existsSync(lockFile) && readFileSync(lockFile, 'utf8').trim().split(/\s/)[0] === String(child.pid);
      } catch {
        return false;
      }
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
        const exit = await exited;
        clearTimeout(timer);
        return exit;
      }
      return exited;
    },
  };
}

/** Polls `pred` every 10 ms until it holds, or rejects after `timeoutMs`. */
export async function until(pred: () => boolean, timeoutMs: number, what = 'condition'): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!pred()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
