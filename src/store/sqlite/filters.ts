import type { SearchFilters } from '../../domain.js';

export interface SqlClause {
  sql: string;
  params: string[];
}

/** SQL conditions on the documents table `d`, applied inside the search so a narrow filter keeps its best passages. */
export function filterClause(filters: SearchFilters): SqlClause {
  const parts: string[] = [];
  const params: string[] = [];
  if (filters.outlet) {
    parts.push('d.outlet = ? COLLATE NOCASE');
    params.push(filters.outlet);
  }
  if (filters.author) {
    parts.push("lower(d.authors) LIKE '%' || lower(?) || '%'");
    params.push(filters.author);
  }
  if (filters.since) {
    parts.push('d.published >= ?');
    params.push(filters.since);
  }
  if (filters.until) {
    parts.push('d.published <= ?');
    params.push(filters.until);
  }
  if (filters.documentId) {
    parts.push('d.id = ?');
    params.push(filters.documentId);
  }
  return { sql: parts.length ? ` AND ${parts.join(' AND ')}` : '', params };
}

/**
 * An FTS5 MATCH expression for any of the phrases. Each is quoted, so no word of a question is read as syntax;
 * a phrase ending in "*" (folded words never do) matches any stored word its last word begins.
 */
export function ftsMatchExpression(phrases: string[][]): string | null {
  const clause = (p: string[]) => {
    const text = p.join(' ');
    const prefix = text.endsWith('*');
    return `"${(prefix ? text.slice(0, -1) : text).replace(/"/g, '""')}"${prefix ? '*' : ''}`;
  };
  const clauses = [...new Set(phrases.filter((p) => p.length > 0).map(clause))];
  return clauses.length ? clauses.join(' OR ') : null;
}
