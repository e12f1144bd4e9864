/**
 * Feeds in the index's SQLite file, in tables of their own (the index schema and its migrations never touch
 * them, so re-indexing keeps every feed). Own read-write connection, opened on first use like feedback's, with a
 * short busy timeout: an indexing run holding the write lock makes a feed write fail fast (isBusy) rather than hang.
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Feed, FeedItemRecord, FeedStore, NewFeed, PollFailure, PollSuccess } from '../feed-store.js';
import { DATABASE_FILE, type Db } from './database.js';

const BUSY_TIMEOUT_MS = 2_000;

const FEED_TABLES = `
CREATE TABLE IF NOT EXISTS feeds (
  id INTEGER PRIMARY KEY,
  url TEXT NOT NULL UNIQUE,
  title TEXT,
  channel_id TEXT,
  added_by TEXT,
  added_at TEXT NOT NULL,
  etag TEXT,
  last_modified TEXT,
  last_polled_at TEXT,
  last_success_at TEXT,
  last_error TEXT,
  failures INTEGER NOT NULL DEFAULT 0,
  next_poll_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS feed_items (
  feed_id INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
  item_key TEXT NOT NULL,
  url TEXT NOT NULL,
  title TEXT,
  error TEXT,
  taken_at TEXT NOT NULL,
  PRIMARY KEY (feed_id, item_key)
);
CREATE INDEX IF NOT EXISTS feed_items_url ON feed_items(url);
`;

const FEED_COLUMNS = `f.id, f.url, f.title, f.channel_id AS channelId, f.added_by AS addedBy, f.added_at AS addedAt, f.etag,
  f.last_modified AS lastModified, f.last_polled_at AS lastPolledAt, f.last_success_at AS lastSuccessAt, f.last_error AS lastError,
  f.failures, f.next_poll_at AS nextPollAt,
  (SELECT count(*) FROM feed_items i WHERE i.feed_id = f.id) AS items,
  (SELECT count(*) FROM feed_items i WHERE i.feed_id = f.id AND i.error IS NOT NULL) AS itemErrors,
  (SELECT i.url || ': ' || i.error FROM feed_items i WHERE i.feed_id = f.id AND i.error IS NOT NULL ORDER BY i.taken_at DESC, i.rowid DESC LIMIT 1) AS lastItemError`;

export function openSqliteFeeds(indexDir: string): FeedStore {
  return new SqliteFeedStore(indexDir);
}

class SqliteFeedStore implements FeedStore {
  private handle: Db | null = null;

  constructor(private readonly indexDir: string) {}

  private get db(): Db {
    if (this.handle) return this.handle;
    mkdirSync(this.indexDir, { recursive: true });
    const db = new Database(path.join(this.indexDir, DATABASE_FILE));
    try {
      db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
      // The index's own connections use WAL; a file created here first must match (a no-op when it already is).
      if (db.pragma('journal_mode', { simple: true }) !== 'wal') db.pragma('journal_mode = WAL');
      db.pragma('foreign_keys = ON');
      db.exec(FEED_TABLES);
    } catch (error) {
      db.close();
      throw error;
    }
    this.handle = db;
    return db;
  }

  private one(where: string, ...params: unknown[]): Feed | null {
    return (this.db.prepare(`SELECT ${FEED_COLUMNS} FROM feeds f WHERE ${where}`).get(...params) as Feed | undefined) ?? null;
  }

  async add(feed: NewFeed, now = new Date()): Promise<{ feed: Feed; created: boolean }> {
    const at = now.toISOString();
    const result = this.db
      .prepare('INSERT INTO feeds (url, channel_id, added_by, added_at, next_poll_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT(url) DO NOTHING')
      .run(feed.url, feed.channelId, feed.addedBy, at, at);
    return { feed: this.one('f.url = ?', feed.url)!, created: result.changes === 1 };
  }

  async list(): Promise<Feed[]> {
    return this.db.prepare(`SELECT ${FEED_COLUMNS} FROM feeds f ORDER BY f.added_at, f.id`).all() as Feed[];
  }

  async get(id: number): Promise<Feed | null> {
    return this.one('f.id = ?', id);
  }

  async byUrl(url: string): Promise<Feed | null> {
    return this.one('f.url = ?', url);
  }

  async remove(id: number): Promise<Feed | null> {
    const feed = this.one('f.id = ?', id);
    if (feed) this.db.prepare('DELETE FROM feeds WHERE id = ?').run(id);
    return feed;
  }

  async claimDue(dueBy: Date, leaseUntil: Date): Promise<Feed[]> {
    // Looked at first without the write lock: most minutes nothing is due, and an indexing run may hold it.
    if (this.db.prepare('SELECT 1 FROM feeds WHERE next_poll_at <= ? LIMIT 1').get(dueBy.toISOString()) === undefined) return [];
    // One UPDATE … RETURNING under SQLite's write lock: two processes on one file never claim the same feed.
    const ids = this.db
      .prepare('UPDATE feeds SET next_poll_at = ? WHERE next_poll_at <= ? RETURNING id')
      .pluck()
      .all(leaseUntil.toISOString(), dueBy.toISOString()) as number[];
    return ids.map((id) => this.one('f.id = ?', id)).filter((f): f is Feed => f !== null);
  }

  async seen(feedId: number, items: { key: string; url: string }[]): Promise<Set<string>> {
    const check = this.db.prepare('SELECT 1 FROM feed_items WHERE (feed_id = ? AND item_key = ?) OR url = ? LIMIT 1').pluck();
    return new Set(items.filter((item) => check.get(feedId, item.key, item.url) !== undefined).map((item) => item.key));
  }

  async recordItems(feedId: number, items: FeedItemRecord[]): Promise<void> {
    const insert = this.db.prepare(
      'INSERT INTO feed_items (feed_id, item_key, url, title, error, taken_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING',
    );
    const at = new Date().toISOString();
    this.db.transaction(() => {
      for (const item of items) insert.run(feedId, item.key, item.url, item.title, item.error, at);
    })();
  }

  async recordSuccess(feedId: number, result: PollSuccess): Promise<void> {
    this.db
      .prepare(
        `UPDATE feeds SET title = coalesce(?, title), etag = ?, last_modified = ?, last_polled_at = ?, last_success_at = ?,
         last_error = NULL, failures = 0, next_poll_at = ? WHERE id = ?`,
      )
      .run(result.title, result.etag, result.lastModified, result.polledAt.toISOString(), result.polledAt.toISOString(), result.nextPollAt.toISOString(), feedId);
  }

  async recordFailure(feedId: number, result: PollFailure): Promise<void> {
    this.db
      .prepare('UPDATE feeds SET last_error = ?, failures = failures + 1, last_polled_at = ?, next_poll_at = ? WHERE id = ?')
      .run(result.error, result.polledAt.toISOString(), result.nextPollAt.toISOString(), feedId);
  }

  async close(): Promise<void> {
    if (this.handle?.open) this.handle.close();
    this.handle = null;
  }
}
