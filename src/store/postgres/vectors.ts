/**
 * Passage vectors in pgvector: one table, passage_vectors, whose vector(n) column has the current model's
 * dimensions, with an HNSW cosine index. The model it holds is the manifest's `vectorModel` key; vectors of
 * two models are never mixed (a run with a new model fills a new table, which replaces the old at commit).
 */
import type { SearchFilters } from '../../domain.js';
import type { PassageRow } from '../index-store.js';
import { filterConditions, Params, PASSAGE_COLUMNS, vectorLiteral, type Sql } from './sql.js';

/** Candidate-list size at query time: the SQLite back end's DEFAULT_EF (recall@10 ≥ 0.98 in its benchmark). */
export const DEFAULT_EF_SEARCH = 400;
/** pgvector's HNSW index takes vectors of at most this many dimensions; larger ones are searched exactly. */
const HNSW_MAX_DIMENSIONS = 2000;
const PGVECTOR_MAX_DIMENSIONS = 16000;

export const VECTOR_MODEL_KEY = 'vectorModel';
export const LIVE_VECTORS = 'passage_vectors';
export const NEXT_VECTORS = 'passage_vectors_next';
export type VectorTable = typeof LIVE_VECTORS | typeof NEXT_VECTORS;

/**
 * Session settings for k-NN: ef_search as SQLite's, and iterative scans, so that a filtered search keeps
 * walking the graph until `limit` rows pass the filter instead of returning the few of the first ef_search.
 */
export function vectorSessionOptions(efSearch = DEFAULT_EF_SEARCH): string {
  return `-c hnsw.ef_search=${Math.round(efSearch)} -c hnsw.iterative_scan=relaxed_order`;
}
export const VECTOR_SESSION_OPTIONS = vectorSessionOptions();

export async function hasVectorExtension(sql: Sql): Promise<boolean> {
  return (await sql.query(`SELECT 1 FROM pg_extension WHERE extname = 'vector'`)).rowCount === 1;
}

/** Creates the extension when the server has pgvector; false (and why, in the log) when it cannot. */
export async function enableVectorExtension(sql: Sql, log: (line: string) => void): Promise<boolean> {
  if (await hasVectorExtension(sql)) return true;
  if ((await sql.query(`SELECT 1 FROM pg_available_extensions WHERE name = 'vector'`)).rowCount !== 1) {
    log('This Postgres server has no pgvector (extension "vector"): the index is built without vectors, and search uses full text only.');
    return false;
  }
  try {
    await sql.query('CREATE EXTENSION IF NOT EXISTS vector');
    return true;
  } catch (error) {
    log(`Could not create the pgvector extension (${(error as Error).message}): the index is built without vectors, and search uses full text only.`);
    return false;
  }
}

export async function hasVectorTable(sql: Sql): Promise<boolean> {
  const { rows } = await sql.query<{ exists: boolean }>('SELECT to_regclass($1) IS NOT NULL AS exists', [LIVE_VECTORS]);
  return rows[0]!.exists;
}

/** The dimensions an embedding model's JSON declares, checked because they become part of a column type. */
export function modelDimensions(modelJson: string): number {
  const dimensions = (JSON.parse(modelJson) as { dimensions?: unknown }).dimensions;
  if (typeof dimensions !== 'number' || !Number.isInteger(dimensions) || dimensions < 1 || dimensions > PGVECTOR_MAX_DIMENSIONS) {
    throw new Error(`The embedding model declares ${String(dimensions)} dimensions; pgvector stores 1 to ${PGVECTOR_MAX_DIMENSIONS}.`);
  }
  return dimensions;
}

/**
 * An empty table for a new model's `dimensions`-long vectors, private to the run's transaction until it
 * commits. The run fills it, and commit puts it in place (promoteNextVectorTable): dropping or altering
 * the live table now would hold its exclusive lock for the whole run, and every question's vector search
 * would wait for the run to finish.
 */
export async function createNextVectorTable(sql: Sql, dimensions: number): Promise<void> {
  await sql.query(`DROP TABLE IF EXISTS ${NEXT_VECTORS}`);
  // A type modifier cannot be a parameter; `dimensions` is a checked integer (modelDimensions).
  await sql.query(
    `CREATE TABLE ${NEXT_VECTORS} (
       passage_id integer CONSTRAINT ${NEXT_VECTORS}_pkey PRIMARY KEY REFERENCES passages(id) ON DELETE CASCADE,
       embedding vector(${dimensions}) NOT NULL)`,
  );
}

/**
 * At commit: builds the HNSW index over the loaded vectors (faster than growing it row by row), then puts
 * the new table in place of the live one, whose exclusive lock is thus held only for the commit's last moments.
 * `dimensions` null: the run has no model, and the live vectors are dropped.
 */
export async function promoteNextVectorTable(sql: Sql, dimensions: number | null, log: (line: string) => void): Promise<void> {
  if (dimensions !== null && dimensions <= HNSW_MAX_DIMENSIONS) {
    await sql.query(`CREATE INDEX ${NEXT_VECTORS}_embedding ON ${NEXT_VECTORS} USING hnsw (embedding vector_cosine_ops)`);
  } else if (dimensions !== null) {
    log(`The embedding model has ${dimensions} dimensions, more than pgvector's HNSW index takes (${HNSW_MAX_DIMENSIONS}): vector search is exact.`);
  }
  await sql.query(`DROP TABLE IF EXISTS ${LIVE_VECTORS}`);
  if (dimensions === null) return;
  await sql.query(`ALTER TABLE ${NEXT_VECTORS} RENAME TO ${LIVE_VECTORS}`);
  await sql.query(`ALTER INDEX ${NEXT_VECTORS}_pkey RENAME TO ${LIVE_VECTORS}_pkey`);
  await sql.query(`ALTER INDEX IF EXISTS ${NEXT_VECTORS}_embedding RENAME TO ${LIVE_VECTORS}_embedding`);
}

export async function addVectors(sql: Sql, table: VectorTable, vectors: { passageId: number; vector: Float32Array }[]): Promise<void> {
  if (vectors.length === 0) return;
  await sql.query(
    `INSERT INTO ${table} (passage_id, embedding) SELECT * FROM unnest($1::int[], $2::text[]::vector[])
     ON CONFLICT (passage_id) DO UPDATE SET embedding = excluded.embedding`,
    [vectors.map((v) => v.passageId), vectors.map((v) => vectorLiteral(v.vector))],
  );
}

/**
 * Nearest passages by cosine within the filters. relaxed_order may return the rows slightly out of order,
 * so they are sorted again outside the (materialised) k-NN query, as pgvector's documentation advises.
 */
export async function nearestPassages(
  sql: Sql,
  vector: Float32Array,
  filters: SearchFilters,
  limit: number,
): Promise<(PassageRow & { similarity: number })[]> {
  const params = new Params();
  const query = params.add(vectorLiteral(vector));
  const conditions = filterConditions(filters, params);
  const { rows } = await sql.query<PassageRow & { distance: number }>(
    `WITH nearest AS MATERIALIZED (
       SELECT ${PASSAGE_COLUMNS}, v.embedding <=> ${query}::vector AS distance
       FROM passage_vectors v JOIN passages p ON p.id = v.passage_id JOIN documents d ON d.id = p.document_id
       WHERE true${conditions}
       ORDER BY distance LIMIT ${params.add(limit)})
     SELECT * FROM nearest ORDER BY distance, "passageId"`,
    params.values,
  );
  return rows.map(({ distance, ...row }) => ({ ...row, similarity: 1 - distance }));
}
