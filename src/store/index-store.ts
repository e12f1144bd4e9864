/**
 * The one storage interface: what the query side and an indexing run need from an index, whatever holds it
 * (SQLite and an HNSW file by default; Postgres with pgvector when DATABASE_URL is set). Asynchronous
 * throughout, because a database server is. Nothing outside src/store/ sees SQL or a database handle.
 */
import type { Article, Feedback, IndexStats, Passage, PassageSpan, SearchFilters, SourceSummary } from '../domain.js';

/** What the index was built with. A mismatch in chunking rebuilds passages; in model, vectors. */
export interface IndexManifest {
  chunking: string | null;
  /** JSON of EmbeddingModelInfo, or null when the index has no vectors. */
  embedding: string | null;
  /** ISO time of the last committed run: readers reload when it changes. */
  updatedAt: string | null;
}

/** A passage as search returns it. */
export interface PassageRow {
  passageId: number;
  documentId: string;
  groupId: number;
  start: number;
  end: number;
  text: string;
}

export interface VectorHit {
  passageId: number;
  /** Cosine similarity. */
  similarity: number;
}

/** What the query side reads, and the one write it makes (feedback). */
export interface IndexReader {
  manifest(): Promise<IndexManifest>;
  /**
   * Picks up what another process committed since the last call (a new manifest, new vectors); cheap when
   * nothing changed. Resolves true when something did.
   */
  refresh(): Promise<boolean>;
  /** Passages holding any of the phrases (folded words each), best first (BM25 or equivalent), within the filters. */
  fullText(phrases: string[][], filters: SearchFilters, limit: number): Promise<PassageRow[]>;
  /** Whether the index holds vectors made by this model (the manifest's embedding JSON). */
  hasVectorsOf(modelJson: string): Promise<boolean>;
  /** Nearest passages by cosine similarity, within the filters; exactly `limit` when that many qualify. */
  nearestPassages(vector: Float32Array, filters: SearchFilters, limit: number): Promise<(PassageRow & { similarity: number })[]>;
  /** How many passages hold each folded word (0 when none): for word weights and keeping only matchable expansions. */
  passagesWith(words: string[]): Promise<Map<string, number>>;
  passageCount(): Promise<number>;
  documentCount(): Promise<number>;
  outlets(): Promise<string[]>;
  /** The languages the articles are written in (as detected or declared; undetected ones are left out), sorted. */
  languages(): Promise<string[]>;
  /** Every indexed article, newest first (undated last). */
  summaries(): Promise<SourceSummary[]>;
  summary(id: string): Promise<SourceSummary | null>;
  passage(id: number): Promise<Passage | null>;
  documentPassages(documentId: string): Promise<(Passage & { groupId: number })[]>;
  stats(embeddingModel: string | null): Promise<IndexStats>;
  /** Stores one 👍/👎; rejects with a busy error (isBusy) while a run holds the write lock, for the caller to retry. */
  recordFeedback(feedback: Feedback): Promise<void>;
  close(): Promise<void>;
}

/** A file that points at a document, as stored. */
export interface StoredFile {
  absPath: string;
  file: string;
  hash: string;
}

export interface FileRecord extends StoredFile {
  documentId: string;
  isPrimary: boolean;
}

export interface IndexContents {
  documents: number;
  passages: number;
  /** Files stored as copies of another file's document. */
  duplicates: { file: string; duplicateOf: string }[];
}

/**
 * One indexing run. Reads are allowed at any time; writes only between begin() and commit(), which make
 * them visible all at once (one transaction): a run killed at any point leaves the last commit. Only one
 * writer runs at a time (a lock file for SQLite, an advisory lock for Postgres): each back end's opening
 * function takes it, waiting up to INDEX_LOCK_WAIT seconds, and close() releases it.
 */
export interface IndexWriter {
  manifest(): Promise<IndexManifest>;
  files(): Promise<FileRecord[]>;
  documentIds(): Promise<string[]>;
  /** Every stored document's text (a re-chunking re-splits them). */
  documentTexts(): AsyncIterable<string>;
  /** Every stored passage (a model change embeds them all again). */
  passages(): AsyncIterable<{ id: number; text: string }>;
  begin(): Promise<void>;
  commit(manifest: Omit<IndexManifest, 'updatedAt'>): Promise<void>;
  rollback(): Promise<void>;
  /** For each document sharing any of these sentence fingerprints: how many it shares, and how many it has. */
  fingerprintMatches(fingerprints: string[]): Promise<{ documentId: string; shared: number; total: number }[]>;
  addFingerprints(documentId: string, fingerprints: Iterable<string>): Promise<void>;
  documentFingerprints(documentId: string): Promise<string[]>;
  storedArticle(id: string): Promise<{ article: Article; files: StoredFile[] }>;
  /** Stores a document, its passages (with their near-duplicate groups) and fingerprints; returns the passages. */
  insertDocument(id: string, article: Article, spans: PassageSpan[], fingerprints: string[]): Promise<Passage[]>;
  /** Deletes a document with its passages, vectors, aliases and search rows; returns the passage ids it had. */
  deleteDocument(id: string): Promise<number[]>;
  updateMetadata(id: string, article: Pick<Article, 'title' | 'outlet' | 'authors' | 'published' | 'language' | 'url'>): Promise<void>;
  recordFile(absPath: string, file: string, hash: string, documentId: string): Promise<void>;
  forgetFile(absPath: string): Promise<void>;
  /** The model whose vectors this run writes: vectors of another model are dropped (all passages are embedded again). */
  useModel(modelJson: string | null): Promise<{ rebuildAll: boolean }>;
  addVectors(vectors: { passageId: number; vector: Float32Array }[]): Promise<void>;
  contents(): Promise<IndexContents>;
  close(): Promise<void>;
}
