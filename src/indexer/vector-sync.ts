import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Passage } from '../domain.js';
import type { Embedder } from '../embed/embedder.js';
import { readManifest, type Db } from '../store/database.js';
import { VectorIndex } from '../store/vectors.js';

const EMBED_BATCH = 64;

/**
 * Keeps the vector index in step with the passages during one indexing run. Vectors of two models are
 * never mixed: when the manifest names another model (or none), every passage is embedded again.
 */
export class VectorSync {
  private readonly pending = new Map<number, string>();
  private changed = false;

  private constructor(
    private readonly embedder: Embedder | null,
    private readonly index: VectorIndex | null,
    private readonly indexDir: string,
    private readonly currentFile: string | null,
    private readonly rebuildAll: boolean,
  ) {}

  static open(db: Db, indexDir: string, embedder: Embedder | null): VectorSync {
    const manifest = readManifest(db);
    if (!embedder) return new VectorSync(null, null, indexDir, null, false);
    const sameModel = manifest.embedding === JSON.stringify(embedder.info);
    const file = manifest.vectorsFile ? path.join(indexDir, manifest.vectorsFile) : null;
    if (sameModel && file && existsSync(file)) {
      return new VectorSync(embedder, VectorIndex.load(file, embedder.info.dimensions), indexDir, manifest.vectorsFile, false);
    }
    return new VectorSync(embedder, VectorIndex.create(embedder.info.dimensions), indexDir, null, true);
  }

  queue(passages: Passage[]): void {
    if (!this.index) return;
    for (const p of passages) this.pending.set(p.id, p.text);
  }

  remove(passageId: number): void {
    this.pending.delete(passageId);
    if (this.index) {
      this.index.remove(passageId);
      this.changed = true;
    }
  }

  async embedPending(db: Db): Promise<void> {
    if (!this.index || !this.embedder) return;
    if (this.rebuildAll) {
      for (const row of db.prepare('SELECT id, text FROM passages').iterate() as Iterable<{ id: number; text: string }>) {
        this.pending.set(row.id, row.text);
      }
    }
    const entries = [...this.pending];
    for (let i = 0; i < entries.length; i += EMBED_BATCH) {
      const batch = entries.slice(i, i + EMBED_BATCH);
      const vectors = await this.embedder.embedPassages(batch.map(([, text]) => text));
      batch.forEach(([id], j) => this.index!.add(id, vectors[j]!));
    }
    if (entries.length > 0 || this.rebuildAll) this.changed = true;
    this.pending.clear();
  }

  /** Saves a new vector file when anything changed; returns the file the manifest should name. */
  save(): string | null {
    if (!this.index) return null;
    return this.changed || !this.currentFile ? this.index.saveNew(this.indexDir) : this.currentFile;
  }

  modelJson(): string | null {
    return this.embedder && this.index ? JSON.stringify(this.embedder.info) : null;
  }

  modelId(): string | null {
    return this.embedder?.info.id ?? null;
  }
}
