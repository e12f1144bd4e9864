import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { SCHEMA, SCHEMA_VERSION } from './schema.js';

export type Db = Database.Database;

export const DATABASE_FILE = 'coverage.sqlite';

/** What the index was built with. A mismatch in chunking rebuilds passages; in model, vectors. */
export interface Manifest {
  chunking: string | null;
  /** JSON of EmbeddingModelInfo, or null when the index has no vectors. */
  embedding: string | null;
  /** File name of the current vector index in INDEX_DIR. */
  vectorsFile: string | null;
  updatedAt: string | null;
}

export function openDatabase(indexDir: string, options: { readonly?: boolean } = {}): Db {
  mkdirSync(indexDir, { recursive: true });
  const db = new Database(path.join(indexDir, DATABASE_FILE), { readonly: options.readonly ?? false });
  // WAL lets the bot keep reading while the indexer writes; a killed writer leaves the last commit intact.
  if (!options.readonly) db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 10000');
  db.pragma('foreign_keys = ON');
  if (!options.readonly) migrate(db);
  return db;
}

function migrate(db: Db): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version !== 0 && version !== SCHEMA_VERSION) {
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
