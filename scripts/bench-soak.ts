/**
 * Soak: the real bot (`npm start`, i.e. src/bot/main.ts, in a child process: real discord.js Client, real core) against
 * the fake Discord on 127.0.0.1, taking steady mixed traffic from several simulated users for SOAK_MINUTES while a real
 * indexing run in another child (src/cli/index-cmd.ts, what `npm run index -- <folder>` runs, holding INDEX_DIR's write
 * lock) adds BBC articles to the index the bot reads. The bot's memory is its own process's RSS (from /proc), so the
 * fake's request log is not counted. Prints a text summary on stderr, then one JSON line.
 *
 *   npm run bench -- soak          (or: npx tsx scripts/bench-soak.ts)
 *
 * Environment (all optional):
 *   SOAK_MINUTES          traffic duration, default 10
 *   SOAK_RATE             interactions per second, default 2
 *   SOAK_USERS            simulated users, default 6
 *   SOAK_ARTICLES         BBC articles the indexer adds, default 2000
 *   SOAK_INDEXER_MINUTES  the indexer is stopped (SIGTERM) if still running this long after it started, default 20
 *   SOAK_REINDEX=1        after the first run, keep re-indexing the same articles (each file edited, so each is
 *                         re-read and re-embedded) until the traffic ends: the whole soak meets index churn. Default off
 *   EMBEDDING_MODEL etc.  as for the bot; the indexer child inherits them, so both use the configured model
 *
 * Reply time: INTERACTION_CREATE written to the gateway socket → the first request the user sees as the answer
 * (the edited reply, a reply, an update or a follow-up). An interaction with no answer within 15 s is unanswered.
 * Everything is bounded: traffic stops at SOAK_MINUTES, each wait at 15 s, the indexer at SOAK_INDEXER_MINUTES,
 * the bot's shutdown (saving queued feedback) at 35 s; then the process exits.
 */
import { spawn } from 'node:child_process';
import { appendFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeCorpusAsMarkdown } from '../src/evaluate/corpus-files.js';
import { openSqliteReader } from '../src/store/sqlite/reader.js';
import { FakeDiscord, type RecordedRequest, type SentInteraction } from '../test/helpers/fake-discord.js';
import { startIndexerProcess, type IndexerProcess } from '../test/helpers/indexer-process.js';
import { BBC_JSONL, devQuestions, readJsonl, SHARED } from './bench/corpus.js';

const num = (name: string, fallback: number) => {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v > 0 ? v : fallback;
};
const SOAK_MINUTES = num('SOAK_MINUTES', 10);
const RATE = num('SOAK_RATE', 2);
const USERS = Math.round(num('SOAK_USERS', 6));
const ARTICLES = Math.round(num('SOAK_ARTICLES', 2000));
const INDEXER_MINUTES = num('SOAK_INDEXER_MINUTES', 20);
const REINDEX = process.env.SOAK_REINDEX === '1';
const MAX_REINDEX_RUNS = 200;
const UNANSWERED_MS = 15_000;
const FEEDBACK_WAIT_MS = 35_000;

type Kind = 'ask' | 'cite' | 'sources' | 'more' | 'show' | '👍';
/** One cycle of the traffic mix: half asks, then quotes, listings and the three buttons. */
const MIX: Kind[] = ['ask', 'ask', 'cite', 'ask', 'show', 'ask', 'sources', 'more', 'ask', '👍', 'cite', 'ask'];

const quantile = (sorted: number[], q: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]! : null);
const round = (x: number | null) => (x === null ? null : Math.round(x * 10) / 10);
const mb = (bytes: number) => Math.round(bytes / 1048576);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const log = (line: string) => process.stderr.write(`${line}\n`);

function summarize(ms: number[]) {
  const s = [...ms].sort((a, b) => a - b);
  return { n: s.length, p50: round(quantile(s, 0.5)), p95: round(quantile(s, 0.95)), max: round(s.length ? s[s.length - 1]! : null) };
}

// ---- inputs ------------------------------------------------------------------------------------

