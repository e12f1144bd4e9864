/**
 * The query side over Postgres: a connection pool (questions run side by side), reading only what an
 * indexing run has committed, so a run never makes a question wait. Feedback is a plain INSERT.
 */
import pg from 'pg';
import type { Feedback, IndexStats, Passage, SearchFilters, SourceSummary } from '../../domain.js';
import type { IndexManifest, IndexReader, PassageRow } from '../index-store.js';
import { getSummary, listSummaries } from './documents.js';
import { fullText, passagesWith } from './full-text.js';
import { readKey, readManifest } from './manifest.js';
import { checkSchema } from './schema.js';
import { isUndefinedTable, type Sql } from './sql.js';
import { hasVectorExtension, hasVectorTable, nearestPassages, VECTOR_MODEL_KEY, vectorSessionOptions } from './vectors.js';

const POOL_SIZE = 4;
const CONNECT_TIMEOUT_MS = 10_000;
/** Word counts kept between refreshes; the same words recur from question to question. */
const WORD_CACHE_LIMIT = 50_000;

/** Opens a pool on `url`; IndexNotReadyError when the database holds no index or an older one. */
export async function openPostgresReader(url: string, options: { efSearch?: number } = {}): Promise<IndexReader> {
  // Set at connection start-up; on a server without pgvector they are inert placeholders.
  const sessionOptions = vectorSessionOptions(options.efSearch);
  const pool = new pg.Pool({ connectionString: url, max: POOL_SIZE, connectionTimeoutMillis: CONNECT_TIMEOUT_MS, options: sessionOptions });
  // An idle connection the server drops must not crash the bot: the pool replaces it on the next query.
  pool.on('error', () => {});
  try {
    await checkSchema(pool);
    return new PostgresIndexReader(pool, await hasVectorExtension(pool), (await readManifest(pool)).updatedAt);
  } catch (error) {
    await pool.end();
    throw error;
  }
}

class PostgresIndexReader implements IndexReader {
  private readonly wordCounts = new Map<string, number>();
  private passageCountCache: number | null = null;
  private languagesCache: string[] | null = null;
  private vectorModel: Promise<string | null> | null = null;

  constructor(
    private readonly pool: pg.Pool,
    private vectorExtension: boolean,
    private loadedAt: string | null,
  ) {}

  private get sql(): Sql {
    return this.pool;
  }

  manifest(): Promise<IndexManifest> {
    return readManifest(this.sql);
  }

  /** Nothing to reload (the server holds everything): a change only drops the caches. */
  async refresh(): Promise<boolean> {
    const { updatedAt } = await readManifest(this.sql);
    if (updatedAt === this.loadedAt) return false;
    this.loadedAt = updatedAt;
    this.wordCounts.clear();
    this.passageCountCache = null;
    this.languagesCache = null;
    this.vectorModel = null;
    // pgvector may have been installed since: the run that just committed created the extension.
    this.vectorExtension ||= await hasVectorExtension(this.sql);
    return true;
  }

  async fullText(phrases: string[][], filters: SearchFilters, limit: number): Promise<PassageRow[]> {
    return fullText(this.sql, phrases, filters, limit, await this.passageCount());
  }

  async hasVectorsOf(modelJson: string): Promise<boolean> {
    this.vectorModel ??= this.currentVectorModel();
    return (await this.vectorModel) === modelJson;
  }

  /** The model of the committed vectors, when the manifest names it and its table is there. */
  private async currentVectorModel(): Promise<string | null> {
    if (!this.vectorExtension || !(await hasVectorTable(this.sql))) return null;
    const [embedding, stored] = await Promise.all([readManifest(this.sql), readKey(this.sql, VECTOR_MODEL_KEY)]);
    return embedding.embedding !== null && embedding.embedding === stored ? stored : null;
  }

  async nearestPassages(vector: Float32Array, filters: SearchFilters, limit: number): Promise<(PassageRow & { similarity: number })[]> {
    if (!this.vectorExtension) return [];
    try {
      return await nearestPassages(this.sql, vector, filters, limit);
    } catch (error) {
      // No vectors (never built, or dropped by a run without a model): one round trip fewer than asking first.
      if (isUndefinedTable(error)) return [];
      throw error;
    }
  }

