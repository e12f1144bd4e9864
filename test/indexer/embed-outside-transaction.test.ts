import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Embedder } from '../../src/embed/embedder.js';
import { runIndex } from '../../src/indexer/run-index.js';
import { DATABASE_FILE, openDatabase, readManifest } from '../../src/store/sqlite/database.js';
import { VectorIndex } from '../../src/store/sqlite/vectors.js';
import { seedConfig } from '../helpers/coverage-index.js';

const DIMS = 8;

/** A slow stand-in model: while it "embeds", another connection tries to write with no busy wait at all. */
function probingEmbedder(dbFile: string, id = 'test/probe-embed') {
  const seen = { texts: 0, writesOk: 0, writesBusy: 0 };
  const vectorOf = (text: string) => {
    const bytes = createHash('sha256').update(text).digest();
    const v = Float32Array.from({ length: DIMS }, (_, i) => bytes[i]! - 127.5);
    const norm = Math.hypot(...v);
    return v.map((x) => x / norm);
  };
  const embedder: Embedder = {
    info: { id, dimensions: DIMS, pooling: 'mean', queryPrefix: '' },
    async embedPassages(texts) {
      seen.texts += texts.length;
      const other = new Database(dbFile);
      other.pragma('busy_timeout = 0');
      try {
        other.exec('BEGIN IMMEDIATE');
        other.prepare("INSERT INTO feedback (question, passage_ids, helpful, user_id, created_at) VALUES ('q', '[]', 1, 'probe', 'now')").run();
        other.exec('COMMIT');
        seen.writesOk++;
      } catch (error) {
        if (!/busy|locked/i.test((error as Error).message)) throw error;
        seen.writesBusy++;
      } finally {
        other.close();
      }
      await new Promise((r) => setTimeout(r, 20));
      return texts.map(vectorOf);
    },
    async embedQuery(text) {
      return vectorOf(text);
    },
    async dispose() {},
  };
  return { embedder, seen };
}

let env: ReturnType<typeof seedConfig>;
beforeAll(async () => {
  env = seedConfig();
  // The database exists before the first embedding run, so the probe has something to write to.
  await runIndex(env.config.indexDir, { roots: [env.coverageDir], removeMissing: true, embedder: null });
});
afterAll(() => env.cleanup());

const dbFile = () => path.join(env.config.indexDir, DATABASE_FILE);

function vectorState() {
  const db = openDatabase(env.config.indexDir, { readonly: true });
  const manifest = readManifest(db);
  const ids = (db.prepare('SELECT id FROM passages ORDER BY id').all() as { id: number }[]).map((r) => r.id);
  db.close();
  const index = VectorIndex.load(path.join(env.config.indexDir, manifest.vectorsFile!), DIMS);
  return { manifest, ids, labels: index.labels().sort((a, b) => a - b) };
}

describe('embedding happens outside the write transaction', () => {
  it('lets other connections write while a run embeds every passage (model change), and the vectors are complete', async () => {
    const { embedder, seen } = probingEmbedder(dbFile());
    await runIndex(env.config.indexDir, { roots: [env.coverageDir], removeMissing: true, embedder });
    expect(seen.texts).toBeGreaterThan(0);
    expect(seen.writesBusy).toBe(0);
    expect(seen.writesOk).toBeGreaterThan(0);
    const state = vectorState();
    expect(JSON.parse(state.manifest.embedding!).id).toBe('test/probe-embed');
    expect(state.labels).toEqual(state.ids);
  });

  it('embeds only new passages on an incremental run, still outside the transaction', async () => {
    const before = vectorState();
    const extra = path.join(env.coverageDir, 'extra');
    mkdirSync(extra, { recursive: true });
    writeFileSync(
      path.join(extra, 'new-article.md'),
      '---\ntitle: Harbour reopens after storm\noutlet: Test Wire\ndate: 2024-09-01\n---\n\n' +
        'The harbour of the small coastal town reopened on Monday after a week of repairs to its storm-damaged quay. ' +
        'Fishing crews returned to sea before dawn, and the harbour master said trade would recover within a month.\n',
    );
    const { embedder, seen } = probingEmbedder(dbFile());
    await runIndex(env.config.indexDir, { roots: [env.coverageDir], removeMissing: true, embedder });
    expect(seen.texts).toBeGreaterThan(0);
    expect(seen.texts).toBeLessThan(before.ids.length);
    expect(seen.writesBusy).toBe(0);
    const after = vectorState();
    expect(after.labels).toEqual(after.ids);
    expect(after.ids.length).toBeGreaterThan(before.ids.length);

    const again = probingEmbedder(dbFile());
    await runIndex(env.config.indexDir, { roots: [env.coverageDir], removeMissing: true, embedder: again.embedder });
    expect(again.seen.texts).toBe(0);
    expect(vectorState().labels).toEqual(after.ids);
  });

  it('re-embeds everything with another model without mixing vectors', async () => {
    const { embedder, seen } = probingEmbedder(dbFile(), 'test/probe-embed-2');
    await runIndex(env.config.indexDir, { roots: [env.coverageDir], removeMissing: true, embedder });
    const state = vectorState();
    expect(seen.texts).toBeGreaterThan(0);
    expect(seen.writesBusy).toBe(0);
    expect(JSON.parse(state.manifest.embedding!).id).toBe('test/probe-embed-2');
    expect(state.labels).toEqual(state.ids);
  });
});
