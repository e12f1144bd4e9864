import type { SearchFilters } from '../../domain.js';
import { hasFilters } from '../../search/filters.js';
import type { PassageRow } from '../index-store.js';
import { filterClause } from './filters.js';
import type { Db } from './database.js';
import type { VectorIndex } from './vectors.js';

/** Below this many allowed passages a filtered vector search is exact rather than approximate. */
const EXACT_SEARCH_LIMIT = 20_000;

export const PASSAGE_COLUMNS = 'p.id AS passageId, p.document_id AS documentId, p.group_id AS groupId, p.start, p.end, p.text';

/**
 * Nearest passages by cosine: a narrow filter searches its passages exactly (graph search loses recall
 * there), a wide one searches the graph with a filter. A label whose passage is gone (deleted after the
 * vector file was written) is skipped.
 */
export function nearestPassages(
  db: Db,
  vectors: VectorIndex,
  vector: Float32Array,
  filters: SearchFilters,
  limit: number,
): (PassageRow & { similarity: number })[] {
  let hits;
  if (hasFilters(filters)) {
    const allowed = passageIdsWithin(db, filters);
    const set = new Set(allowed);
    hits = allowed.length <= EXACT_SEARCH_LIMIT ? vectors.exactSearch(vector, limit, allowed) : vectors.search(vector, limit, (label) => set.has(label));
  } else {
    hits = vectors.search(vector, limit);
  }
  const similarity = new Map(hits.map((h) => [h.label, h.similarity]));
  return passageRows(db, hits.map((h) => h.label)).map((row) => ({ ...row, similarity: similarity.get(row.passageId)! }));
}

/** Ids of the passages of documents within the filters. */
function passageIdsWithin(db: Db, filters: SearchFilters): number[] {
  const where = filterClause(filters);
  return db.prepare(`SELECT p.id FROM passages p JOIN documents d ON d.id = p.document_id WHERE 1${where.sql}`).pluck().all(...where.params) as number[];
}

/** The passages of these ids that still exist, in the order given. */
function passageRows(db: Db, ids: number[]): PassageRow[] {
  const byId = db.prepare(`SELECT ${PASSAGE_COLUMNS} FROM passages p WHERE p.id = ?`);
  return ids.flatMap((id) => {
    const row = byId.get(id) as PassageRow | undefined;
    return row ? [row] : [];
  });
}
