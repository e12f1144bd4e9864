/**
 * The query side over SQLite and an HNSW file: one read-only connection (it never takes the write lock,
 * so an indexing run in another process never makes a question wait), plus the one write readers make,
 * feedback, on its own connection opened on first use.
 */
import type { Feedback, IndexStats, Passage, SearchFilters, SourceSummary } from '../../domain.js';
import type { IndexReader, PassageRow } from '../index-store.js';
import { openDatabase, readManifest, type Db, type Manifest } from './database.js';
import { documentPassages, getPassage, getSummary, listSummaries } from './documents.js';
import { filterClause, ftsMatchExpression } from './filters.js';
import { nearestPassages, PASSAGE_COLUMNS } from './nearest.js';
import { indexStats } from './stats.js';
import { loadManifestVectors, type VectorIndex } from './vectors.js';
import { IndexVocabulary } from './vocabulary.js';

/** How long a feedback write waits for an indexing run's lock before the bot's queue retries it. */
const FEEDBACK_BUSY_TIMEOUT_MS = 200;

/** Opens without writing anything; IndexNotReadyError when there is no index or an older one. */
export async function openSqliteReader(indexDir: string, options: { efSearch?: number } = {}): Promise<SqliteIndexReader> {
  return new SqliteIndexReader(indexDir, openDatabase(indexDir, { readonly: true }), options.efSearch);
}

export class SqliteIndexReader implements IndexReader {
  private vocabulary: IndexVocabulary;
  private passageCountCache: number | null = null;
  private languagesCache: string[] | null = null;
  private loadedAt: string | null;
  /** The vector file of the manifest, loaded on first use (a reader without a model never needs it). */
  private vectors: VectorIndex | null | undefined;
  private feedbackDb: Db | null = null;

  constructor(
    private readonly indexDir: string,
    private readonly db: Db,
    /** HNSW candidate-list size at query time (VECTOR_EF_SEARCH); the vector index's default when unset. */
    private readonly efSearch?: number,
  ) {
    this.vocabulary = new IndexVocabulary(db);
    this.loadedAt = readManifest(db).updatedAt;
  }

  async manifest(): Promise<Manifest> {
    return readManifest(this.db);
  }

  async refresh(): Promise<boolean> {
    const updatedAt = readManifest(this.db).updatedAt;
    if (updatedAt === this.loadedAt) return false;
    this.loadedAt = updatedAt;
    this.vocabulary = new IndexVocabulary(this.db);
    this.passageCountCache = null;
    this.languagesCache = null;
    // Freed now, not by the garbage collector (see VectorIndex.release); a search still running on it
    // finds it empty, and the full-text half of its answer stands.
    this.vectors?.release();
    this.vectors = undefined;
    return true;
  }

  async fullText(phrases: string[][], filters: SearchFilters, limit: number): Promise<PassageRow[]> {
    const expression = ftsMatchExpression(phrases);
    if (!expression) return [];
    const where = filterClause(filters);
    return this.db
      .prepare(
        `SELECT ${PASSAGE_COLUMNS} FROM passages_fts f JOIN passages p ON p.id = f.rowid JOIN documents d ON d.id = p.document_id
         WHERE passages_fts MATCH ?${where.sql} ORDER BY bm25(passages_fts, 1.0, 0.5) LIMIT ?`,
      )
      .all(expression, ...where.params, limit) as PassageRow[];
  }

  async hasVectorsOf(modelJson: string): Promise<boolean> {
    return readManifest(this.db).embedding === modelJson && this.loadedVectors() !== null;
  }

  async nearestPassages(vector: Float32Array, filters: SearchFilters, limit: number): Promise<(PassageRow & { similarity: number })[]> {
    const vectors = this.loadedVectors();
    // A search begun before another model's vectors were committed and loaded finds none rather than failing.
    return vectors && vectors.dimensions === vector.length ? nearestPassages(this.db, vectors, vector, filters, limit) : [];
  }

  private loadedVectors(): VectorIndex | null {
    if (this.vectors === undefined) {
      this.vectors = loadManifestVectors(this.indexDir, readManifest(this.db));
      if (this.vectors && this.efSearch !== undefined) this.vectors.setEf(this.efSearch);
    }
    return this.vectors;
  }

  async passagesWith(words: string[]): Promise<Map<string, number>> {
    return new Map(words.map((w) => [w, this.vocabulary.passagesWith(w)]));
  }

  async passageCount(): Promise<number> {
    this.passageCountCache ??= this.db.prepare('SELECT count(*) FROM passages').pluck().get() as number;
    return this.passageCountCache;
  }

  async documentCount(): Promise<number> {
    return this.db.prepare('SELECT count(*) FROM documents').pluck().get() as number;
  }

  async languages(): Promise<string[]> {
    // Asked before every question, and a scan of the documents: kept until the index changes.
    this.languagesCache ??= this.db.prepare('SELECT DISTINCT language FROM documents WHERE language IS NOT NULL ORDER BY language').pluck().all() as string[];
    return this.languagesCache;
  }

  async outlets(): Promise<string[]> {
    return this.db.prepare('SELECT DISTINCT outlet FROM documents WHERE outlet IS NOT NULL ORDER BY outlet COLLATE NOCASE').pluck().all() as string[];
  }

  async summaries(): Promise<SourceSummary[]> {
    return listSummaries(this.db);
  }

  async summary(id: string): Promise<SourceSummary | null> {
    return getSummary(this.db, id);
  }

  async passage(id: number): Promise<Passage | null> {
    return getPassage(this.db, id);
  }

  async documentPassages(documentId: string): Promise<(Passage & { groupId: number })[]> {
    return documentPassages(this.db, documentId);
  }

  async stats(embeddingModel: string | null): Promise<IndexStats> {
    return indexStats(this.db, embeddingModel);
  }

  /** How many 👍/👎 are stored (for the soak benchmark; not part of IndexReader). */
  async feedbackCount(): Promise<number> {
    return this.db.prepare('SELECT count(*) FROM feedback').pluck().get() as number;
  }

  /** Rejects with SQLITE_BUSY (isBusy) while an indexing run commits: the bot's write queue retries. */
  async recordFeedback(feedback: Feedback): Promise<void> {
    if (!this.db.open) throw new Error('The coverage was closed before the feedback could be stored.');
    this.feedbackDb ??= openDatabase(this.indexDir, { busyTimeoutMs: FEEDBACK_BUSY_TIMEOUT_MS });
    this.feedbackDb
      .prepare('INSERT INTO feedback (question, passage_ids, helpful, user_id, created_at) VALUES (?, ?, ?, ?, ?)')
      .run(feedback.question, JSON.stringify(feedback.passageIds), feedback.helpful ? 1 : 0, feedback.userId ?? null, new Date().toISOString());
  }

  async close(): Promise<void> {
    this.vectors?.release();
    this.vectors = undefined;
    this.feedbackDb?.close();
    this.db.close();
  }
}
