/** Conversations in the Postgres index's database, in a table of their own (see side-tables.ts). */
import type pg from 'pg';
import type { Turn } from '../../conversation/turn.js';
import type { ConversationStore } from '../conversation-store.js';
import { inTransaction, openSidePool, tablesOnFirstUse } from './side-tables.js';

/** The ASCII bytes of "convturn" as a 64-bit integer: apart from the indexing run's key (lock.ts). */
const CREATE_LOCK_KEY = '7165066987208798830';
const TABLE = 'conversation_turns';

export function openPostgresConversations(url: string): ConversationStore {
  return new PostgresConversations(openSidePool(url));
}

class PostgresConversations implements ConversationStore {
  private readonly ensureTable: () => Promise<void>;

  constructor(private readonly pool: pg.Pool) {
    this.ensureTable = tablesOnFirstUse(
      pool,
      CREATE_LOCK_KEY,
      `CREATE TABLE IF NOT EXISTS ${TABLE} (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        session_key text NOT NULL,
        turn jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX IF NOT EXISTS ${TABLE}_session ON ${TABLE} (session_key, id);`,
    );
  }

  async turns(sessionKey: string, limit: number): Promise<Turn[]> {
    await this.ensureTable();
    const { rows } = await this.pool.query<{ turn: Turn }>(
      `SELECT turn FROM (SELECT id, turn FROM ${TABLE} WHERE session_key = $1 ORDER BY id DESC LIMIT $2) AS latest ORDER BY id`,
      [sessionKey, limit],
    );
    return rows.map((r) => r.turn);
  }

  async addTurn(sessionKey: string, turn: Turn, keep: number): Promise<void> {
    await this.ensureTable();
    await inTransaction(this.pool, async (client) => {
      await client.query(`INSERT INTO ${TABLE} (session_key, turn) VALUES ($1, $2)`, [sessionKey, JSON.stringify(turn)]);
      await client.query(
        `DELETE FROM ${TABLE} WHERE session_key = $1 AND id NOT IN (SELECT id FROM ${TABLE} WHERE session_key = $1 ORDER BY id DESC LIMIT $2)`,
        [sessionKey, keep],
      );
    });
  }

  async clear(sessionKey: string): Promise<void> {
    await this.ensureTable();
    await this.pool.query(`DELETE FROM ${TABLE} WHERE session_key = $1`, [sessionKey]);
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
