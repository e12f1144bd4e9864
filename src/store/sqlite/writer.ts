/**
 * One indexing run over SQLite and an HNSW file, on the index's one writable connection, under the index
 * lock. The run's writes happen between begin() and commit(), as one transaction; the vector file it
 * writes gets a new name and becomes current only through that commit, so a run killed at any point
 * leaves the last commit, vectors included.
 */
import type { Article, Passage, PassageSpan } from '../../domain.js';
import type { FileRecord, IndexContents, IndexManifest, IndexWriter, StoredFile } from '../index-store.js';
import { openDatabase, readManifest, writeManifest, type Db, type Manifest } from './database.js';
import { allFiles, deleteDocument, forgetFile, insertDocument, recordFile } from './documents.js';
import { acquireIndexLock, type IndexLock } from './lock.js';
import { loadManifestVectors, removeStaleVectorFiles, VectorIndex } from './vectors.js';

export interface WriterOptions {
  /** Seconds to wait for another indexing run of the same index (INDEX_LOCK_WAIT); default 60. */
  lockWaitSeconds?: number;
  /** Notices, such as waiting for another run. */
  log?: (line: string) => void;
}

/** Takes the index lock (one writer at a time, from planning to commit), then opens, creating or migrating, the index. */
export async function openSqliteWriter(indexDir: string, options: WriterOptions = {}): Promise<SqliteIndexWriter> {
  const lock = await acquireIndexLock(indexDir, { waitSeconds: options.lockWaitSeconds, log: options.log });
  try {
    return new SqliteIndexWriter(indexDir, openDatabase(indexDir), lock);
  } catch (error) {
    lock.release();
    throw error;
  }
}

export class SqliteIndexWriter implements IndexWriter {
  /** The model of the vectors this run writes (null: it writes none). */
  private modelJson: string | null = null;
  /** Those vectors, loaded by useModel() and dropped by a rollback; whether they differ from the current file. */
  private vectors: VectorIndex | null = null;
  private vectorsChanged = false;

  constructor(
    private readonly indexDir: string,
    private readonly db: Db,
    private readonly lock: IndexLock,
  ) {}

  async manifest(): Promise<Manifest> {
    return readManifest(this.db);
  }

  async files(): Promise<FileRecord[]> {
    return allFiles(this.db);
  }

  async documentIds(): Promise<string[]> {
    return this.db.prepare('SELECT id FROM documents').pluck().all() as string[];
  }

  async *documentTexts(): AsyncIterable<string> {
    yield* this.db.prepare('SELECT text FROM documents').pluck().iterate() as Iterable<string>;
  }

  async *passages(): AsyncIterable<{ id: number; text: string }> {
    yield* this.db.prepare('SELECT id, text FROM passages').iterate() as Iterable<{ id: number; text: string }>;
  }

  async useModel(modelJson: string | null): Promise<{ rebuildAll: boolean }> {
    this.modelJson = modelJson;
    return { rebuildAll: this.loadVectors() };
  }

  /** The committed vectors of the run's model, or an empty index when there are none; true when empty. */
  private loadVectors(): boolean {
    this.vectors?.release();
    this.vectors = null;
    this.vectorsChanged = false;
    if (this.modelJson === null) return false;
    const manifest = readManifest(this.db);
    const current = manifest.embedding === this.modelJson ? loadManifestVectors(this.indexDir, manifest) : null;
    this.vectors = current ?? VectorIndex.create((JSON.parse(this.modelJson) as { dimensions: number }).dimensions);
    this.vectorsChanged = current === null;
    return current === null;
  }

  async addVectors(vectors: { passageId: number; vector: Float32Array }[]): Promise<void> {
    if (!this.vectors) throw new Error('addVectors before useModel: the run has no model.');
    for (const { passageId, vector } of vectors) this.vectors.add(passageId, vector);
    if (vectors.length) this.vectorsChanged = true;
  }

  /** Opens the run's transaction, taking SQLite's write lock for its length. */
  async begin(): Promise<void> {
    this.db.exec('BEGIN IMMEDIATE');
  }

  /**
   * Saves the run's vectors under a new name when they changed, points the manifest at them, and commits:
   * the commit is the one moment the run becomes visible. Vector files no longer named are removed after.
   */
  async commit(manifest: Omit<IndexManifest, 'updatedAt'>): Promise<void> {
    const current = readManifest(this.db).vectorsFile;
    const vectorsFile = !this.vectors ? null : this.vectorsChanged || !current ? this.vectors.saveNew(this.indexDir) : current;
    writeManifest(this.db, { chunking: manifest.chunking, embedding: manifest.embedding, vectorsFile, updatedAt: new Date().toISOString() });
    this.db.exec('COMMIT');
    this.vectorsChanged = false;
    removeStaleVectorFiles(this.indexDir, vectorsFile);
  }

