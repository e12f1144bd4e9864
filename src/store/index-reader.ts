/**
 * Everything the query side reads from an index (search, sources, answers, stats), over one read-only
 * connection, plus the one write readers make: feedback, on its own connection opened on first use.
 * Nothing outside src/store/ sees SQL or a database handle.
 */
import type { Feedback, IndexStats, Passage, SearchFilters, SourceSummary } from '../domain.js';
import { openDatabase, readManifest, type Db, type Manifest } from './database.js';
import { documentPassages, getPassage, getSummary, listSummaries } from './documents.js';
import { filterClause, ftsMatchExpression } from './filters.js';
import { indexStats } from './stats.js';
import { IndexVocabulary } from './vocabulary.js';

/** A passage as search returns it. */
export interface PassageRow {
  passageId: number;
  documentId: string;
  groupId: number;
  start: number;
  end: number;
  text: string;
}

const PASSAGE_COLUMNS = 'p.id AS passageId, p.document_id AS documentId, p.group_id AS groupId, p.start, p.end, p.text';

/** How long a feedback write waits for an indexing run's lock before the bot's queue retries it. */
const FEEDBACK_BUSY_TIMEOUT_MS = 200;

export class IndexReader {
  private vocabulary: IndexVocabulary;
  private writer: Db | null = null;
  private passageCountCache: number | null = null;

  private constructor(
    private readonly indexDir: string,
    private readonly db: Db,
  ) {
    this.vocabulary = new IndexVocabulary(db);
  }

  /** Opens without writing anything; IndexNotReadyError when there is no index or an older one. */
  static open(indexDir: string): IndexReader {
    return new IndexReader(indexDir, openDatabase(indexDir, { readonly: true }));
  }

  manifest(): Manifest {
    return readManifest(this.db);
  }

  /** Forgets the cached word and passage counts: another process changed the index. */
  dropCaches(): void {
    this.vocabulary = new IndexVocabulary(this.db);
    this.passageCountCache = null;
  }

  /** Passages holding any of the phrases (folded words each), best BM25 first, within the filters. */
  fullText(phrases: string[][], filters: SearchFilters, limit: number): PassageRow[] {
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

  /** Ids of the passages of documents within the filters. */
  passageIdsWithin(filters: SearchFilters): number[] {
    const where = filterClause(filters);
    return (this.db.prepare(`SELECT p.id FROM passages p JOIN documents d ON d.id = p.document_id WHERE 1${where.sql}`).pluck().all(...where.params)) as number[];
  }

  /** The passages of these ids that still exist, in the order given. */
  passageRows(ids: number[]): PassageRow[] {
    const byId = this.db.prepare(`SELECT ${PASSAGE_COLUMNS} FROM passages p WHERE p.id = ?`);
    return ids.flatMap((id) => {
      const row = byId.get(id) as PassageRow | undefined;
      return row ? [row] : [];
    });
  }

  passageCount(): number {
    this.passageCountCache ??= this.db.prepare('SELECT count(*) FROM passages').pluck().get() as number;
    return this.passageCountCache;
  }

  documentCount(): number {
    return this.db.prepare('SELECT count(*) FROM documents').pluck().get() as number;
  }

  /** How many passages hold a folded word. */
  passagesWith(word: string): number {
    return this.vocabulary.passagesWith(word);
  }

  outlets(): string[] {
    return this.db.prepare('SELECT DISTINCT outlet FROM documents WHERE outlet IS NOT NULL ORDER BY outlet COLLATE NOCASE').pluck().all() as string[];
  }

  summaries(): SourceSummary[] {
    return listSummaries(this.db);
  }

  summary(id: string): SourceSummary | null {
    return getSummary(this.db, id);
  }

  passage(id: number): Passage | null {
    return getPassage(this.db, id);
  }

  documentPassages(documentId: string): (Passage & { groupId: number })[] {
    return documentPassages(this.db, documentId);
  }

  stats(embeddingModel: string | null): IndexStats {
    return indexStats(this.db, embeddingModel);
  }

  /** Stores one 👍/👎. Throws SQLITE_BUSY while an indexing run commits: the bot's write queue retries. */
  recordFeedback(feedback: Feedback): void {
    if (!this.db.open) throw new Error('The coverage was closed before the feedback could be stored.');
    this.writer ??= openDatabase(this.indexDir, { busyTimeoutMs: FEEDBACK_BUSY_TIMEOUT_MS });
    this.writer
      .prepare('INSERT INTO feedback (question, passage_ids, helpful, user_id, created_at) VALUES (?, ?, ?, ?, ?)')
      .run(feedback.question, JSON.stringify(feedback.passageIds), feedback.helpful ? 1 : 0, feedback.userId ?? null, new Date().toISOString());
  }

  close(): void {
    this.writer?.close();
    this.db.close();
  }
}
