import type { SourceSummary } from '../domain.js';
import { MONTH_NAMES } from '../text/dates-in-text.js';

/** yyyy-mm-dd → "4 August 2024". */
export function longDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d} ${MONTH_NAMES[m! - 1]} ${y}`;
}

/** A ready-to-paste citation: Author, "Title", Outlet, D Month YYYY, URL (unknown parts left out). */
export function citationLine(source: Pick<SourceSummary, 'author' | 'title' | 'outlet' | 'published' | 'url' | 'file'>): string {
  const parts = [
    source.author,
    source.title ? `"${source.title}"` : null,
    source.outlet,
    source.published ? longDate(source.published) : null,
    source.url,
  ].filter((p): p is string => Boolean(p));
  return parts.length ? parts.join(', ') : source.file;
}
