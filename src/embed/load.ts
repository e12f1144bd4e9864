import type { Config } from '../config.js';
import { ModelUnavailableError } from '../errors.js';
import type { Embedder } from './embedder.js';
import { loadEmbedder } from './transformers-embedder.js';

/**
 * The configured embedding model, or null (full-text only) with one clear line saying why.
 * Indexing and answering go on without vectors rather than fail.
 */
export async function loadConfiguredEmbedder(config: Config, log: (line: string) => void): Promise<Embedder | null> {
  if (!config.embeddingModel) {
    log('No embedding model (EMBEDDING_MODEL=none, or the committed embedding/wordnet-embed is missing): full-text search only.');
    return null;
  }
  try {
    return await loadEmbedder({ model: config.embeddingModel, modelsDir: config.modelsDir, allowRemote: config.allowRemoteModels });
  } catch (error) {
    if (!(error instanceof ModelUnavailableError)) throw error;
    log(`Embedding model unavailable, full-text search only: ${error.message}`);
    return null;
  }
}
