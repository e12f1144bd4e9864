/**
 * Feeds inside the bot process: the store, and a poller whose new items are indexed behind the bot's queue
 * (like /add) and announced in the feed's channel. Every process of a sharded bot runs one; the store's claims
 * keep them from polling the same feed.
 */
import path from 'node:path';
import { Routes, type REST } from 'discord.js';
import type { Config } from '../config.js';
import type { CoverageService } from '../coverage.js';
import type { SourceSummary } from '../domain.js';
import { formatNewCoverage } from './format/feeds.js';
import { describeError, type Logger } from './log.js';
import type { TaskQueue } from './queue.js';
import { isBusy } from '../store/errors.js';
import type { FeedStore } from '../store/feed-store.js';
import { openFeedStore } from '../store/open-feeds.js';
import type { IndexedItem, PollResult } from '../feeds/poll-feed.js';
import { createFeedPoller, type FeedPoller } from '../feeds/poller.js';

export interface BotFeeds {
  store: FeedStore;
  poller: FeedPoller;
  start(): void;
  /** Stops polling (waiting for a poll in progress) and closes the store. */
  stop(): Promise<void>;
}

export interface BotFeedsOptions {
  config: Readonly<Config>;
  coverage: CoverageService;
  logger: Logger;
  queue: TaskQueue;
  /** Posts "New coverage" messages: the client's REST, called only once the client is logged in. */
  rest: () => REST;
}

export function createBotFeeds({ config, coverage, logger, queue, rest }: BotFeedsOptions): BotFeeds {
  const store = openFeedStore(config);
  const announce = async (result: PollResult) => {
    logPoll(logger, result);
    if (result.status !== 'updated' || !result.feed.channelId || result.indexed.length === 0) return;
    const sources = await coverage.sources();
    for (const item of result.indexed) {
      const source = sourceOf(sources, item);
      if (!source) continue;
      try {
        await rest().post(Routes.channelMessages(result.feed.channelId), {
          body: formatNewCoverage({ documentId: source.id, title: source.title ?? item.title, outlet: source.outlet, published: source.published ?? item.published, url: source.url ?? item.url }),
        });
      } catch (error) {
        // A deleted channel or a missing permission must not stop the other feeds.
        logger.warn('feed post failed', { feed: result.feed.url, channel: result.feed.channelId, error: describeError(error) });
      }
    }
  };
  const poller = createFeedPoller({
    store,
    indexDir: config.indexDir,
    pollMinutes: config.feedPollMinutes,
    allowLoopback: config.discord.allowPrivateUrls,
    index: (files) => queue.run(() => coverage.addFiles(files)),
    onPolled: announce,
    // An indexing run holding the SQLite write lock only delays the feeds to the next look.
    onError: (error) =>
      isBusy(error) ? logger.info('feed poll postponed: the index is busy', {}) : logger.error('feed poller failed', { error: describeError(error) }),
  });
  return {
    store,
    poller,
    start: () => poller.start(),
    async stop() {
      await poller.stop();
      await store.close();
    },
  };
}

/** The indexed article an item became: its own, or the one it turned out to be a copy of. */
function sourceOf(sources: SourceSummary[], item: IndexedItem): SourceSummary | undefined {
  const isItem = (file: string) => path.resolve(file) === path.resolve(item.file);
  return sources.find((s) => isItem(s.file)) ?? sources.find((s) => s.aliases.some(isItem));
}

function logPoll(logger: Logger, result: PollResult): void {
  if (result.status === 'failed') logger.warn('feed poll failed', { feed: result.feed.url, error: result.error });
  else if (result.status === 'unchanged') logger.debug('feed unchanged', { feed: result.feed.url });
  else logger.info('feed polled', { feed: result.feed.url, indexed: result.indexed.length, refused: result.failed.length, seen: result.alreadySeen });
}
