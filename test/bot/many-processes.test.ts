/**
 * Many processes, one index (Postgres): two real bot processes (`src/bot/main.ts`, each with its own fake Discord
 * and its own INDEX_DIR for /add's saved files) and a real indexing run in a third process, all on one database.
 * A page /add-ed on bot A is answered by /ask on bot B without a restart; 👍 on both bots lands in the one
 * feedback table; nothing goes unanswered or is rejected; both bots exit 0 on SIGTERM.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runIndex } from '../../src/indexer/run-index.js';
import { FakeDiscord, type RecordedRequest, type SentInteraction } from '../helpers/fake-discord.js';
import { PROJECT_ROOT, startIndexerProcess, until, type IndexerProcess } from '../helpers/indexer-process.js';
import { postgresUnavailableReason, startPostgres, type PostgresCluster } from '../helpers/postgres.js';
import { customIds, embedOf, SEED_COVERAGE } from './harness.js';

const unavailable = postgresUnavailableReason();
if (unavailable) console.warn(`many-processes test skipped: ${unavailable}`);

/** A made-up article page for /add. */
const PAGE =
  '<!doctype html><html><head><title>Lighthouse keepers vote to strike at Qorvath Point</title>' +
  '<meta property="og:site_name" content="Brindle Coast Courier">' +
  '<meta property="article:published_time" content="2025-03-14T07:00:00Z"></head><body><article>' +
  '<h1>Lighthouse keepers vote to strike at Qorvath Point</h1>' +
  '<p>Lighthouse keepers at Qorvath Point voted to strike over night-shift pay, their union said on Friday.</p>' +
  '<p>The walkout would leave the beacon on automatic control for the first time since the tower was built, officials added.</p>' +
  '<p>Harbour pilots said automatic control was safe in calm weather but asked for a keeper to stay on call during storms.</p>' +
  '</article></body></html>';

const ARTICLES = 300;

/** Synthetic Markdown articles for the concurrent indexing run. */
function syntheticArticle(n: number): string {
  const day = String((n % 28) + 1).padStart(2, '0');
  return [
    '---',
    `title: Orchard cooperative bulletin ${n}`,
    'outlet: Valley Ledger Test',
    `author: Writer ${n}`,
    `published: 2022-09-${day}`,
    `url: https://example.test/orchard/${n}`,
    '---',
    '',
    `The Marrowfield orchard cooperative picked ${n * 11} crates of pears in week ${n}, its secretary said. ` +
      `Volunteers from ${n % 9 + 2} villages joined the harvest, according to the bulletin. ` +
      'Cold storage in the old mill stayed below four degrees all month. ' +
      'Buyers from the river towns paid in advance for the late varieties.',
    '',
  ].join('\n');
}

interface BotProcess {
  name: string;
  fake: FakeDiscord;
  child: ChildProcess;
  indexDir: string;
  exited: Promise<number | null>;
  stderr(): string;
}

async function startBot(name: string, databaseUrl: string): Promise<BotProcess> {
  const fake = await new FakeDiscord().start();
  const indexDir = mkdtempSync(path.join(os.tmpdir(), `many-${name}-`));
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !/^(DISCORD_|INDEX_DIR|COVERAGE_DIR|EMBEDDING_MODEL|DATABASE_URL|RATE_LIMIT|ALLOW_PRIVATE|LOG_LEVEL)/.test(k)),
  );
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/bot/main.ts'], {
    cwd: PROJECT_ROOT,
    env: {
      ...clean,
      DATABASE_URL: databaseUrl,
      INDEX_DIR: indexDir,
      COVERAGE_DIR: SEED_COVERAGE,
      EMBEDDING_MODEL: 'none',
      DISCORD_TOKEN: fake.token,
      DISCORD_API_URL: fake.apiBase,
      RATE_LIMIT_PER_MINUTE: '1000',
      ALLOW_PRIVATE_URLS: 'true',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { name, fake, child, indexDir, exited, stderr: () => stderr };
}

