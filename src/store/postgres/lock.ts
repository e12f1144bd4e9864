import type pg from 'pg';
import { IndexLockTimeoutError } from './sql.js';

/**
 * The one advisory lock key of indexing runs: the ASCII bytes of "coverage" as a 64-bit integer, unlikely to
 * collide with another application's keys. Advisory locks are per database, so each index has its own.
 */
export const INDEX_LOCK_KEY = '7165064483209159013';
const POLL_MS = 200;

/**
 * Takes the indexing lock on this connection, trying until `waitSeconds` have passed; it is held until
 * the connection releases it or closes (a killed run's lock goes with its connection).
 */
export async function acquireAdvisoryLock(client: pg.ClientBase, waitSeconds: number, log?: (line: string) => void): Promise<void> {
  const deadline = Date.now() + waitSeconds * 1000;
  let announced = false;
  for (;;) {
    const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1::bigint) AS locked', [INDEX_LOCK_KEY]);
    if (rows[0]!.locked) return;
    if (Date.now() >= deadline) {
      throw new IndexLockTimeoutError(
        `Another indexing run is still writing this Postgres index after ${waitSeconds} s (INDEX_LOCK_WAIT=${waitSeconds}); ` +
          'try again when it has finished, or raise INDEX_LOCK_WAIT.',
      );
    }
    if (!announced) {
      log?.('waiting for another indexing run…');
      announced = true;
    }
    await new Promise((resolve) => setTimeout(resolve, Math.min(POLL_MS, Math.max(10, deadline - Date.now()))));
  }
}

export async function releaseAdvisoryLock(client: pg.ClientBase): Promise<void> {
  await client.query('SELECT pg_advisory_unlock($1::bigint)', [INDEX_LOCK_KEY]);
}
