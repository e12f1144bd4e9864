/** Following and unfollowing feeds: what `/feeds` and `npm run feeds` share. */
import { UserError } from '../errors.js';
import type { Feed, FeedStore } from '../store/feed-store.js';
import { parseFeedXml } from './parse-feed.js';
import { decodeFeed, fetchFeed } from './poll-feed.js';

export interface FollowOptions {
  channelId: string | null;
  addedBy: string | null;
  allowLoopback: boolean;
}

/**
 * Reads the feed once (through the guarded fetcher) before following it, so a typo, a web page or a broken
 * feed is refused at once with the reason, not discovered at the first poll. Its items are indexed by the polls.
 */
export async function followFeed(store: FeedStore, rawUrl: string, options: FollowOptions): Promise<{ feed: Feed; created: boolean; items: number }> {
  const url = normaliseUrl(rawUrl);
  const page = await fetchFeed(url, { allowLoopback: options.allowLoopback });
  const items = parseFeedXml(decodeFeed(page.body), url).entries.length;
  const { feed, created } = await store.add({ url, channelId: options.channelId, addedBy: options.addedBy });
  return { feed, created, items };
}

/** Stops following a feed given by id (what autocomplete sends) or by its address. */
export async function unfollowFeed(store: FeedStore, idOrUrl: string): Promise<Feed> {
  const value = idOrUrl.trim();
  const feed = /^\d+$/.test(value) ? await store.get(Number(value)) : await store.byUrl(tryNormalise(value));
  if (!feed) throw new UserError(`No followed feed matches “${value}”. See the list of feeds for their numbers and addresses.`);
  await store.remove(feed.id);
  return feed;
}

function normaliseUrl(raw: string): string {
  try {
    return new URL(raw.trim()).href;
  } catch {
    throw new UserError(`“${raw.trim()}” is not a valid URL: give the feed’s http(s) address.`);
  }
}

function tryNormalise(raw: string): string {
  try {
    return new URL(raw).href;
  } catch {
    return raw;
  }
}
