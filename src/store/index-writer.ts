/**
 * Everything one indexing run reads and writes, over the index's one writable connection. The run's writes
 * happen between begin() and commit(), as one transaction: a run killed at any point leaves the last commit.
 * Nothing outside src/store/ sees SQL or a database handle.
 */
import type { Article, Passage, PassageSpan } from '../domain.js';
import { openDatabase, readManifest, writeManifest, type Db, type Manifest } from './database.js';
import { allFiles, deleteDocument, forgetFile, insertDocument, recordFile, type FileRecord } from './documents.js';

export type { FileRecord } from './documents.js';

/** A file that points at a document, as stored. */
export interface StoredFile {
  absPath: string;
  file: string;
  hash: string;
}

export interface IndexContents {
  documents: number;
  passages: number;
  /** Files stored as copies of another file's document. */
  duplicates: { file: string; duplicateOf: string }[];
}

export class IndexWriter {
  private constructor(private readonly db: Db) {}

  /** Opens (creating or migrating) the index in `indexDir`. The caller holds the index lock. */
  static open(indexDir: string): IndexWriter {
    return new IndexWriter(openDatabase(indexDir));
  }

  manifest(): Manifest {
    return readManifest(this.db);
  }

  files(): FileRecord[] {
    return allFiles(this.db);
  }

  documentIds(): string[] {
    return this.db.prepare('SELECT id FROM documents').pluck().all() as string[];
  }

  /** Every stored document's text, one at a time (a re-chunking re-splits them). */
  *documentTexts(): Iterable<string> {
    yield* this.db.prepare('SELECT text FROM documents').pluck().iterate() as Iterable<string>;
  }

  /** Every stored passage (a model change embeds them all again). */
  *passages(): Iterable<{ id: number; text: string }> {
    yield* this.db.prepare('SELECT id, text FROM passages').iterate() as Iterable<{ id: number; text: string }>;
  }

  /** Opens the run's transaction, taking SQLite's write lock for its length. */
  begin(): void {
    this.db.exec('BEGIN IMMEDIATE');
  }

  commit(): void {
    this.db.exec('COMMIT');
  }

  rollback(): void {
    if (this.db.inTransaction) this.db.exec('ROLLBACK');
  }

  /** For each document sharing any of these sentence fingerprints: how many it shares, and how many it has. */
  fingerprintMatches(fingerprints: string[]): { documentId: string; shared: number; total: number }[] {
    const counts = new Map<string, number>();
    const lookup = this.db.prepare('SELECT DISTINCT document_id FROM fingerprints WHERE hash = ?').pluck();
    for (const hash of fingerprints) {
      for (const id of lookup.all(hash) as string[]) counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    const total = this.db.prepare('SELECT count(DISTINCT hash) FROM fingerprints WHERE document_id = ?').pluck();
    return [...counts].map(([documentId, shared]) => ({ documentId, shared, total: total.get(documentId) as number }));
  }

  /** Records a copy's fingerprints under its document, so later copies are matched against every copy. */
  addFingerprints(documentId: string, fingerprints: Iterable<string>): void {
    const add = this.db.prepare(
      'INSERT INTO fingerprints (hash, document_id) SELECT @hash, @id WHERE NOT EXISTS (SELECT 1 FROM fingerprints WHERE hash = @hash AND document_id = @id)',
    );
    for (const hash of fingerprints) add.run({ hash, id: documentId });
  }

  documentFingerprints(documentId: string): string[] {
    return this.db.prepare('SELECT DISTINCT hash FROM fingerprints WHERE document_id = ?').pluck().all(documentId) as string[];
  }

  /** A document as stored, with the files (primary and aliases) that point at it. */
  storedArticle(id: string): { article: Article; files: StoredFile[] } {
    const row = this.db
      .prepare('SELECT file, title, outlet, authors, published, language, url, text FROM documents WHERE id = ?')
      .get(id) as Omit<Article, 'authors' | 'contentHash'> & { authors: string };
    const files = this.db.prepare('SELECT abs_path AS absPath, file, hash FROM files WHERE document_id = ?').all(id) as StoredFile[];
    const primaryHash = files.find((f) => f.file === row.file)?.hash ?? '';
    return { article: { ...row, authors: JSON.parse(row.authors) as string[], contentHash: primaryHash }, files };
  }

  insertDocument(id: string, article: Article, spans: PassageSpan[], fingerprints: string[]): Passage[] {
    return insertDocument(this.db, id, article, spans, fingerprints);
  }

  /** Deletes a document with its passages, aliases and search rows; returns the passage ids it had. */
  deleteDocument(id: string): number[] {
    return deleteDocument(this.db, id);
  }

  /** Replaces a document's metadata (the text and passages stay). */
  updateMetadata(id: string, a: Pick<Article, 'title' | 'outlet' | 'authors' | 'published' | 'language' | 'url'>): void {
    this.db
      .prepare('UPDATE documents SET title = ?, outlet = ?, authors = ?, published = ?, language = ?, url = ? WHERE id = ?')
      .run(a.title, a.outlet, JSON.stringify(a.authors), a.published, a.language, a.url, id);
  }

  recordFile(absPath: string, file: string, hash: string, documentId: string): void {
    recordFile(this.db, absPath, file, hash, documentId);
  }

  forgetFile(absPath: string): void {
    forgetFile(this.db, absPath);
  }

  writeManifest(manifest: Partial<Manifest>): void {
    writeManifest(this.db, manifest);
  }

  contents(): IndexContents {
    const count = (table: 'documents' | 'passages') => this.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
    const duplicates = this.db
      .prepare('SELECT f.file, d.file AS duplicateOf FROM files f JOIN documents d ON d.id = f.document_id WHERE f.file <> d.file ORDER BY f.file')
      .all() as { file: string; duplicateOf: string }[];
    return { documents: count('documents'), passages: count('passages'), duplicates };
  }

  close(): void {
    this.db.close();
  }
}
