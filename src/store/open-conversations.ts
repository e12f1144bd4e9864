/**
 * The conversation store beside the index, on the same back end: the Postgres database when DATABASE_URL is
 * set, else the SQLite file in INDEX_DIR. Nothing is opened until the first read or write.
 */
import type { ConversationStore } from './conversation-store.js';
import type { IndexLocation } from './open-store.js';
import { openPostgresConversations } from './postgres/conversations.js';
import { openSqliteConversations } from './sqlite/conversations.js';

export function openConversations(where: IndexLocation): ConversationStore {
  return where.databaseUrl ? openPostgresConversations(where.databaseUrl) : openSqliteConversations(where.indexDir);
}
