/**
 * Reads one coverage file into a cleaned Article: decode, extract by format, apply the sidecar,
 * hash. Every way a file can be unusable becomes a ReadError that names the file and the reason.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { Article } from '../domain.js';
import { ReadError } from '../errors.js';
import { decodeText, textLengthProblem } from './decode.js';
import { UnextractableError, type Extracted } from './extracted.js';
import { extractHtml } from './html.js';
import { extractMarkdown } from './markdown.js';
import { extractScrapedText } from './scraped-text.js';
import { readRegularFile } from './regular-file.js';
import { readSidecar } from './sidecar.js';

export { MAX_ARTICLE_BYTES, MAX_ARTICLE_CHARS } from './decode.js';

const EXTRACTORS: Record<string, (text: string) => Extracted> = {
  '.txt': extractScrapedText,
  '.html': extractHtml,
  '.htm': extractHtml,
  '.md': extractMarkdown,
};

function checkTextLength(length: number, displayPath: string): void {
  const problem = textLengthProblem(length, 'article text');
  if (problem) throw new ReadError(displayPath, problem);
}

function extract(extractor: (text: string) => Extracted, text: string, displayPath: string): Extracted {
  try {
    return extractor(text);
  } catch (error) {
    if (error instanceof UnextractableError) throw new ReadError(displayPath, error.message, { cause: error });
    throw error;
  }
}

export async function readArticle(filePath: string, displayPath: string): Promise<Article> {
  const extractor = EXTRACTORS[path.extname(filePath).toLowerCase()];
  if (!extractor) throw new ReadError(displayPath, 'unsupported file type (expected .txt, .html, .htm or .md)');
  // Bounded: the size is checked before reading and the read stops at the limit.
  const bytes = await readRegularFile(filePath, displayPath);
  const raw = decodeText(bytes, displayPath);
  // Plain text and Markdown only lose characters when cleaned: a file over the limit is refused before cleaning.
  if (extractor !== extractHtml) checkTextLength(raw.length, displayPath);
  const extracted = extract(extractor, raw, displayPath);
  const sidecar = await readSidecar(filePath, displayPath);
  if (extracted.text.trim() === '') throw new ReadError(displayPath, 'no article text left after cleaning');
  checkTextLength(extracted.text.length, displayPath);
  const hash = createHash('sha256').update(bytes);
  if (sidecar) hash.update(sidecar.bytes);
  const meta = { ...extracted, ...sidecar?.overrides };
  return {
    file: displayPath,
    contentHash: hash.digest('hex'),
    title: meta.title,
    outlet: meta.outlet,
    authors: meta.authors,
    published: meta.published,
    language: meta.language,
    url: meta.url,
    text: extracted.text,
  };
}
