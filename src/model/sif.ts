import type { EmbeddingTable } from './onnx-writer.js';

/**
 * Smooth inverse frequency weighting and common-component removal (Arora et al. 2017, "A simple but
 * tough-to-beat baseline for sentence embeddings"), baked into a token table: mean pooling of weighted rows is
 * the SIF sentence vector, and removing a direction from every row removes it from every mean.
 */

/** a / (a + p(w)); tokens never counted get `unseenWeight` (rare → informative, but unvouched for). */
export function sifWeights(
  vocab: readonly string[],
  counts: ReadonlyMap<string, number>,
  opts: { a?: number; totalTokens: number; unseenWeight?: number },
): Float32Array {
  const a = opts.a ?? 1e-3;
  const w = new Float32Array(vocab.length);
  vocab.forEach((t, i) => {
    const c = counts.get(t) ?? 0;
    w[i] = c > 0 ? a / (a + c / opts.totalTokens) : (opts.unseenWeight ?? 1);
  });
  return w;
}

export function normalizeRows(t: EmbeddingTable): void {
  const { dimensions: d, data } = t;
  for (let r = 0; r < t.vocabSize; r++) {
    let s = 0;
    for (let k = 0; k < d; k++) s += data[r * d + k]! ** 2;
    const n = Math.sqrt(s);
    if (n > 0) for (let k = 0; k < d; k++) data[r * d + k]! /= n;
  }
}

export function scaleRows(t: EmbeddingTable, weights: Float32Array): void {
  const d = t.dimensions;
  for (let r = 0; r < t.vocabSize; r++) for (let k = 0; k < d; k++) t.data[r * d + k]! *= weights[r]!;
}

/** Mean of the rows of `ids` (a bag of tokens), as SIF pools a sentence. */
export function pool(t: EmbeddingTable, ids: readonly number[]): Float64Array {
  const d = t.dimensions;
  const v = new Float64Array(d);
  for (const id of ids) for (let k = 0; k < d; k++) v[k]! += t.data[id * d + k]!;
  if (ids.length) for (let k = 0; k < d; k++) v[k]! /= ids.length;
  return v;
}

/** The top `k` right singular vectors (uncentred, as in SIF) of the rows in `sample`, by power iteration + deflation. */
export function topComponents(sample: readonly Float64Array[], k: number, iterations = 50): Float64Array[] {
  if (sample.length === 0) return [];
  const d = sample[0]!.length;
  const comps: Float64Array[] = [];
  for (let c = 0; c < k; c++) {
    let u = new Float64Array(d).map((_, i) => Math.sin(i + 1 + c));
    for (let it = 0; it < iterations; it++) {
      const next = new Float64Array(d);
      for (const x of sample) {
        let p = 0;
        for (let i = 0; i < d; i++) p += x[i]! * u[i]!;
        for (let i = 0; i < d; i++) next[i]! += p * x[i]!;
      }
      for (const prev of comps) {
        let p = 0;
        for (let i = 0; i < d; i++) p += next[i]! * prev[i]!;
        for (let i = 0; i < d; i++) next[i]! -= p * prev[i]!;
      }
      const n = Math.hypot(...next);
      if (n === 0) break;
      u = next.map((x) => x / n);
    }
    comps.push(u);
  }
  return comps;
}

/** row ← row − Σ (row·u) u for each component u. */
export function removeComponents(t: EmbeddingTable, comps: readonly Float64Array[]): void {
  const d = t.dimensions;
  for (let r = 0; r < t.vocabSize; r++) {
    for (const u of comps) {
      let p = 0;
      for (let k = 0; k < d; k++) p += t.data[r * d + k]! * u[k]!;
      for (let k = 0; k < d; k++) t.data[r * d + k]! -= p * u[k]!;
    }
  }
}
