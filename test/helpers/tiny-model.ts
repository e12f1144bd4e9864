import path from 'node:path';
import { writeStaticModel } from '../../src/model/static-model.js';
import { SPECIAL_TOKENS } from '../../src/model/tokenizer-files.js';
import { seededRandom } from '../../src/util/random.js';

/**
 * A real (tiny) transformers.js model folder: BERT WordPiece tokenizer over ~100 words and a one-Gather ONNX
 * graph, written in milliseconds. Words of one topic share a direction, so related sentences score above
 * unrelated ones; tests then run the real loading, batching, pooling and index code with no download.
 */
export const TINY_TOPICS: Record<string, string[]> = {
  war: ['missile', 'missiles', 'rocket', 'drone', 'drones', 'intercept', 'shoot', 'air', 'defence', 'army', 'attack', 'strike', 'troops', 'jets', 'aircraft', 'ukraine', 'russia', 'war'],
  money: ['bank', 'banks', 'interest', 'rates', 'inflation', 'economy', 'market', 'shares', 'profit', 'trade', 'oil', 'prices', 'dollar', 'tax'],
  sport: ['football', 'match', 'goal', 'cup', 'team', 'coach', 'season', 'league', 'player', 'players', 'win', 'score', 'tennis', 'final'],
  politics: ['minister', 'president', 'government', 'election', 'vote', 'parliament', 'party', 'nato', 'chief', 'secretary', 'general', 'talks', 'leader', 'poland'],
};
const FUNCTION_WORDS = ['the', 'a', 'an', 'of', 'to', 'in', 'on', 'and', 'is', 'was', 'by', 'for', 'with', 'at', 'down', 'new', 'said', 'it', '.', ',', '?'];
const PIECES = ['##s', '##ed', '##ing', '##er'];

export interface TinyModelOptions {
  /** @default 32 */
  dimensions?: number;
  /** @default 'test/tiny-embed' */
  modelId?: string;
  /** @default 'both' */
  variants?: 'float' | 'quantized' | 'both';
}

/** Centred on zero: weights of either sign. */
function prng(seed: number): () => number {
  const random = seededRandom(seed);
  return () => random() - 0.5;
}

export async function buildTinyModel(
  dir: string,
  opts: TinyModelOptions = {},
): Promise<{ modelsDir: string; modelId: string; dimensions: number }> {
  const dimensions = opts.dimensions ?? 32;
  const modelId = opts.modelId ?? 'test/tiny-embed';
  const rand = prng(42);
  const unit = () => {
    const v = Array.from({ length: dimensions }, rand);
    const n = Math.hypot(...v);
    return v.map((x) => x / n);
  };
  const vocab: string[] = [...SPECIAL_TOKENS];
  const rows: number[][] = SPECIAL_TOKENS.map(() => unit().map((x) => x * 1e-3));
  for (const words of Object.values(TINY_TOPICS)) {
    const centre = unit();
    for (const w of words) {
      const noise = unit();
      vocab.push(w);
      rows.push(centre.map((c, i) => c + 0.35 * noise[i]!));
    }
  }
  for (const w of [...FUNCTION_WORDS, ...PIECES]) {
    vocab.push(w);
    rows.push(unit().map((x) => x * 0.05));
  }
  const data = Float32Array.from(rows.flat());
  await writeStaticModel(path.join(dir, modelId), {
    vocab,
    table: { vocabSize: vocab.length, dimensions, data },
    variants: opts.variants ?? 'both',
    build: { kind: 'tiny test model' },
  });
  return { modelsDir: dir, modelId, dimensions };
}
