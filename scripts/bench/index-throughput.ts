/** Indexing throughput on Reuters-21578 without embeddings: fresh builds and no-change re-runs. */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runIndex } from '../../src/indexer/run-index.js';
import { reutersFolder } from './corpus.js';
import { median, round, time } from './stats.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const folder = await reutersFolder();
const builds: { seconds: number; documents: number; passages: number }[] = [];
const reruns: number[] = [];
for (let i = 0; i < RUNS; i++) {
  const indexDir = mkdtempSync(path.join(os.tmpdir(), 'bench-index-'));
  const build = await time(() => runIndex(indexDir, { roots: [folder], removeMissing: true, embedder: null }));
  builds.push({ seconds: build.ms / 1000, documents: build.value.documents, passages: build.value.passages });
  reruns.push((await time(() => runIndex(indexDir, { roots: [folder], removeMissing: true, embedder: null }))).ms / 1000);
  rmSync(indexDir, { recursive: true, force: true });
}
const files = 19_043;
process.stdout.write(
  `${JSON.stringify({
    section: 'index',
    corpus: 'reuters-21578 (19,043 files)',
    runs: RUNS,
    documents: builds[0]!.documents,
    passages: builds[0]!.passages,
    buildSecondsMedian: round(median(builds.map((b) => b.seconds)), 2),
    filesPerSecondMedian: round(median(builds.map((b) => files / b.seconds)), 0),
    passagesPerSecondMedian: round(median(builds.map((b) => b.passages / b.seconds)), 0),
    noChangeRerunSecondsMedian: round(median(reruns), 2),
    peakRssMb: round(process.resourceUsage().maxRSS / 1024, 0),
  })}\n`,
);
