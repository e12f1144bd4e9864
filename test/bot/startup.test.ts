import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deployCommands } from '../../src/bot/deploy-commands.js';
import { FakeDiscord } from '../helpers/fake-discord.js';
import { SEED_COVERAGE, testConfig } from './harness.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
let fake: FakeDiscord;
let indexDir = '';
beforeAll(async () => {
  fake = await new FakeDiscord().start();
  indexDir = mkdtempSync(path.join(os.tmpdir(), 'bot-start-'));
});
afterAll(async () => {
  await fake.stop();
  rmSync(indexDir, { recursive: true, force: true });
});

/** `npm start` as a child process, with only the variables given (no inherited DISCORD_*). */
function start(env: Record<string, string>) {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(DISCORD_|INDEX_DIR|COVERAGE_DIR|EMBEDDING_MODEL)/.test(k)));
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/bot/main.ts'], {
    cwd: ROOT,
    env: { ...clean, COVERAGE_DIR: SEED_COVERAGE, INDEX_DIR: indexDir, EMBEDDING_MODEL: 'none', ...env },
  });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, stderr: () => stderr };
}

describe('npm start', () => {
  it('stops at once when DISCORD_TOKEN is missing, naming the variable', async () => {
    const run = start({});
    expect(await run.exited).toBe(1);
    expect(run.stderr()).toMatch(/DISCORD_TOKEN is not set/);
  });

  it('stops at once when Discord rejects the token, naming DISCORD_TOKEN', async () => {
    const run = start({ DISCORD_TOKEN: 'wrong', DISCORD_API_URL: fake.apiBase });
    expect(await run.exited).toBe(1);
    expect(run.stderr()).toMatch(/Discord rejected DISCORD_TOKEN/);
    expect(run.stderr()).not.toContain('wrong');
  });

  it('serves commands from DISCORD_API_URL and closes cleanly on SIGTERM', async () => {
    const run = start({ DISCORD_TOKEN: fake.token, DISCORD_API_URL: fake.apiBase });
    const until = Date.now() + 20_000;
    while (!/"msg":"ready"/.test(run.stderr()) && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
    expect(fake.identifies).toBeGreaterThan(0);
    const sent = fake.sendSlashCommand('stats');
    expect((await fake.waitForAnswer(sent.token)).body.data.embeds[0].title).toBe('Coverage index');
    expect(fake.requests.some((r) => r.method === 'PUT')).toBe(false);
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
    expect(run.stderr()).toMatch(/"msg":"shutting down","signal":"SIGTERM"/);
    expect(run.stderr()).toMatch(/"msg":"stopped"/);
    expect(run.stderr()).toMatch(/"msg":"interaction".*"command":"stats".*"outcome":"ok"/);
    expect(run.stderr()).not.toContain(fake.token);
  }, 30_000);

  it('stops with one line naming DISCORD_TOKEN when the gateway refuses the token (close 4004)', async () => {
    // REST takes the token; the gateway then sees another one and closes with 4004 Authentication failed.
    const strict = await new FakeDiscord().start();
    (strict as unknown as { wss: { on(e: 'connection', f: () => void): void } }).wss.on('connection', () => {
      Object.defineProperty(strict, 'token', { value: 'rotated-token' });
    });
    try {
      const run = start({ DISCORD_TOKEN: strict.token, DISCORD_API_URL: strict.apiBase });
      expect(await run.exited).toBe(1);
      expect(strict.identifies).toBe(0);
      expect(run.stderr().trim().split('\n').at(-1)).toMatch(/^Discord rejected DISCORD_TOKEN\. /);
      expect(run.stderr()).not.toMatch(/\n\s+at |start-up failed|rotated-token/);
    } finally {
      await strict.stop();
    }
  }, 30_000);

  it('stops with the same line when the gateway closes with 4004 while running', async () => {
    const run = start({ DISCORD_TOKEN: fake.token, DISCORD_API_URL: fake.apiBase });
    const until = Date.now() + 20_000;
    while (!/"msg":"ready"/.test(run.stderr()) && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
    (fake as unknown as { socket: { close(code: number, reason: string): void } }).socket.close(4004, 'Authentication failed.');
    expect(await run.exited).toBe(1);
    expect(run.stderr()).toMatch(/\nDiscord rejected DISCORD_TOKEN\. /);
    expect(run.stderr()).not.toMatch(/\n\s+at /);
  }, 30_000);
});

describe('npm run deploy-commands', () => {
  it('registers every command in the guild, looking the application id up', async () => {
    const config = testConfig(indexDir, { DISCORD_TOKEN: fake.token, DISCORD_API_URL: fake.apiBase, DISCORD_GUILD_ID: fake.guildId });
    const result = await deployCommands(config);
    expect(result).toEqual({ scope: 'guild', applicationId: fake.applicationId, names: ['ask', 'cite', 'sources', 'source', 'add', 'feeds', 'stats', 'Find sources'] });
    const put = await fake.waitForRequest((r) => r.method === 'PUT');
    expect(put.path).toBe(`/applications/${fake.applicationId}/guilds/${fake.guildId}/commands`);
    expect(fake.requests.some((r) => r.path === '/oauth2/applications/@me')).toBe(true);
    const ask = put.body.find((c: any) => c.name === 'ask');
    expect(ask.options.map((o: any) => [o.name, o.type, !!o.required, !!o.autocomplete])).toEqual([
      ['question', 3, true, false], ['outlet', 3, false, true], ['since', 3, false, false], ['until', 3, false, false], ['private', 5, false, false],
    ]);
    const add = put.body.find((c: any) => c.name === 'add');
    expect(add.default_member_permissions).toBe('32');
    expect(add.options.map((o: any) => [o.name, o.type])).toEqual([['url', 3], ['file', 11]]);
    expect(put.body.find((c: any) => c.name === 'source').options[0]).toMatchObject({ name: 'article', required: true, autocomplete: true });
    expect(fake.rejections).toEqual([]);
  });

  it('registers globally without DISCORD_GUILD_ID, using DISCORD_APPLICATION_ID when set', async () => {
    const config = testConfig(indexDir, { DISCORD_TOKEN: fake.token, DISCORD_API_URL: fake.apiBase, DISCORD_APPLICATION_ID: fake.applicationId });
    const before = fake.requests.length;
    expect((await deployCommands(config)).scope).toBe('global');
    const calls = fake.requests.slice(before).map((r) => `${r.method} ${r.path}`);
    expect(calls).toEqual([`PUT /applications/${fake.applicationId}/commands`]);
  });
});
