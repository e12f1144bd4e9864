import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadEmbedder } from '../../src/embed/transformers-embedder.js';
import type { Embedder } from '../../src/embed/embedder.js';
import { ModelUnavailableError } from '../../src/errors.js';
import { buildTinyModel } from '../helpers/tiny-model.js';

const dot = (a: Float32Array, b: Float32Array) => a.reduce((s, x, i) => s + x * b[i]!, 0);
const norm = (a: Float32Array) => Math.sqrt(dot(a, a));

describe('loadEmbedder over a tiny static model', () => {
  let dir: string;
  let embedder: Embedder;
  let dims: number;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'embed-'));
    const model = await buildTinyModel(dir, { dimensions: 24 });
    dims = model.dimensions;
    embedder = await loadEmbedder({ model: model.modelId, modelsDir: model.modelsDir, allowRemote: false });
  });
  afterAll(async () => {
    await embedder?.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('loads offline and reports the declared dimensions and mean pooling', () => {
    expect(embedder.info).toMatchObject({ id: 'test/tiny-embed', dimensions: dims, pooling: 'mean', queryPrefix: '' });
  });

  it('returns unit-length vectors of the declared length, one per text, in order', async () => {
    const vs = await embedder.embedPassages(['Missiles struck the army.', 'The bank raised interest rates.', '']);
    expect(vs).toHaveLength(3);
    for (const v of vs) {
      expect(v).toBeInstanceOf(Float32Array);
      expect(v.length).toBe(dims);
      expect(norm(v)).toBeCloseTo(1, 4);
    }
  });

  it('scores related sentences above unrelated ones', async () => {
    const q = await embedder.embedQuery('drones attack troops');
    const [war, money, sport] = await embedder.embedPassages([
      'Air defence shot down a rocket and missiles.',
      'Inflation and oil prices hit the market.',
      'The team won the cup final.',
    ]);
    expect(dot(q, war!)).toBeGreaterThan(dot(q, money!) + 0.2);
    expect(dot(q, war!)).toBeGreaterThan(dot(q, sport!) + 0.2);
  });

  it('gives the same vectors in batches (sorted by length, padded) as one by one', async () => {
    const texts = Array.from({ length: 70 }, (_, i) =>
      ['missile', 'bank interest rates and profit', 'the minister said the president won the election vote', 'goal'][i % 4]!.repeat(1 + (i % 3)),
    );
    const batched = await embedder.embedPassages(texts);
    for (const [i, t] of texts.entries()) {
      const single = (await embedder.embedPassages([t]))[0]!;
      for (let k = 0; k < dims; k++) expect(batched[i]![k]).toBeCloseTo(single[k]!, 5);
    }
  });

  it("matches transformers.js's own pooling (mean, normalize) of the same batch", async () => {
    const { env, pipeline } = await import('@xenova/transformers');
    env.localModelPath = `${dir}/`;
    env.allowRemoteModels = false;
    const extractor = await pipeline('feature-extraction', 'test/tiny-embed', { quantized: true });
    const texts = ['Missiles and drones', 'the bank raised interest rates on oil', 'goal'];
    const theirs = (await extractor(texts, { pooling: 'mean', normalize: true })).tolist() as number[][];
    const ours = await embedder.embedPassages(texts);
    theirs.forEach((row, i) => row.forEach((x, k) => expect(ours[i]![k]).toBeCloseTo(x, 5)));
    await extractor.dispose();
  });

  it('loads an absolute folder path too, and the float variant when asked', async () => {
    const e = await loadEmbedder({ model: path.join(dir, 'test/tiny-embed'), modelsDir: '/nonexistent', allowRemote: false, quantized: false });
    expect(e.info.dimensions).toBe(dims);
    await e.dispose();
  });
});

describe('loadEmbedder failures', () => {
  it('GIVEN a folder with no ONNX file THEN names the folder and the missing files', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'embed-'));
    try {
      const model = await buildTinyModel(dir, { variants: 'float' });
      rmSync(path.join(dir, model.modelId, 'onnx'), { recursive: true });
      const err = await loadEmbedder({ model: model.modelId, modelsDir: dir, allowRemote: false }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ModelUnavailableError);
      expect((err as Error).message).toMatch(/onnx\/model_quantized\.onnx or onnx\/model\.onnx \(tokenizer and config only\?\)/);
      expect((err as Error).message).toContain(path.join(dir, model.modelId));
      expect((err as Error).message).toMatch(/remote models are disallowed/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('GIVEN only the quantized file exists and float is preferred THEN loads the quantized one', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'embed-'));
    try {
      const model = await buildTinyModel(dir, { variants: 'quantized' });
      const e = await loadEmbedder({ model: model.modelId, modelsDir: dir, allowRemote: false, quantized: false });
      expect(e.info.dimensions).toBe(model.dimensions);
      await e.dispose();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('GIVEN no such model and no remote THEN says the folder is missing and remote is off', async () => {
    const err = await loadEmbedder({ model: 'Xenova/nope', modelsDir: tmpdir(), allowRemote: false }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ModelUnavailableError);
    expect((err as Error).message).toMatch(/"Xenova\/nope".*the folder itself.*ALLOW_REMOTE_MODELS=false/s);
  });
});
