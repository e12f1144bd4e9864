import { describe, expect, it } from 'vitest';
import { fitRanker, rankingMrr, type RankingExample } from '../../src/answer/fit-ranker.js';

/**
 * Feature 0 says whether a sentence answers; feature 1 is a distractor that, under the prior, ranks
 * the wrong sentences first; feature 2 is constant noise.
 */
function examples(): RankingExample[] {
  const out: RankingExample[] = [];
  for (let q = 0; q < 12; q++) {
    const features: number[][] = [];
    const relevant: boolean[] = [];
    for (let s = 0; s < 5; s++) {
      const answers = s === q % 5;
      features.push([answers ? 1 : 0, answers ? 0.1 * (q % 3) : 0.5 + 0.1 * ((q + s) % 4), 1]);
      relevant.push(answers);
    }
    out.push({ features, relevant });
  }
  return out;
}

const PRIOR = [0.1, 1, 0.2];

describe('fitRanker', () => {
  it('raises the weight of the separating feature above its prior and improves MRR', () => {
    const data = examples();
    const before = rankingMrr(data, PRIOR);
    const weights = fitRanker(data, { prior: PRIOR });
    expect(weights).toHaveLength(PRIOR.length);
    expect(weights[0]!).toBeGreaterThan(PRIOR[0]!);
    expect(weights[1]!).toBeLessThan(PRIOR[1]!);
    const after = rankingMrr(data, weights);
    expect(before).toBeLessThan(0.5);
    expect(after).toBeGreaterThan(before);
    expect(after).toBe(1);
  });

  it('is deterministic: two runs give the same weights', () => {
    expect(fitRanker(examples(), { prior: PRIOR })).toEqual(fitRanker(examples(), { prior: PRIOR }));
  });

  it('does not move a feature that never differs between answering and other sentences', () => {
    const weights = fitRanker(examples(), { prior: PRIOR });
    expect(weights[2]!).toBeCloseTo(PRIOR[2]!, 10);
  });

  it('returns the prior when no question has both an answering and a non-answering sentence', () => {
    const data: RankingExample[] = [{ features: [[1, 0, 1], [0, 1, 1]], relevant: [false, false] }];
    expect(fitRanker(data, { prior: PRIOR })).toEqual(PRIOR);
    expect(fitRanker(data, { prior: PRIOR })).not.toBe(PRIOR);
  });
});

describe('rankingMrr', () => {
  it('is the mean reciprocal rank of the best answering sentence', () => {
    const data: RankingExample[] = [
      { features: [[3], [2], [1]], relevant: [true, false, false] }, // rank 1
      { features: [[3], [2], [1]], relevant: [false, false, true] }, // rank 3
    ];
    expect(rankingMrr(data, [1])).toBeCloseTo((1 + 1 / 3) / 2);
    expect(rankingMrr(data, [-1])).toBeCloseTo((1 / 3 + 1) / 2);
    expect(rankingMrr([], [1])).toBe(0);
  });
});