  /** Undoes the run's writes, its vectors too: a later run on this writer starts from the last commit. */
  async rollback(): Promise<void> {
    if (!this.db.inTransaction) return;
    this.db.exec('ROLLBACK');
    if (this.vectorsChanged) this.loadVectors();
  }

  async fingerprintMatches(fingerprints: string[]): Promise<{ documentId: string; shared: number; total: number }[]> {
    const counts = new Map<string, number>();
    const lookup = this.db.prepare('SELECT DISTINCT document_id FROM fingerprints WHERE hash = ?').pluck();
    for (const hash of fingerprints) {
      for (const id of lookup.all(hash) as string[]) counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    const total = this.db.prepare('SELECT count(DISTINCT hash) FROM fingerprints WHERE document_id = ?').pluck();
    return [...counts].map(([documentId, shared]) => ({ documentId, shared, total: total.get(documentId) as number }));
  }

  /** Records a copy's fingerprints under its document, so later copies are matched against every copy. */
  async addFingerprints(documentId: string, fingerprints: Iterable<string>): Promise<void> {
    const add = this.db.prepare(
      'INSERT INTO fingerprints (hash, document_id) SELECT @hash, @id WHERE NOT EXISTS (SELECT 1 FROM fingerprints WHERE hash = @hash AND document_id = @id)',
    );
    for (const hash of fingerprints) add.run({ hash, id: documentId });
  }

  async documentFingerprints(documentId: string): Promise<string[]> {
    return this.db.prepare('SELECT DISTINCT hash FROM fingerprints WHERE document_id = ?').pluck().all(documentId) as string[];
  }

  /** A document as stored, with the files (primary and aliases) that point at it. */
  async storedArticle(id: string): Promise<{ article: Article; files: StoredFile[] }> {
    const row = this.db
      .prepare('SELECT file, title, outlet, authors, published, language, url, text FROM documents WHERE id = ?')
      .get(id) as Omit<Article, 'authors' | 'contentHash'> & { authors: string };
    const files = this.db.prepare('SELECT abs_path AS absPath, file, hash FROM files WHERE document_id = ?').all(id) as StoredFile[];
    const primaryHash = files.find((f) => f.file === row.file)?.hash ?? '';
    return { article: { ...row, authors: JSON.parse(row.authors) as string[], contentHash: primaryHash }, files };
  }

  async insertDocument(id: string, article: Article, spans: PassageSpan[], fingerprints: string[]): Promise<Passage[]> {
    return insertDocument(this.db, id, article, spans, fingerprints);
  }

  async deleteDocument(id: string): Promise<number[]> {
    const passageIds = deleteDocument(this.db, id);
    if (this.vectors && passageIds.length) {
      for (const passageId of passageIds) this.vectors.remove(passageId);
      this.vectorsChanged = true;
    }
    return passageIds;
  }

  /** Replaces a document's metadata (the text and passages stay). */
  async updateMetadata(id: string, a: Pick<Article, 'title' | 'outlet' | 'authors' | 'published' | 'language' | 'url'>): Promise<void> {
    this.db
      .prepare('UPDATE documents SET title = ?, outlet = ?, authors = ?, published = ?, language = ?, url = ? WHERE id = ?')
      .run(a.title, a.outlet, JSON.stringify(a.authors), a.published, a.language, a.url, id);
  }

  async recordFile(absPath: string, file: string, hash: string, documentId: string): Promise<void> {
    recordFile(this.db, absPath, file, hash, documentId);
  }

  async forgetFile(absPath: string): Promise<void> {
    forgetFile(this.db, absPath);
  }

  async contents(): Promise<IndexContents> {
    const count = (table: 'documents' | 'passages') => this.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
    const duplicates = this.db
      .prepare('SELECT f.file, d.file AS duplicateOf FROM files f JOIN documents d ON d.id = f.document_id WHERE f.file <> d.file ORDER BY f.file')
      .all() as { file: string; duplicateOf: string }[];
    return { documents: count('documents'), passages: count('passages'), duplicates };
  }

  /** Releases the index lock: the next run may start. */
  async close(): Promise<void> {
    try {
      this.vectors?.release();
      this.vectors = null;
      this.db.close();
    } finally {
      this.lock.release();
    }
  }
}
