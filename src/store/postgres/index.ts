/** The Postgres + pgvector back end of the storage interface (index-store.ts), chosen when DATABASE_URL is set. */
export { openPostgresReader } from './reader.js';
export { openPostgresWriter, type PostgresWriterOptions } from './writer.js';
export { IndexLockTimeoutError, IndexNotReadyError } from './sql.js';
