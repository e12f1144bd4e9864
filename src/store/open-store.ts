/**
 * Where the index lives decides the back end: Postgres (with pgvector) when DATABASE_URL is set, else the
 * SQLite file and vector files in INDEX_DIR. Callers hold the interface (index-store.ts), never a back end.
 */
import { IndexNotReadyError } from './errors.js';
import type { IndexReader, IndexWriter } from './index-store.js';
import { openPostgresReader, openPostgresWriter } from './postgres/index.js';
import { storedChunking } from './sqlite/database.js';
import { DEFAULT_LOCK_WAIT_SECONDS } from './sqlite/lock.js';
import { openSqliteReader } from './sqlite/reader.js';
import { openSqliteWriter } from './sqlite/writer.js';

export interface IndexLocation {
  indexDir: string;
  /** postgres:// URL, or null for SQLite in indexDir. */
  databaseUrl: string | null;
}

export interface WriterOptions {
  /** Seconds to wait for another indexing run (INDEX_LOCK_WAIT). */
  lockWaitSeconds?: number;
  log?: (line: string) => void;
}

export interface ReaderOptions {
  /** HNSW candidate-list size at query time (VECTOR_EF_SEARCH): higher finds more true neighbours, slower. */
  efSearch?: number;
}

/** The query side; IndexNotReadyError when there is no index yet or an older one. */
export function openIndexReader(where: IndexLocation, options: ReaderOptions = {}): Promise<IndexReader> {
  return where.databaseUrl ? openPostgresReader(where.databaseUrl, options) : openSqliteReader(where.indexDir, options);
}

/** One indexing run; opening takes the one-writer lock, waiting up to lockWaitSeconds. */
export function openIndexWriter(where: IndexLocation, options: WriterOptions = {}): Promise<IndexWriter> {
  if (!where.databaseUrl) return openSqliteWriter(where.indexDir, options);
  return openPostgresWriter(where.databaseUrl, { lockWaitSeconds: options.lockWaitSeconds ?? DEFAULT_LOCK_WAIT_SECONDS, log: options.log });
}

/** The chunking version the index was built with, or null when there is no index a reader can open. */
export async function builtChunking(where: IndexLocation): Promise<string | null> {
  if (!where.databaseUrl) return storedChunking(where.indexDir);
  let reader: IndexReader;
  try {
    reader = await openPostgresReader(where.databaseUrl);
  } catch (error) {
    if (error instanceof IndexNotReadyError) return null;
    throw error;
  }
  try {
    return (await reader.manifest()).chunking;
  } finally {
    await reader.close();
  }
}
