/**
 * One poll of one feed: a conditional GET through the SSRF-guarded fetcher, the items not seen before, each
 * item's page fetched through the same fetcher and saved with the feed's metadata in a sidecar, then one
 * indexing run for them all. Whatever fails is recorded on the feed (with back-off) or on the item.
 */
import path from 'node:path';
import { savePage } from '../read/save-page.js';
import type { IndexReport } from '../domain.js';
import { fetchUrl, type FetchedPage } from '../read/fetch-url.js';
import type { Feed, FeedItemRecord, FeedStore } from '../store/feed-store.js';
import { nextPollDelayMs } from './backoff.js';
import { FeedError } from './feed-error.js';
import { parseFeedXml, type FeedEntry } from './parse-feed.js';

/** A feed is a list of links: anything bigger is not one (and must not cost more memory than this). */
export const MAX_FEED_BYTES = 20 * 1024 * 1024;
/** Items taken per poll; the rest stay unseen and come with the next polls. */
export const MAX_NEW_ITEMS_PER_POLL = 50;
const FEED_TIMEOUT_MS = 30_000;
const FEED_ACCEPT = 'application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, application/xml;q=0.8, text/xml;q=0.8, */*;q=0.5';
/** Feed items are saved here, beside /add's `added/`, so the two never overwrite each other. */
export const FEED_FOLDER = 'feeds';

export interface PollDeps {
  store: FeedStore;
  indexDir: string;
  pollMinutes: number;
  /** Lets loopback through (ALLOW_PRIVATE_URLS, tests only); private and link-local stay refused. */
  allowLoopback: boolean;
  /** Indexes saved files: coverage.addFiles, behind the bot's queue when there is one. */
  index(files: string[]): Promise<IndexReport>;
  now?: () => Date;
  /** Set at shutdown: the poll stops taking items, and what it has not taken stays unseen for the next poll. */
  signal?: AbortSignal;
}

/** An item indexed by this poll. */
export interface IndexedItem extends FeedEntry {
  file: string;
}

export type PollResult =
  | { status: 'unchanged'; feed: Feed }
  | { status: 'updated'; feed: Feed; title: string | null; indexed: IndexedItem[]; failed: FeedItemRecord[]; alreadySeen: number }
  | { status: 'failed'; feed: Feed; error: string };

export async function pollFeed(feed: Feed, deps: PollDeps): Promise<PollResult> {
  const now = deps.now ?? (() => new Date());
  const polledAt = now();
  try {
    const page = await fetchFeed(feed.url, { allowLoopback: deps.allowLoopback, etag: feed.etag, lastModified: feed.lastModified, signal: deps.signal });
    if (page.status === 304) {
      await deps.store.recordSuccess(feed.id, { title: null, etag: page.etag ?? feed.etag, lastModified: page.lastModified ?? feed.lastModified, polledAt, nextPollAt: later(polledAt, deps.pollMinutes, 0) });
      return { status: 'unchanged', feed };
    }
    const parsed = parseFeedXml(decodeFeed(page.body), feed.url);
    const fresh = uniqueEntries(parsed.entries);
    const seen = await deps.store.seen(feed.id, fresh);
    const unseen = fresh.filter((e) => !seen.has(e.key));
    const { indexed, failed, taken } = await takeItems(unseen.slice(0, MAX_NEW_ITEMS_PER_POLL), deps);
    await deps.store.recordItems(feed.id, [...indexed.map((i) => record(i, null)), ...failed]);
    // Items left for later (over the per-poll cap, or a shutdown) must not hide behind a 304 next time.
    const complete = taken === unseen.length;
    await deps.store.recordSuccess(feed.id, {
      title: parsed.title,
      etag: complete ? page.etag : null,
      lastModified: complete ? page.lastModified : null,
      polledAt,
      nextPollAt: later(polledAt, deps.pollMinutes, 0),
    });
    return { status: 'updated', feed, title: parsed.title, indexed, failed, alreadySeen: fresh.length - unseen.length };
  } catch (error) {
    // Stopped at shutdown: no failure to count; the claim's lease runs out and the feed is polled again.
    if (deps.signal?.aborted) return { status: 'failed', feed, error: `Feed ${feed.url}: the poll was stopped` };
    const message = error instanceof FeedError ? error.message : `Feed ${feed.url}: ${(error as Error).message}`;
    await deps.store.recordFailure(feed.id, { error: message, polledAt, nextPollAt: later(polledAt, deps.pollMinutes, feed.failures + 1) });
    return { status: 'failed', feed, error: message };
  }
}

