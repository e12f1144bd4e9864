/** One training question: the features of each sentence considered, and which of them answer it. */
export interface RankingExample {
  features: number[][];
  relevant: boolean[];
}

export interface FitOptions {
  epochs?: number;
  learningRate?: number;
  /** L2 pull toward `prior`, so a feature the data barely sees keeps its starting weight. */
  l2?: number;
  prior: number[];
}

/**
 * Pairwise logistic ranking (RankNet with a linear scorer): every answering sentence should outscore every
 * other sentence of its question. Full-batch gradient descent; deterministic.
 */
export function fitRanker(examples: RankingExample[], options: FitOptions): number[] {
  const { epochs = 200, learningRate = 0.5, l2 = 0.01, prior } = options;
  const w = [...prior];
  const dims = w.length;
  const pairs = examples.flatMap((e) =>
    e.relevant.flatMap((r, i) => (r ? e.relevant.flatMap((o, j) => (o ? [] : [e.features[i]!.map((x, d) => x - e.features[j]![d]!)])) : [])),
  );
  if (pairs.length === 0) return w;
  for (let epoch = 0; epoch < epochs; epoch++) {
    const grad = new Array<number>(dims).fill(0);
    for (const diff of pairs) {
      let s = 0;
      for (let d = 0; d < dims; d++) s += w[d]! * diff[d]!;
      const g = -1 / (1 + Math.exp(s));
      for (let d = 0; d < dims; d++) grad[d]! += g * diff[d]!;
    }
    for (let d = 0; d < dims; d++) w[d] = w[d]! - learningRate * (grad[d]! / pairs.length + l2 * (w[d]! - prior[d]!));
  }
  return w;
}

/** Mean reciprocal rank of the first answering sentence under a weight vector. */
export function rankingMrr(examples: RankingExample[], weights: number[]): number {
  let total = 0;
  for (const e of examples) {
    const scores = e.features.map((f) => f.reduce((s, x, d) => s + x * weights[d]!, 0));
    const best = Math.max(...scores.filter((_, i) => e.relevant[i]));
    total += 1 / (1 + scores.filter((s, i) => !e.relevant[i] && s > best).length);
  }
  return examples.length ? total / examples.length : 0;
}
