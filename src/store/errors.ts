import { UserError } from '../errors.js';

/** The index is missing or was built by an older version: only the indexer can (re)build it. */
export class IndexNotReadyError extends UserError {
  override name = 'IndexNotReadyError';
}

/** Another indexing run held the index past INDEX_LOCK_WAIT. */
export class IndexLockTimeoutError extends UserError {
  override name = 'IndexLockTimeoutError';
}

/** A write refused because an indexing run holds the index's write lock (SQLite): worth retrying shortly. */
export function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'));
}
