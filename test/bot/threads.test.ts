/**
 * Follow-up questions in threads, end to end: the real discord.js Client against the fake Discord, the real
 * core over an index of made-up articles, and the conversation store in that index's SQLite file.
 * /ask → "Follow up in thread" → a thread on the reply → /ask "and …?" inside it → restart → still resolved.
 */
import Database from 'better-sqlite3';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Config } from '../../src/config.js';
import type { CoverageService } from '../../src/coverage.js';
import { createBot, type Bot } from '../../src/bot/create-bot.js';
import { createLogger } from '../../src/bot/log.js';
import { threadSession } from '../../src/conversation/session.js';
import { openCoverage } from '../../src/open-coverage.js';
import { openConversations } from '../../src/store/open-conversations.js';
import { DATABASE_FILE } from '../../src/store/sqlite/database.js';
import { FakeDiscord } from '../helpers/fake-discord.js';
import { article } from './articles.js';
import { customIds, embedOf, testConfig } from './harness.js';

/** Made-up towns and people; each article answers the same question about a different town. */
const ARTICLES = [
  {
    title: 'Varnholm council shuts the ferry terminal for repairs',
    body:
      'The council in Varnholm voted on Tuesday to close the ferry terminal in Varnholm for six months of repairs. ' +
      'Councillor Edda Quillon said the terminal in Varnholm would reopen in March with a new passenger hall.',
  },
  {
    title: 'Quellmouth keeps its ferry terminal open all winter',
    body:
      'The council in Quellmouth decided to keep the ferry terminal in Quellmouth open through the winter. ' +
      'Harbour master Piet Anvers said the terminal in Quellmouth would add two crossings a day.',
  },
  {
    title: 'Beekeepers in the hill villages count their hives',
    body: 'Beekeepers in the hill villages lost nearly half of their hives over a long cold spring, their association said.',
  },
];
const FIRST = 'What did the council decide about the ferry terminal in Varnholm?';
const RESOLVED = 'What did the council decide about the ferry terminal in Quellmouth?';

let root: string;
let fake: FakeDiscord;
let config: Readonly<Config>;
let coverage: CoverageService;
let bot: Bot;
const logs: Record<string, any>[] = [];

function newBot(): Bot {
  return createBot({
    config,
    coverage,
    logger: createLogger({ level: 'debug', write: (line) => logs.push(JSON.parse(line)) }),
    clientOptions: { rest: { api: fake.apiBase, globalRequestsPerSecond: 1e5 } },
  });
}

beforeAll(async () => {
  root = mkdtempSync(path.join(os.tmpdir(), 'threads-'));
  const articles = path.join(root, 'coverage');
  mkdirSync(articles);
  ARTICLES.forEach((a, i) => writeFileSync(path.join(articles, `${i + 1}.md`), article(i + 1, { title: a.title, body: a.body, outlet: 'Harbour Gazette' })));
  fake = await new FakeDiscord().start();
  config = testConfig(path.join(root, 'index'), { COVERAGE_DIR: articles, DISCORD_TOKEN: fake.token, DISCORD_API_URL: fake.apiBase, RATE_LIMIT_PER_MINUTE: '1000' });
  coverage = await openCoverage(config);
  bot = newBot();
  await bot.start();
});

afterAll(async () => {
  expect(fake.rejections).toEqual([]);
  await bot?.stop();
  await coverage?.close();
  await fake?.stop();
  rmSync(root, { recursive: true, force: true });
});

const fieldNames = (body: any): string[] => (embedOf(body)?.fields ?? []).map((f: any) => f.name);
const understood = (body: any) => embedOf(body)?.fields?.find((f: any) => f.name === 'Understood as')?.value;

