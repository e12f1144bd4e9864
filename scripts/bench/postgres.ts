/**
 * SQLite and Postgres (pgvector) side by side on Reuters-21578, with the configured embedding model:
 *  - build time of a full `runIndex` into each (SQLite in a temp INDEX_DIR, Postgres on a throwaway cluster);
 *  - full-text search and whole `ask` median/p95 over the same title questions, after a warm-up, each back end
 *    in its own child process (postgres-ask-child.ts), so the bot-side peak RSS is that back end's own;
 *  - vector recall@10 of each back end's nearestPassages (HNSW) against exact search: brute-force cosine over
 *    every stored passage vector (SQLite's vector file; the same passage texts and model give Postgres the same
 *    vectors), passages matched across back ends by (document, start, end);
 *  - Postgres ask median / SQLite ask median, against the target of at most 2×.
 * Skipped (one JSON line saying why) when the Postgres 15 binaries are not installed.
 *
 * Environment (optional): BENCH_PG_ARTICLES (default 8,000 of the 19,043 files), BENCH_QUESTIONS (200), BENCH_WARMUP (20).
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config.js';
import { loadConfiguredEmbedder } from '../../src/embed/load.js';
import type { Embedder } from '../../src/embed/embedder.js';
import { runIndex } from '../../src/indexer/run-index.js';
import type { IndexReader } from '../../src/store/index-store.js';
import { openIndexReader } from '../../src/store/open-store.js';
import { openSqliteReader } from '../../src/store/sqlite/reader.js';
import { VectorIndex } from '../../src/store/sqlite/vectors.js';
import { postgresUnavailableReason, startPostgres, type PostgresCluster } from '../../test/helpers/postgres.js';
import { readJsonl, REUTERS_JSONL, reutersFolder, titleQuestions } from './corpus.js';
import { median, round, time } from './stats.js';

const SECTION = 'postgres';
const REUTERS_FILES = 19_043;
/**
 * A subset by default: on this 2-core machine a Postgres build of all of Reuters takes about 4–5 minutes
 * (SQLite's about 70 s), too long for one bench section. BENCH_PG_ARTICLES=19043 runs the whole corpus.
 */
const ARTICLES = Math.min(REUTERS_FILES, Number(process.env.BENCH_PG_ARTICLES ?? 8_000));
/** Where titleQuestions' fixed slice of the corpus file starts (corpus.ts). */
const QUESTION_SLICE_START = 5_000;
const QUESTIONS = Number(process.env.BENCH_QUESTIONS ?? 200);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 20);
const K = 10;
/** A hit as similar as the k-th exact one (a tie, e.g. a repeated passage text) counts as found. */
const TIE_TOLERANCE = 1e-5;
const CHILD = path.resolve(import.meta.dirname, 'postgres-ask-child.ts');
const CHILD_TIMEOUT_MS = 5 * 60_000;
const log = (line: string) => process.stderr.write(`postgres bench: ${line}\n`);
const print = (value: object) => process.stdout.write(`${JSON.stringify({ section: SECTION, ...value })}\n`);

const unavailable = postgresUnavailableReason();
if (unavailable) {
  print({ skipped: unavailable });
  process.exit(0);
}

const root = mkdtempSync(path.join(os.tmpdir(), 'bench-postgres-'));
let cluster: PostgresCluster | null = null;
let cleaned = false;
async function cleanUp(): Promise<void> {
  if (cleaned) return;
  cleaned = true;
  await cluster?.stop().catch((error: Error) => log(`stopping the cluster failed: ${error.message}`));
  rmSync(root, { recursive: true, force: true });
}
// An interrupted run still stops the cluster (startPostgres's exit hook) and removes the temp folder.
process.once('exit', () => rmSync(root, { recursive: true, force: true }));
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));

/**
 * The corpus, or ARTICLES of its files copied into the temp folder: the articles the questions are titles of
 * (titleQuestions' fixed slice), then the others in the corpus file's order.
 */
