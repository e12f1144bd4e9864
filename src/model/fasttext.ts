import { spawn, spawnSync } from 'node:child_process';
import { createInterface } from 'node:readline';

/**
 * Trains word vectors with Debian's `fasttext` (skip-gram with character n-grams, so words never seen in
 * training still get vectors from their pieces) and reads vectors back with `print-word-vectors`.
 */
export interface SkipgramOptions {
  input: string;
  /** Output prefix: fastText writes `<output>.bin` and `<output>.vec`. */
  output: string;
  /** @default 128 */
  dim?: number;
  /** @default 20 */
  epoch?: number;
  /** @default 3 */
  minCount?: number;
  /** @default 5 */
  minn?: number;
  /** @default 5 */
  maxn?: number;
  /** Hash buckets for n-grams; memory is (words + bucket) × dim × 4 bytes. @default 500000 */
  bucket?: number;
  /** One thread is reproducible; more are not (Hogwild updates). @default 1 */
  thread?: number;
  /** @default 1 */
  seed?: number;
  /** @default 5 */
  ws?: number;
  /** Learning rate. @default 0.05 */
  lr?: number;
  /** Sampling threshold: frequent words are dropped from training in proportion. @default 1e-5 */
  t?: number;
}

export function fasttextAvailable(): boolean {
  return spawnSync('fasttext', [], { stdio: 'ignore' }).error === undefined;
}

function run(args: string[], stdin?: string[]): { done: Promise<void>; lines: AsyncIterable<string> } {
  const child = spawn('fasttext', args, { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
  const done = new Promise<void>((resolve, reject) => {
    child.on('error', (err) => reject(new Error(`cannot run fasttext (is it installed? scripts/setup-model-tools.sh): ${err.message}`, { cause: err })));
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`fasttext ${args[0]} exited with ${code}: ${stderr.trim()}`))));
  });
  if (stdin) {
    child.stdin.on('error', () => undefined);
    child.stdin.end(stdin.join('\n') + '\n');
  } else child.stdin.end();
  return { done, lines: createInterface({ input: child.stdout, crlfDelay: Infinity }) };
}

export async function trainSkipgram(o: SkipgramOptions): Promise<void> {
  const args = ['skipgram', '-input', o.input, '-output', o.output, '-verbose', '1'];
  const num = { dim: 128, epoch: 20, minCount: 3, minn: 5, maxn: 5, bucket: 500_000, thread: 1, seed: 1, ws: 5, t: 1e-5, lr: 0.05 };
  for (const [k, d] of Object.entries(num)) args.push(`-${k}`, String((o as unknown as Record<string, number | undefined>)[k] ?? d));
  const { done, lines } = run(args);
  for await (const _ of lines); // drain stdout
  await done;
}

/**
 * Vectors of `words` (in order) from a trained `.bin`, one row each in a [words.length, dim] table. Words unseen
 * in training get the sum of their character n-gram vectors; a word with no known n-gram gets zeros.
 */
export async function wordVectors(modelBin: string, words: readonly string[], dim: number): Promise<Float32Array> {
  if (words.some((w) => /\s/.test(w) || w === '')) throw new Error('words must be non-empty and free of white space');
  const table = new Float32Array(words.length * dim);
  const { done, lines } = run(['print-word-vectors', modelBin], [...words]);
  let row = 0;
  for await (const line of lines) {
    const parts = line.trim().split(' ');
    if (row >= words.length) throw new Error('fasttext printed more vectors than words asked for');
    if (parts.length !== dim + 1) throw new Error(`fasttext printed ${parts.length - 1} values for "${parts[0]}", expected ${dim}`);
    for (let k = 0; k < dim; k++) table[row * dim + k] = Number(parts[k + 1]);
    row++;
  }
  await done;
  if (row !== words.length) throw new Error(`fasttext printed ${row} vectors for ${words.length} words`);
  return table;
}