  async passagesWith(words: string[]): Promise<Map<string, number>> {
    const missing = words.filter((w) => !this.wordCounts.has(w));
    if (missing.length) {
      if (this.wordCounts.size > WORD_CACHE_LIMIT) this.wordCounts.clear();
      for (const [word, n] of await passagesWith(this.sql, missing)) this.wordCounts.set(word, n);
    }
    return new Map(words.map((w) => [w, this.wordCounts.get(w) ?? 0]));
  }

  async passageCount(): Promise<number> {
    this.passageCountCache ??= await this.count('SELECT count(*)::int AS n FROM passages');
    return this.passageCountCache;
  }

  documentCount(): Promise<number> {
    return this.count('SELECT count(*)::int AS n FROM documents');
  }

  async languages(): Promise<string[]> {
    // Asked before every question, and a scan of the documents: kept until the index changes.
    if (!this.languagesCache) {
      const { rows } = await this.sql.query<{ language: string }>('SELECT DISTINCT language FROM documents WHERE language IS NOT NULL ORDER BY language');
      this.languagesCache = rows.map((r) => r.language);
    }
    return this.languagesCache;
  }

  async outlets(): Promise<string[]> {
    const { rows } = await this.sql.query<{ outlet: string }>(
      'SELECT outlet FROM documents WHERE outlet IS NOT NULL GROUP BY outlet ORDER BY lower(outlet) COLLATE "C", outlet COLLATE "C"',
    );
    return rows.map((r) => r.outlet);
  }

  summaries(): Promise<SourceSummary[]> {
    return listSummaries(this.sql);
  }

  summary(id: string): Promise<SourceSummary | null> {
    return getSummary(this.sql, id);
  }

  async passage(id: number): Promise<Passage | null> {
    const { rows } = await this.sql.query<Passage>(
      'SELECT id, document_id AS "documentId", ordinal, span_start AS start, span_end AS "end", text FROM passages WHERE id = $1',
      [id],
    );
    return rows[0] ?? null;
  }

  async documentPassages(documentId: string): Promise<(Passage & { groupId: number })[]> {
    const { rows } = await this.sql.query<Passage & { groupId: number }>(
      `SELECT id, document_id AS "documentId", ordinal, span_start AS start, span_end AS "end", text, group_id AS "groupId"
       FROM passages WHERE document_id = $1 ORDER BY ordinal`,
      [documentId],
    );
    return rows;
  }

  async stats(embeddingModel: string | null): Promise<IndexStats> {
    const { rows } = await this.sql.query<{ documents: number; passages: number; earliest: string | null; latest: string | null; outlets: string[] | null }>(
      `SELECT (SELECT count(*)::int FROM documents) AS documents, (SELECT count(*)::int FROM passages) AS passages,
         (SELECT min(published) FROM documents) AS earliest, (SELECT max(published) FROM documents) AS latest,
         (SELECT array_agg(DISTINCT outlet ORDER BY outlet) FROM (SELECT outlet COLLATE "C" AS outlet FROM documents WHERE outlet IS NOT NULL) o) AS outlets`,
    );
    const row = rows[0]!;
    const { updatedAt } = await readManifest(this.sql);
    return { documents: row.documents, passages: row.passages, outlets: row.outlets ?? [], earliest: row.earliest, latest: row.latest, embeddingModel, updatedAt };
  }

  async recordFeedback(feedback: Feedback): Promise<void> {
    await this.sql.query('INSERT INTO feedback (question, passage_ids, helpful, user_id) VALUES ($1, $2, $3, $4)', [
      feedback.question,
      JSON.stringify(feedback.passageIds),
      feedback.helpful,
      feedback.userId,
    ]);
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  private async count(text: string): Promise<number> {
    return (await this.sql.query<{ n: number }>(text)).rows[0]!.n;
  }
}