const bbc = (await readJsonl<{ id: string; title: string; text: string }>(BBC_JSONL)).slice(0, ARTICLES);
const seedQuestions = devQuestions();
// Questions about the articles being added: unanswerable (abstentions) until the run commits, answered after.
const bbcQuestions = bbc.filter((_, i) => i % 7 === 0).map((a) => `What happened: ${a.title}?`);
const firstWords = (text: string, n: number) => text.split(/\s+/).filter(Boolean).slice(0, n).join(' ');
// Quotes from the articles being added: "not found" until the run commits, then found.
const quotes = bbc.filter((_, i) => i % 11 === 0).map((a) => firstWords(a.text.split(/(?<=[.!?])\s/)[0] ?? a.text, 8));
const searches = ['', 'economy', 'film', 'election', 'BBC', 'football'];

// ---- set-up ------------------------------------------------------------------------------------

const root = mkdtempSync(path.join(os.tmpdir(), 'bench-soak-'));
const indexDir = path.join(root, 'index');
const bbcDir = path.join(root, 'bbc');
const fake = await new FakeDiscord().start();
const errors: Record<string, unknown>[] = [];
const botLog: string[] = [];
// `npm start` with the bench's Discord and index; everything else (EMBEDDING_MODEL …) as configured.
const bot = spawn(process.execPath, ['--import', 'tsx', 'src/bot/main.ts'], {
  env: {
    ...process.env,
    COVERAGE_DIR: process.env.COVERAGE_DIR || path.join(SHARED, 'coverage'),
    INDEX_DIR: indexDir,
    DISCORD_TOKEN: fake.token,
    DISCORD_API_URL: fake.apiBase,
    // Measure the bot, not its per-user limit: every /ask and /cite runs the core.
    RATE_LIMIT_PER_MINUTE: '1000',
    LOG_LEVEL: 'info',
  },
  stdio: ['ignore', 'pipe', 'pipe'],
});
const botExited = new Promise<number | null>((resolve) => bot.on('exit', (code) => resolve(code)));
let pendingLog = '';
const onLog = (chunk: Buffer) => {
  const lines = (pendingLog + chunk.toString()).split('\n');
  pendingLog = lines.pop()!;
  for (const line of lines) {
    if (botLog.length < 200) botLog.push(line);
    try {
      const l = JSON.parse(line) as Record<string, unknown>;
      if (l.level === 'error') errors.push(l);
    } catch {
      if (line.trim()) errors.push({ msg: 'non-JSON output', line });
    }
  }
};
bot.stdout!.on('data', onLog);
bot.stderr!.on('data', onLog);
/** The bot process's resident memory, from /proc (Linux). */
const botRss = () => {
  const m = /^VmRSS:\s+(\d+) kB/mu.exec(readFileSync(`/proc/${bot.pid}/status`, 'utf8'));
  return m ? Number(m[1]) * 1024 : NaN;
};
const statsOfIndex = async () => {
  const reader = await openSqliteReader(indexDir);
  try {
    const { embedding } = await reader.manifest();
    return await reader.stats(embedding ? (JSON.parse(embedding) as { id: string }).id : null);
  } finally {
    await reader.close();
  }
};
let indexer = null as IndexerProcess | null;
let exitCode = 0;

