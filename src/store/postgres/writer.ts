/**
 * One indexing run over Postgres, on one dedicated connection: the advisory lock (taken at open, released
 * at close) and the run's one transaction (begin to commit) both live on it, so a run killed at any point
 * leaves the last commit and frees the lock with its connection.
 */
import pg from 'pg';
import type { Article, Passage, PassageSpan } from '../../domain.js';
import { foldForIndex } from '../../text/fold.js';
import type { FileRecord, IndexContents, IndexManifest, IndexWriter, StoredFile } from '../index-store.js';
import { insertDocument } from './documents.js';
import { acquireAdvisoryLock, releaseAdvisoryLock } from './lock.js';
import { readKey, readManifest, writeKeys } from './manifest.js';
import { migrate } from './schema.js';
import { TEXT_SEARCH_CONFIG } from './sql.js';
import * as vectors from './vectors.js';

export interface PostgresWriterOptions {
  /** Seconds to wait for another indexing run's advisory lock (INDEX_LOCK_WAIT). */
  lockWaitSeconds: number;
  /** Notices: waiting for another run, migrations, a server without pgvector. */
  log?: (line: string) => void;
}

/** Rows fetched at a time when a run reads every document or passage. */
const PAGE_SIZE = 500;

/** Connects, takes the indexing lock, then creates or migrates the schema. */
export async function openPostgresWriter(url: string, options: PostgresWriterOptions): Promise<IndexWriter> {
  const log = options.log ?? (() => {});
  const client = new pg.Client({ connectionString: url });
  // Without a listener, a dropped connection would crash the process; the next query reports it instead.
  client.on('error', (error) => log(`Postgres connection of the indexing run failed: ${error.message}`));
  await client.connect();
  try {
    await acquireAdvisoryLock(client, options.lockWaitSeconds, log);
    await migrate(client, log);
    return new PostgresIndexWriter(client, await vectors.enableVectorExtension(client, log), log);
  } catch (error) {
    await client.end();
    throw error;
  }
}

class PostgresIndexWriter implements IndexWriter {
  private inTransaction = false;
  /** The model named by useModel (null: none, so no vectors). */
  private runModel: string | null = null;
  /** Set when the run's model differs from the stored vectors': a new table replaces theirs at commit. */
  private replacement: { modelJson: string | null; dimensions: number | null } | null = null;

  constructor(
    private readonly client: pg.Client,
    private readonly vectorsEnabled: boolean,
    private readonly log: (line: string) => void,
  ) {}

  manifest(): Promise<IndexManifest> {
    return readManifest(this.client);
  }

  async files(): Promise<FileRecord[]> {
    const { rows } = await this.client.query<FileRecord>(
      `SELECT f.abs_path AS "absPath", f.file, f.hash, f.document_id AS "documentId", (d.file = f.file) AS "isPrimary"
       FROM files f JOIN documents d ON d.id = f.document_id`,
    );
    return rows;
  }

  async documentIds(): Promise<string[]> {
    return (await this.client.query<{ id: string }>('SELECT id FROM documents')).rows.map((r) => r.id);
  }

  async *documentTexts(): AsyncIterable<string> {
    for await (const row of this.pages<{ id: string; text: string }>('SELECT id, text FROM documents WHERE id > $1 ORDER BY id LIMIT $2', '')) {
      yield row.text;
    }
  }

  async *passages(): AsyncIterable<{ id: number; text: string }> {
    yield* this.pages<{ id: number; text: string }>('SELECT id, text FROM passages WHERE id > $1 ORDER BY id LIMIT $2', 0);
  }

  /** Reads a whole table a page at a time (keyset paging on id), so a large index is never held in memory. */
  private async *pages<R extends { id: string | number }>(text: string, before: R['id']): AsyncIterable<R> {
    for (let after = before; ; ) {
      const { rows } = await this.client.query<R>(text, [after, PAGE_SIZE]);
      yield* rows;
      if (rows.length < PAGE_SIZE) return;
      after = rows.at(-1)!.id;
    }
  }

  async begin(): Promise<void> {
    await this.client.query('BEGIN');
    this.inTransaction = true;
    if (this.replacement) await this.startReplacement();
  }

  async commit(manifest: Omit<IndexManifest, 'updatedAt'>): Promise<void> {
    if (this.replacement) {
      await vectors.promoteNextVectorTable(this.client, this.replacement.dimensions, this.log);
      await writeKeys(this.client, { [vectors.VECTOR_MODEL_KEY]: this.replacement.modelJson });
    }
    await writeKeys(this.client, {
      chunking: manifest.chunking,
      // A server without pgvector holds no vectors, whatever model the run used.
      embedding: this.vectorsEnabled ? manifest.embedding : null,
      updatedAt: new Date().toISOString(),
    });
    await this.client.query('COMMIT');
    this.inTransaction = false;
    this.replacement = null;
  }

  async rollback(): Promise<void> {
    if (!this.inTransaction) return;
    await this.client.query('ROLLBACK');
    this.inTransaction = false;
  }

  async fingerprintMatches(fingerprints: string[]): Promise<{ documentId: string; shared: number; total: number }[]> {
    const { rows } = await this.client.query<{ documentId: string; shared: number; total: number }>(
      `SELECT f.document_id AS "documentId", count(DISTINCT f.hash)::int AS shared,
         (SELECT count(DISTINCT t.hash)::int FROM fingerprints t WHERE t.document_id = f.document_id) AS total
       FROM fingerprints f WHERE f.hash = ANY($1::text[]) GROUP BY f.document_id`,
      [[...new Set(fingerprints)]],
    );
    return rows;
  }

