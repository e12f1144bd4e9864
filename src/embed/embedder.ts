/**
 * The seam between the index and an embedding model. Implemented over transformers.js
 * (`pipeline('feature-extraction', …)`) in ./transformers-embedder.ts.
 */
export interface EmbeddingModelInfo {
  /** The id the user configured: a hub id (`Xenova/bge-small-en-v1.5`) or a folder under MODELS_DIR. */
  id: string;
  dimensions: number;
  pooling: 'mean' | 'cls';
  /** Prepended to queries (not passages), e.g. bge's "Represent this sentence for searching relevant passages: ". */
  queryPrefix: string;
  /** Prepended to passages, e.g. e5's "passage: "; empty for most models. */
  passagePrefix?: string;
}

export interface Embedder {
  readonly info: EmbeddingModelInfo;
  /** Unit-length vectors, one per text, in order. Batches internally. */
  embedPassages(texts: string[]): Promise<Float32Array[]>;
  /** Unit-length vector of a question, with the model's query prefix applied. */
  embedQuery(text: string): Promise<Float32Array>;
  dispose(): Promise<void>;
}
