import { describe, expect, it } from 'vitest';
import { retrofit } from '../../src/model/retrofit.js';
import { readSynsets, relationGraph } from '../../src/model/wordnet.js';

describe('WordNet', () => {
  const synsets = readSynsets();
  it('reads every synset with lemmas, pointers and gloss', () => {
    expect(synsets.length).toBeGreaterThan(110_000);
    const s = synsets.find((x) => x.lemmas.includes('jobless'))!;
    expect(s.lemmas).toContain('out of work');
    expect(s.gloss).toMatch(/^not having a job/);
  });

  it('relates synonyms, similar adjectives and derived words, both ways', () => {
    const g = relationGraph(synsets);
    expect(g.get('jobless')?.get('out of work')).toBe(1);
    expect(g.get('jobless')?.has('unemployed')).toBe(true);
    expect(g.get('unemployed')?.has('jobless')).toBe(true);
    expect(g.get('warplane')?.get('military plane')).toBe(1);
    expect(g.get('employ')?.has('employment')).toBe(true);
    expect(g.get('employment')?.has('employ')).toBe(true);
  });
});

describe('retrofit', () => {
  it('pulls related words together and leaves the rest alone; phrases count as the mean of their words', () => {
    const words = ['car', 'auto', 'banana', 'motor', 'vehicle'];
    const v = Float32Array.from([1, 0, 0, 0, 1, 0, 0, 0, 1, 0.6, 0.8, 0, 0.8, 0.6, 0]);
    const graph = new Map([
      ['car', new Map([['auto', 1], ['motor vehicle', 1]])],
      ['auto', new Map([['car', 1]])],
    ]);
    const moved = retrofit(words, v, 3, { graph, iterations: 10 });
    expect(moved).toBe(2);
    const cos = (i: number, j: number) => v[i * 3]! * v[j * 3]! + v[i * 3 + 1]! * v[j * 3 + 1]! + v[i * 3 + 2]! * v[j * 3 + 2]!;
    expect(cos(0, 1) / Math.sqrt(cos(0, 0) * cos(1, 1))).toBeGreaterThan(0.8);
    expect(Array.from(v.slice(6, 9))).toEqual([0, 0, 1]);
  });
});
