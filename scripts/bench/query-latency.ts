/**
 * Query latency: full-text search alone, and the whole ask pipeline (search, sentence choice, gate),
 * on the seed coverage, on Reuters-21578 (title questions) and on BBC News (questions of natural length made
 * from its sentences), with and without vectors (when a model is configured or built).
 */
import 'dotenv/config';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config.js';
import { loadConfiguredEmbedder } from '../../src/embed/load.js';
import type { Embedder } from '../../src/embed/embedder.js';
import { runIndex } from '../../src/indexer/run-index.js';
import { openCoverage } from '../../src/open-coverage.js';
import { parseQuery } from '../../src/search/query.js';
import { Searcher } from '../../src/search/searcher.js';
import { openSqliteReader } from '../../src/store/sqlite/reader.js';
import { questionFromSentence, seededRandom } from '../../src/evaluate/generate-questions.js';
import { splitSentences } from '../../src/text/sentences.js';
import { openWordNet } from '../../src/wordnet/wordnet.js';
import { BBC_JSONL, bbcFolder, devQuestions, readJsonl, reutersFolder, SHARED, titleQuestions } from './corpus.js';
import { median, percentile, round } from './stats.js';

const QUESTIONS = Number(process.env.BENCH_QUESTIONS ?? 300);
const questions = await titleQuestions(QUESTIONS);
// The seed coverage's own development questions (../shared/eval), as the team would ask them.
const seedQuestions = devQuestions();
const config = loadConfig();
const embedder = await loadConfiguredEmbedder(config, (line) => process.stderr.write(`${line}\n`));

async function measure(label: string, roots: string[], asked: string[], withVectors: Embedder | null) {
  const indexDir = mkdtempSync(path.join(os.tmpdir(), 'bench-query-'));
  await runIndex(indexDir, { roots, removeMissing: true, embedder: withVectors });
  const coverage = await openCoverage({ ...config, indexDir }, { embedder: withVectors });
  const reader = await openSqliteReader(indexDir);
  const searcher = new Searcher(reader, null);
  const fts: number[] = [];
  const ask: number[] = [];
  const rounds = Math.max(1, Math.ceil(QUESTIONS / asked.length));
  for (let r = 0; r < rounds; r++) {
    for (const q of asked) {
      const start = performance.now();
      await searcher.search({ query: parseQuery(q), mode: 'fulltext', filters: {}, depth: 60 });
      fts.push(performance.now() - start);
      ask.push((await coverage.ask(q)).timingMs.total);
    }
  }
  await reader.close();
  await coverage.close();
  rmSync(indexDir, { recursive: true, force: true });
  return {
    corpus: label,
    vectors: withVectors?.info.id ?? null,
    questions: ask.length,
    fulltextSearchMs: { median: round(median(fts)), p95: round(percentile(fts, 95)) },
    askMs: { median: round(median(ask)), p95: round(percentile(ask, 95)) },
  };
}

/** Questions of natural length (about 8–20 words) made from BBC sentences, seeded so runs compare. */
async function bbcQuestions(count: number): Promise<string[]> {
  const wordnet = openWordNet();
  const random = seededRandom(3);
  const records = await readJsonl<{ title: string; text: string }>(BBC_JSONL);
  const out: string[] = [];
  while (out.length < count) {
    const { title, text } = records[Math.floor(random() * records.length)]!;
    const sentences = splitSentences(text).map((s) => text.slice(s.start, s.end));
    const at = Math.floor(random() * sentences.length);
    const q = questionFromSentence(sentences[at] ?? '', { title, previous: sentences[at - 1] ?? '' }, wordnet, random);
    if (q && q.style !== 'keywords') out.push(q.question);
  }
  return out;
}

const reuters = await reutersFolder();
const bbc = await bbcFolder();
const natural = await bbcQuestions(QUESTIONS);
const results = [await measure('seed coverage', [path.join(SHARED, 'coverage')], seedQuestions, null),
  await measure('reuters-21578 (titles)', [reuters], questions, null),
  await measure('bbc-news (natural questions)', [bbc], natural, null)];
if (embedder) {
  results.push(await measure('seed coverage', [path.join(SHARED, 'coverage')], seedQuestions, embedder));
  results.push(await measure('reuters-21578 (titles)', [reuters], questions, embedder));
  results.push(await measure('bbc-news (natural questions)', [bbc], natural, embedder));
}
process.stdout.write(`${JSON.stringify({ section: 'query', results })}\n`);