  async addFingerprints(documentId: string, fingerprints: Iterable<string>): Promise<void> {
    await this.client.query(
      `INSERT INTO fingerprints (hash, document_id) SELECT DISTINCT h, $1 FROM unnest($2::text[]) AS h
       WHERE NOT EXISTS (SELECT 1 FROM fingerprints f WHERE f.hash = h AND f.document_id = $1)`,
      [documentId, [...fingerprints]],
    );
  }

  async documentFingerprints(documentId: string): Promise<string[]> {
    const { rows } = await this.client.query<{ hash: string }>('SELECT DISTINCT hash FROM fingerprints WHERE document_id = $1', [documentId]);
    return rows.map((r) => r.hash);
  }

  async storedArticle(id: string): Promise<{ article: Article; files: StoredFile[] }> {
    const { rows } = await this.client.query<Omit<Article, 'authors' | 'contentHash'> & { authors: string }>(
      'SELECT file, title, outlet, authors, published, language, url, text FROM documents WHERE id = $1',
      [id],
    );
    const row = rows[0];
    if (!row) throw new Error(`No stored document ${id}.`);
    const files = (await this.client.query<StoredFile>('SELECT abs_path AS "absPath", file, hash FROM files WHERE document_id = $1', [id])).rows;
    const primaryHash = files.find((f) => f.file === row.file)?.hash ?? '';
    return { article: { ...row, authors: JSON.parse(row.authors) as string[], contentHash: primaryHash }, files };
  }

  insertDocument(id: string, article: Article, spans: PassageSpan[], fingerprints: string[]): Promise<Passage[]> {
    return insertDocument(this.client, id, article, spans, fingerprints);
  }

  /** Passages, bands, vectors, files and fingerprints go with the document (ON DELETE CASCADE). */
  async deleteDocument(id: string): Promise<number[]> {
    const { rows } = await this.client.query<{ id: number }>('SELECT id FROM passages WHERE document_id = $1 ORDER BY id', [id]);
    await this.client.query('DELETE FROM documents WHERE id = $1', [id]);
    return rows.map((r) => r.id);
  }

  async updateMetadata(id: string, a: Pick<Article, 'title' | 'outlet' | 'authors' | 'published' | 'language' | 'url'>): Promise<void> {
    await this.client.query('UPDATE documents SET title = $1, outlet = $2, authors = $3, published = $4, language = $5, url = $6 WHERE id = $7', [
      a.title,
      a.outlet,
      JSON.stringify(a.authors),
      a.published,
      a.language,
      a.url,
      id,
    ]);
    await this.client.query(`UPDATE passages SET title_terms = to_tsvector('${TEXT_SEARCH_CONFIG}', $1) WHERE document_id = $2`, [
      foldForIndex(a.title ?? ''),
      id,
    ]);
  }

  async recordFile(absPath: string, file: string, hash: string, documentId: string): Promise<void> {
    await this.client.query(
      `INSERT INTO files (abs_path, file, hash, document_id) VALUES ($1, $2, $3, $4)
       ON CONFLICT (abs_path) DO UPDATE SET file = excluded.file, hash = excluded.hash, document_id = excluded.document_id`,
      [absPath, file, hash, documentId],
    );
  }

  async forgetFile(absPath: string): Promise<void> {
    await this.client.query('DELETE FROM files WHERE abs_path = $1', [absPath]);
  }

  /**
   * Another model's vectors are never mixed with this run's: the run writes a new table, which replaces
   * the old one at commit (a new model may have other dimensions). A run killed before its commit leaves
   * the old vectors searchable.
   */
  async useModel(modelJson: string | null): Promise<{ rebuildAll: boolean }> {
    if (!this.vectorsEnabled) return { rebuildAll: false };
    this.runModel = modelJson;
    const stored = await readKey(this.client, vectors.VECTOR_MODEL_KEY);
    const same = modelJson === stored && (modelJson === null || (await vectors.hasVectorTable(this.client)));
    this.replacement = same ? null : { modelJson, dimensions: modelJson === null ? null : vectors.modelDimensions(modelJson) };
    // The indexer names the model before the transaction opens; then begin() creates the table.
    if (this.replacement && this.inTransaction) await this.startReplacement();
    return { rebuildAll: !same && modelJson !== null };
  }

  private async startReplacement(): Promise<void> {
    const { dimensions } = this.replacement!;
    if (dimensions !== null) await vectors.createNextVectorTable(this.client, dimensions);
  }

  async addVectors(batch: { passageId: number; vector: Float32Array }[]): Promise<void> {
    if (!this.vectorsEnabled) return;
    if (this.runModel === null) throw new Error('addVectors before useModel: the run has no model.');
    await vectors.addVectors(this.client, this.replacement ? vectors.NEXT_VECTORS : vectors.LIVE_VECTORS, batch);
  }

  async contents(): Promise<IndexContents> {
    const { rows } = await this.client.query<{ documents: number; passages: number }>(
      'SELECT (SELECT count(*)::int FROM documents) AS documents, (SELECT count(*)::int FROM passages) AS passages',
    );
    const duplicates = (
      await this.client.query<{ file: string; duplicateOf: string }>(
        'SELECT f.file, d.file AS "duplicateOf" FROM files f JOIN documents d ON d.id = f.document_id WHERE f.file <> d.file ORDER BY f.file COLLATE "C"',
      )
    ).rows;
    return { ...rows[0]!, duplicates };
  }

  /** Rolls back an unfinished run, releases the lock and closes the connection. */
  async close(): Promise<void> {
    try {
      await this.rollback();
      await releaseAdvisoryLock(this.client);
    } finally {
      await this.client.end();
    }
  }

}
