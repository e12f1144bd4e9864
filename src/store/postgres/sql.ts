import type pg from 'pg';
import type { SearchFilters } from '../../domain.js';
import { IndexLockTimeoutError, IndexNotReadyError } from '../errors.js';

/** What both a pool and a single connection can do: run one parameterised statement. */
export interface Sql {
  query<R extends pg.QueryResultRow = pg.QueryResultRow>(text: string, values?: unknown[]): Promise<pg.QueryResult<R>>;
}

export { IndexLockTimeoutError, IndexNotReadyError };

/**
 * The text search configuration the migrations create: the `simple` parser and token types, with words
 * stemmed by Snowball English but no stop words (see schema.ts for why).
 */
export const TEXT_SEARCH_CONFIG = 'coverage';

export const PASSAGE_COLUMNS =
  'p.id AS "passageId", p.document_id AS "documentId", p.group_id AS "groupId", p.span_start AS start, p.span_end AS "end", p.text';

/** Builds a statement's parameter list alongside its text, so values never enter the SQL. */
export class Params {
  readonly values: unknown[] = [];

  /** Adds a value and returns its placeholder ($n). */
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/**
 * Conditions on the documents table `d`, applied inside the search so that a narrow filter keeps its best
 * passages. Same meaning as the SQLite back end: outlet equal ignoring case, author a case-insensitive
 * substring of the authors JSON, since/until inclusive on the yyyy-mm-dd published date.
 */
export function filterConditions(filters: SearchFilters, params: Params): string {
  const parts: string[] = [];
  if (filters.outlet) parts.push(`lower(d.outlet) = lower(${params.add(filters.outlet)})`);
  // strpos, not LIKE: a % or _ in a name is a character, not a wildcard.
  if (filters.author) parts.push(`strpos(lower(d.authors), lower(${params.add(filters.author)})) > 0`);
  if (filters.since) parts.push(`d.published >= ${params.add(filters.since)}`);
  if (filters.until) parts.push(`d.published <= ${params.add(filters.until)}`);
  if (filters.documentId) parts.push(`d.id = ${params.add(filters.documentId)}`);
  return parts.map((part) => ` AND ${part}`).join('');
}

/** pgvector's text form of a vector. */
export function vectorLiteral(vector: Float32Array): string {
  return `[${Array.from(vector).join(',')}]`;
}

export function isUndefinedTable(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === '42P01';
}
