/**
 * npm run bench (embedding part): passages per second through the real transformers.js embedder, one text per
 * call (batch 1, as `/ask` embeds a question) and 32 per call (as the indexer embeds passages).
 *
 *   tsx scripts/bench-embed.ts [--model ID|FOLDER] [--passages N] [--json]
 *
 * Prints a readable table on stderr (unless --json) and one JSON line on stdout, last.
 *
 * Passages are paragraphs of ../shared/corpora/bbc-news (falling back to a fixed sentence when it is missing).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_LOCAL_MODEL, loadConfig } from '../src/config.js';
import { loadEmbedder } from '../src/embed/transformers-embedder.js';

const { values: a } = parseArgs({
  options: { model: { type: 'string' }, passages: { type: 'string', default: '512' }, json: { type: 'boolean', default: false } },
});
const config = loadConfig();
const model = a.model ?? config.embeddingModel ?? DEFAULT_LOCAL_MODEL;
const n = Math.max(32, Number.parseInt(a.passages ?? '512', 10));

function passages(count: number): string[] {
  const file = path.resolve('../shared/corpora/bbc-news/bbc-news.jsonl');
  const out: string[] = [];
  if (existsSync(file)) {
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (!line) continue;
      const { text } = JSON.parse(line) as { text: string };
      for (const p of text.split(/\n+/)) if (p.length >= 200 && out.length < count) out.push(p.slice(0, 1200));
      if (out.length >= count) break;
    }
  }
  while (out.length < count) out.push(`Air defences shot down ${out.length} drones over the capital overnight, officials said.`);
  return out;
}

const texts = passages(n);
const t0 = performance.now();
const embedder = await loadEmbedder({ model, modelsDir: config.modelsDir, allowRemote: config.allowRemoteModels, batchSize: 32 }).catch(
  (err: unknown) => {
    console.log(JSON.stringify({ model, skipped: err instanceof Error ? err.message : String(err) }));
    process.exit(0);
  },
);
const loadMs = performance.now() - t0;
await embedder.embedPassages(texts.slice(0, 32));

const median = (xs: number[]) => xs.sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
const single = texts.slice(0, Math.min(n, 256));
const rates1: number[] = [];
const rates32: number[] = [];
const queryMs: number[] = [];
for (let rep = 0; rep < 3; rep++) {
  let t = performance.now();
  for (const text of single) await embedder.embedPassages([text]);
  rates1.push(single.length / ((performance.now() - t) / 1000));
  t = performance.now();
  await embedder.embedPassages(texts);
  rates32.push(texts.length / ((performance.now() - t) / 1000));
  t = performance.now();
  for (const q of single.slice(0, 100)) await embedder.embedQuery(q.slice(0, 80));
  queryMs.push((performance.now() - t) / Math.min(100, single.length));
}
await embedder.dispose();

const meanChars = Math.round(texts.reduce((s, x) => s + x.length, 0) / texts.length);
const result = {
  model,
  dimensions: embedder.info.dimensions,
  passages: texts.length,
  meanChars,
  loadMs: Math.round(loadMs),
  batch1PassagesPerSecond: Math.round(median(rates1)),
  batch32PassagesPerSecond: Math.round(median(rates32)),
  queryMs: Number(median(queryMs).toFixed(2)),
};
if (!a.json) {
  const out = (line: string) => process.stderr.write(`${line}\n`);
  out(`Embedding throughput: ${model} (${result.dimensions} dims, ${texts.length} passages of ~${meanChars} chars; medians of 3 runs)`);
  out('| measure              | value |');
  out('|----------------------|-------|');
  out(`| load                 | ${result.loadMs} ms |`);
  out(`| batch 1              | ${result.batch1PassagesPerSecond} passages/s |`);
  out(`| batch 32             | ${result.batch32PassagesPerSecond} passages/s |`);
  out(`| one query (80 chars) | ${result.queryMs} ms |`);
}
// Last line of stdout: the JSON record scripts/bench.ts collects.
console.log(JSON.stringify(result));
