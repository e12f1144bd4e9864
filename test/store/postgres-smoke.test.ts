/**
 * Proves the machine can run what the Postgres back end relies on: a throwaway Postgres 15 cluster, pgvector's HNSW
 * cosine search with the session settings the store uses, full-text ranking, and advisory locks between clients.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresUnavailableReason, startPostgres, type PostgresCluster } from '../helpers/postgres.js';

const unavailable = postgresUnavailableReason();
if (unavailable) console.warn(`postgres smoke test skipped: ${unavailable}`);

describe.skipIf(unavailable)(`Postgres 15 smoke${unavailable ? ` (skipped: ${unavailable})` : ''}`, () => {
  let cluster: PostgresCluster;
  let pool: pg.Pool;

  beforeAll(async () => {
    const started = await startPostgres();
    if (!started) throw new Error(`startPostgres() returned null: ${postgresUnavailableReason()}`);
    cluster = started;
    pool = new pg.Pool({ connectionString: cluster.url, max: 4, connectionTimeoutMillis: 5_000 });
  });
  afterAll(async () => {
    await pool?.end();
    await cluster?.stop();
  });

  it('is Postgres 15', async () => {
    const { rows } = await pool.query<{ version: string }>('SELECT version()');
    expect(rows[0]!.version).toMatch(/^PostgreSQL 15\.\d+/);
  });

  it('finds nearest neighbours by cosine distance through an HNSW index', async (ctx) => {
    if (!cluster.hasVector) ctx.skip('pgvector is not installed; run `bash scripts/setup-postgres.sh`');
    const client = await pool.connect();
    try {
      await client.query('CREATE EXTENSION IF NOT EXISTS vector');
      await client.query('CREATE TABLE items (id int PRIMARY KEY, embedding vector(3) NOT NULL)');
      await client.query('CREATE INDEX items_embedding ON items USING hnsw (embedding vector_cosine_ops)');
      const items: [number, number[]][] = [
        [1, [1, 0, 0]],
        [2, [0, 1, 0]],
        [3, [0, 0, 1]],
        [4, [0.9, 0.1, 0]],
        [5, [0.5, 0.5, 0.5]],
      ];
      for (const [id, embedding] of items) {
        await client.query('INSERT INTO items (id, embedding) VALUES ($1, $2)', [id, JSON.stringify(embedding)]);
      }
      await client.query('SET hnsw.ef_search = 40');
      await client.query('SET hnsw.iterative_scan = relaxed_order');
      // Five rows would otherwise be a sequential scan, and the index would go untested.
      await client.query('SET enable_seqscan = off');
      const nearest = `SELECT id FROM items ORDER BY embedding <=> '[1,0,0]' LIMIT 2`;
      const plan = await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${nearest}`);
      expect(plan.rows.map((r) => r['QUERY PLAN']).join('\n')).toContain('items_embedding');
      const { rows } = await client.query<{ id: number }>(nearest);
      expect(rows.map((r) => r.id)).toEqual([1, 4]);
    } finally {
      client.release();
    }
  });

  it('ranks full-text matches with ts_rank_cd over a GIN index', async () => {
    await pool.query(`CREATE TABLE passages (
      id int PRIMARY KEY,
      body text NOT NULL,
      terms tsvector GENERATED ALWAYS AS (to_tsvector('english', body)) STORED)`);
    await pool.query('CREATE INDEX passages_terms ON passages USING gin (terms)');
    await pool.query(
      `INSERT INTO passages (id, body) VALUES
        (1, 'Polish foreign minister Sikorski revealed Warsaw''s position on Tuesday.'),
        (2, 'Markets in Frankfurt closed higher after the central bank decision.'),
        (3, 'Warsaw weather stayed cold through the weekend.')`,
    );
    const { rows } = await pool.query<{ id: number }>(
      `SELECT id, ts_rank_cd(terms, query) AS rank
         FROM passages, websearch_to_tsquery('english', $1) AS query
        WHERE terms @@ query
        ORDER BY rank DESC`,
      ['Sikorski Warsaw position'],
    );
    expect(rows.map((r) => r.id)).toEqual([1]);
  });

  it('refuses an advisory lock to a second client while the first holds it', async () => {
    const holder = await pool.connect();
    const other = await pool.connect();
    const tryLock = async (client: pg.PoolClient) =>
      (await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock(9001) AS locked')).rows[0]!.locked;
    try {
      expect(await tryLock(holder)).toBe(true);
      expect(await tryLock(other)).toBe(false);
      await holder.query('SELECT pg_advisory_unlock(9001)');
      expect(await tryLock(other)).toBe(true);
      await other.query('SELECT pg_advisory_unlock(9001)');
    } finally {
      holder.release();
      other.release();
    }
  });
});