try {
  const written = await writeCorpusAsMarkdown(BBC_JSONL, bbcDir, ARTICLES, 'BBC News');
  const readyBy = Date.now() + 120_000;
  while (!botLog.some((l) => l.includes('"msg":"ready"'))) {
    if (bot.exitCode !== null || Date.now() > readyBy) throw new Error(`the bot did not start:\n${botLog.join('\n')}`);
    await sleep(100);
  }
  const before = await statsOfIndex();
  const rssStart = botRss();
  let rssPeak = rssStart;
  /** RSS every 30 s: growth that levels off is the index loading; growth that keeps climbing is a leak. */
  const rssTimeline: number[] = [];
  let ticks = 0;
  const rssTimer = setInterval(() => {
    const rss = botRss();
    rssPeak = Math.max(rssPeak, rss);
    if (ticks++ % 30 === 0) rssTimeline.push(mb(rss));
  }, 1000);

  /** One indexing child at a time, each stopped if it runs longer than SOAK_INDEXER_MINUTES. */
  const runIndexer = () => {
    const run = startIndexerProcess(indexDir, [bbcDir], { INDEX_LOCK_WAIT: '60' });
    indexer = run;
    const timer = setTimeout(() => void run.stop(), INDEXER_MINUTES * 60_000);
    void run.exited.then(() => clearTimeout(timer));
    return run;
  };
  let indexing = true;
  let trafficOver = false;
  const reruns: { ms: number; code: number | null }[] = [];
  const first = runIndexer();
  const indexingDone = (async () => {
    const e = await first.exited;
    for (let run = 1; REINDEX && e.code === 0 && !trafficOver && run <= MAX_REINDEX_RUNS; run++) {
      // An edit to every file: the next run re-reads, re-splits and re-embeds each article (an update, not an add).
      for (const f of readdirSync(bbcDir)) appendFileSync(path.join(bbcDir, f), `\nRevision ${run} of this article.\n`);
      const r = await runIndexer().exited;
      reruns.push({ ms: r.ms, code: r.code });
      if (r.code !== 0) break;
    }
    indexing = false;
  })();
  log(`soak: ${SOAK_MINUTES} min at ${RATE}/s from ${USERS} users; indexer (pid ${first.child.pid}) adds ${written} BBC articles to ${before.documents} (${before.embeddingModel ?? 'full-text only'})${REINDEX ? ', then re-indexes them until the traffic ends' : ''}`);

  // ---- traffic ---------------------------------------------------------------------------------
  interface Sent { kind: Kind; s: SentInteraction; duringIndexing: boolean; reply: Promise<RecordedRequest | null> }
  const sent: Sent[] = [];
  /** Recent answered /ask messages with citations: the buttons are pressed on these. */
  const answered: { token: string; message: any }[] = [];
  const idsOf = (message: any): string[] => (message?.components ?? []).flatMap((row: any) => row.components.map((c: any) => c.custom_id ?? ''));
  let asks = 0;
  let cites = 0;
  let listings = 0;

  function send(kind: Kind, s: SentInteraction): void {
    const reply = fake.waitForAnswer(s.token, UNANSWERED_MS).catch(() => null);
    const item: Sent = { kind, s, duringIndexing: indexing, reply };
    sent.push(item);
    if (kind === 'ask') {
      void reply.then((r) => {
        const message = r && fake.originals.get(s.token);
        if (message && idsOf(message).some((id) => id.startsWith('ask:show:'))) {
          answered.push({ token: s.token, message: structuredClone(message) });
          if (answered.length > 50) answered.shift();
        }
      });
    }
  }

  function button(kind: 'more' | 'show' | '👍', user: string): boolean {
    const prefix = kind === 'more' ? 'ask:more:' : kind === 'show' ? 'ask:show:' : 'ask:fb:';
    for (let j = answered.length - 1; j >= 0; j--) {
      const { message } = answered[j]!;
      const ids = idsOf(message).filter((id) => id.startsWith(prefix) && (kind !== '👍' || id.endsWith(':up')));
      if (!ids.length) continue;
      send(kind, fake.sendButton(ids[sent.length % ids.length]!, message, { userId: user }));
      return true;
    }
    return false;
  }

  const started = performance.now();
  const endAt = started + SOAK_MINUTES * 60_000;
  const interval = 1000 / RATE;
  const maxInteractions = Math.ceil(SOAK_MINUTES * 60 * RATE) + 1;
  for (let i = 0; i < maxInteractions && performance.now() < endAt; i++) {
    // Steady rate: the i-th interaction goes out at started + i·interval, however long the last one took.
    const wait = started + i * interval - performance.now();
    if (wait > 0) await sleep(wait);
    const user = String(600 + (i % USERS));
    const kind = MIX[i % MIX.length]!;
    if ((kind === 'more' || kind === 'show' || kind === '👍') && button(kind, user)) continue;
    if (kind === 'cite') {
      send('cite', fake.sendSlashCommand('cite', { quote: quotes[cites++ % quotes.length]! }, { userId: user }));
    } else if (kind === 'sources') {
      const search = searches[listings++ % searches.length]!;
      send('sources', fake.sendSlashCommand('sources', search ? { search } : {}, { userId: user }));
    } else {
      const pool = asks % 2 === 0 ? seedQuestions : bbcQuestions;
      const question = pool[Math.floor(asks / 2) % pool.length]!;
      asks++;
      send('ask', fake.sendSlashCommand('ask', { question }, { userId: user }));
    }
  }
  const trafficMs = performance.now() - started;
  const replies = await Promise.all(sent.map((x) => x.reply));
  log(`soak: traffic done (${sent.length} interactions in ${(trafficMs / 1000).toFixed(0)} s); waiting for the indexer …`);

  trafficOver = true;
  const exit = await first.exited;
  await indexingDone;
  clearInterval(rssTimer);
  const rssEnd = botRss();
  // SIGTERM: the bot finishes what is in flight and saves queued feedback (bounded), then exits.
  bot.kill('SIGTERM');
  const botExitCode = await Promise.race([botExited, sleep(FEEDBACK_WAIT_MS).then(() => 'timeout' as const)]);
  const after = await statsOfIndex();

  const reader = await openSqliteReader(indexDir);
  const feedbackRows = await reader.feedbackCount();
  await reader.close();

  const latency = (pred: (x: Sent) => boolean) =>
    summarize(sent.flatMap((x, i) => (pred(x) && replies[i] ? [replies[i]!.time - x.s.dispatchedAt] : [])));
  const byKind = Object.fromEntries(
    [...new Set(sent.map((x) => x.kind))].map((k) => [k, { ...latency((x) => x.kind === k), unanswered: sent.filter((x, i) => x.kind === k && !replies[i]).length }]),
  );
  let report: Record<string, unknown> | null = null;
  try {
    report = JSON.parse(exit.stdout) as Record<string, unknown>;
  } catch {
    /* a stopped run prints no report */
  }
  const thumbsSent = sent.filter((x) => x.kind === '👍').length;
  const result = {
    bench: 'soak',
    minutes: SOAK_MINUTES,
    ratePerSecond: RATE,
    users: USERS,
    embedding: before.embeddingModel ?? 'full-text only',
    interactions: sent.length,
    replyMs: latency(() => true),
    replyMsDuringIndexing: latency((x) => x.duringIndexing),
    replyMsAfterIndexing: latency((x) => !x.duringIndexing),
    byKind,
    unanswered: replies.filter((r) => !r).length,
    rejections: fake.rejections.length,
    rejectionSamples: fake.rejections.slice(0, 3),
    botErrors: errors.length,
    errorSamples: errors.slice(0, 3).map((e) => ({ msg: e.msg, error: e.error })),
    rssMb: { start: mb(rssStart), end: mb(rssEnd), peak: mb(Math.max(rssPeak, rssEnd)), every30s: rssTimeline },
    indexer: {
      articles: written,
      durationS: round(exit.ms / 1000),
      exitCode: exit.code,
      signal: exit.signal,
      finishedDuringTraffic: exit.ms + (first.startedAt - started) <= trafficMs,
      added: report?.added ?? null,
      stderrTail: exit.code === 0 ? undefined : exit.stderr.slice(-500),
      ...(REINDEX ? { reindexRuns: reruns.length, reindexFailed: reruns.filter((r) => r.code !== 0).length, reindexS: summarize(reruns.map((r) => r.ms / 1000)) } : {}),
    },
    documents: { before: before.documents, after: after.documents },
    feedback: { sent: thumbsSent, rows: feedbackRows },
    botExit: botExitCode,
  };
  log(`soak: ${result.interactions} interactions, reply p50 ${result.replyMs.p50} ms, p95 ${result.replyMs.p95} ms; unanswered ${result.unanswered}, rejections ${result.rejections}`);
  log(`soak: RSS ${result.rssMb.start} → ${result.rssMb.end} MB (peak ${result.rssMb.peak}); indexer exit ${exit.code} after ${result.indexer.durationS} s; articles ${before.documents} → ${after.documents}`);
  console.log(JSON.stringify(result));
} catch (error) {
  exitCode = 1;
  console.error(error);
} finally {
  await indexer?.stop();
  if (bot.exitCode === null) {
    bot.kill('SIGKILL');
    await botExited;
  }
  await fake.stop();
  rmSync(root, { recursive: true, force: true });
}
// Stops by itself even if a stray handle (a socket, a timer) would keep the loop alive.
process.exit(exitCode);
