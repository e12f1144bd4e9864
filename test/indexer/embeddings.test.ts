import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { loadEmbedder } from '../../src/embed/transformers-embedder.js';
import { runIndex } from '../../src/indexer/run-index.js';
import { openCoverage } from '../../src/open-coverage.js';
import { openDatabase, readManifest } from '../../src/store/sqlite/database.js';
import { seedConfig } from '../helpers/coverage-index.js';
import { buildTinyModel } from '../helpers/tiny-model.js';

let env: ReturnType<typeof seedConfig>;
let model: Awaited<ReturnType<typeof buildTinyModel>>;
let other: Awaited<ReturnType<typeof buildTinyModel>>;

beforeAll(async () => {
  env = seedConfig();
  model = await buildTinyModel(path.join(env.root, 'models'));
  other = await buildTinyModel(path.join(env.root, 'models'), { modelId: 'test/tiny-embed-48', dimensions: 48 });
});
afterAll(() => env.cleanup());

const manifest = () => {
  const db = openDatabase(env.config.indexDir, { readonly: true });
  const m = readManifest(db);
  db.close();
  return m;
};

describe('indexing with an embedding model (real transformers.js, tiny model)', () => {
  it('stores one vector per passage and answers in vector and hybrid mode', async () => {
    const embedder = await loadEmbedder({ model: model.modelId, modelsDir: model.modelsDir, allowRemote: false });
    const report = await runIndex(env.config.indexDir, { roots: [env.coverageDir], removeMissing: true, embedder });
    expect(report.embedding).toEqual({ model: model.modelId });
    const m = manifest();
    expect(JSON.parse(m.embedding!)).toMatchObject({ id: model.modelId, dimensions: model.dimensions });
    expect(existsSync(path.join(env.config.indexDir, m.vectorsFile!))).toBe(true);

    const config = loadConfig({ COVERAGE_DIR: env.coverageDir, INDEX_DIR: env.config.indexDir, MODELS_DIR: model.modelsDir, EMBEDDING_MODEL: model.modelId });
    const coverage = await openCoverage(config);
    expect(await coverage.stats()).toMatchObject({ embeddingModel: model.modelId, documents: 4 });
    const vector = await coverage.ask('missiles drones air defence', { mode: 'vector' });
    expect(vector.citations.length + vector.closest.length).toBeGreaterThan(0);
    const hybrid = await coverage.ask('When did Polish FM Sikorski reveal Warsaw’s position?', { mode: 'hybrid' });
    expect(hybrid.citations[0]!.quote).toMatch(/Sikorski/);
    await coverage.close();
  });

  it('rebuilds every vector when the model changes, and keeps only the current vector file', async () => {
    const before = manifest();
    const embedder = await loadEmbedder({ model: other.modelId, modelsDir: other.modelsDir, allowRemote: false });
    await runIndex(env.config.indexDir, { roots: [env.coverageDir], removeMissing: true, embedder });
    const after = manifest();
    expect(JSON.parse(after.embedding!)).toMatchObject({ id: other.modelId, dimensions: 48 });
    expect(after.vectorsFile).not.toBe(before.vectorsFile);
    expect(readdirSync(env.config.indexDir).filter((f) => f.endsWith('.hnsw'))).toEqual([after.vectorsFile]);
  });

  it('drops vectors when indexed without a model, and vector mode then fails clearly', async () => {
    await runIndex(env.config.indexDir, { roots: [env.coverageDir], removeMissing: true, embedder: null });
    expect(manifest().embedding).toBeNull();
    const coverage = await openCoverage(env.config, { embedder: null });
    await expect(coverage.ask('missiles', { mode: 'vector' })).rejects.toThrow(/no vectors.*--mode fulltext/);
    expect((await coverage.ask('When did Sikorski reveal Warsaw’s position?', { mode: 'hybrid' })).abstained).toBe(false);
    await coverage.close();
  });
});
