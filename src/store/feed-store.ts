/**
 * Feeds that keep the coverage current: what is followed, what each feed answered last (validators for the next
 * conditional GET, the last error, the back-off) and which items were already taken, so none is indexed twice.
 * Kept beside the index (the same SQLite file or Postgres database) but in tables of its own, which indexing
 * runs never touch: re-indexing keeps every feed.
 */

export interface Feed {
  id: number;
  /** The feed's address as given (normalised by URL parsing). */
  url: string;
  /** The feed's own title, from its last good poll. */
  title: string | null;
  /** Discord channel that gets a post per new item; null = none. */
  channelId: string | null;
  /** Who added it: a Discord user id, or null from the command line. */
  addedBy: string | null;
  addedAt: string;
  etag: string | null;
  lastModified: string | null;
  lastPolledAt: string | null;
  lastSuccessAt: string | null;
  /** Why the last poll failed; null once a poll succeeds. */
  lastError: string | null;
  /** Polls failed in a row: the back-off grows with it. */
  failures: number;
  /** ISO time the feed is next due. */
  nextPollAt: string;
  /** Items taken so far (indexed or refused). */
  items: number;
  /** Items whose page could not be fetched or indexed. */
  itemErrors: number;
  /** The latest item error, "<item url>: <reason>". */
  lastItemError: string | null;
}

export interface NewFeed {
  url: string;
  channelId: string | null;
  addedBy: string | null;
}

/** One feed item as taken: `key` is its guid/id, else its link. */
export interface FeedItemRecord {
  key: string;
  url: string;
  title: string | null;
  /** Why its page was not indexed; null when it was. */
  error: string | null;
}

export interface PollSuccess {
  title: string | null;
  etag: string | null;
  lastModified: string | null;
  polledAt: Date;
  nextPollAt: Date;
}

export interface PollFailure {
  error: string;
  polledAt: Date;
  nextPollAt: Date;
}

export interface FeedStore {
  /** Adds a feed, due at once; an address already followed is returned as it is (`created: false`). */
  add(feed: NewFeed, now?: Date): Promise<{ feed: Feed; created: boolean }>;
  list(): Promise<Feed[]>;
  get(id: number): Promise<Feed | null>;
  byUrl(url: string): Promise<Feed | null>;
  /** Stops following a feed; the articles it brought stay indexed. Null when there was no such feed. */
  remove(id: number): Promise<Feed | null>;
  /**
   * Takes the feeds due by `dueBy` for this process: each one's next poll moves to `leaseUntil` in the same
   * statement, so another process (another shard, another bot on the same Postgres) does not poll it too.
   */
  claimDue(dueBy: Date, leaseUntil: Date): Promise<Feed[]>;
  /** Which of `items` were taken before: the same key in this feed, or the same URL in any feed. Returns their keys. */
  seen(feedId: number, items: { key: string; url: string }[]): Promise<Set<string>>;
  recordItems(feedId: number, items: FeedItemRecord[]): Promise<void>;
  recordSuccess(feedId: number, result: PollSuccess): Promise<void>;
  /** Counts one more failure in a row. */
  recordFailure(feedId: number, result: PollFailure): Promise<void>;
  close(): Promise<void>;
}
