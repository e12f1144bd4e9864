import { readFileSync } from 'node:fs';
import { FEATURES } from './features.js';

/**
 * A linear ranker over sentence features, fitted offline by `npm run train-ranker` on questions generated
 * from corpus sentences (never on the evaluation questions). Weights live in ranker-weights.json so a
 * refit is a data change, reviewed like one.
 */
export interface RankerWeights {
  features: string[];
  weights: number[];
  bias: number;
  /** How the weights were made: generator, corpus, sizes, validation score. */
  trainedOn?: Record<string, unknown>;
}

export const WEIGHTS_FILE = new URL('./ranker-weights.json', import.meta.url);

export function loadRankerWeights(file: URL | string = WEIGHTS_FILE): RankerWeights {
  const weights = JSON.parse(readFileSync(file, 'utf8')) as RankerWeights;
  const expected = FEATURES.join(',');
  if (weights.features.join(',') !== expected || weights.weights.length !== FEATURES.length) {
    throw new Error(`${String(file)} was fitted to other features (${weights.features.join(',')}); expected ${expected}: run npm run train-ranker.`);
  }
  return weights;
}

/** The ranker's score of one sentence: a log-odds that it is the answer. */
export function rankScore(features: number[], model: RankerWeights): number {
  let s = model.bias;
  for (let i = 0; i < features.length; i++) s += model.weights[i]! * features[i]!;
  return s;
}
