import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Passage } from '../domain.js';
import type { Embedder } from '../embed/embedder.js';
import type { IndexWriter } from '../store/index-writer.js';
import { VectorIndex } from '../store/vectors.js';

const EMBED_BATCH = 64;

/**
 * Keeps the vector index in step with the passages during one indexing run. Vectors of two models are
 * never mixed: when the manifest names another model (or none), every passage is embedded again.
 */
export class VectorSync {
  private readonly pending = new Map<number, string>();
  /** Vectors computed before the write transaction, by passage text. */
  private readonly ready = new Map<string, Float32Array>();
  private changed = false;

  private constructor(
    private readonly embedder: Embedder | null,
    private readonly index: VectorIndex | null,
    private readonly indexDir: string,
    private readonly currentFile: string | null,
    private readonly rebuildAll: boolean,
  ) {}

  static open(index: IndexWriter, indexDir: string, embedder: Embedder | null): VectorSync {
    const manifest = index.manifest();
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

  /** Whether this run embeds passages at all. */
  get embeds(): boolean {
    return this.index !== null && this.embedder !== null;
  }

  /**
   * Embeds passage texts before the run's write transaction opens, so that the transaction never waits
   * for the model: inside it, passages only look their vectors up by text. When the model changed, the
   * stored passages' texts are embedded too (`includeStored`; not when the run re-chunks them anyway).
   */
  async embedAhead(index: IndexWriter, texts: Iterable<string>, options: { includeStored: boolean }): Promise<void> {
    if (!this.index || !this.embedder) return;
    const todo = new Set<string>();
    for (const text of texts) if (!this.ready.has(text)) todo.add(text);
    if (this.rebuildAll && options.includeStored) {
      for (const { text } of index.passages()) if (!this.ready.has(text)) todo.add(text);
    }
    await this.embedInto(this.ready, [...todo]);
  }

  /**
   * Adds the vectors of every queued passage (every passage when the model changed) to the index.
   * Texts embedded ahead are only looked up; anything not embedded ahead (which a run does not expect)
   * is embedded here, so the index is complete either way.
   */
  async embedPending(index: IndexWriter): Promise<void> {
    if (!this.index || !this.embedder) return;
    if (this.rebuildAll) for (const { id, text } of index.passages()) this.pending.set(id, text);
    const entries = [...this.pending];
    const missing = [...new Set(entries.map(([, text]) => text).filter((text) => !this.ready.has(text)))];
    if (missing.length) await this.embedInto(this.ready, missing);
    for (const [id, text] of entries) this.index.add(id, this.ready.get(text)!);
    if (entries.length > 0 || this.rebuildAll) this.changed = true;
    this.pending.clear();
    this.ready.clear();
  }

  private async embedInto(into: Map<string, Float32Array>, texts: string[]): Promise<void> {
    for (let i = 0; i < texts.length; i += EMBED_BATCH) {
      const batch = texts.slice(i, i + EMBED_BATCH);
      const vectors = await this.embedder!.embedPassages(batch);
      batch.forEach((text, j) => into.set(text, vectors[j]!));
    }
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
