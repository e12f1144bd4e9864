import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { staticEmbeddingOnnx, type EmbeddingTable } from './onnx-writer.js';
import { tokenizerFiles, type TokenizerOptions } from './tokenizer-files.js';

/** What `embedding.json` in a model folder says; the embedder reads it (src/embed/model-card.ts). */
export interface EmbeddingCard {
  pooling: 'mean' | 'cls';
  queryPrefix: string;
  passagePrefix?: string;
  dimensions: number;
  /** Free-form provenance: corpora, tool, parameters. */
  build?: Record<string, unknown>;
}

export interface StaticModelSpec {
  /** Token strings; row i of `table` is the vector of `vocab[i]`. */
  vocab: readonly string[];
  table: EmbeddingTable;
  /** Which ONNX files to write. @default 'both' */
  variants?: 'float' | 'quantized' | 'both';
  tokenizer?: TokenizerOptions;
  build?: Record<string, unknown>;
}

/** Writes a transformers.js model folder (config, tokenizer, onnx/model*.onnx, embedding.json). Returns the file sizes. */
export async function writeStaticModel(dir: string, spec: StaticModelSpec): Promise<Record<string, number>> {
  const { vocab, table } = spec;
  if (vocab.length !== table.vocabSize) throw new Error(`vocab has ${vocab.length} tokens, table ${table.vocabSize} rows`);
  const variants = spec.variants ?? 'both';
  await mkdir(path.join(dir, 'onnx'), { recursive: true });
  const files: Record<string, Uint8Array | string> = {};
  const json = (v: unknown) => JSON.stringify(v, null, 2) + '\n';
  const config = {
    architectures: ['BertModel'],
    model_type: 'bert',
    hidden_size: table.dimensions,
    vocab_size: table.vocabSize,
    max_position_embeddings: spec.tokenizer?.maxLength ?? 512,
    pad_token_id: 0,
    _comment: 'Static embedding model: one Gather from a token table (see embedding.json). Not a transformer.',
  };
  files['config.json'] = json(config);
  for (const [name, value] of Object.entries(tokenizerFiles(vocab, spec.tokenizer))) files[name] = json(value);
  const card: EmbeddingCard = { pooling: 'mean', queryPrefix: '', dimensions: table.dimensions, ...(spec.build ? { build: spec.build } : {}) };
  files['embedding.json'] = json(card);
  if (variants !== 'quantized') files['onnx/model.onnx'] = staticEmbeddingOnnx(table, { quantized: false });
  if (variants !== 'float') files['onnx/model_quantized.onnx'] = staticEmbeddingOnnx(table, { quantized: true });
  const sizes: Record<string, number> = {};
  for (const [name, data] of Object.entries(files)) {
    await writeFile(path.join(dir, name), data);
    sizes[name] = typeof data === 'string' ? Buffer.byteLength(data) : data.byteLength;
  }
  return sizes;
}
