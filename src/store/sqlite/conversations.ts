/**
 * Conversations in the index's SQLite file, in a table of their own (the index schema and its migrations never
 * name it, so re-indexing leaves it alone). One read-write connection opened on first use with a short busy
 * timeout, like feedback's: reads go through while an indexing run holds the write lock (WAL), and a write
 * that meets the lock fails fast with SQLITE_BUSY for the caller's queue to retry.
 */
import Database from 'better-sqlite3';
import path from 'node:path';
import type { Turn } from '../../conversation/turn.js';
import type { ConversationStore } from '../conversation-store.js';
import { DATABASE_FILE, type Db } from './database.js';

const BUSY_TIMEOUT_MS = 200;
const TABLE = 'conversation_turns';

export function openSqliteConversations(indexDir: string): ConversationStore {
  return new SqliteConversations(path.join(indexDir, DATABASE_FILE));
}

class SqliteConversations implements ConversationStore {
  private db: Db | null = null;
  private tableReady = false;
  private closed = false;

  constructor(private readonly file: string) {}

  private connection(): Db {
    if (this.closed) throw new Error('The conversation store was closed.');
    if (!this.db) {
      // The index builds the file (openCoverage runs first); a missing file is an error, not a new empty index.
      const db = new Database(this.file, { fileMustExist: true });
      db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
      this.db = db;
    }
    return this.db;
  }

  /** Whether the table exists, without writing: reading must not wait for an indexing run. */
  private hasTable(db: Db): boolean {
    this.tableReady ||= db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(TABLE) !== undefined;
    return this.tableReady;
  }

  private ensureTable(db: Db): void {
    if (this.hasTable(db)) return;
    db.exec(`CREATE TABLE IF NOT EXISTS ${TABLE} (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      session_key TEXT NOT NULL,
      turn TEXT NOT NULL,
      created_at TEXT NOT NULL
    );
    CREATE INDEX IF NOT EXISTS ${TABLE}_session ON ${TABLE} (session_key, id);`);
    this.tableReady = true;
  }

  async turns(sessionKey: string, limit: number): Promise<Turn[]> {
    const db = this.connection();
    if (!this.hasTable(db)) return [];
    const rows = db
      .prepare(`SELECT turn FROM (SELECT id, turn FROM ${TABLE} WHERE session_key = ? ORDER BY id DESC LIMIT ?) ORDER BY id`)
      .pluck()
      .all(sessionKey, limit) as string[];
    return rows.map((row) => JSON.parse(row) as Turn);
  }

  async addTurn(sessionKey: string, turn: Turn, keep: number): Promise<void> {
    const db = this.connection();
    this.ensureTable(db);
    db.transaction(() => {
      db.prepare(`INSERT INTO ${TABLE} (session_key, turn, created_at) VALUES (?, ?, ?)`).run(sessionKey, JSON.stringify(turn), new Date().toISOString());
      db.prepare(`DELETE FROM ${TABLE} WHERE session_key = ? AND id NOT IN (SELECT id FROM ${TABLE} WHERE session_key = ? ORDER BY id DESC LIMIT ?)`).run(sessionKey, sessionKey, keep);
    }).immediate();
  }

  async clear(sessionKey: string): Promise<void> {
    const db = this.connection();
    if (this.hasTable(db)) db.prepare(`DELETE FROM ${TABLE} WHERE session_key = ?`).run(sessionKey);
  }

  async close(): Promise<void> {
    this.closed = true;
    this.db?.close();
    this.db = null;
  }
}
