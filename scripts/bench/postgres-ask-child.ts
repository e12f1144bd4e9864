/**
 * One back end's side of the postgres bench section, in its own process so that its peak RSS is its own: opens
 * the index as the bot does (openCoverage, with the configured embedding model), warms up, then times full-text
 * search alone and the whole `ask` over the same questions. Prints one JSON line.
 *
 * Environment: BENCH_INDEX_DIR (SQLite) or BENCH_DATABASE_URL (Postgres), BENCH_QUESTIONS, BENCH_WARMUP.
 */
import { loadConfig } from '../../src/config.js';
import { loadConfiguredEmbedder } from '../../src/embed/load.js';
import { openCoverage } from '../../src/open-coverage.js';
import { parseQuery } from '../../src/search/query.js';
import { Searcher } from '../../src/search/searcher.js';
import { openIndexReader } from '../../src/store/open-store.js';
import { titleQuestions } from './corpus.js';
import { median, percentile, round } from './stats.js';

const indexDir = process.env.BENCH_INDEX_DIR;
const databaseUrl = process.env.BENCH_DATABASE_URL || null;
if (!indexDir) throw new Error('BENCH_INDEX_DIR must be set (a folder; unused when BENCH_DATABASE_URL is set)');
const QUESTIONS = Number(process.env.BENCH_QUESTIONS ?? 200);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 20);

// Measured questions first; the warm-up ones come after them in the same fixed slice, so they are never timed.
const all = await titleQuestions(QUESTIONS + WARMUP);
const questions = all.slice(0, QUESTIONS);
const warmup = all.slice(QUESTIONS);

const config = { ...loadConfig(), indexDir, databaseUrl };
const embedder = await loadConfiguredEmbedder(config, (line) => process.stderr.write(`${line}\n`));
const opened = performance.now();
const coverage = await openCoverage(config, { embedder, log: (line) => process.stderr.write(`${line}\n`) });
const openMs = performance.now() - opened;
// Full-text search alone, as query-latency.ts measures it: its own reader, no vectors.
const reader = await openIndexReader(config);
const searcher = new Searcher(reader, null);
const fullText = (q: string) => searcher.search({ query: parseQuery(q), mode: 'fulltext', filters: {}, depth: 60 });

try {
  for (const q of warmup) {
    await fullText(q);
    await coverage.ask(q);
  }
  const fts: number[] = [];
  const ask: number[] = [];
  let answered = 0;
  let signature = '';
  for (const q of questions) {
    let start = performance.now();
    await fullText(q);
    fts.push(performance.now() - start);
    start = performance.now();
    const answer = await coverage.ask(q);
    ask.push(performance.now() - start);
    if (!answer.abstained) answered++;
    signature += `${answer.abstained ? 'A' : answer.citations.length}`;
  }
  const stats = await coverage.stats();
  process.stdout.write(
    `${JSON.stringify({
      backend: databaseUrl ? 'postgres' : 'sqlite',
      vectors: embedder?.info.id ?? null,
      documents: stats.documents,
      passages: stats.passages,
      questions: ask.length,
      warmupQuestions: warmup.length,
      answered,
      /** Per question: A (abstained) or the number of citations; compared across back ends. */
      answerSignature: signature,
      openMs: round(openMs, 0),
      fulltextSearchMs: { median: round(median(fts)), p95: round(percentile(fts, 95)) },
      askMs: { median: round(median(ask)), p95: round(percentile(ask, 95)) },
      peakRssMb: round(process.resourceUsage().maxRSS / 1024, 0),
    })}\n`,
  );
} finally {
  await reader.close();
  await coverage.close();
}
