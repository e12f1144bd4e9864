/**
 * The bot and the CLI while a real indexing run (a child process holding INDEX_DIR's write lock) adds articles
 * to the same index: every interaction is answered, nothing is rejected, 👍 is acknowledged at once and its
 * feedback row lands once the run has committed; `ask` processes started during the run all succeed.
 */
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeCorpusAsMarkdown } from '../../src/evaluate/corpus-files.js';
import { writeQueueOf } from '../../src/bot/write-queue.js';
import { DATABASE_FILE, openDatabase } from '../../src/store/sqlite/database.js';
import { customIds, SEED_COVERAGE, startHarness, type Harness } from './harness.js';
import { PROJECT_ROOT, startIndexerProcess, until, type IndexerProcess } from '../helpers/indexer-process.js';
import type { RecordedRequest, SentInteraction } from '../helpers/fake-discord.js';

const REUTERS = path.resolve(import.meta.dirname, '../../../shared/corpora/reuters-21578/reuters-21578.jsonl');
const QUESTIONS = [
  'What did Zelensky and Rutte talk about at their meeting?',
  'What did Stoltenberg say about Poland intercepting missiles?',
  'Which aircraft was Zelensky standing in front of?',
  'What is the capital of Australia?',
  'When did Sikorski reveal Warsaw’s position on Kyiv’s request?',
  'What did the company say about its quarterly dividend?',
];

