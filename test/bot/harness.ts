/** Starts the real core (a temp index built from the seed coverage) and the real bot against a fake Discord. */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig, type Config } from '../../src/config.js';
import type { CoverageService } from '../../src/coverage.js';
import { openCoverage } from '../../src/open-coverage.js';
import { createBot, type Bot } from '../../src/bot/create-bot.js';
import { createLogger } from '../../src/bot/log.js';
import { FakeDiscord } from '../helpers/fake-discord.js';

export const SEED_COVERAGE = path.resolve(import.meta.dirname, '../../../shared/coverage');

export interface Harness {
  fake: FakeDiscord;
  bot: Bot;
  coverage: CoverageService;
  config: Readonly<Config>;
  /** Every JSON log line the bot wrote. */
  logs: Record<string, any>[];
  close(): Promise<void>;
}

export function testConfig(indexDir: string, env: Record<string, string> = {}): Readonly<Config> {
  return loadConfig({ COVERAGE_DIR: SEED_COVERAGE, INDEX_DIR: indexDir, EMBEDDING_MODEL: 'none', ...env });
}

export async function startHarness(env: Record<string, string> = {}): Promise<Harness> {
  const fake = await new FakeDiscord().start();
  const indexDir = mkdtempSync(path.join(os.tmpdir(), 'bot-index-'));
  const config = testConfig(indexDir, { DISCORD_TOKEN: fake.token, DISCORD_API_URL: fake.apiBase, ...env });
  const coverage = await openCoverage(config);
  const logs: Record<string, any>[] = [];
  const bot = createBot({
    config,
    coverage,
    logger: createLogger({ level: 'debug', write: (line) => logs.push(JSON.parse(line)) }),
    clientOptions: { rest: { api: fake.apiBase, globalRequestsPerSecond: 1e5 } },
  });
  await bot.start();
  return {
    fake,
    bot,
    coverage,
    config,
    logs,
    async close() {
      await bot.stop();
      await coverage.close();
      await fake.stop();
      rmSync(indexDir, { recursive: true, force: true });
    },
  };
}

/** The first embed of a recorded message body. */
export const embedOf = (body: any) => body?.embeds?.[0] ?? body?.data?.embeds?.[0];

/** Every custom_id in a message body's components. */
export const customIds = (body: any): string[] =>
  (body?.components ?? body?.data?.components ?? []).flatMap((row: any) => row.components.map((c: any) => c.custom_id));

/** Waits until the bot's log has the interaction line for `command` (handler fully done). */
export async function waitForLog(logs: Record<string, any>[], pred: (l: Record<string, any>) => boolean, timeoutMs = 10_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const found = logs.find(pred);
    if (found) return found;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error('no matching log line');
}
