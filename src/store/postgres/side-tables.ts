/**
 * What the stores kept beside the index (conversations, feeds) share on Postgres: a small pool of their own, and
 * tables that the index migrations never name, created on first use. Creation runs under a transaction-scoped
 * advisory lock, so two bots starting at once do not race on CREATE TABLE IF NOT EXISTS (which can then fail
 * with a unique violation).
 */
import pg from 'pg';

const POOL_SIZE = 2;
const CONNECT_TIMEOUT_MS = 10_000;

export function openSidePool(url: string): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max: POOL_SIZE, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  // An idle connection the server drops must not crash the bot: the pool replaces it on the next query.
  pool.on('error', () => {});
  return pool;
}

/** Runs `work` in one transaction on one connection: committed when it resolves, rolled back when it throws. */
export async function inTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/**
 * A function that creates the tables (`ddl`) once per process, before the first query that needs them; a failed
 * attempt is tried again by the next caller. `lockKey` is a 64-bit integer (as text) of the store's own.
 */
export function tablesOnFirstUse(pool: pg.Pool, lockKey: string, ddl: string): () => Promise<void> {
  let ready: Promise<void> | null = null;
  return () => {
    ready ??= inTransaction(pool, async (client) => {
      await client.query('SELECT pg_advisory_xact_lock($1::bigint)', [lockKey]);
      await client.query(ddl);
    }).catch((error: unknown) => {
      ready = null;
      throw error;
    });
    return ready;
  };
}
