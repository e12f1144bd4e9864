/**
 * `/ask` as users feel it: the time from INTERACTION_CREATE (written to the gateway socket) to the
 * edited reply (the PATCH of @original reaching Discord), over 100 questions, with the real discord.js
 * Client, the real core and a fake Discord on 127.0.0.1. Prints a text summary, then one JSON line.
 *
 *   npx tsx scripts/bench-discord.ts [--n 100]
 *
 * The index is built in a temp folder from COVERAGE_DIR (default: the seed coverage) with the configured
 * EMBEDDING_MODEL; questions are the development set's, cycled.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/config.js';
import { openCoverage } from '../src/open-coverage.js';
import { createBot } from '../src/bot/create-bot.js';
import { createLogger } from '../src/bot/log.js';
import { FakeDiscord } from '../test/helpers/fake-discord.js';
import { devQuestions } from './bench/corpus.js';

const n = Number(process.argv[process.argv.indexOf('--n') + 1]) || 100;
const WARM_UP = 5;


const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
const round = (x: number) => Math.round(x * 100) / 100;

const fake = await new FakeDiscord().start();
const indexDir = mkdtempSync(path.join(os.tmpdir(), 'bench-discord-'));
const config = loadConfig({ ...process.env, INDEX_DIR: indexDir, DISCORD_TOKEN: fake.token, DISCORD_API_URL: fake.apiBase, RATE_LIMIT_PER_MINUTE: '1000' });
const coverage = await openCoverage(config, { log: (line) => console.error(line) });
const bot = createBot({
  config,
  coverage,
  logger: createLogger({ level: 'warn' }),
  // Why: discord.js's own 50 requests/s global limit would measure itself, not the bot.
  clientOptions: { rest: { api: fake.apiBase, globalRequestsPerSecond: 1e5 } },
});
try {
  await bot.start();
  const qs = devQuestions();
  const toDefer: number[] = [];
  const toReply: number[] = [];
  for (let i = 0; i < WARM_UP + n; i++) {
    const sent = fake.sendSlashCommand('ask', { question: qs[i % qs.length]! }, { userId: String(500 + (i % 7)) });
    const reply = await fake.waitForAnswer(sent.token, 30_000);
    if (reply.method !== 'PATCH') throw new Error(`question ${i}: expected an edited reply, got ${reply.method} ${reply.path}`);
    const defer = fake.requestsFor(sent.token)[0]!;
    if (i < WARM_UP) continue;
    toDefer.push(defer.time - sent.dispatchedAt);
    toReply.push(reply.time - sent.dispatchedAt);
  }
  if (fake.rejections.length) throw new Error(`Discord would have rejected: ${JSON.stringify(fake.rejections)}`);
  const reply = [...toReply].sort((a, b) => a - b);
  const defer = [...toDefer].sort((a, b) => a - b);
  const stats = await coverage.stats();
  const result = {
    bench: 'discord-ask',
    questions: n,
    index: { documents: stats.documents, passages: stats.passages, search: stats.embeddingModel ?? 'full-text only' },
    replyMs: { median: round(quantile(reply, 0.5)), p95: round(quantile(reply, 0.95)), max: round(reply[reply.length - 1]!) },
    deferMs: { median: round(quantile(defer, 0.5)), p95: round(quantile(defer, 0.95)) },
  };
  console.log(`/ask over the fake Discord, ${n} questions (${result.index.documents} articles, ${result.index.search})`);
  console.log(`  INTERACTION_CREATE → edited reply: median ${result.replyMs.median} ms, p95 ${result.replyMs.p95} ms, max ${result.replyMs.max} ms`);
  console.log(`  INTERACTION_CREATE → deferral:     median ${result.deferMs.median} ms, p95 ${result.deferMs.p95} ms`);
  console.log(JSON.stringify(result));
} finally {
  await bot.stop();
  await coverage.close();
  await fake.stop();
  rmSync(indexDir, { recursive: true, force: true });
}
