import { rmSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { VectorIndex } from '../../src/store/sqlite/vectors.js';
import { tempDir } from '../helpers/coverage-index.js';

function randomUnit(dimensions: number, seed: number): Float32Array {
  let s = seed;
  const v = Float32Array.from({ length: dimensions }, () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) - 0.5);
  const n = Math.hypot(...v);
  return v.map((x) => x / n);
}

describe('VectorIndex', () => {
  it('release() frees the graph at once and leaves an empty index that is still safe to search', () => {
    const index = VectorIndex.create(16);
    for (let i = 0; i < 200; i++) index.add(i, randomUnit(16, i + 1));
    index.release();
    expect(index.size).toBe(0);
    expect(index.search(randomUnit(16, 3), 5)).toEqual([]);
    expect(index.exactSearch(randomUnit(16, 3), 5, [1, 2, 3])).toEqual([]);
    expect(index.vector(1)).toBeNull();
  });

  it('grows past its initial capacity without losing any vector', () => {
    const index = VectorIndex.create(16, 16);
    for (let i = 0; i < 500; i++) index.add(i, randomUnit(16, i + 1));
    expect(index.size).toBe(500);
    for (const label of [0, 15, 16, 250, 499]) {
      expect(index.search(randomUnit(16, label + 1), 1)[0]).toMatchObject({ label });
    }
  });

  it('saves under a new name and loads back the same neighbours', () => {
    const dir = tempDir('vectors');
    const index = VectorIndex.create(8);
    for (let i = 0; i < 50; i++) index.add(i, randomUnit(8, i + 7));
    const name = index.saveNew(dir);
    const loaded = VectorIndex.load(path.join(dir, name), 8);
    expect(loaded.search(randomUnit(8, 20 + 7), 3).map((h) => h.label)).toEqual(index.search(randomUnit(8, 20 + 7), 3).map((h) => h.label));
    rmSync(dir, { recursive: true, force: true });
  });

  it('exact search over a subset returns only allowed labels, best first', () => {
    const index = VectorIndex.create(8);
    for (let i = 0; i < 100; i++) index.add(i, randomUnit(8, i + 3));
    const hits = index.exactSearch(randomUnit(8, 42 + 3), 5, [40, 41, 42, 43]);
    expect(hits[0]).toMatchObject({ label: 42 });
    expect(hits[0]!.similarity).toBeCloseTo(1, 5);
    expect(hits.every((h) => [40, 41, 42, 43].includes(h.label))).toBe(true);
  });

  it('skips removed labels in search', () => {
    const index = VectorIndex.create(8);
    for (let i = 0; i < 20; i++) index.add(i, randomUnit(8, i + 9));
    index.remove(5);
    expect(index.search(randomUnit(8, 5 + 9), 20).map((h) => h.label)).not.toContain(5);
  });
});