/**
 * GETs a feed through the guarded fetcher, with the validators of its last answer when there are some, so an
 * unchanged feed costs a 304 and nothing else. Every failure is a FeedError naming the feed.
 */
export async function fetchFeed(
  url: string,
  options: { allowLoopback: boolean; etag?: string | null; lastModified?: string | null; signal?: AbortSignal | undefined },
): Promise<FetchedPage> {
  const headers: Record<string, string> = {};
  if (options.etag) headers['if-none-match'] = options.etag;
  if (options.lastModified) headers['if-modified-since'] = options.lastModified;
  try {
    return await fetchUrl(url, { allowLoopback: options.allowLoopback, maxBytes: MAX_FEED_BYTES, timeoutMs: FEED_TIMEOUT_MS, headers, accept: FEED_ACCEPT, ...(options.signal ? { signal: options.signal } : {}) });
  } catch (cause) {
    const reason = (cause as Error).message.replace(/^The page is larger/, 'The feed is larger');
    throw new FeedError(url, reason, { cause });
  }
}

/** Feeds are XML, and XML is UTF-8 unless it says otherwise; the few that say otherwise are read as Latin-1. */
export function decodeFeed(body: Buffer): string {
  const declared = /^\s*<\?xml[^>]*encoding=["']([\w.-]+)["']/i.exec(body.subarray(0, 200).toString('latin1'))?.[1]?.toLowerCase();
  const label = declared && declared !== 'utf-8' && declared !== 'utf8' ? (/^(iso-8859-1|latin1|windows-1252|us-ascii)$/.test(declared) ? 'windows-1252' : 'utf-8') : 'utf-8';
  return new TextDecoder(label).decode(body);
}

/** The first of each key and each URL: a feed listing one article twice yields it once. */
function uniqueEntries(entries: FeedEntry[]): FeedEntry[] {
  const keys = new Set<string>();
  const urls = new Set<string>();
  return entries.filter((e) => {
    if (keys.has(e.key) || urls.has(e.url)) return false;
    keys.add(e.key);
    urls.add(e.url);
    return true;
  });
}

/** Fetches and saves each item's page, then indexes the saved ones in one run. `taken` counts the items dealt with. */
async function takeItems(entries: FeedEntry[], deps: PollDeps): Promise<{ indexed: IndexedItem[]; failed: FeedItemRecord[]; taken: number }> {
  const saved: IndexedItem[] = [];
  const failed: FeedItemRecord[] = [];
  for (const entry of entries) {
    if (deps.signal?.aborted) return { indexed: [], failed: [], taken: 0 };
    try {
      const page = await fetchUrl(entry.url, { allowLoopback: deps.allowLoopback, ...(deps.signal ? { signal: deps.signal } : {}) });
      const meta = { url: page.url, title: entry.title ?? undefined, author: entry.authors, published: entry.published ?? undefined };
      const file = await savePage(deps.indexDir, page, { key: entry.url, folder: FEED_FOLDER, meta });
      saved.push({ ...entry, file });
    } catch (error) {
      failed.push(record(entry, (error as Error).message));
    }
  }
  if (deps.signal?.aborted) return { indexed: [], failed: [], taken: 0 };
  if (saved.length === 0) return { indexed: [], failed, taken: entries.length };
  const report = await deps.index(saved.map((s) => s.file));
  const reasons = new Map(report.failed.map((f) => [path.resolve(f.file), f.error]));
  const indexed: IndexedItem[] = [];
  for (const item of saved) {
    const reason = reasons.get(path.resolve(item.file));
    if (reason === undefined) indexed.push(item);
    else failed.push(record(item, `could not be indexed: ${reason.split(item.file).join(item.url)}`));
  }
  return { indexed, failed, taken: entries.length };
}

const record = (entry: FeedEntry, error: string | null): FeedItemRecord => ({ key: entry.key, url: entry.url, title: entry.title, error });
const later = (from: Date, pollMinutes: number, failures: number) => new Date(from.getTime() + nextPollDelayMs(pollMinutes, failures));
