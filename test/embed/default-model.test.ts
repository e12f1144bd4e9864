import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_LOCAL_MODEL, SHIPPED_MODEL_DIR, loadConfig } from '../../src/config.js';
import { loadEmbedder } from '../../src/embed/transformers-embedder.js';

const dot = (a: Float32Array, b: Float32Array) => a.reduce((s, x, i) => s + x * b[i]!, 0);
const dir = mkdtempSync(path.join(tmpdir(), 'default-model-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the default embedding model', () => {
  it('is the shipped folder when EMBEDDING_MODEL is unset and no research model is built', () => {
    expect(loadConfig({ MODELS_DIR: path.join(dir, 'empty') }, dir).embeddingModel).toBe(SHIPPED_MODEL_DIR);
  });

  it('is the research model once built, and nothing with EMBEDDING_MODEL=none', () => {
    const models = path.join(dir, 'models');
    mkdirSync(path.join(models, DEFAULT_LOCAL_MODEL), { recursive: true });
    writeFileSync(path.join(models, DEFAULT_LOCAL_MODEL, 'config.json'), '{}');
    expect(loadConfig({ MODELS_DIR: models }, dir).embeddingModel).toBe(DEFAULT_LOCAL_MODEL);
    expect(loadConfig({ MODELS_DIR: models, EMBEDDING_MODEL: 'none' }, dir).embeddingModel).toBeNull();
  });

  it('loads through transformers.js offline and puts synonyms closer than unrelated words', async () => {
    const e = await loadEmbedder({ model: SHIPPED_MODEL_DIR, modelsDir: path.join(dir, 'empty'), allowRemote: false });
    expect(e.info).toMatchObject({ dimensions: 128, pooling: 'mean', queryPrefix: '' });
    const cos = async (x: string, y: string) => {
      const [u, v] = await e.embedPassages([x, y]);
      return dot(u!, v!);
    };
    expect(await cos('car', 'automobile')).toBeGreaterThan((await cos('car', 'banana')) + 0.2);
    expect(await cos('jobless', 'unemployed')).toBeGreaterThan((await cos('jobless', 'violin')) + 0.2);
    expect(await cos('the doctor treated the patient', 'a physician cared for the sick man')).toBeGreaterThan(
      await cos('the doctor treated the patient', 'stock prices fell on the market'),
    );
    await e.dispose();
  });
});