async function corpus(): Promise<string> {
  const full = await reutersFolder();
  if (ARTICLES >= REUTERS_FILES) return full;
  const dir = path.join(root, 'reuters');
  mkdirSync(dir);
  const records = await readJsonl<{ id: string }>(REUTERS_JSONL);
  const questioned = records.slice(QUESTION_SLICE_START, QUESTION_SLICE_START + QUESTIONS + WARMUP);
  const ids = [...new Set([...questioned, ...records].map((r) => r.id))];
  let copied = 0;
  for (const id of ids) {
    if (copied >= ARTICLES) break;
    const file = path.join(full, `${id}.md`);
    if (!existsSync(file)) continue;
    copyFileSync(file, path.join(dir, `${id}.md`));
    copied++;
  }
  return dir;
}

interface ChildResult {
  backend: string;
  askMs: { median: number; p95: number };
  answerSignature?: string;
  [key: string]: unknown;
}

/** The ask loop in a child process, for one back end. */
function askInChild(env: Record<string, string>): ChildResult {
  const run = spawnSync(process.execPath, ['--import', 'tsx', CHILD], {
    encoding: 'utf8',
    env: { ...process.env, BENCH_QUESTIONS: String(QUESTIONS), BENCH_WARMUP: String(WARMUP), ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
    timeout: CHILD_TIMEOUT_MS,
    maxBuffer: 16 << 20,
  });
  const last = run.stdout.trim().split('\n').pop() ?? '';
  try {
    return JSON.parse(last) as ChildResult;
  } catch {
    throw new Error(`the ask child exited ${run.status ?? run.signal}: ${run.stdout.slice(-1000)}`);
  }
}

/** Exact top-k by brute-force cosine over SQLite's stored vectors, as (document, start, end) keys with scores. */
async function exactSearch(indexDir: string, embedder: Embedder, queries: Float32Array[]) {
  const reader = await openSqliteReader(indexDir);
  try {
    const file = path.join(indexDir, (await reader.manifest()).vectorsFile!);
    const index = VectorIndex.load(file, embedder.info.dimensions);
    const labels = index.labels();
    const dims = embedder.info.dimensions;
    const matrix = new Float32Array(labels.length * dims);
    labels.forEach((label, i) => matrix.set(index.vector(label)!, i * dims));
    index.release();
    const scores = new Float32Array(labels.length);
    const truth = [];
    for (const query of queries) {
      for (let i = 0; i < labels.length; i++) {
        let dot = 0;
        for (let d = 0; d < dims; d++) dot += matrix[i * dims + d]! * query[d]!;
        scores[i] = dot;
      }
      const top = [...scores.keys()].sort((a, b) => scores[b]! - scores[a]!).slice(0, K);
      const keys = new Set<string>();
      for (const i of top) {
        const passage = (await reader.passage(labels[i]!))!;
        keys.add(`${passage.documentId}:${passage.start}:${passage.end}`);
      }
      truth.push({ keys, kth: scores[top[top.length - 1]!]! });
    }
    return { vectors: labels.length, truth };
  } finally {
    await reader.close();
  }
}

/** recall@K of the back end's nearestPassages (its HNSW index) against the exact top K, with search time. */
async function recall(reader: IndexReader, queries: Float32Array[], truth: { keys: Set<string>; kth: number }[]) {
  let strict = 0;
  let withTies = 0;
  const times: number[] = [];
  for (const [i, query] of queries.entries()) {
    const start = performance.now();
    const hits = await reader.nearestPassages(query, {}, K);
    times.push(performance.now() - start);
    for (const hit of hits) {
      const found = truth[i]!.keys.has(`${hit.documentId}:${hit.start}:${hit.end}`);
      if (found) strict++;
      if (found || hit.similarity >= truth[i]!.kth - TIE_TOLERANCE) withTies++;
    }
  }
  const total = queries.length * K;
  return { recallAt10: round(withTies / total, 3), recallAt10Strict: round(strict / total, 3), searchMsMedian: round(median(times), 2) };
}

try {
  const folder = await corpus();
  const embedder = await loadConfiguredEmbedder(loadConfig(), log);
  log('starting a throwaway Postgres cluster …');
  cluster = await startPostgres();
  if (!cluster) throw new Error('startPostgres() returned null although the binaries were found');
  if (!cluster.hasVector) log('this server has no pgvector: Postgres is built and searched without vectors');
  const sqliteDir = path.join(root, 'sqlite-index');
  mkdirSync(sqliteDir);

  log(`building SQLite from ${ARTICLES} Reuters files …`);
  const sqliteBuild = await time(() => runIndex(sqliteDir, { roots: [folder], removeMissing: true, embedder }));
  log(`… ${round(sqliteBuild.ms / 1000)} s; building Postgres …`);
  const postgresBuild = await time(() => runIndex(path.join(root, 'unused'), { databaseUrl: cluster!.url, roots: [folder], removeMissing: true, embedder, log }));
  log(`… ${round(postgresBuild.ms / 1000)} s; asking ${QUESTIONS} questions of SQLite …`);

  const sqliteAsk = askInChild({ BENCH_INDEX_DIR: sqliteDir });
  log('… asking them of Postgres …');
  const postgresAsk = askInChild({ BENCH_INDEX_DIR: path.join(root, 'unused'), BENCH_DATABASE_URL: cluster.url });
  const a = sqliteAsk.answerSignature ?? '';
  const b = postgresAsk.answerSignature ?? '';
  const sameAnswerShape = [...a].filter((c, i) => b[i] === c).length;
  delete sqliteAsk.answerSignature;
  delete postgresAsk.answerSignature;

  let vectors: object | null = null;
  if (embedder) {
    log('recall@10 against exact search …');
    const queries = await Promise.all((await titleQuestions(QUESTIONS)).map((q) => embedder.embedQuery(q)));
    const exact = await exactSearch(sqliteDir, embedder, queries);
    const sqliteReader = await openIndexReader({ indexDir: sqliteDir, databaseUrl: null });
    const postgresReader = await openIndexReader({ indexDir: path.join(root, 'unused'), databaseUrl: cluster.url });
    try {
      vectors = {
        model: embedder.info.id,
        dimensions: embedder.info.dimensions,
        storedVectors: exact.vectors,
        queries: queries.length,
        exact: 'brute-force cosine over every stored vector; a hit tied with the 10th exact score counts as found (recallAt10Strict: by passage only)',
        sqliteHnsw: await recall(sqliteReader, queries, exact.truth),
        postgresHnsw: cluster.hasVector ? await recall(postgresReader, queries, exact.truth) : 'no pgvector',
      };
    } finally {
      await sqliteReader.close();
      await postgresReader.close();
    }
    await embedder.dispose();
  }

  const ratio = postgresAsk.askMs.median / sqliteAsk.askMs.median;
  print({
    corpus: `reuters-21578 (${ARTICLES === REUTERS_FILES ? 'all ' : ''}${ARTICLES.toLocaleString('en')} of ${REUTERS_FILES.toLocaleString('en')} files)`,
    embeddingModel: embedder?.info.id ?? null,
    documents: sqliteBuild.value.documents,
    passages: sqliteBuild.value.passages,
    buildSeconds: {
      runs: 1,
      sqlite: round(sqliteBuild.ms / 1000, 1),
      postgres: round(postgresBuild.ms / 1000, 1),
      postgresDocuments: postgresBuild.value.documents,
      postgresPassages: postgresBuild.value.passages,
    },
    ask: {
      questions: QUESTIONS,
      warmup: WARMUP,
      sqlite: sqliteAsk,
      postgres: postgresAsk,
      sameAbstentionAndCitationCount: `${sameAnswerShape}/${Math.min(a.length, b.length)}`,
    },
    vectors,
    askMedianRatioPostgresOverSqlite: round(ratio, 2),
    fulltextMedianRatioPostgresOverSqlite: round(
      (postgresAsk.fulltextSearchMs as { median: number }).median / (sqliteAsk.fulltextSearchMs as { median: number }).median,
      2,
    ),
    target: 'Postgres ask median within 2× of SQLite’s',
    withinTarget: ratio <= 2,
    note: 'peakRssMb is the bot-side Node process only (the ask child); the Postgres server’s memory is not included',
  });
} catch (error) {
  print({ error: (error as Error).message });
  process.exitCode = 1;
} finally {
  await cleanUp();
}