describe.skipIf(unavailable !== null)('two bot processes and an indexing run on one Postgres index', () => {
  let cluster: PostgresCluster | null = null;
  let root = '';
  let site: http.Server;
  let base = '';
  const bots: BotProcess[] = [];
  let indexer: IndexerProcess | undefined;

  beforeAll(async () => {
    cluster = await startPostgres();
    if (!cluster) throw new Error(`startPostgres() returned null: ${postgresUnavailableReason()}`);
    root = mkdtempSync(path.join(os.tmpdir(), 'many-processes-'));
    site = http.createServer((req, res) => {
      if (req.url === '/lighthouse') res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE);
      else res.writeHead(404).end();
    });
    await new Promise<void>((r) => site.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
    // The seed index, built into the database first.
    await runIndex(path.join(root, 'seed-index'), { databaseUrl: cluster.url, roots: [SEED_COVERAGE], removeMissing: true, embedder: null });
  }, 60_000);

  afterAll(async () => {
    for (const bot of bots) {
      if (bot.child.exitCode === null && bot.child.signalCode === null) bot.child.kill('SIGKILL');
      await bot.fake.stop();
      rmSync(bot.indexDir, { recursive: true, force: true });
    }
    await indexer?.stop();
    await new Promise((r) => site?.close(r));
    await cluster?.stop();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it('shares /add and 👍 between bots while another process indexes, and both stop cleanly', async () => {
    const url = cluster!.url;
    const started = performance.now();
    const [a, b] = await Promise.all([startBot('a', url), startBot('b', url)]);
    bots.push(a!, b!);
    const botA = a!;
    const botB = b!;
    await until(() => [botA, botB].every((x) => /"msg":"ready"/.test(x.stderr())), 30_000, 'both bots to be ready');
    const readyMs = performance.now() - started;

    const sent: { bot: BotProcess; kind: string; s: SentInteraction; reply: Promise<RecordedRequest | null> }[] = [];
    let duringRun = 0;
    const send = (bot: BotProcess, kind: string, s: SentInteraction) => {
      if (indexer && indexer.child.exitCode === null) duringRun++;
      const reply = bot.fake.waitForAnswer(s.token, 20_000).catch(() => null);
      sent.push({ bot, kind, s, reply });
      return reply;
    };

    // An answer on each bot to hang 👍 on.
    const question = 'What did Zelensky and Rutte talk about at their meeting?';
    const firstA = botA.fake.sendSlashCommand('ask', { question }, { userId: '801' });
    const firstB = botB.fake.sendSlashCommand('ask', { question }, { userId: '802' });
    expect(await send(botA, 'ask', firstA)).not.toBeNull();
    expect(await send(botB, 'ask', firstB)).not.toBeNull();
    const messageA = structuredClone(botA.fake.originals.get(firstA.token));
    const messageB = structuredClone(botB.fake.originals.get(firstB.token));
    const upA = customIds(messageA).find((id) => id.endsWith(':up'))!;
    const upB = customIds(messageB).find((id) => id.endsWith(':up'))!;
    expect(upA).toBe(`ask:fb:${firstA.id}:up`);
    expect(upB).toBe(`ask:fb:${firstB.id}:up`);

    // A real indexing run in a third process, adding synthetic articles to the same database meanwhile.
    const folder = path.join(root, 'orchard');
    mkdirSync(folder);
    for (let n = 1; n <= ARTICLES; n++) writeFileSync(path.join(folder, `bulletin-${n}.md`), syntheticArticle(n));
    indexer = startIndexerProcess(path.join(root, 'indexer-index'), [folder], { DATABASE_URL: url, EMBEDDING_MODEL: 'none', INDEX_LOCK_WAIT: '30' });

    // /add on A; then /ask on B finds the page, without restarting B.
    const add = botA.fake.sendSlashCommand('add', { url: `${base}/lighthouse` }, { role: 'admin', userId: '803' });
    const added = await send(botA, 'add', add);
    expect(added, botA.stderr()).not.toBeNull();
    expect(embedOf(added!.body).title).toBe('Added: Lighthouse keepers vote to strike at Qorvath Point');
    const addedAt = performance.now();
    let answerOnB: any = null;
    let askOnBMs = 0;
    while (performance.now() - addedAt < 5_000) {
      const ask = botB.fake.sendSlashCommand('ask', { question: 'Why did the lighthouse keepers at Qorvath Point vote to strike?' }, { userId: '804' });
      const reply = await send(botB, 'ask', ask);
      const embed = embedOf(reply?.body);
      if (embed?.fields?.some((f: any) => /Qorvath Point/.test(f.value) || /Brindle Coast Courier/.test(f.name))) {
        answerOnB = embed;
        askOnBMs = performance.now() - addedAt;
        break;
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(answerOnB, botB.stderr()).not.toBeNull();
    expect(JSON.stringify(answerOnB.fields)).toMatch(/night-shift pay/);

    // Traffic on both bots while the run goes on, with 👍 on each bot's first answer.
    for (let i = 0; i < 12; i++) {
      const bot = i % 2 === 0 ? botA : botB;
      if (i === 2) send(botA, '👍', botA.fake.sendButton(upA, messageA, { userId: '811' }));
      else if (i === 3) send(botB, '👍', botB.fake.sendButton(upB, messageB, { userId: '812' }));
      else if (i % 3 === 1) send(bot, 'sources', bot.fake.sendSlashCommand('sources', {}, { userId: String(820 + i) }));
      else send(bot, 'ask', bot.fake.sendSlashCommand('ask', { question: 'How many crates of pears did the Marrowfield cooperative pick?' }, { userId: String(820 + i) }));
      await new Promise((r) => setTimeout(r, 50));
    }
    const replies = await Promise.all(sent.map((x) => x.reply));
    expect(sent.filter((_, i) => !replies[i]).map((x) => `${x.bot.name}:${x.kind}`)).toEqual([]);
    sent.forEach((x, i) => {
      if (x.kind !== '👍') return;
      const body = replies[i]!.body?.data ?? replies[i]!.body;
      expect(body.content).toMatch(/your 👍 was recorded/);
    });

    // Most of that traffic (the /add included) went out while the run was going on.
    expect(duringRun).toBeGreaterThanOrEqual(8);
    const run = await indexer.exited;
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout).added).toBe(ARTICLES);

    // Both 👍 land as rows of the one feedback table.
    const db = new pg.Client({ connectionString: url });
    await db.connect();
    let rows: { question: string; helpful: boolean; user_id: string }[] = [];
    try {
      const end = Date.now() + 10_000;
      while (Date.now() < end) {
        rows = (await db.query('SELECT question, helpful, user_id FROM feedback ORDER BY id')).rows;
        if (rows.length >= 2) break;
        await new Promise((r) => setTimeout(r, 100));
      }
    } finally {
      await db.end();
    }
    expect(rows.map((r) => r.user_id).sort()).toEqual(['811', '812']);
    expect(rows.every((r) => r.question === question && Boolean(r.helpful))).toBe(true);

    // After the run, B (never restarted) serves the run's articles too.
    const late = botB.fake.sendSlashCommand('sources', { outlet: 'Valley Ledger Test' }, { userId: '830' });
    expect(embedOf((await botB.fake.waitForAnswer(late.token)).body).description).toMatch(/Orchard cooperative bulletin/);

    for (const bot of [botA, botB]) expect(JSON.stringify(bot.fake.rejections), bot.name).toBe('[]');
    for (const bot of [botA, botB]) bot.child.kill('SIGTERM');
    const codes = await Promise.all([botA.exited, botB.exited]);
    expect(codes, botA.stderr() + botB.stderr()).toEqual([0, 0]);
    for (const bot of [botA, botB]) {
      expect(bot.stderr()).toMatch(/"msg":"stopped"/);
      expect(bot.stderr()).not.toMatch(/"level":"error"/);
    }
    console.info(`many-processes: bots ready in ${Math.round(readyMs)} ms; /add on A answered on B after ${Math.round(askOnBMs)} ms; indexer ${Math.round(run.ms)} ms; ${duringRun}/${sent.length} interactions during the run`);
  }, 90_000);
});
