import { appendFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runIndex, type IndexOptions } from '../../src/indexer/run-index.js';
import { tempDir } from '../helpers/coverage-index.js';
import { documentSets, sentence, writeArticle } from './synthetic-articles.js';

let root = '';
let coverage = '';
let indexDir = '';
const index = (options: Partial<IndexOptions> = {}) => runIndex(indexDir, { roots: [coverage], removeMissing: true, embedder: null, ...options });

beforeEach(() => {
  root = tempDir('run-report');
  coverage = path.join(root, 'coverage');
  indexDir = path.join(root, 'index');
  for (let i = 0; i < 6; i++) writeArticle(coverage, `article-${i}.md`, { title: `Article ${i}` }, [i * 10, i * 10 + 1, i * 10 + 2, i * 10 + 3]);
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('two runs started together', () => {
  it('the second plans after the first has committed, so it reports what it did: nothing added, all unchanged', async () => {
    const [first, second] = await Promise.all([index({ lockWaitSeconds: 30 }), index({ lockWaitSeconds: 30 })]);
    const [earlier, later] = first.added > 0 ? [first, second] : [second, first];
    expect(earlier).toMatchObject({ added: 6, unchanged: 0, documents: 6 });
    expect(later).toMatchObject({ added: 0, updated: 0, removed: 0, unchanged: 6, documents: 6 });
  });
});

describe('the time budget per file', () => {
  it('skips a file whose reading takes longer than the budget, names it, and goes on', async () => {
    const report = await index({ fileTimeBudgetSeconds: 0 });
    expect(report).toMatchObject({ added: 0, documents: 0 });
    expect(report.failed).toHaveLength(6);
    expect(report.failed[0]).toEqual({ file: path.join(coverage, 'article-0.md'), error: expect.stringMatching(/^took longer than 0 s to read/) });
  });

  it('keeps the indexed version of a changed file that took too long, and reads it again next time', async () => {
    await index();
    const file = path.join(coverage, 'article-1.md');
    const before = documentSets(indexDir);
    appendFileSync(file, `\n${sentence(99)}\n`);
    const slow = await index({ fileTimeBudgetSeconds: 0 });
    expect(slow).toMatchObject({ updated: 0, documents: 6, failed: [{ file, error: expect.stringMatching(/took longer than 0 s/) }] });
    expect(documentSets(indexDir)).toEqual(before);
    expect(await index()).toMatchObject({ updated: 1, unchanged: 5, failed: [] });
  });

  it('defaults to 10 s, which ordinary files never reach', async () => {
    expect(await index()).toMatchObject({ added: 6, failed: [] });
  });
});
