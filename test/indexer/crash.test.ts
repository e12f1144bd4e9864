import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeCorpusAsMarkdown } from '../../src/evaluate/corpus-files.js';
import { runIndex } from '../../src/indexer/run-index.js';
import { openCoverage } from '../../src/open-coverage.js';
import { DATABASE_FILE, openDatabase } from '../../src/store/sqlite/database.js';
import { seedConfig } from '../helpers/coverage-index.js';

const REUTERS = path.resolve(import.meta.dirname, '../../../shared/corpora/reuters-21578/reuters-21578.jsonl');
const ROOT = path.resolve(import.meta.dirname, '../..');

let env: ReturnType<typeof seedConfig>;
let bulk: string;

beforeAll(async () => {
  env = seedConfig();
  bulk = path.join(env.root, 'bulk');
  await writeCorpusAsMarkdown(REUTERS, bulk, 3000);
  await runIndex(env.config.indexDir, { roots: [env.coverageDir], removeMissing: true, embedder: null });
});
afterAll(() => env.cleanup());

/** Starts the real indexer CLI on the bulk folder and SIGKILLs it once its transaction is writing. */
function killMidRun(): Promise<{ signal: NodeJS.Signals | null; code: number | null; walBytesAtKill: number }> {
  const wal = path.join(env.config.indexDir, `${DATABASE_FILE}-wal`);
  const walBefore = existsSync(wal) ? statSync(wal).size : 0;
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/index-cmd.ts', bulk, '--json'], {
    cwd: ROOT,
    env: { ...process.env, INDEX_DIR: env.config.indexDir, EMBEDDING_MODEL: 'none' },
    stdio: 'ignore',
  });
  return new Promise((resolve) => {
    let walBytesAtKill = 0;
    const poll = setInterval(() => {
      const size = existsSync(wal) ? statSync(wal).size : 0;
      if (size > walBefore + 2_000_000) {
        walBytesAtKill = size;
        child.kill('SIGKILL');
        clearInterval(poll);
      }
    }, 5);
    child.on('exit', (code, signal) => {
      clearInterval(poll);
      resolve({ code, signal, walBytesAtKill });
    });
  });
}

describe('an indexing run killed in the middle', () => {
  it('leaves the previous index whole and usable, and the next run completes', async () => {
    const vectorFilesBefore = readdirSync(env.config.indexDir).filter((f) => f.endsWith('.hnsw'));
    const killed = await killMidRun();
    expect(killed.signal, 'the child finished before it could be killed mid-transaction').toBe('SIGKILL');
    expect(killed.walBytesAtKill).toBeGreaterThan(0);

    const db = openDatabase(env.config.indexDir);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect((db.prepare('SELECT count(*) AS n FROM documents').get() as { n: number }).n).toBe(4);
    db.close();
    expect(readdirSync(env.config.indexDir).filter((f) => f.endsWith('.hnsw'))).toEqual(vectorFilesBefore);

    const coverage = await openCoverage(env.config, { embedder: null });
    const answer = await coverage.ask('When did Polish FM Sikorski reveal Warsaw’s position?');
    expect(answer.abstained).toBe(false);
    expect(answer.citations[0]!.quote).toMatch(/Sikorski/);
    await coverage.close();

    const report = await runIndex(env.config.indexDir, { roots: [bulk], removeMissing: true, embedder: null });
    expect(report.documents).toBeGreaterThan(2900);
    expect(report.failed).toEqual([]);
  }, 120_000);
});
