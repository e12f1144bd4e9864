/**
 * Fetched pages kept as files under INDEX_DIR, for the indexer to read like any other article: what `/add` and
 * the feeds both save, each in its own folder.
 */
import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { UserError } from '../errors.js';
import type { FetchedPage } from './fetch-url.js';

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

/** Writes `body` as `<indexDir>/<folder>/<name>`, replacing an earlier copy. */
export async function saveUnder(indexDir: string, name: string, body: Buffer, folder = 'added'): Promise<string> {
  const dir = path.join(indexDir, folder);
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, name);
  await writeFile(file, body);
  return file;
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
  const file = await saveUnder(indexDir, name, page.body, options.folder);
  const meta = Object.fromEntries(Object.entries(options.meta).filter(([, v]) => v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0)));
  await writeFile(`${file}.meta.json`, JSON.stringify(meta) + '\n');
  return file;
}

