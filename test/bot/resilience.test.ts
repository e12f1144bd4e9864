import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { SlashCommandBuilder } from 'discord.js';
import { commands } from '../../commands/index.js';
import type { Command } from '../../src/bot/command.js';
import { createBot } from '../../src/bot/create-bot.js';
import { createLogger } from '../../src/bot/log.js';
import { FakeDiscord } from '../helpers/fake-discord.js';
import { embedOf, startHarness, waitForLog, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ RATE_LIMIT_PER_MINUTE: '3' });
});
afterEach(() => {
  vi.restoreAllMocks();
});
afterAll(async () => {
  expect(h.fake.rejections).toEqual([]);
  await h.close();
});

const Q = 'What did Zelensky and Rutte talk about at their meeting?';
let nextUser = 1000;
const newUser = () => ({ userId: String(nextUser++) });

describe('errors inside handlers', () => {
  it('turns an error after the deferral into a short ephemeral message, logs the cause, and keeps serving', async () => {
    vi.spyOn(h.coverage, 'ask').mockRejectedValueOnce(new Error('disk on fire', { cause: new Error('EIO') }));
    const who = newUser();
    const sent = h.fake.sendSlashCommand('ask', { question: Q }, who);
    const msg = await h.fake.waitForRequest((r) => r.token === sent.token && r.method === 'POST' && r.path.startsWith('/webhooks/'));
    expect(msg.body.flags).toBe(64);
    expect(msg.body.content).toBe('Something went wrong while handling /ask. It has been logged; please try again.');
    expect(msg.body.content).not.toContain('disk');
    const line = await waitForLog(h.logs, (l) => l.user === who.userId && l.msg === 'interaction');
    expect(line).toMatchObject({ level: 'error', command: 'ask', outcome: 'error', error: { message: 'disk on fire', cause: { message: 'EIO' } } });
    expect(typeof line.latencyMs).toBe('number');
    const again = h.fake.sendSlashCommand('ask', { question: Q }, newUser());
    expect(embedOf((await h.fake.waitForAnswer(again.token)).body).fields.length).toBeGreaterThan(0);
  });

  it('answers ephemerally when a private deferral fails', async () => {
    vi.spyOn(h.coverage, 'ask').mockRejectedValueOnce(new TypeError('boom'));
    const sent = h.fake.sendSlashCommand('ask', { question: Q, private: true }, newUser());
    const edit = await h.fake.waitForAnswer(sent.token);
    expect(edit.method).toBe('PATCH');
    expect(edit.body).toMatchObject({ content: expect.stringMatching(/Something went wrong/), embeds: [], components: [] });
  });

  it('answers even when the failure happens before any reply (a closed index)', async () => {
    vi.spyOn(h.coverage, 'refresh').mockImplementationOnce(() => {
      throw new Error('The database connection is not open');
    });
    const sent = h.fake.sendSlashCommand('stats', {}, newUser());
    const reply = await h.fake.waitForAnswer(sent.token);
    expect(reply.body).toMatchObject({ type: 4, data: { flags: 64, content: expect.stringMatching(/Something went wrong while handling \/stats/) } });
  });

  it('never logs the token', () => {
    expect(JSON.stringify(h.logs)).not.toContain(h.fake.token);
  });
});

describe('the fake enforces Discord limits', () => {
  it('answers 400 50035 to an over-long message, and the bot still tells the user', async () => {
    const fake = await new FakeDiscord().start();
    const config = { ...h.config, discord: { ...h.config.discord, token: fake.token, apiUrl: fake.apiBase } };
    const broken = {
      data: new SlashCommandBuilder().setName('broken').setDescription('Sends too much'),
      async execute(interaction) {
        await interaction.reply({ content: 'x'.repeat(2001) });
      },
    } satisfies Command;
    const logs: any[] = [];
    const bot = createBot({ config, coverage: h.coverage, commands: [...commands, broken], logger: createLogger({ write: (l) => logs.push(JSON.parse(l)) }) });
    await bot.start();
    const sent = fake.sendSlashCommand('broken');
    const reply = await fake.waitForAnswer(sent.token);
    expect(fake.rejections).toEqual([{ path: `/interactions/${sent.id}/${sent.token}/callback`, errors: ['content: 2001 > 2000'] }]);
    expect(reply.body.data).toMatchObject({ flags: 64, content: expect.stringMatching(/Something went wrong while handling \/broken/) });
    const line = await waitForLog(logs, (l) => l.msg === 'interaction');
    expect(line.error).toMatchObject({ name: 'DiscordAPIError[50035]', code: 50035 });
    await bot.stop();
    await fake.stop();
  });
});

describe('rate limit and queue', () => {
  it('allows RATE_LIMIT_PER_MINUTE questions per user, then replies with a friendly ephemeral message', async () => {
    const who = newUser();
    for (let i = 0; i < 2; i++) await h.fake.waitForAnswer(h.fake.sendSlashCommand('ask', { question: Q }, who).token);
    await h.fake.waitForAnswer(h.fake.sendSlashCommand('cite', { quote: 'increasing our support' }, who).token);
    const sent = h.fake.sendSlashCommand('ask', { question: Q }, who);
    const reply = await h.fake.waitForAnswer(sent.token);
    expect(reply.body).toMatchObject({ type: 4, data: { flags: 64, content: expect.stringMatching(/limit is 3 questions a minute\. Try again in \d+ s/) } });
    await waitForLog(h.logs, (l) => l.user === who.userId && l.outcome === 'rate_limited');
    const other = h.fake.sendSlashCommand('ask', { question: Q }, newUser());
    expect((await h.fake.waitForAnswer(other.token)).method).toBe('PATCH');
  });

  it('runs a burst of questions one at a time', async () => {
    const real = h.coverage.ask.bind(h.coverage);
    let active = 0;
    let most = 0;
    vi.spyOn(h.coverage, 'ask').mockImplementation(async (q, o) => {
      most = Math.max(most, ++active);
      await new Promise((r) => setTimeout(r, 15));
      try {
        return await real(q, o);
      } finally {
        active--;
      }
    });
    const burst = Array.from({ length: 6 }, () => h.fake.sendSlashCommand('ask', { question: Q }, newUser()));
    const deferrals = await Promise.all(burst.map((s) => h.fake.waitForRequest((r) => r.token === s.token)));
    expect(deferrals.every((d) => d.body.type === 5)).toBe(true);
    await Promise.all(burst.map((s) => h.fake.waitForAnswer(s.token)));
    expect(most).toBe(1);
  });
});

describe('the gateway', () => {
  it('resumes after a RECONNECT and keeps answering', async () => {
    h.fake.requestReconnect();
    const until = Date.now() + 5000;
    while (h.fake.resumes === 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
    expect(h.fake.resumes).toBe(1);
    expect(h.fake.identifies).toBe(1);
    const sent = h.fake.sendSlashCommand('stats', {}, newUser());
    expect(embedOf((await h.fake.waitForAnswer(sent.token)).body).title).toBe('Coverage index');
  });

  it('rejects a bad token at login with TokenInvalid', async () => {
    const fake = await new FakeDiscord().start();
    const config = { ...h.config, discord: { ...h.config.discord, token: 'not-the-token', apiUrl: fake.apiBase } };
    const bot = createBot({ config, coverage: h.coverage, logger: createLogger({ write: () => undefined }) });
    const started = Date.now();
    await expect(bot.start()).rejects.toMatchObject({ code: 'TokenInvalid' });
    expect(Date.now() - started).toBeLessThan(2000);
    await bot.client.destroy();
    await fake.stop();
  });
});
