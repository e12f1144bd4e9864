import type { SearchFilters } from '../domain.js';
import { UserError } from '../errors.js';

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

export function hasFilters(filters: SearchFilters): boolean {
  return Boolean(filters.outlet || filters.author || filters.since || filters.until || filters.documentId);
}
