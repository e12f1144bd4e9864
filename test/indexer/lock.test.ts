import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeCorpusAsMarkdown } from '../../src/evaluate/corpus-files.js';
import { acquireIndexLock, IndexLockTimeoutError, LOCK_FILE } from '../../src/store/sqlite/lock.js';
import { runIndex } from '../../src/indexer/run-index.js';
import { openDatabase } from '../../src/store/sqlite/database.js';
import { seedConfig } from '../helpers/coverage-index.js';

const REUTERS = path.resolve(import.meta.dirname, '../../../shared/corpora/reuters-21578/reuters-21578.jsonl');
const ROOT = path.resolve(import.meta.dirname, '../..');

let env: ReturnType<typeof seedConfig>;
let bulk: string;
const lockFile = () => path.join(env.config.indexDir, LOCK_FILE);

beforeAll(async () => {
  env = seedConfig();
  bulk = path.join(env.root, 'bulk');
  await writeCorpusAsMarkdown(REUTERS, bulk, 3000);
  await runIndex(env.config.indexDir, { roots: [env.coverageDir], removeMissing: true, embedder: null });
}, 120_000);
afterAll(() => env.cleanup());

function startIndexer(roots: string[], extraEnv: Record<string, string> = {}) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/index-cmd.ts', ...roots, '--json'], {
    cwd: ROOT,
    env: { ...process.env, INDEX_DIR: env.config.indexDir, EMBEDDING_MODEL: 'none', ...extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  child.stdout.resume();
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal, stderr })),
  );
  return { child, exited };
}

async function until(pred: () => boolean, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!pred()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
}

const documents = () => {
  const db = openDatabase(env.config.indexDir, { readonly: true });
  const n = (db.prepare('SELECT count(*) AS n FROM documents').get() as { n: number }).n;
  db.close();
  return n;
};

describe('one indexing run at a time', () => {
  it('a second npm run index waits for the first, then gives up naming INDEX_LOCK_WAIT; SIGTERM releases the lock', async () => {
    const first = startIndexer([bulk]);
    try {
      await until(() => existsSync(lockFile()) && readFileSync(lockFile(), 'utf8').trim() === String(first.child.pid), 20_000);
      const started = Date.now();
      const second = await startIndexer([env.coverageDir], { INDEX_LOCK_WAIT: '1' }).exited;
      expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
      expect(second.code).toBe(2);
      expect(second.stderr.match(/waiting for another indexing run \(pid (\d+)\)…/g)).toEqual([`waiting for another indexing run (pid ${first.child.pid})…`]);
      expect(second.stderr).toMatch(/INDEX_LOCK_WAIT/);
      expect(second.stderr).not.toMatch(/SQLITE_BUSY|\n\s+at /);
      expect(existsSync(lockFile()), 'the first run still runs, holding the lock').toBe(true);
    } finally {
      first.child.kill('SIGTERM');
    }
    const ended = await first.exited;
    expect(ended.signal ?? ended.code).toBeTruthy();
    expect(existsSync(lockFile()), 'SIGTERM released the lock').toBe(false);
    expect(documents()).toBe(4);
  }, 120_000);

  it('a run that finds the lock held waits (saying so once) and runs when it is released', async () => {
    const held = await acquireIndexLock(env.config.indexDir, { waitSeconds: 0 });
    const lines: string[] = [];
    const run = runIndex(env.config.indexDir, { roots: [env.coverageDir], removeMissing: true, embedder: null, lockWaitSeconds: 10, log: (l) => lines.push(l) });
    // However slow the machine, the run reaches the lock, says so, and keeps waiting without saying it again.
    await until(() => lines.length > 0, 10_000);
    await new Promise((r) => setTimeout(r, 500));
    expect(lines).toEqual([`waiting for another indexing run (pid ${process.pid})…`]);
    held.release();
    const report = await run;
    expect(report.documents).toBe(4);
    expect(lines).toHaveLength(1);
    expect(existsSync(lockFile())).toBe(false);
  });

  it('gives up with a clear error when the wait is over', async () => {
    const held = await acquireIndexLock(env.config.indexDir);
    try {
      await expect(
        runIndex(env.config.indexDir, { roots: [env.coverageDir], removeMissing: true, embedder: null, lockWaitSeconds: 0.3 }),
      ).rejects.toThrow(IndexLockTimeoutError);
      await expect(acquireIndexLock(env.config.indexDir, { waitSeconds: 0 })).rejects.toThrow(/INDEX_LOCK_WAIT/);
    } finally {
      held.release();
    }
    expect(existsSync(lockFile())).toBe(false);
  });

  it('takes over a stale lock whose process is gone', async () => {
    const dead = spawnSync(process.execPath, ['-e', '']).pid!;
    writeFileSync(lockFile(), `${dead}\n`);
    const lines: string[] = [];
    const started = Date.now();
    const report = await runIndex(env.config.indexDir, { roots: [env.coverageDir], removeMissing: true, embedder: null, lockWaitSeconds: 30, log: (l) => lines.push(l) });
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(report.documents).toBe(4);
    expect(lines.join('\n')).toMatch(new RegExp(`gone \\(pid ${dead}\\)`));
    expect(lines.join('\n')).not.toMatch(/waiting/);
    expect(existsSync(lockFile())).toBe(false);
  });
});
