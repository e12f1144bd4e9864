import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { citationLine } from '../../src/answer/citation-line.js';
import type { CoverageService } from '../../src/coverage.js';
import { loadConfig } from '../../src/config.js';
import type { Embedder } from '../../src/embed/embedder.js';
import { openCoverage } from '../../src/open-coverage.js';
import { openTestCoverage, tempDir, type TestCoverage } from '../helpers/coverage-index.js';

let fixture: TestCoverage;
let coverage: CoverageService;

beforeAll(async () => {
  fixture = await openTestCoverage();
  coverage = fixture.coverage;
});
afterAll(() => fixture?.close());

describe('cite', () => {
  it('finds the exact source of a quote whatever its case, quote marks and spacing', async () => {
    const quote = '"nato will SUPPORT ukraine,   and we are now increasing our support"';
    const result = await coverage.cite(quote);
    expect(result.matches[0]).toMatchObject({ exact: true, title: expect.stringMatching(/^Poland’s proposal/) });
    expect(path.basename(result.matches[0]!.file)).toMatch(/^003_/);
  });

  it('lists another outlet’s wording of the same statement as a close variant, after exact matches', async () => {
    const result = await coverage.cite('I want to try this tool so that NATO countries can discuss with Ukraine the possibility of such a small coalition');
    expect(result.matches[0]!.exact).toBe(true);
    expect(path.basename(result.matches[0]!.file)).toMatch(/^000_/);
    const variant = result.matches.find((m) => path.basename(m.file).startsWith('001_'));
    expect(variant).toMatchObject({ exact: false });
    expect(variant!.passage).toMatch(/I'd want to use this instrument/);
  });

  it('gives a ready-to-paste citation line with the parts that are known', async () => {
    const result = await coverage.cite('stands in front of the first General Dynamics F-16');
    expect(result.matches[0]!.citation).toBe(
      'Kateryna Denisova, "Ukraine wants to create coalition to shoot down Russian missiles, Zelensky says", Kyiv Independent, 5 August 2024',
    );
    expect(citationLine({ author: null, title: null, outlet: null, published: null, url: null, file: 'x.txt' })).toBe('x.txt');
  });

  it('returns no match for words the coverage never printed', async () => {
    expect((await coverage.cite('The quarterly cocoa harvest exceeded every forecast')).matches).toEqual([]);
  });
});

/** Every text gets the same vector, so every passage looks semantically identical to every quote. */
const sameVectorEverywhere: Embedder = {
  info: { id: 'test/same-vector', dimensions: 4, pooling: 'mean', queryPrefix: '' },
  embedPassages: async (texts) => texts.map(() => Float32Array.from([1, 0, 0, 0])),
  embedQuery: async () => Float32Array.from([1, 0, 0, 0]),
  dispose: async () => {},
};

describe('cite close wording on synthetic coverage', () => {
  let root: string;
  let synthetic: CoverageService;
  beforeAll(async () => {
    root = tempDir('cite-synthetic');
    const dir = path.join(root, 'coverage');
    mkdirSync(dir);
    const article = (title: string, body: string) => `---\ntitle: ${title}\ndate: 2031-03-02\n---\n\n${body}\n`;
    writeFileSync(path.join(dir, 'a.md'), article('Plumvale gardens', 'The gardeners of Plumvale planted near the old mill this spring. They expect a large harvest of quinces by autumn.'));
    writeFileSync(path.join(dir, 'b.md'), article('Tidewick ferry', 'The Tidewick ferry moored near the northern pier for repairs. The crew said the hull needed new planks.'));
    writeFileSync(path.join(dir, 'c.md'), article('Brambleton fair', 'Visitors gathered near the stalls at the Brambleton fair. The judges praised the prize pumpkins.'));
    const config = loadConfig({ COVERAGE_DIR: dir, INDEX_DIR: path.join(root, 'index'), EMBEDDING_MODEL: 'none' }, root);
    synthetic = await openCoverage(config, { embedder: sameVectorEverywhere });
  });
  afterAll(async () => {
    await synthetic.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('does not call passages sharing one content word a close wording of a one-word quote', async () => {
    const result = await synthetic.cite('"NEAR("');
    expect(result.matches.filter((m) => !m.exact)).toEqual([]);
  });

  it('still finds a one-word quote where it is printed exactly', async () => {
    const result = await synthetic.cite('quinces');
    expect(result.matches).toHaveLength(1);
    expect(result.matches[0]).toMatchObject({ exact: true, title: 'Plumvale gardens' });
  });

  it('scores a close wording by the share of the quote words found, whatever the vector similarity', async () => {
    // "ferry" and "pier" are printed, "zeppelin" and "lantern" are not: half the words, not 0.99.
    const result = await synthetic.cite('ferry zeppelin pier lantern');
    const close = result.matches.filter((m) => !m.exact);
    expect(close.map((m) => m.title)).toEqual(['Tidewick ferry']);
    expect(close[0]!.score).toBe(0.5);
  });

  it('needs the overlap threshold even when the vectors say everything is similar', async () => {
    const result = await synthetic.cite('ferry zeppelin lantern walrus');
    expect(result.matches).toEqual([]);
  });

  it('speaks of a quote, not a question, when refusing one', async () => {
    await expect(synthetic.cite('"  "')).rejects.toThrow(/quote is empty/);
    await expect(synthetic.cite('word '.repeat(300))).rejects.toThrow(/^The quote is 1499 characters long; the limit is 1000\.$/);
  });
});
