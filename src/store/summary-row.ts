import type { SourceSummary } from '../domain.js';

/** A document row as both back ends read it for the sources list: authors as stored JSON, aliases as a list. */
export interface SummaryRow {
  id: string;
  file: string;
  title: string | null;
  outlet: string | null;
  authors: string;
  published: string | null;
  language: string | null;
  url: string | null;
  passages: number;
  aliases: string[];
}

export function toSummary(row: SummaryRow): SourceSummary {
  const authors = JSON.parse(row.authors) as string[];
  return {
    id: row.id,
    file: row.file,
    aliases: [...row.aliases].sort(),
    title: row.title,
    outlet: row.outlet,
    author: authors.length ? authors.join(', ') : null,
    published: row.published,
    url: row.url,
    language: row.language,
    passages: row.passages,
  };
}
