import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { citationLine } from '../../src/answer/citation-line.js';
import type { CoverageService } from '../../src/coverage.js';
import { openCoverage } from '../../src/open-coverage.js';
import { seedConfig } from '../helpers/coverage-index.js';

let env: ReturnType<typeof seedConfig>;
let coverage: CoverageService;

beforeAll(async () => {
  env = seedConfig();
  coverage = await openCoverage(env.config, { embedder: null });
});
afterAll(async () => {
  await coverage.close();
  env.cleanup();
});

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
