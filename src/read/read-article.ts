/**
 * Reads one coverage file into a cleaned Article: decode, extract by format, apply the sidecar,
 * hash. Every way a file can be unusable becomes a ReadError that names the file and the reason.
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Article } from '../domain.js';
import { ReadError } from '../errors.js';
import { checkSize, decodeText } from './decode.js';
import type { Extracted } from './extracted.js';
import { extractHtml } from './html.js';
import { extractMarkdown } from './markdown.js';
import { extractScrapedText } from './scraped-text.js';
import { readSidecar } from './sidecar.js';

export { MAX_ARTICLE_BYTES } from './decode.js';

const EXTRACTORS: Record<string, (text: string) => Extracted> = {
  '.txt': extractScrapedText,
  '.html': extractHtml,
  '.htm': extractHtml,
  '.md': extractMarkdown,
};

const ERRNO_REASONS: Record<string, string> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'is a folder, not a file',
};

function unreadable(file: string, cause: unknown): ReadError {
  const code = (cause as NodeJS.ErrnoException).code ?? '';
  return new ReadError(file, `cannot read the file: ${ERRNO_REASONS[code] ?? (code || 'unknown error')}`, { cause });
}

async function readBytes(filePath: string, displayPath: string): Promise<Buffer> {
  try {
    const info = await stat(filePath);
    if (info.isDirectory()) throw Object.assign(new Error('directory'), { code: 'EISDIR' });
    // Checked before reading so a huge file is refused without loading it.
    checkSize(info.size, displayPath);
    return await readFile(filePath);
  } catch (cause) {
    if (cause instanceof ReadError) throw cause;
    throw unreadable(displayPath, cause);
  }
}

export async function readArticle(filePath: string, displayPath: string): Promise<Article> {
  const extractor = EXTRACTORS[path.extname(filePath).toLowerCase()];
  if (!extractor) throw new ReadError(displayPath, 'unsupported file type (expected .txt, .html, .htm or .md)');
  const bytes = await readBytes(filePath, displayPath);
  const extracted = extractor(decodeText(bytes, displayPath));
  const sidecar = await readSidecar(filePath, displayPath);
  if (extracted.text.trim() === '') throw new ReadError(displayPath, 'no article text left after cleaning');
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
