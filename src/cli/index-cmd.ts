import cliProgress from 'cli-progress';
import { displayPath, indexName } from '../config.js';
import type { IndexReport } from '../domain.js';
import { loadConfiguredEmbedder } from '../embed/load.js';
import { runIndex } from '../indexer/run-index.js';
import { logToStderr, printJson, runCli } from './run-cli.js';

const USAGE = 'Usage: npm run index -- [folder or file ...] [--json]   (default: COVERAGE_DIR)';

await runCli(USAGE, { json: { type: 'boolean', default: false } }, async (args, config) => {
  const roots = args.positionals.length ? args.positionals : [displayPath(config.coverageDir)];
  const embedder = await loadConfiguredEmbedder(config, logToStderr);
  const bar = process.stderr.isTTY && !args.values.json
    ? new cliProgress.SingleBar({ format: 'Reading {bar} {value}/{total} files  {file}', hideCursor: true, stream: process.stderr }, cliProgress.Presets.shades_classic)
    : null;
  const started = performance.now();
  const report = await runIndex(config.indexDir, {
    databaseUrl: config.databaseUrl,
    roots,
    removeMissing: true,
    embedder,
    lockWaitSeconds: config.indexLockWaitSeconds,
    log: logToStderr,
    onProgress: (done, total, file) => {
      if (!bar) return;
      if (done === 0) bar.start(total, 0, { file });
      bar.update(done, { file: file.slice(-40) });
      if (done === total) bar.stop();
    },
  });
  await embedder?.dispose();
  if (args.values.json) printJson(report);
  else printSummary(report, (performance.now() - started) / 1000, indexName(config));
  const nothingIndexed = report.failed.length > 0 && report.added + report.updated + report.unchanged === 0;
  return nothingIndexed ? 1 : 0;
});

function printSummary(r: IndexReport, seconds: number, where: string): void {
  const lines = [
    `Index: ${where}`,
    `${r.documents} articles, ${r.passages} passages (${r.added} added, ${r.updated} updated, ${r.unchanged} unchanged, ${r.removed} removed) in ${seconds.toFixed(1)} s`,
    r.embedding ? `Vectors: ${r.embedding.model}` : 'Vectors: none (full-text search only)',
    ...r.duplicates.map((d) => `Duplicate: ${d.file} is a copy of ${d.duplicateOf}`),
    ...r.failed.map((f) => `Failed: ${f.file}: ${f.error}`),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}
