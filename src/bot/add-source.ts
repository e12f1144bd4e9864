import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Attachment } from 'discord.js';
import { UserError } from '../errors.js';
import { fetchUrl, MAX_BYTES, type FetchedPage } from '../read/fetch-url.js';

/** What `/add` can index: the extensions the readers understand. */
export const ADDABLE = ['.txt', '.md', '.html', '.htm'] as const;

export interface SavedSource {
  /** Absolute path under `<indexDir>/added/`, handed to coverage.addFiles. */
  file: string;
  /** What the user gave, for the reply. */
  origin: string;
}

/** `[a-z0-9-]` words from any text, at most `max` characters. */
export function slug(text: string, max = 60): string {
  const s = text.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return s.slice(0, max).replace(/-+$/, '') || 'source';
}

const shortHash = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 8);

function extensionFor(contentType: string | null, url: string): string {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (type === 'text/html' || type === 'application/xhtml+xml') return '.html';
  if (type === 'text/markdown' || type === 'text/x-markdown') return '.md';
  if (type === 'text/plain') return /\.md$/i.test(new URL(url).pathname) ? '.md' : '.txt';
  if (!type && /\.(html?|txt|md)$/i.test(new URL(url).pathname)) return path.extname(new URL(url).pathname).toLowerCase();
  throw new UserError(`That address is not a web page or a text file (${type || 'no content type'}).`);
}

async function save(indexDir: string, name: string, body: Buffer, folder = 'added'): Promise<string> {
  const dir = path.join(indexDir, folder);
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, name);
  await writeFile(file, body);
  return file;
}

/**
 * Fetches a page and saves it as `<host>-<path slug>-<hash of URL>.html` (or .txt/.md), so adding
 * the same URL again updates the same file, with a `.meta.json` sidecar holding the final URL.
 */
export async function saveFromUrl(indexDir: string, url: string, allowLoopback: boolean): Promise<SavedSource> {
  const page = await fetchUrl(url.trim(), { allowLoopback });
  return { file: await savePage(indexDir, page, { key: url.trim(), folder: 'added', meta: { url: page.url } }), origin: url.trim() };
}

/** What a `.meta.json` sidecar records about a saved page (see src/read/sidecar.ts): it beats extraction. */
export interface SavedPageMeta {
  url: string;
  title?: string;
  author?: string[];
  /** yyyy-mm-dd */
  published?: string;
}

/**
 * Saves a fetched page as `<folder>/<host>-<path slug>-<hash of key>.html` (or .txt/.md), so saving the same
 * key again updates the same file, with a sidecar: a saved page no longer knows where it came from, and
 * the sidecar gives its citations a link (and, for a feed item, the feed's title, author and date).
 */
export async function savePage(indexDir: string, page: FetchedPage, options: { key: string; folder: string; meta: SavedPageMeta }): Promise<string> {
  const u = new URL(page.url);
  const name = `${slug(u.hostname + u.pathname)}-${shortHash(options.key)}${extensionFor(page.contentType, page.url)}`;
  const file = await save(indexDir, name, page.body, options.folder);
  const meta = Object.fromEntries(Object.entries(options.meta).filter(([, v]) => v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0)));
  await writeFile(`${file}.meta.json`, JSON.stringify(meta) + '\n');
  return file;
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
  return { file: await save(indexDir, name, page.body), origin: attachment.name };
}
