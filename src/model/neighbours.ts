import type { EmbeddingTable } from './onnx-writer.js';

/** Cosine of two rows of a table. */
function cosine(t: EmbeddingTable, a: number, b: number): number {
  const d = t.dimensions;
  let ab = 0;
  let aa = 0;
  let bb = 0;
  for (let k = 0; k < d; k++) {
    const x = t.data[a * d + k]!;
    const y = t.data[b * d + k]!;
    ab += x * y;
    aa += x * x;
    bb += y * y;
  }
  return aa && bb ? ab / Math.sqrt(aa * bb) : 0;
}

/** The `k` whole words (no `##` pieces, no [special] tokens) whose rows are closest to `word`'s, by cosine. */
export function nearestWords(
  t: EmbeddingTable,
  vocab: readonly string[],
  word: string,
  k = 8,
): { word: string; score: number }[] | null {
  const id = vocab.indexOf(word);
  if (id < 0) return null;
  const scored: { word: string; score: number }[] = [];
  vocab.forEach((w, i) => {
    if (i !== id && !w.startsWith('##') && !/^\[.*\]$/.test(w) && /\p{L}/u.test(w)) scored.push({ word: w, score: cosine(t, id, i) });
  });
  return scored.sort((a, b) => b.score - a.score).slice(0, k);
}
