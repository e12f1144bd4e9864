import type { ArticleMeta } from '../domain.js';

/** What a format reader (scraped text, HTML, Markdown) gets out of a file before sidecar overrides. */
export interface Extracted extends ArticleMeta {
  /** Cleaned body: paragraphs separated by a blank line. */
  text: string;
}

/** Why a page cannot be extracted; the reader adds the file's name (extractors only see text). */
export class UnextractableError extends Error {
  override name = 'UnextractableError';
}
