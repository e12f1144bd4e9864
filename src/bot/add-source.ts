import path from 'node:path';
import type { Attachment } from 'discord.js';
import { UserError } from '../errors.js';
import { fetchUrl, MAX_BYTES } from '../read/fetch-url.js';
import { savePage, saveUnder, slug } from '../read/save-page.js';

/** What `/add` can index: the extensions the readers understand. */
export const ADDABLE = ['.txt', '.md', '.html', '.htm'] as const;

export interface SavedSource {
  /** Absolute path under `<indexDir>/added/`, handed to coverage.addFiles. */
  file: string;
  /** What the user gave, for the reply. */
  origin: string;
}

/**
 * Fetches a page and saves it as `<host>-<path slug>-<hash of URL>.html` (or .txt/.md), so adding
 * the same URL again updates the same file, with a `.meta.json` sidecar holding the final URL.
 */
export async function saveFromUrl(indexDir: string, url: string, allowLoopback: boolean): Promise<SavedSource> {
  const page = await fetchUrl(url.trim(), { allowLoopback });
  return { file: await savePage(indexDir, page, { key: url.trim(), folder: 'added', meta: { url: page.url } }), origin: url.trim() };
}

/**
 * Downloads an attachment from the URL Discord gave, through the same guarded fetcher as pages (so
 * a forged or redirected attachment URL gets no more reach than a typed one), and saves it under its
 * own name, sanitised: uploading a new version of a file updates it.
 */
export async function saveAttachment(indexDir: string, attachment: Pick<Attachment, 'name' | 'url' | 'size'>, allowLoopback: boolean): Promise<SavedSource> {
  const ext = path.extname(attachment.name).toLowerCase();
  if (!(ADDABLE as readonly string[]).includes(ext)) {
    throw new UserError(`Only ${ADDABLE.join(', ')} files can be added; “${attachment.name}” is not one.`);
  }
  if (attachment.size > MAX_BYTES) throw new UserError(`The file is larger than ${MAX_BYTES / 1024 / 1024} MB.`);
  const page = await fetchUrl(attachment.url, { allowLoopback });
  const name = `${slug(path.basename(attachment.name, ext))}${ext === '.htm' ? '.html' : ext}`;
  return { file: await saveUnder(indexDir, name, page.body), origin: attachment.name };
}
