/**
 * Retrofitting (Faruqui et al. 2015, "Retrofitting word vectors to semantic lexicons"): each word's vector is
 * pulled towards the words a lexicon relates it to, v_i = (α q_i + Σ_j β_ij v_j) / (α + Σ_j β_ij), iterated.
 * Skip-gram learns "unemployment" and "jobless" from their contexts; WordNet says outright that they are related.
 */
export interface RetrofitOptions {
  /** Word → related word or phrase → weight. Phrases ("out of work") stand for the mean of their words. */
  graph: ReadonlyMap<string, ReadonlyMap<string, number>>;
  /** @default 10 */
  iterations?: number;
  /** Pull of a word's own vector, against total neighbour weight 1 (as in the paper). @default 1 */
  alpha?: number;
}

/**
 * Retrofits `vectors` (rows of `dim`, one per `words[i]`, unit length) in place; returns how many words moved.
 * Neighbours outside `words` are skipped; a phrase counts when all its words are in `words`, as the fixed mean of
 * their original vectors (phrases are not tokens, so they are never updated themselves).
 */
export function retrofit(words: readonly string[], vectors: Float32Array, dim: number, o: RetrofitOptions): number {
  const index = new Map<string, number>();
  words.forEach((w, i) => {
    if (!index.has(w)) index.set(w, i);
  });
  const original = Float64Array.from(vectors);
  const phraseCache = new Map<string, Float64Array | null>();
  const phrase = (p: string): Float64Array | null => {
    if (phraseCache.has(p)) return phraseCache.get(p)!;
    const ids = p.split(/[\s-]+/).map((w) => index.get(w));
    let v: Float64Array | null = null;
    if (ids.length > 1 && ids.every((i) => i !== undefined)) {
      v = new Float64Array(dim);
      for (const i of ids as number[]) for (let k = 0; k < dim; k++) v[k]! += original[i * dim + k]! / ids.length;
    }
    phraseCache.set(p, v);
    return v;
  };
  type Edge = { row: number; fixed: Float64Array | null; w: number };
  const edges: { row: number; list: Edge[]; total: number }[] = [];
  for (const [w, row] of index) {
    const related = o.graph.get(w);
    if (!related) continue;
    const list: Edge[] = [];
    for (const [n, weight] of related) {
      const r = index.get(n);
      if (r !== undefined && r !== row) list.push({ row: r, fixed: null, w: weight });
      else if (r === undefined) {
        const v = phrase(n);
        if (v) list.push({ row: -1, fixed: v, w: weight });
      }
    }
    const total = list.reduce((s, e) => s + e.w, 0);
    if (total > 0) edges.push({ row, list, total });
  }
  const alpha = o.alpha ?? 1;
  const acc = new Float64Array(dim);
  for (let it = 0; it < (o.iterations ?? 10); it++) {
    for (const { row, list, total } of edges) {
      for (let k = 0; k < dim; k++) acc[k] = alpha * original[row * dim + k]!;
      for (const e of list) {
        const b = e.w / total; // β normalised by degree, so hubs do not swamp a word
        if (e.fixed) for (let k = 0; k < dim; k++) acc[k]! += b * e.fixed[k]!;
        else for (let k = 0; k < dim; k++) acc[k]! += b * vectors[e.row * dim + k]!;
      }
      for (let k = 0; k < dim; k++) vectors[row * dim + k] = acc[k]! / (alpha + 1);
    }
  }
  return edges.length;
}