let root: string;
let bulkSmall: string;
let bulkLarge: string;
beforeAll(async () => {
  root = mkdtempSync(path.join(os.tmpdir(), 'during-indexing-'));
  bulkSmall = path.join(root, 'reuters-600');
  bulkLarge = path.join(root, 'reuters-2000');
  await writeCorpusAsMarkdown(REUTERS, bulkSmall, 600);
  await writeCorpusAsMarkdown(REUTERS, bulkLarge, 2000);
}, 60_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('the bot during an indexing run', () => {
  let h: Harness;
  let indexer: IndexerProcess | undefined;
  beforeAll(async () => {
    h = await startHarness({ RATE_LIMIT_PER_MINUTE: '1000' });
  });
  afterAll(async () => {
    await indexer?.stop();
    await h.close();
  });

  it('answers every interaction, within limits, and stores 👍 after the run commits', async () => {
    const { fake } = h;
    // One answer to hang the buttons on, before the run starts.
    const first = fake.sendSlashCommand('ask', { question: QUESTIONS[0]! }, { userId: '700' });
    await fake.waitForAnswer(first.token);
    const message = structuredClone(fake.originals.get(first.token));
    const ids = customIds(message);
    const up = ids.find((id) => id.endsWith(':up'))!;
    expect(up).toBe(`ask:fb:${first.id}:up`);

    // The shipped model (the configured default) makes the run last a few seconds: embedding, then the write.
    indexer = startIndexerProcess(h.config.indexDir, [bulkSmall], { COVERAGE_DIR: SEED_COVERAGE, INDEX_LOCK_WAIT: '30' });
    await until(() => indexer!.holdsLock(), 20_000, 'the indexer to take the lock');

    const sent: { kind: string; s: SentInteraction; reply: Promise<RecordedRequest | null> }[] = [];
    const send = (kind: string, s: SentInteraction) =>
      sent.push({ kind, s, reply: fake.waitForAnswer(s.token, 15_000).catch(() => null) });
    const thumbsAt = new Set([2, 14]);
    let duringRun = 0;
    for (let i = 0; i < 29; i++) {
      if (indexer.holdsLock()) duringRun++;
      if (thumbsAt.has(i)) send('👍', fake.sendButton(up, message, { userId: String(710 + i) }));
      else if (i % 7 === 3) send('cite', fake.sendSlashCommand('cite', { quote: 'shoot down Russian missiles' }, { userId: String(720 + (i % 5)) }));
      else if (i % 7 === 5) send('sources', fake.sendSlashCommand('sources', {}, { userId: String(720 + (i % 5)) }));
      else send('ask', fake.sendSlashCommand('ask', { question: QUESTIONS[i % QUESTIONS.length]! }, { userId: String(720 + (i % 5)) }));
      await new Promise((r) => setTimeout(r, 40));
    }
    // The 30th: a 👍 while SQLite's write lock is held, as the run holds it for its one transaction. Waiting for
    // the run's own commit to catch it there was a race (the lock could go between the check and the write), so
    // once the run is done the test holds the lock itself: the 👍 certainly meets it, and must be retried, not lost.
    const exit = await indexer.exited;
    const busy = () => h.logs.filter((l) => l.msg === 'database busy, write retried later').length;
    const busyBefore = busy();
    const holder = new Database(path.join(h.config.indexDir, DATABASE_FILE));
    holder.exec('BEGIN IMMEDIATE');
    try {
      send('👍', fake.sendButton(up, message, { userId: '737' }));
      await until(() => busy() > busyBefore, 10_000, 'the 👍 to meet the held lock');
    } finally {
      holder.exec('ROLLBACK');
      holder.close();
    }
    const replies = await Promise.all(sent.map((x) => x.reply));

    expect(exit.code, exit.stderr).toBe(0);
    expect(JSON.parse(exit.stdout).added).toBe(600);
    // Most of the traffic went out while the child held the lock (the first sends certainly did).
    expect(duringRun).toBeGreaterThanOrEqual(10);
    const unanswered = sent.filter((_, i) => !replies[i]).map((x) => x.kind);
    expect(unanswered).toEqual([]);
    expect(JSON.stringify(fake.rejections)).toBe('[]');
    sent.forEach((x, i) => {
      if (x.kind !== '👍') return;
      const reply = replies[i]!;
      expect(reply.time - x.s.dispatchedAt).toBeLessThan(1000);
      const body = reply.body?.data ?? reply.body;
      expect(body.content).toMatch(/your 👍 was recorded/);
    });

    // The rows land once the run has committed (the write queue retries while the lock is held).
    await writeQueueOf(h.bot.ctx).idle();
    const db = openDatabase(h.config.indexDir, { readonly: true });
    try {
      const rows = db.prepare('SELECT question, helpful, user_id FROM feedback ORDER BY id').all() as { question: string; helpful: number; user_id: string }[];
      expect(rows).toHaveLength(3);
      expect(rows.every((r) => r.question === QUESTIONS[0] && r.helpful === 1)).toBe(true);
      expect(rows.map((r) => r.user_id).sort()).toEqual(['712', '724', '737']);
    } finally {
      db.close();
    }
    expect(h.logs.filter((l) => l.level === 'error')).toEqual([]);
  }, 60_000);
});

/** Under CI load with two workers the last of 20 cold tsx starts took over 45 s once (14 killed); each alone takes ~2.5 s. */
const ASK_KILL_MS = 150_000;

describe('npm run ask during an indexing run', () => {
  it('20 ask processes started while a run with embeddings holds the lock all exit 0 with an answer', async () => {
    const indexDir = path.join(root, 'cli-index');
    // The configured default model: the run embeds its 2,000 articles, and every other ask searches vectors only.
    const env = { COVERAGE_DIR: SEED_COVERAGE, INDEX_DIR: indexDir };
    // The seed index the asks read; then a run that adds 2,000 articles to it.
    const seed = await startIndexerProcess(indexDir, [SEED_COVERAGE], env).exited;
    expect(seed.code, seed.stderr).toBe(0);
    const run = startIndexerProcess(indexDir, [bulkLarge], env);
    try {
      await until(() => run.holdsLock(), 20_000, 'the indexer to take the lock');
      const asks: Promise<{ code: number | null; stdout: string; stderr: string; duringRun: boolean; mode: string }>[] = [];
      for (let i = 0; i < 20; i++) {
        const duringRun = run.holdsLock();
        // Odd asks search vectors only, with the first three questions (the seed coverage answers them).
        const mode = i % 2 === 0 ? 'hybrid' : 'vector';
        const question = mode === 'vector' ? QUESTIONS[(i >> 1) % 3]! : QUESTIONS[i % QUESTIONS.length]!;
        const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/ask-cmd.ts', question, '--mode', mode, '--json'], {
          cwd: PROJECT_ROOT,
          env: { ...process.env, ...env },
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (d) => (stdout += d));
        child.stderr.on('data', (d) => (stderr += d));
        // A net for a hung ask, not a speed check: 20 asks share two cores with the run and other test files.
        const timer = setTimeout(() => child.kill('SIGKILL'), ASK_KILL_MS);
        asks.push(new Promise((resolve) => child.on('exit', (code) => (clearTimeout(timer), resolve({ code, stdout, stderr, duringRun, mode })))));
        await new Promise((r) => setTimeout(r, 100));
      }
      const results = await Promise.all(asks);
      expect(results.filter((r) => r.code !== 0).map((r) => r.stderr)).toEqual([]);
      // Every ask printed its JSON answer; the vector-only ones cite passages, so the seed's vectors were read
      // while the run was embedding.
      const answers = results.map((r) => ({ mode: r.mode, citations: JSON.parse(r.stdout).citations.length as number }));
      expect(answers.filter((a) => a.mode === 'vector' && a.citations === 0)).toEqual([]);
      expect(results.filter((r) => r.duringRun).length).toBe(20);
      const exit = await run.exited;
      expect(exit.code, exit.stderr).toBe(0);
    } finally {
      await run.stop();
    }
  }, ASK_KILL_MS + 60_000);
});
