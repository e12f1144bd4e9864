/** The feed store beside the index: Postgres when DATABASE_URL is set, else the SQLite file in INDEX_DIR. */
import type { FeedStore } from './feed-store.js';
import type { IndexLocation } from './open-store.js';
import { openPostgresFeeds } from './postgres/feeds.js';
import { openSqliteFeeds } from './sqlite/feeds.js';

/** Opens nothing yet: the connection is made, and the tables created, on first use. */
export function openFeedStore(where: IndexLocation): FeedStore {
  return where.databaseUrl ? openPostgresFeeds(where.databaseUrl) : openSqliteFeeds(where.indexDir);
}
