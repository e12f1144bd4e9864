/**
 * Polls the feeds that are due, now and then: in the bot, a timer (unref'd, so it never keeps the process
 * alive); on the command line, once. Feeds are claimed in the store before polling, so several processes
 * (shards, bots sharing one Postgres) can all run a poller without two of them polling one feed.
 */
import type { Feed } from '../store/feed-store.js';
import { pollFeed, type PollDeps, type PollResult } from './poll-feed.js';

/** How long a claimed feed stays someone's: a process killed mid-poll frees its feeds after this. */
export const CLAIM_LEASE_MS = 15 * 60_000;
/** How often the bot looks for due feeds; each feed's own schedule (FEED_POLL_MINUTES, back-off) decides. */
export const TICK_MS = 60_000;

export interface PollerOptions extends PollDeps {
  /** Called after each feed's poll (channel posts, logs); its failures are its own. */
  onPolled?(result: PollResult): Promise<void> | void;
  /** For errors of the poller itself (the store unreachable, a hook throwing). */
  onError?(error: unknown): void;
}

export interface FeedPoller {
  /**
   * Polls every feed due now (or every feed, with `all`) and resolves with the results. Calls are queued
   * one after another, so a caller awaiting this also waits for a tick already running.
   */
  pollDue(options?: { all?: boolean }): Promise<PollResult[]>;
  /** Starts the timer; the first look is right away. */
  start(tickMs?: number): void;
  /** Stops the timer and the poll in progress (at its next fetch; an indexing run already started finishes). */
  stop(): Promise<void>;
}

export function createFeedPoller(options: PollerOptions): FeedPoller {
  const now = options.now ?? (() => new Date());
  const stopping = new AbortController();
  const deps = { ...options, signal: stopping.signal };
  let chain: Promise<unknown> = Promise.resolve();
  let timer: NodeJS.Timeout | null = null;

  async function run(all: boolean): Promise<PollResult[]> {
    const at = now();
    // "All" still claims: a bot polling the same feed right now keeps it.
    const dueBy = all ? new Date(at.getTime() + 100 * 365 * 86_400_000) : at;
    const feeds: Feed[] = await options.store.claimDue(dueBy, new Date(at.getTime() + CLAIM_LEASE_MS));
    const results: PollResult[] = [];
    for (const feed of feeds) {
      if (stopping.signal.aborted) break;
      try {
        const result = await pollFeed(feed, deps);
        results.push(result);
        await options.onPolled?.(result);
      } catch (error) {
        // The store failing on one feed (busy, unreachable) leaves it to its lease; the others still go.
        options.onError?.(error);
      }
    }
    return results;
  }

  const poller: FeedPoller = {
    pollDue({ all = false } = {}) {
      const next = chain.then(() => run(all));
      chain = next.catch(() => undefined);
      return next;
    },
    start(tickMs = TICK_MS) {
      if (timer) return;
      const tick = () => void poller.pollDue().catch((error: unknown) => options.onError?.(error));
      timer = setInterval(tick, tickMs);
      timer.unref();
      setImmediate(tick);
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      stopping.abort();
      await chain;
    },
  };
  return poller;
}
