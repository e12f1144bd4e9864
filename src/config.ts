import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { ConfigError } from './errors.js';

/** The model `npm run build-model` writes, relative to MODELS_DIR; used when EMBEDDING_MODEL is unset. */
export const DEFAULT_LOCAL_MODEL = 'local/news-embed';

/**
 * The model committed with the code (WordNet-trained, redistributable; `npm run build-model -- --shipped`), so
 * a fresh clone has semantic search. Used when EMBEDDING_MODEL is unset and DEFAULT_LOCAL_MODEL is not built.
 */
export const SHIPPED_MODEL_DIR = fileURLToPath(new URL('../embedding/wordnet-embed', import.meta.url));

export interface DiscordConfig {
  token: string | null;
  applicationId: string | null;
  guildId: string | null;
  /** REST base URL; the gateway address then comes from that server's GET /gateway/bot. */
  apiUrl: string | null;
  /** `/ask` and `/cite` per user per minute. */
  rateLimitPerMinute: number;
  /** Lets `/add` fetch loopback addresses (never private or link-local ones). For tests only. */
  allowPrivateUrls: boolean;
  /**
   * SHARDS: `npm start` runs discord.js's ShardingManager, one bot process per shard; `auto` takes Discord's
   * recommended count. null = one process, no sharding (also inside a shard process, where discord.js itself
   * sets SHARDS to the shard id).
   */
  shards: number | 'auto' | null;
}

export interface Config {
  coverageDir: string;
  indexDir: string;
  /** Postgres (with pgvector) holding the index instead of INDEX_DIR's SQLite file; null = SQLite. */
  databaseUrl: string | null;
  /** HNSW candidate-list size for vector search (hnswlib's ef, pgvector's hnsw.ef_search). */
  vectorEfSearch: number;
  modelsDir: string;
  /** A hub id or a folder under MODELS_DIR (or an absolute folder); null = full-text only. */
  embeddingModel: string | null;
  /** Whether transformers.js may download a hub model (needs the internet). */
  allowRemoteModels: boolean;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  /** How long an indexing run waits for another one (the lock file in INDEX_DIR) before giving up, in seconds. */
  indexLockWaitSeconds: number;
  /** How often followed feeds are polled (a failing feed backs off from this). */
  feedPollMinutes: number;
  discord: DiscordConfig;
}

const flag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const EnvSchema = z.object({
  COVERAGE_DIR: z.string().min(1).optional(),
  INDEX_DIR: z.string().min(1).optional(),
  VECTOR_EF_SEARCH: z.coerce.number().int().min(10).max(10_000).optional(),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// or postgresql:// URL' }).optional(),
  MODELS_DIR: z.string().min(1).optional(),
  EMBEDDING_MODEL: z.string().min(1).optional(),
  ALLOW_REMOTE_MODELS: flag.optional(),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).optional(),
  INDEX_LOCK_WAIT: z.coerce.number().min(0).max(86_400).optional(),
  FEED_POLL_MINUTES: z.coerce
    .number({ error: 'must be a number of minutes, e.g. 30' })
    .int('must be a whole number of minutes, e.g. 30')
    .min(1, 'must be at least 1 minute')
    .max(10_080, 'must be at most 10080 minutes (a week)')
    .optional(),
  DISCORD_TOKEN: z.string().min(1).optional(),
  DISCORD_APPLICATION_ID: z.string().regex(/^\d+$/, 'must be a numeric snowflake').optional(),
  DISCORD_GUILD_ID: z.string().regex(/^\d+$/, 'must be a numeric snowflake').optional(),
  DISCORD_API_URL: z.url({ protocol: /^https?$/ }).optional(),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(1000).optional(),
  ALLOW_PRIVATE_URLS: flag.optional(),
  SHARDS: z
    .string()
    .regex(/^(auto|[1-9]\d{0,4})$/, 'must be auto or a positive whole number of shards (e.g. 2)')
    .transform((v) => (v === 'auto' ? ('auto' as const) : Number(v)))
    .optional(),
});

/** The first folder of `candidates` that exists, else the last one. */
function firstExisting(cwd: string, candidates: string[]): string {
  const resolved = candidates.map((c) => path.resolve(cwd, c));
  return resolved.find((p) => existsSync(p)) ?? resolved[resolved.length - 1]!;
}

/**
 * Reads and validates the configuration once, at start-up. Empty strings count as unset, so a copied
 * .env.example with blank values behaves like no .env at all. Throws a ConfigError naming every bad variable.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Readonly<Config> {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== ''));
  // Inside a shard process discord.js's ShardingManager sets SHARDS to the shard id, not to this setting.
  if (present.SHARDING_MANAGER) delete present.SHARDS;
  const parsed = EnvSchema.safeParse(present);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new ConfigError(`Invalid configuration: ${problems}`);
  }
  const e = parsed.data;
  const coverageDir = e.COVERAGE_DIR
    ? path.resolve(cwd, e.COVERAGE_DIR)
    : firstExisting(cwd, ['coverage', '../shared/coverage']);
  const modelsDir = e.MODELS_DIR ? path.resolve(cwd, e.MODELS_DIR) : firstExisting(cwd, ['models', '../shared/models']);
  return Object.freeze({
    coverageDir,
    indexDir: path.resolve(cwd, e.INDEX_DIR ?? 'index'),
    databaseUrl: e.DATABASE_URL ?? null,
    vectorEfSearch: e.VECTOR_EF_SEARCH ?? 400,
    modelsDir,
    embeddingModel: resolveEmbeddingModel(e.EMBEDDING_MODEL, modelsDir),
    allowRemoteModels: e.ALLOW_REMOTE_MODELS ?? true,
    logLevel: e.LOG_LEVEL ?? 'info',
    indexLockWaitSeconds: e.INDEX_LOCK_WAIT ?? 60,
    feedPollMinutes: e.FEED_POLL_MINUTES ?? 30,
    discord: Object.freeze({
      token: e.DISCORD_TOKEN ?? null,
      applicationId: e.DISCORD_APPLICATION_ID ?? null,
      guildId: e.DISCORD_GUILD_ID ?? null,
      apiUrl: e.DISCORD_API_URL ?? null,
      rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE ?? 6,
      allowPrivateUrls: e.ALLOW_PRIVATE_URLS ?? false,
      shards: e.SHARDS ?? null,
    }),
  });
}

/** Where the index is, for messages: the Postgres database (never its password) or INDEX_DIR. */
export function indexName(config: Pick<Config, 'indexDir' | 'databaseUrl'>): string {
  if (!config.databaseUrl) return config.indexDir;
  const url = new URL(config.databaseUrl);
  url.password = '';
  return url.toString();
}

/** A path as users like to see it: relative to the working folder when that is shorter. */
export function displayPath(absolute: string, cwd = process.cwd()): string {
  const relative = path.relative(cwd, absolute);
  return relative && relative.length < absolute.length ? relative : absolute;
}

/**
 * `none` switches vectors off. Unset: the research model when `npm run build-model` has built it (trained on the
 * news corpora, better on news), else the shipped one (an absolute folder, so MODELS_DIR does not matter).
 */
export function resolveEmbeddingModel(value: string | undefined, modelsDir: string): string | null {
  if (value === 'none') return null;
  if (value) return value;
  if (existsSync(path.join(modelsDir, DEFAULT_LOCAL_MODEL, 'config.json'))) return DEFAULT_LOCAL_MODEL;
  return existsSync(path.join(SHIPPED_MODEL_DIR, 'config.json')) ? SHIPPED_MODEL_DIR : null;
}
