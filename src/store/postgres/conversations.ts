/**
 * Conversations in the Postgres index's database, in a table of their own that the index migrations never
 * name. The table is created on first use under a transaction-scoped advisory lock, so two bots starting at
 * once do not race on CREATE TABLE IF NOT EXISTS (which can fail with a unique violation when they do).
 */
import pg from 'pg';
import type { Turn } from '../../conversation/turn.js';
import type { ConversationStore } from '../conversation-store.js';

/** The ASCII bytes of "convturn" as a 64-bit integer: apart from the indexing run's key (lock.ts). */
const CREATE_LOCK_KEY = '7165066987208798830';
const POOL_SIZE = 2;
const CONNECT_TIMEOUT_MS = 10_000;
const TABLE = 'conversation_turns';

export function openPostgresConversations(url: string): ConversationStore {
  const pool = new pg.Pool({ connectionString: url, max: POOL_SIZE, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  // An idle connection the server drops must not crash the bot: the pool replaces it on the next query.
  pool.on('error', () => {});
  return new PostgresConversations(pool);
}

class PostgresConversations implements ConversationStore {
  private ready: Promise<void> | null = null;

  constructor(private readonly pool: pg.Pool) {}

  private ensureTable(): Promise<void> {
    this.ready ??= this.createTable().catch((error: unknown) => {
      this.ready = null;
      throw error;
    });
    return this.ready;
  }

  private async createTable(): Promise<void> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('SELECT pg_advisory_xact_lock($1::bigint)', [CREATE_LOCK_KEY]);
      await client.query(`CREATE TABLE IF NOT EXISTS ${TABLE} (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        session_key text NOT NULL,
        turn jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
      await client.query(`CREATE INDEX IF NOT EXISTS ${TABLE}_session ON ${TABLE} (session_key, id)`);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
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
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query(`INSERT INTO ${TABLE} (session_key, turn) VALUES ($1, $2)`, [sessionKey, JSON.stringify(turn)]);
      await client.query(
        `DELETE FROM ${TABLE} WHERE session_key = $1 AND id NOT IN (SELECT id FROM ${TABLE} WHERE session_key = $1 ORDER BY id DESC LIMIT $2)`,
        [sessionKey, keep],
      );
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }

  async clear(sessionKey: string): Promise<void> {
    await this.ensureTable();
    await this.pool.query(`DELETE FROM ${TABLE} WHERE session_key = $1`, [sessionKey]);
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
