/**
 * Pooling and prefixes of hub models we know, taken from their model cards. A model folder's own
 * `embedding.json` (written by `npm run build-model`) overrides this table; unknown models get mean pooling
 * and no prefixes, which is right for sentence-transformers exports.
 */
export interface ModelProfile {
  pooling: 'mean' | 'cls';
  queryPrefix: string;
  passagePrefix: string;
  /** Advisory: the real figure is read from the first embedding. */
  dimensions?: number;
}

const BGE_QUERY = 'Represent this sentence for searching relevant passages: ';
const ARCTIC_QUERY = 'Represent this sentence for searching relevant passages: ';

export const KNOWN_MODELS: Readonly<Record<string, ModelProfile>> = {
  'Xenova/all-MiniLM-L6-v2': { pooling: 'mean', queryPrefix: '', passagePrefix: '', dimensions: 384 },
  'Xenova/all-MiniLM-L12-v2': { pooling: 'mean', queryPrefix: '', passagePrefix: '', dimensions: 384 },
  'Xenova/paraphrase-MiniLM-L6-v2': { pooling: 'mean', queryPrefix: '', passagePrefix: '', dimensions: 384 },
  'Xenova/all-mpnet-base-v2': { pooling: 'mean', queryPrefix: '', passagePrefix: '', dimensions: 768 },
  'Xenova/bge-small-en-v1.5': { pooling: 'cls', queryPrefix: BGE_QUERY, passagePrefix: '', dimensions: 384 },
  'Xenova/bge-base-en-v1.5': { pooling: 'cls', queryPrefix: BGE_QUERY, passagePrefix: '', dimensions: 768 },
  'Xenova/gte-small': { pooling: 'mean', queryPrefix: '', passagePrefix: '', dimensions: 384 },
  'Snowflake/snowflake-arctic-embed-xs': { pooling: 'cls', queryPrefix: ARCTIC_QUERY, passagePrefix: '', dimensions: 384 },
  'Snowflake/snowflake-arctic-embed-s': { pooling: 'cls', queryPrefix: ARCTIC_QUERY, passagePrefix: '', dimensions: 384 },
  'Xenova/e5-small-v2': { pooling: 'mean', queryPrefix: 'query: ', passagePrefix: 'passage: ', dimensions: 384 },
  'Xenova/multilingual-e5-small': { pooling: 'mean', queryPrefix: 'query: ', passagePrefix: 'passage: ', dimensions: 384 },
  'Xenova/e5-base-v2': { pooling: 'mean', queryPrefix: 'query: ', passagePrefix: 'passage: ', dimensions: 768 },
};

export const DEFAULT_PROFILE: ModelProfile = { pooling: 'mean', queryPrefix: '', passagePrefix: '' };

/** The profile of a hub id, matched case-insensitively, also by its name without the owner (`bge-small-en-v1.5`). */
export function knownProfile(id: string): ModelProfile | undefined {
  const lower = id.toLowerCase().replace(/\/+$/, '');
  for (const [key, profile] of Object.entries(KNOWN_MODELS)) {
    const k = key.toLowerCase();
    if (lower === k || lower.endsWith(`/${k}`) || lower.split('/').pop() === k.split('/').pop()) return profile;
  }
  return undefined;
}
