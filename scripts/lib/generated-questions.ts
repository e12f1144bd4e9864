import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config.js';
import type { CoverageService } from '../../src/coverage.js';
import { loadConfiguredEmbedder } from '../../src/embed/load.js';
import type { Embedder } from '../../src/embed/embedder.js';
import { writeCorpusAsMarkdown } from '../../src/evaluate/corpus-files.js';
import { questionFromSentence, type GeneratedQuestion, type Random } from '../../src/evaluate/generate-questions.js';
import { openCoverage } from '../../src/open-coverage.js';
import { splitSentences } from '../../src/text/sentences.js';
import { openWordNet } from '../../src/wordnet/wordnet.js';
import { REUTERS_JSONL } from '../bench/corpus.js';

/** The first `articles` Reuters-21578 wires, indexed in a temporary folder with the configured model. */
export interface ReutersIndex {
  coverage: CoverageService;
  embedder: Embedder | null;
  /** A question generated from a random sentence of a random indexed article (null when that sentence gives none). */
  question(random: Random): GeneratedQuestion | null;
  close(): Promise<void>;
}

export async function openReutersIndex(articles: number, log: (line: string) => void): Promise<ReutersIndex> {
  const work = mkdtempSync(path.join(os.tmpdir(), 'generated-questions-'));
  const count = await writeCorpusAsMarkdown(REUTERS_JSONL, path.join(work, 'articles'), articles);
  const config = { ...loadConfig({ ...process.env, COVERAGE_DIR: path.join(work, 'articles'), INDEX_DIR: path.join(work, 'index') }) };
  const embedder = await loadConfiguredEmbedder(config, log);
  const coverage = await openCoverage(config, { embedder, log });
  const wordnet = openWordNet();
  const records = readFileSync(REUTERS_JSONL, 'utf8').split('\n').filter(Boolean).slice(0, count).map((l) => JSON.parse(l) as { title?: string; text: string });
  return {
    coverage,
    embedder,
    question(random) {
      const { text, title = '' } = records[Math.floor(random() * records.length)]!;
      const sentences = splitSentences(text).map((s) => text.slice(s.start, s.end));
      const at = Math.floor(random() * sentences.length);
      return questionFromSentence(sentences[at] ?? '', { title, previous: sentences[at - 1] ?? '' }, wordnet, random);
    },
    async close() {
      await coverage.close();
      rmSync(work, { recursive: true, force: true });
    },
  };
}
