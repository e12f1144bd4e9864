import Database from 'better-sqlite3';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { IndexNotReadyError } from '../errors.js';
import type { IndexManifest } from '../index-store.js';
import { SCHEMA, SCHEMA_VERSION } from './schema.js';

export type Db = Database.Database;

export const DATABASE_FILE = 'coverage.sqlite';

/** The stored manifest: the interface's, plus the vector file it makes current. */
export interface Manifest extends IndexManifest {
  /** File name of the current vector index in INDEX_DIR. */
  vectorsFile: string | null;
}

export { IndexNotReadyError };

export interface OpenDatabaseOptions {
  /** Opens without writing anything (no journal mode change, no migration): for queries. */
  readonly?: boolean;
  /** Milliseconds a statement waits for another connection's lock before SQLITE_BUSY (default 10000). */
  busyTimeoutMs?: number;
}

export function openDatabase(indexDir: string, options: OpenDatabaseOptions = {}): Db {
  const file = path.join(indexDir, DATABASE_FILE);
  if (options.readonly) return openReadonly(indexDir, file, options.busyTimeoutMs ?? 10000);
  mkdirSync(indexDir, { recursive: true });
  const db = new Database(file);
  // WAL lets the bot keep reading while the indexer writes; a killed writer leaves the last commit intact.
  // Setting WAL on a database already in WAL mode writes nothing.
  if (db.pragma('journal_mode', { simple: true }) !== 'wal') db.pragma('journal_mode = WAL');
  db.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 10000}`);
  db.pragma('foreign_keys = ON');
  migrate(db);
  return db;
}

function openReadonly(indexDir: string, file: string, busyTimeoutMs: number): Db {
  const rebuild = `run npm run index to build it (INDEX_DIR=${indexDir})`;
  if (!existsSync(file)) throw new IndexNotReadyError(`No index in ${indexDir}: ${rebuild}.`);
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    db.pragma(`busy_timeout = ${busyTimeoutMs}`);
    db.pragma('foreign_keys = ON');
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version !== SCHEMA_VERSION) {
      throw new IndexNotReadyError(
        version === 0
          ? `The index in ${indexDir} is empty or incomplete: ${rebuild}.`
          : `The index in ${indexDir} was built by an older version (schema ${version}, now ${SCHEMA_VERSION}): ${rebuild}.`,
      );
    }
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}

/** Brings the schema up to date; writes nothing when it already is. */
function migrate(db: Db): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version === SCHEMA_VERSION) return;
  if (version !== 0) {
    db.exec(`DROP TABLE IF EXISTS passages_vocab; DROP TABLE IF EXISTS passages_fts; DROP TABLE IF EXISTS fingerprints;
      DROP TABLE IF EXISTS passages; DROP TABLE IF EXISTS files; DROP TABLE IF EXISTS documents; DELETE FROM manifest;`);
  }
  db.exec(SCHEMA);
  db.pragma(`user_version = ${SCHEMA_VERSION}`);
}

export function readManifest(db: Db): Manifest {
  const rows = db.prepare('SELECT key, value FROM manifest').all() as { key: string; value: string }[];
  const get = (k: string) => rows.find((r) => r.key === k)?.value ?? null;
  return { chunking: get('chunking'), embedding: get('embedding'), vectorsFile: get('vectorsFile'), updatedAt: get('updatedAt') };
}

export function writeManifest(db: Db, manifest: Partial<Manifest>): void {
  const upsert = db.prepare('INSERT INTO manifest(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');
  const remove = db.prepare('DELETE FROM manifest WHERE key = ?');
  for (const [key, value] of Object.entries(manifest)) {
    if (value === null) remove.run(key);
    else if (value !== undefined) upsert.run(key, value);
  }
}

/** The chunking version of the index in `indexDir`, or null when there is no index a reader can open. */
export function storedChunking(indexDir: string): string | null {
  let db: Db;
  try {
    db = openDatabase(indexDir, { readonly: true });
  } catch (error) {
    if (error instanceof IndexNotReadyError) return null;
    throw error;
  }
  try {
    return readManifest(db).chunking;
  } finally {
    db.close();
  }
}
