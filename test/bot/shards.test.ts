/**
 * `npm start` with SHARDS: discord.js's ShardingManager spawns one bot process per shard; each identifies with its
 * own `shard: [id, count]` on the fake gateway and answers the interactions sent on its connection.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeDiscord } from '../helpers/fake-discord.js';
import { PROJECT_ROOT, until } from '../helpers/indexer-process.js';
import { embedOf, SEED_COVERAGE } from './harness.js';

let indexDir = '';
beforeAll(() => {
  indexDir = mkdtempSync(path.join(os.tmpdir(), 'bot-shards-'));
});
afterAll(() => rmSync(indexDir, { recursive: true, force: true }));

function start(fake: FakeDiscord, shards: string) {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(DISCORD_|INDEX_DIR|COVERAGE_DIR|EMBEDDING_MODEL|DATABASE_URL|SHARD)/.test(k)));
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/bot/main.ts'], {
    cwd: PROJECT_ROOT,
    env: { ...clean, COVERAGE_DIR: SEED_COVERAGE, INDEX_DIR: indexDir, EMBEDDING_MODEL: 'none', DISCORD_TOKEN: fake.token, DISCORD_API_URL: fake.apiBase, SHARDS: shards },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, stderr: () => stderr };
}

describe('npm start with SHARDS', () => {
  it('refuses a SHARDS that is neither auto nor a positive number, naming it', async () => {
    const fake = await new FakeDiscord().start();
    try {
      const run = start(fake, '0');
      expect(await run.exited).toBe(1);
      expect(run.stderr()).toMatch(/SHARDS: must be auto or a positive whole number/);
    } finally {
      await fake.stop();
    }
  }, 20_000);

  it.each([
    ['2', 1],
    ['auto', 2],
  ])('SHARDS=%s runs two shard processes that both connect and answer, and stop on SIGTERM', async (shards, recommended) => {
    const fake = await new FakeDiscord({ recommendedShards: recommended }).start();
    const run = start(fake, shards);
    try {
      await until(() => /"msg":"all shards ready"/.test(run.stderr()) || run.child.exitCode !== null, 100_000, 'both shards to be ready');
      expect(run.stderr()).toMatch(/"msg":"all shards ready","shards":2/);
      expect([...fake.identifiedShards].sort()).toEqual([[0, 2], [1, 2]]);
      for (const shard of [0, 1]) {
        const sent = fake.sendSlashCommand('stats', {}, { shard });
        expect(embedOf((await fake.waitForAnswer(sent.token)).body).title).toBe('Coverage index');
      }
      expect(run.stderr()).toMatch(/"msg":"ready".*"shards":\[0\]/);
      expect(run.stderr()).toMatch(/"msg":"ready".*"shards":\[1\]/);
      run.child.kill('SIGTERM');
      expect(await run.exited).toBe(0);
      // Each shard shut down on its own, cleanly.
      expect(run.stderr().match(/"msg":"shutting down","signal":"SIGTERM"/g)).toHaveLength(2);
      expect(run.stderr()).not.toMatch(/"level":"error"/);
      expect(fake.rejections).toEqual([]);
    } finally {
      if (run.child.exitCode === null) run.child.kill('SIGKILL');
      await fake.stop();
    }
  }, 120_000);
});
