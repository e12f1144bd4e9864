/**
 * npm run eval [-- --qa FILE] [--json] [--verbose]
 * Builds a fresh index of COVERAGE_DIR in a temporary folder, answers every question of the QA file in
 * each search mode the index supports, and prints hit@1/3/5, MRR, abstention precision/recall and latency.
 */
import 'dotenv/config';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config.js';
import type { SearchMode } from '../src/domain.js';
import { loadConfiguredEmbedder } from '../src/embed/load.js';
import { correctRank, summarize, type EvalRow, type QaSet } from '../src/evaluate/metrics.js';
import { openCoverage } from '../src/open-coverage.js';

const { values } = parseArgs({
  options: {
    qa: { type: 'string', default: path.resolve('../shared/eval/dev-qa.json') },
    json: { type: 'boolean', default: false },
    verbose: { type: 'boolean', default: false },
  },
});
const qa = JSON.parse(readFileSync(values.qa!, 'utf8')) as QaSet;
const indexDir = mkdtempSync(path.join(os.tmpdir(), 'eval-index-'));
const config = { ...loadConfig(), indexDir };
const log = (line: string) => process.stderr.write(`${line}\n`);
const embedder = await loadConfiguredEmbedder(config, log);
const coverage = await openCoverage(config, { log, embedder });
const modes: SearchMode[] = embedder ? ['fulltext', 'vector', 'hybrid'] : ['fulltext'];

const results: Record<string, ReturnType<typeof summarize>> = {};
for (const mode of modes) {
  const rows: EvalRow[] = [];
  const items = [
    ...qa.questions.map((q) => ({ ...q, expectAbstain: false })),
    ...qa.abstain.map((q) => ({ ...q, gold: [], must_contain: [], expectAbstain: true })),
  ];
  for (const item of items) {
    const answer = await coverage.ask(item.q, { mode, k: 5 });
    const rank = item.expectAbstain ? null : correctRank(answer, item.gold, item.must_contain);
    rows.push({ id: item.id, rank, abstained: answer.abstained, expectAbstain: item.expectAbstain, ms: answer.timingMs.total });
    if (values.verbose) {
      log(`[${mode}] ${item.id} rank=${rank} abstained=${answer.abstained} :: ${item.q}`);
      for (const c of answer.citations) log(`    [${c.n}] ${path.basename(c.file)} ${c.score} ${c.quote.replace(/\s+/g, ' ').slice(0, 140)}`);
    }
  }
  results[mode] = summarize(rows);
}
await coverage.close();
rmSync(indexDir, { recursive: true, force: true });

if (values.json) process.stdout.write(`${JSON.stringify({ qa: values.qa, model: embedder?.info.id ?? null, results }, null, 2)}\n`);
else {
  process.stdout.write(`Eval on ${values.qa} (model: ${embedder?.info.id ?? 'none, full-text only'})\n`);
  process.stdout.write('mode       hit@1  hit@3  hit@5  MRR    abstain P/R   median/p95 ms\n');
  for (const [mode, r] of Object.entries(results)) {
    process.stdout.write(
      `${mode.padEnd(10)} ${r.hitAt1.toFixed(2)}   ${r.hitAt3.toFixed(2)}   ${r.hitAt5.toFixed(2)}   ${r.mrr.toFixed(2)}   ${String(r.abstentionPrecision ?? '-').padEnd(4)}/${String(r.abstentionRecall ?? '-').padEnd(6)}  ${r.latencyMs.median}/${r.latencyMs.p95}\n`,
    );
  }
}
