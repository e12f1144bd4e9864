import type { IndexManifest } from '../index-store.js';
import type { Sql } from './sql.js';

const MANIFEST_KEYS = ['chunking', 'embedding', 'updatedAt'] as const;

export async function readKey(sql: Sql, key: string): Promise<string | null> {
  const { rows } = await sql.query<{ value: string }>('SELECT value FROM manifest WHERE key = $1', [key]);
  return rows[0]?.value ?? null;
}

/** Sets each key given; null removes it. */
export async function writeKeys(sql: Sql, entries: Record<string, string | null>): Promise<void> {
  for (const [key, value] of Object.entries(entries)) {
    if (value === null) await sql.query('DELETE FROM manifest WHERE key = $1', [key]);
    else await sql.query('INSERT INTO manifest (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value', [key, value]);
  }
}

export async function readManifest(sql: Sql): Promise<IndexManifest> {
  const { rows } = await sql.query<{ key: string; value: string }>('SELECT key, value FROM manifest WHERE key = ANY($1::text[])', [[...MANIFEST_KEYS]]);
  const get = (key: string) => rows.find((r) => r.key === key)?.value ?? null;
  return { chunking: get('chunking'), embedding: get('embedding'), updatedAt: get('updatedAt') };
}
