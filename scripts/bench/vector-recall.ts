/**
 * HNSW quality and cost on Reuters-21578 passages embedded with the configured (or built) model:
 * recall@10 against exact search at several ef values, search time, index size on disk and in memory.
 */
import 'dotenv/config';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config.js';
import { loadConfiguredEmbedder } from '../../src/embed/load.js';
import { runIndex } from '../../src/indexer/run-index.js';
import { openSqliteReader } from '../../src/store/sqlite/reader.js';
import { VectorIndex } from '../../src/store/sqlite/vectors.js';
import { reutersFolder, titleQuestions } from './corpus.js';
import { median, round, time } from './stats.js';

const embedder = await loadConfiguredEmbedder(loadConfig(), (line) => process.stderr.write(`${line}\n`));
if (!embedder) {
  process.stdout.write(`${JSON.stringify({ section: 'vectors', skipped: 'no embedding model (run npm run build-model)' })}\n`);
  process.exit(0);
}
const indexDir = mkdtempSync(path.join(os.tmpdir(), 'bench-vectors-'));
const reuters = await reutersFolder();
const build = await time(() => runIndex(indexDir, { roots: [reuters], removeMissing: true, embedder }));
const reader = await openSqliteReader(indexDir);
const file = path.join(indexDir, (await reader.manifest()).vectorsFile!);
await reader.close();

const rssBefore = process.memoryUsage().rss;
const index = VectorIndex.load(file, embedder.info.dimensions);
const rssAfter = process.memoryUsage().rss;
const labels = index.labels();
const dims = embedder.info.dimensions;
const matrix = new Float32Array(labels.length * dims);
labels.forEach((label, i) => matrix.set(index.vector(label)!, i * dims));

function exactTop(query: Float32Array, k: number): number[] {
  const scores = new Float32Array(labels.length);
  for (let i = 0; i < labels.length; i++) {
    let dot = 0;
    for (let d = 0; d < dims; d++) dot += matrix[i * dims + d]! * query[d]!;
    scores[i] = dot;
  }
  return [...scores.keys()].sort((a, b) => scores[b]! - scores[a]!).slice(0, k).map((i) => labels[i]!);
}

const queries = await Promise.all((await titleQuestions(200)).map((q) => embedder.embedQuery(q)));
const truth = queries.map((q) => new Set(exactTop(q, 10)));
const byEf = [];
for (const ef of [10, 50, 100, 200, 400, 800]) {
  index.setEf(ef);
  const times: number[] = [];
  let found = 0;
  queries.forEach((q, i) => {
    const start = performance.now();
    const hits = index.search(q, 10);
    times.push(performance.now() - start);
    found += hits.filter((h) => truth[i]!.has(h.label)).length;
  });
  byEf.push({ ef, recallAt10: round(found / (queries.length * 10), 3), searchMsMedian: round(median(times), 3) });
}
const diskBytes = readdirSync(indexDir).reduce((sum, f) => sum + statSync(path.join(indexDir, f)).size, 0);
process.stdout.write(
  `${JSON.stringify({
    section: 'vectors',
    model: embedder.info.id,
    dimensions: dims,
    passages: labels.length,
    buildWithVectorsSeconds: round(build.ms / 1000, 1),
    passagesPerSecondWithVectors: round(build.value.passages / (build.ms / 1000), 0),
    recall: byEf,
    vectorFileMb: round(statSync(file).size / 2 ** 20, 1),
    indexOnDiskMb: round(diskBytes / 2 ** 20, 1),
    vectorIndexInMemoryMb: round((rssAfter - rssBefore) / 2 ** 20, 1),
  })}\n`,
);
rmSync(indexDir, { recursive: true, force: true });
