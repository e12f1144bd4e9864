import type { SearchFilters } from '../domain.js';
import { UserError } from '../errors.js';

export interface SqlClause {
  sql: string;
  params: string[];
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Checks a yyyy-mm-dd value: a real calendar date, or a UserError naming the option as the caller spells it. */
export function validateDate(option: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const date = new Date(`${value}T00:00:00Z`);
  if (!ISO_DATE.test(value) || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) {
    throw new UserError(`${option} must be a date written yyyy-mm-dd, got "${value}".`);
  }
  return value;
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
  return { sql: parts.length ? ` AND ${parts.join(' AND ')}` : '', params };
}

export function hasFilters(filters: SearchFilters): boolean {
  return Boolean(filters.outlet || filters.author || filters.since || filters.until);
}
