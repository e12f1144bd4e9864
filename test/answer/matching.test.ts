import { describe, expect, it } from 'vitest';
import { share, unionCredits, wordCredits, type MatchQuery, type StemText } from '../../src/answer/matching.js';
import type { Expansion } from '../../src/search/expand.js';

function textOf(stems: string): StemText {
  const sequence = stems.split(' ');
  return { set: new Set(sequence), sequence };
}

function expansion(covers: number[], stems: string[], factor: number): Expansion {
  return { covers, words: stems, stems, factor, relation: 'synonym' };
}

describe('wordCredits', () => {
  it('gives 1 for each of the question’s own stems the text holds and 0 for the rest', () => {
    const query: MatchQuery = { stems: ['ferry', 'cancel', 'storm'], weights: [1, 1, 1], expansions: [], roles: [], specific: [] };
    expect(wordCredits(textOf('the ferry wa cancel yesterday'), query)).toEqual([1, 1, 0]);
  });

  it('gives the expansion’s factor when the text says the word another way', () => {
    const query: MatchQuery = { stems: ['jobless', 'docker'], weights: [1, 1], expansions: [expansion([0], ['unemploy'], 0.6)], roles: [], specific: [] };
    expect(wordCredits(textOf('unemploy docker march'), query)).toEqual([0.6, 1]);
  });

  it('keeps the full credit of an own word over any expansion, and the best of several expansions', () => {
    const query: MatchQuery = {
      stems: ['jobless'],
      weights: [1],
      expansions: [expansion([0], ['idle'], 0.8), expansion([0], ['unemploy'], 0.6)],
      roles: [],
      specific: [],
    };
    expect(wordCredits(textOf('jobless idle'), query)).toEqual([1]);
    expect(wordCredits(textOf('unemploy and idle'), query)).toEqual([0.8]);
    expect(wordCredits(textOf('unemploy only'), query)).toEqual([0.6]);
  });

  it('credits a multi-word expansion only when its words come as a contiguous run', () => {
    const query: MatchQuery = { stems: ['wire', 'servic', 'fire'], weights: [1, 1, 1], expansions: [expansion([0, 1], ['new', 'agency'], 0.8)], roles: [], specific: [] };
    expect(wordCredits(textOf('a new agency report on the fire'), query)).toEqual([0.8, 0.8, 1]);
    expect(wordCredits(textOf('the agency gave new figure on the fire'), query)).toEqual([0, 0, 1]);
    expect(wordCredits(textOf('agency new fire'), query)).toEqual([0, 0, 1]);
  });

  it('raises only the words an expansion covers', () => {
    const query: MatchQuery = { stems: ['wire', 'servic', 'fire'], weights: [1, 1, 1], expansions: [expansion([0, 1], ['new', 'agency'], 0.8)], roles: [], specific: [] };
    expect(wordCredits(textOf('wire new agency'), query)).toEqual([1, 0.8, 0]);
  });
});

describe('share', () => {
  it('is the weighted share of the credits', () => {
    expect(share([1, 0, 0.5], [2, 1, 1])).toBeCloseTo(2.5 / 4);
    expect(share([1, 1], [3, 1])).toBe(1);
    expect(share([0, 0], [3, 1])).toBe(0);
  });

  it('lets a heavy word count for more than a light one', () => {
    expect(share([1, 0], [3, 1])).toBeGreaterThan(share([0, 1], [3, 1]));
  });

  it('is 0 when there is no weight at all', () => {
    expect(share([], [])).toBe(0);
    expect(share([1, 1], [0, 0])).toBe(0);
  });
});

describe('unionCredits', () => {
  it('takes each word’s best credit over the texts', () => {
    expect(unionCredits([[1, 0, 0.6], [0, 0.8, 0.5]])).toEqual([1, 0.8, 0.6]);
    expect(unionCredits([])).toEqual([]);
  });
});
