import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { knownProfile } from '../../src/embed/known-models.js';
import { loadEmbedder } from '../../src/embed/transformers-embedder.js';
import { ModelUnavailableError } from '../../src/errors.js';
import { buildTinyModel } from '../helpers/tiny-model.js';

describe('knownProfile', () => {
  it('knows bge (cls pooling, query instruction), MiniLM (mean) and e5 (query:/passage:)', () => {
    expect(knownProfile('Xenova/bge-small-en-v1.5')).toMatchObject({ pooling: 'cls', queryPrefix: expect.stringMatching(/^Represent this sentence/) });
    expect(knownProfile('xenova/all-minilm-l6-v2')).toMatchObject({ pooling: 'mean', queryPrefix: '' });
    expect(knownProfile('Xenova/e5-small-v2')).toMatchObject({ queryPrefix: 'query: ', passagePrefix: 'passage: ' });
    expect(knownProfile('someone/unknown-model')).toBeUndefined();
  });
});

describe('embedding.json in the model folder', () => {
  it('sets the query and passage prefixes the embedder applies', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'card-'));
    try {
      const m = await buildTinyModel(dir);
      const cardFile = path.join(dir, m.modelId, 'embedding.json');
      const card = JSON.parse(readFileSync(cardFile, 'utf8')) as Record<string, unknown>;
      writeFileSync(cardFile, JSON.stringify({ ...card, queryPrefix: 'bank ', passagePrefix: 'football ' }));
      const e = await loadEmbedder({ model: m.modelId, modelsDir: dir, allowRemote: false });
      expect(e.info).toMatchObject({ queryPrefix: 'bank ', passagePrefix: 'football ' });
      const dot = (a: Float32Array, b: Float32Array) => a.reduce((s, x, i) => s + x * b[i]!, 0);
      const q = await e.embedQuery('the');
      const [p] = await e.embedPassages(['the']);
      writeFileSync(cardFile, JSON.stringify(card));
      const plain = await loadEmbedder({ model: m.modelId, modelsDir: dir, allowRemote: false });
      expect(plain.info).toMatchObject({ queryPrefix: '', passagePrefix: '' });
      const [bank, football] = await plain.embedPassages(['bank the', 'football the']);
      expect(dot(q, bank!)).toBeCloseTo(1, 4);
      expect(dot(p!, football!)).toBeCloseTo(1, 4);
      expect(dot(q, p!)).toBeLessThan(0.5);
      await plain.dispose();
      await e.dispose();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

const shared = path.resolve('../shared/models');
describe.skipIf(!existsSync(path.join(shared, 'Xenova/all-MiniLM-L6-v2')))('the shared MiniLM folder (tokenizer and config only)', () => {
  it('fails offline with a message naming the folder and the missing ONNX file', async () => {
    const err = await loadEmbedder({ model: 'Xenova/all-MiniLM-L6-v2', modelsDir: shared, allowRemote: false }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ModelUnavailableError);
    expect((err as Error).message).toContain(`${path.join(shared, 'Xenova/all-MiniLM-L6-v2')} lacks onnx/model_quantized.onnx or onnx/model.onnx (tokenizer and config only?)`);
  });
});
