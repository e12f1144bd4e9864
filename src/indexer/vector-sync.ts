import type { Passage } from '../domain.js';
import type { Embedder } from '../embed/embedder.js';
import type { IndexWriter } from '../store/index-store.js';

const EMBED_BATCH = 64;

/**
 * Embeds the passages of one indexing run and hands their vectors to the writer. Vectors of two models are
 * never mixed: when the index holds another model's vectors (or none), the writer starts them afresh and
 * every passage is embedded again.
 */
export class VectorSync {
  private readonly pending = new Map<number, string>();
  /** Vectors computed before the write transaction, by passage text. */
  private readonly ready = new Map<string, Float32Array>();

  private constructor(
    private readonly index: IndexWriter,
    private readonly embedder: Embedder | null,
    private readonly rebuildAll: boolean,
  ) {}

  /** Tells the writer which model this run's vectors are made by (none without an embedder). */
  static async open(index: IndexWriter, embedder: Embedder | null): Promise<VectorSync> {
    const { rebuildAll } = await index.useModel(embedder ? JSON.stringify(embedder.info) : null);
    return new VectorSync(index, embedder, rebuildAll);
  }

  queue(passages: Passage[]): void {
    if (!this.embedder) return;
    for (const p of passages) this.pending.set(p.id, p.text);
  }

  /** A deleted passage's vector is dropped by the writer; it must not be added after all. */
  forget(passageIds: number[]): void {
    for (const id of passageIds) this.pending.delete(id);
  }

  /** Whether this run embeds passages at all. */
  get embeds(): boolean {
    return this.embedder !== null;
  }

  /**
   * Embeds passage texts before the run's write transaction opens, so that the transaction never waits
   * for the model: inside it, passages only look their vectors up by text. When the model changed, the
   * stored passages' texts are embedded too (`includeStored`; not when the run re-chunks them anyway).
   */
  async embedAhead(texts: Iterable<string>, options: { includeStored: boolean }): Promise<void> {
    if (!this.embedder) return;
    const todo = new Set<string>();
    for (const text of texts) if (!this.ready.has(text)) todo.add(text);
    if (this.rebuildAll && options.includeStored) {
      for await (const { text } of this.index.passages()) if (!this.ready.has(text)) todo.add(text);
    }
    await this.embedInto(this.ready, [...todo]);
  }

  /**
   * Adds the vectors of every queued passage (every passage when the model changed). Texts embedded ahead
   * are only looked up; anything not embedded ahead (which a run does not expect) is embedded here, so the
   * vectors are complete either way.
   */
  async embedPending(): Promise<void> {
    if (!this.embedder) return;
    if (this.rebuildAll) for await (const { id, text } of this.index.passages()) this.pending.set(id, text);
    const entries = [...this.pending];
    const missing = [...new Set(entries.map(([, text]) => text).filter((text) => !this.ready.has(text)))];
    if (missing.length) await this.embedInto(this.ready, missing);
    await this.index.addVectors(entries.map(([passageId, text]) => ({ passageId, vector: this.ready.get(text)! })));
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

  modelJson(): string | null {
    return this.embedder ? JSON.stringify(this.embedder.info) : null;
  }

  modelId(): string | null {
    return this.embedder?.info.id ?? null;
  }
}
