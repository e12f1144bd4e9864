import { env, pipeline, type FeatureExtractionPipeline } from '@xenova/transformers';
import { ModelUnavailableError } from '../errors.js';
import type { Embedder, EmbeddingModelInfo } from './embedder.js';
import { DEFAULT_PROFILE, knownProfile, type ModelProfile } from './known-models.js';
import { isFolderReference, locateModel, type ModelLocation } from './model-location.js';
import { poolAndNormalize, type TensorLike } from './pooling.js';

export interface LoadEmbedderOptions {
  /** A hub id (`Xenova/bge-small-en-v1.5`), a folder under `modelsDir` (`local/news-embed`) or an absolute folder. */
  model: string;
  modelsDir: string;
  /** Whether transformers.js may download from the Hugging Face hub. */
  allowRemote: boolean;
  /** Prefer `onnx/model_quantized.onnx`; falls back to whichever ONNX file the folder has. @default true */
  quantized?: boolean;
  /** Texts per forward pass. @default 32 */
  batchSize?: number;
}

/**
 * Why a queue: transformers.js reads `env.localModelPath`/`env.allowRemoteModels` (module globals) while it
 * loads, so two loads with different folders must not overlap.
 */
let loading: Promise<unknown> = Promise.resolve();

export async function loadEmbedder(opts: LoadEmbedderOptions): Promise<Embedder> {
  const run = loading.then(() => load(opts));
  loading = run.catch(() => undefined);
  return run;
}

function profileOf(model: string, loc: ModelLocation): ModelProfile {
  const base = knownProfile(model) ?? DEFAULT_PROFILE;
  const card = loc.card ?? {};
  const str = (v: unknown, d: string) => (typeof v === 'string' ? v : d);
  const pooling = card['pooling'] === 'cls' || card['pooling'] === 'mean' ? card['pooling'] : base.pooling;
  return {
    pooling,
    queryPrefix: str(card['queryPrefix'], base.queryPrefix),
    passagePrefix: str(card['passagePrefix'], base.passagePrefix),
    ...(typeof card['dimensions'] === 'number' ? { dimensions: card['dimensions'] } : {}),
  };
}

function unavailable(model: string, loc: ModelLocation, why: string, cause?: unknown): ModelUnavailableError {
  const hint = 'Run `npm run build-model` for the project\'s own model, set EMBEDDING_MODEL to another model, or EMBEDDING_MODEL=none for full-text search only.';
  return new ModelUnavailableError(`Embedding model "${model}" is unavailable: ${why}. ${hint}`, cause === undefined ? undefined : { cause });
}

async function load(opts: LoadEmbedderOptions): Promise<Embedder> {
  const loc = locateModel(opts);
  const missing = `${loc.folder} lacks ${loc.missing.join(', ')}`;
  if (!loc.complete && (!opts.allowRemote || isFolderReference(opts.model))) {
    const remote = isFolderReference(opts.model) ? 'it is a folder, not a hub id' : 'remote models are disallowed (ALLOW_REMOTE_MODELS=false)';
    throw unavailable(opts.model, loc, `${missing}, and ${remote}`);
  }
  env.localModelPath = loc.localModelPath.endsWith('/') ? loc.localModelPath : `${loc.localModelPath}/`;
  env.allowLocalModels = true;
  env.allowRemoteModels = opts.allowRemote;
  let extractor: FeatureExtractionPipeline;
  try {
    extractor = await pipeline('feature-extraction', loc.id, { quantized: loc.quantized, local_files_only: loc.complete });
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    const why = loc.complete
      ? `transformers.js could not load ${loc.folder} (${loc.quantized ? 'onnx/model_quantized.onnx' : 'onnx/model.onnx'}): ${msg}`
      : `${missing}, and downloading it from the Hugging Face hub failed (network unreachable?): ${msg}`;
    throw unavailable(opts.model, loc, why, err);
  }
  const profile = profileOf(opts.model, loc);
  const batchSize = Math.max(1, opts.batchSize ?? 32);
  const run = async (texts: string[]): Promise<Float32Array[]> => {
    const inputs = extractor.tokenizer(texts, { padding: true, truncation: true }) as { attention_mask: TensorLike };
    const out = (await extractor.model(inputs)) as Record<string, TensorLike | undefined>;
    const hidden = out['last_hidden_state'] ?? out['logits'] ?? out['token_embeddings'];
    if (!hidden) throw new ModelUnavailableError(`Embedding model "${opts.model}" returned no last_hidden_state`);
    return poolAndNormalize(hidden, inputs.attention_mask, profile.pooling);
  };
  const probe = (await run(['dimension probe']))[0]!;
  const info: EmbeddingModelInfo = {
    // A folder is named by its own name, not its path: a moved clone keeps its index's vectors.
    id: loc.id,
    dimensions: probe.length,
    pooling: profile.pooling,
    queryPrefix: profile.queryPrefix,
    passagePrefix: profile.passagePrefix,
  };
  if (profile.dimensions !== undefined && profile.dimensions !== probe.length) {
    throw unavailable(opts.model, loc, `it declares ${profile.dimensions} dimensions but produces ${probe.length}`);
  }
  const embedMany = async (texts: string[]): Promise<Float32Array[]> => {
    const order = texts.map((_, i) => i).sort((a, b) => texts[a]!.length - texts[b]!.length);
    const result: Float32Array[] = new Array(texts.length);
    for (let start = 0; start < order.length; start += batchSize) {
      const ids = order.slice(start, start + batchSize);
      const vectors = await run(ids.map((i) => texts[i]!));
      ids.forEach((id, k) => (result[id] = vectors[k]!));
    }
    return result;
  };
  return {
    info,
    embedPassages: (texts) => embedMany(texts.map((t) => profile.passagePrefix + t)),
    embedQuery: async (text) => (await embedMany([profile.queryPrefix + text]))[0]!,
    dispose: async () => {
      await extractor.dispose();
    },
  };
}