describe('follow-up questions in a thread', () => {
  let reply: any;
  let threadId: string;

  it('offers "Follow up in thread" on a public answer, and not on a private one', async () => {
    const sent = fake.sendSlashCommand('ask', { question: FIRST });
    const edit = await fake.waitForAnswer(sent.token);
    expect(embedOf(edit.body).title).toBe(FIRST);
    expect(understood(edit.body)).toBeUndefined();
    expect(fieldNames(edit.body)[0]).toContain('Varnholm council shuts the ferry terminal');
    expect(customIds(edit.body)).toContain(`ask:thread:${sent.id}`);
    reply = fake.originals.get(sent.token);

    const hidden = fake.sendSlashCommand('ask', { question: FIRST, private: true });
    const hiddenEdit = await fake.waitForAnswer(hidden.token);
    expect(customIds(hiddenEdit.body).some((id) => id.startsWith('ask:thread:'))).toBe(false);
  });

  it('starts a public thread on the reply, named after the question, says how to follow up, and links to it', async () => {
    const press = fake.sendButton(customIds(reply).find((id) => id.startsWith('ask:thread:'))!, structuredClone(reply));
    const answer = await fake.waitForAnswer(press.token);
    expect(fake.requestsFor(press.token)[0]!.body).toEqual({ type: 5, data: { flags: 64 } });
    const created = fake.requests.find((r) => r.method === 'POST' && r.path === `/channels/${fake.channelId}/messages/${reply.id}/threads`);
    expect(created?.status).toBe(201);
    expect(created?.body.name).toBe(FIRST);
    const thread = fake.threads.get(reply.id);
    threadId = thread.id;
    expect(thread).toMatchObject({ type: 11, parent_id: fake.channelId, name: FIRST });
    expect(answer.body.content).toContain(`<#${threadId}>`);
    const [intro] = fake.channelMessages.get(threadId)!;
    expect(intro.content).toMatch(/Use `\/ask` here to follow up/);
    // THREAD_CREATE reached the client: the bot knows the thread as a thread of the channel.
    expect(bot.client.channels.cache.get(threadId)?.isThread()).toBe(true);
  });

  it('says a thread already exists when pressed again, with the message as Discord now shows it or as it was', async () => {
    for (const message of [reply, { ...structuredClone(reply), flags: 0, thread: undefined }]) {
      const press = fake.sendButton(customIds(reply).find((id) => id.startsWith('ask:thread:'))!, message);
      const again = await fake.waitForAnswer(press.token);
      expect(again.body.content ?? again.body.data?.content).toMatch(new RegExp(`already has a thread: <#${threadId}>`));
    }
    expect(fake.threads.size).toBe(1);
  });

  it('leaves a self-contained question in the thread as typed', async () => {
    const question = 'What did the beekeepers in the hill villages lose?';
    const sent = fake.sendSlashCommand('ask', { question }, { channelId: threadId });
    const edit = await fake.waitForAnswer(sent.token);
    expect(embedOf(edit.body).title).toBe(question);
    expect(understood(edit.body)).toBeUndefined();
  });

  it('resolves "and <other town>?" inside the thread against the question before, and shows what was searched', async () => {
    // A fragment continues the latest question (here the beekeepers one, which names no town): ask the ferry one again.
    const again = fake.sendSlashCommand('ask', { question: FIRST }, { channelId: threadId });
    expect(understood((await fake.waitForAnswer(again.token)).body)).toBeUndefined();

    const sent = fake.sendSlashCommand('ask', { question: 'and Quellmouth?' }, { channelId: threadId });
    const edit = await fake.waitForAnswer(sent.token);
    expect(fake.originals.get(sent.token).channel_id).toBe(threadId);
    expect(embedOf(edit.body).title).toBe(RESOLVED);
    expect(understood(edit.body)).toBe(RESOLVED);
    expect(fieldNames(edit.body)[1]).toContain('Quellmouth keeps its ferry terminal open');
    expect(customIds(edit.body).some((id) => id.startsWith('ask:thread:'))).toBe(false);
  });

  it('resolves a private follow-up too, but keeps it out of the thread’s turns', async () => {
    const sent = fake.sendSlashCommand('ask', { question: 'and Varnholm?', private: true }, { channelId: threadId });
    const edit = await fake.waitForAnswer(sent.token);
    expect(fake.requestsFor(sent.token)[0]!.body).toEqual({ type: 5, data: { flags: 64 } });
    expect(understood(edit.body)).toBe(FIRST);
    // The next test's "when was that?" still continues the public Quellmouth question.
  });

  it('still resolves follow-ups after a restart on the same index', async () => {
    await bot.stop();
    bot = newBot();
    await bot.start();
    const sent = fake.sendSlashCommand('ask', { question: 'when was that?' }, { channelId: threadId });
    const edit = await fake.waitForAnswer(sent.token);
    expect(understood(edit.body)).toBe('When was that: what did the council decide about the ferry terminal in Quellmouth?');
    expect(fieldNames(edit.body)[1]).toContain('Quellmouth keeps its ferry terminal open');
  });

  it('after a restart, finds a thread Discord no longer lists (archived) and goes on', async () => {
    fake.archiveThread(threadId);
    await bot.stop();
    bot = newBot();
    await bot.start();
    expect(bot.client.channels.cache.has(threadId)).toBe(false);
    const sent = fake.sendSlashCommand('ask', { question: 'What about Varnholm?' }, { channelId: threadId });
    const edit = await fake.waitForAnswer(sent.token);
    expect(fake.requests.some((r) => r.method === 'GET' && r.path === `/channels/${threadId}`)).toBe(true);
    expect(understood(edit.body)).toBe(FIRST);
    expect(fieldNames(edit.body)[1]).toContain('Varnholm council shuts the ferry terminal');
  });

  it('answers follow-ups while an indexing run holds the write lock, and stores the turn once it is free', async () => {
    expect((await storedTurns()).at(-1)?.question).toBe(FIRST);
    const writer = new Database(path.join(config.indexDir, DATABASE_FILE));
    writer.exec('BEGIN IMMEDIATE');
    let held = true;
    try {
      const started = Date.now();
      const sent = fake.sendSlashCommand('ask', { question: 'and Quellmouth?' }, { channelId: threadId });
      const edit = await fake.waitForAnswer(sent.token);
      expect(Date.now() - started).toBeLessThan(3000);
      expect(understood(edit.body)).toBe(RESOLVED);
      await new Promise((r) => setTimeout(r, 500));
      expect((await storedTurns()).at(-1)?.question).toBe(FIRST);
      writer.exec('COMMIT');
      held = false;
    } finally {
      if (held) writer.exec('ROLLBACK');
      writer.close();
    }
    await until(async () => (await storedTurns()).at(-1)?.question === RESOLVED);
    expect((await storedTurns()).at(-1)?.question).toBe(RESOLVED);
    expect(logs.some((l) => l.msg === 'write failed' || l.msg === 'conversation turn not saved')).toBe(false);
  });

  async function until(done: () => Promise<boolean>, timeoutMs = 5000): Promise<void> {
    for (const deadline = Date.now() + timeoutMs; !(await done()) && Date.now() < deadline; ) await new Promise((r) => setTimeout(r, 50));
  }

  /** The thread's turns as another process would read them. */
  async function storedTurns() {
    const store = openConversations(config);
    try {
      return await store.turns(threadSession(threadId), 5);
    } finally {
      await store.close();
    }
  }
});
