/**
 * npm run train-ranker [-- --articles N --questions N --seed N --dry-run]
 *
 * Fits the answer ranker's weights (src/answer/ranker-weights.json) on questions generated from sentences of
 * Reuters-21578, a different corpus and decade from the hand-written BBC questions it is judged on: the answer
 * span of a sentence is removed, a question word put in front, words said in WordNet synonyms or dropped
 * (src/evaluate/generate-questions.ts). Each question runs through the real pipeline (search, every sentence
 * of the retrieved articles, features); sentences equal to the source sentence are the positives. Pairwise
 * logistic ranking, 80/20 split, validation MRR printed before and after. Uses the configured embedding model,
 * so the vector feature is fitted too; without one, that weight keeps its prior.
 */
import 'dotenv/config';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { FEATURES } from '../src/answer/features.js';
import { fitRanker, rankingMrr, type RankingExample } from '../src/answer/fit-ranker.js';
import { loadRankerWeights, WEIGHTS_FILE, type RankerWeights } from '../src/answer/ranker.js';
import { seededRandom } from '../src/evaluate/generate-questions.js';
import { writeFileSync } from 'node:fs';
import { openReutersIndex } from './lib/generated-questions.js';

const { values: a } = parseArgs({
  options: {
    articles: { type: 'string', default: '4000' },
    questions: { type: 'string', default: '1500' },
    seed: { type: 'string', default: '7' },
    'dry-run': { type: 'boolean', default: false },
  },
});
const log = (line: string) => process.stderr.write(`${line}\n`);
const reuters = await openReutersIndex(Number(a.articles), log);
const random = seededRandom(Number(a.seed));
const normal = (s: string) => s.replace(/\s+/g, ' ').trim();
const examples: RankingExample[] = [];
let asked = 0;
let missed = 0;
while (examples.length < Number(a.questions) && asked < Number(a.questions) * 4) {
  const generated = reuters.question(random);
  if (!generated) continue;
  asked++;
  const { candidates } = await reuters.coverage.sentencesFor(generated.question);
  const relevant = candidates.map((c) => normal(c.sentence.text) === normal(generated.answer));
  if (!relevant.some(Boolean)) {
    missed++;
    continue;
  }
  examples.push({ features: candidates.map((c) => c.features), relevant });
}
const embedder = reuters.embedder;
await reuters.close();

const split = Math.floor(examples.length * 0.8);
const [train, validation] = [examples.slice(0, split), examples.slice(split)];
const prior = loadRankerWeights();
const hasVectors = examples.some((e) => e.features.some((f) => f[FEATURES.indexOf('vector')]! > 0));
const weights = fitRanker(train, { prior: prior.weights });
if (!hasVectors) weights[FEATURES.indexOf('vector')] = prior.weights[FEATURES.indexOf('vector')]!;
const round = (x: number) => Math.round(x * 1000) / 1000;
const report = {
  corpus: 'reuters-21578',
  articles: Number(a.articles),
  questions: { generated: asked, answerSentenceRetrieved: examples.length, notRetrieved: missed, train: train.length, validation: validation.length },
  embeddingModel: embedder?.info.id ?? null,
  seed: Number(a.seed),
  validationMrr: { before: round(rankingMrr(validation, prior.weights)), after: round(rankingMrr(validation, weights)) },
};
log(JSON.stringify(report, null, 2));
const fitted: RankerWeights = { features: [...FEATURES], weights: weights.map(round), bias: prior.bias, trainedOn: report };
if (!a['dry-run']) {
  writeFileSync(WEIGHTS_FILE, `${JSON.stringify(fitted, null, 2)}\n`);
  log(`Written: ${path.relative(process.cwd(), new URL(WEIGHTS_FILE).pathname)}`);
}
await embedder?.dispose();
