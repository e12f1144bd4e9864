import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { minisearchBaseline } from '../../src/evaluate/baseline.js';
import { cacheKey, jsonlCorpus, openCorpus } from '../../src/evaluate/corpora.js';
import { summarize } from '../../src/evaluate/metrics.js';
import { itemsOf, loadQaSet } from '../../src/evaluate/qa-set.js';
import { coverageSystem, runSystem } from '../../src/evaluate/systems.js';
import { loadEmbedder } from '../../src/embed/transformers-embedder.js';
import { buildTinyModel } from '../helpers/tiny-model.js';

const FIXTURES = path.join(import.meta.dirname, 'fixtures');
const corpus = jsonlCorpus('tiny', path.join(FIXTURES, 'tiny-corpus.jsonl'), 'Example Times');
const set = loadQaSet(path.join(FIXTURES, 'tiny-qa.json'));
const root = mkdtempSync(path.join(os.tmpdir(), 'eval-harness-'));
const config = loadConfig({ EMBEDDING_MODEL: 'none', INDEX_DIR: path.join(root, 'unused') }, root);
const options = { config, embedder: null, cacheRoot: path.join(root, 'cache'), log: () => {} };
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('QA sets', () => {
  it('reads styles, categories and abstain kinds, and flattens them into items', () => {
    const items = itemsOf(set);
    expect(items.map((i) => i.style ?? i.kind)).toEqual(['article-words', 'factoid', 'keywords', 'near-miss', 'off-topic']);
    expect(items.filter((i) => i.expectAbstain).every((i) => i.gold.length === 0)).toBe(true);
  });
});

describe('a JSONL corpus through the harness', () => {
  it('indexes once under the cache key, then reuses it', async () => {
    const first = await openCorpus(corpus, options);
    expect(first.reused).toBe(false);
    expect((await first.coverage.sources()).map((s) => s.outlet)).toEqual(['Example Times', 'Example Times', 'Example Times']);
    await first.close();
    expect(existsSync(path.join(root, 'cache', `tiny-${cacheKey(corpus, null)}`, 'complete'))).toBe(true);
    const second = await openCorpus(corpus, options);
    expect(second.reused).toBe(true);
    await second.close();
    expect(cacheKey(corpus, 'some/model')).not.toBe(cacheKey(corpus, null));
  });

  it('scores the bot and the baseline on the same items, matching gold ids exactly', async () => {
    const opened = await openCorpus(corpus, options);
    try {
      const items = itemsOf(set);
      const bot = await runSystem(coverageSystem(opened.coverage, 'fulltext'), items);
      const baseline = minisearchBaseline(corpus.rawArticles());
      const base = await runSystem(baseline, items);
      expect(base.find((r) => r.id === 't02')!.rank).toBe(1);
      expect(base.every((r) => !r.abstained)).toBe(true);
      expect(summarize(base, baseline).abstention).toBeNull();
      expect(bot.find((r) => r.id === 't01')!.passageRank).toBe(1);
      expect(bot.find((r) => r.id === 't-o1')!.abstained).toBe(true);
    } finally {
      await opened.close();
    }
  });
});

describe('with an embedding model', () => {
  it('indexes vectors for hybrid search and lends the embedder without letting a corpus dispose it', async () => {
    const tiny = await buildTinyModel(path.join(root, 'models'));
    const embedder = await loadEmbedder({ model: tiny.modelId, modelsDir: tiny.modelsDir, allowRemote: false });
    try {
      const opened = await openCorpus(corpus, { ...options, embedder });
      expect(opened.reused).toBe(false);
      expect((await opened.coverage.stats()).embeddingModel).toBe(tiny.modelId);
      const rows = await runSystem(coverageSystem(opened.coverage, 'hybrid'), itemsOf(set));
      expect(rows.find((r) => r.id === 't01')!.rank).toBe(1);
      await opened.close();
      expect(await embedder.embedQuery('railway')).toHaveLength(tiny.dimensions);
    } finally {
      await embedder.dispose();
    }
  });
});
