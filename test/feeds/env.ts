/** A real index (a tiny synthetic coverage folder, SQLite by default) with its feed store, for the feed tests. */
import type { Config } from '../../src/config.js';
import type { CoverageService } from '../../src/coverage.js';
import type { PollDeps } from '../../src/feeds/poll-feed.js';
import type { FeedStore } from '../../src/store/feed-store.js';
import { openFeedStore } from '../../src/store/open-feeds.js';
import { openTestCoverage } from '../helpers/coverage-index.js';
import { startSite } from './fixtures.js';

export type FeedTestbedSite = Awaited<ReturnType<typeof startSite>>;

export const SEED_ARTICLE = `---
title: Ferry timetable changes at Wendlecombe
outlet: Lowmere Post
published: 2025-02-10
---

The ferry between Wendlecombe and the outer islands will run twice a day from March, the operator announced.
Harbour staff said the winter timetable had left passengers waiting for hours in poor weather.
`;

export interface FeedEnv {
  config: Readonly<Config>;
  coverage: CoverageService;
  store: FeedStore;
  deps: PollDeps;
  root: string;
  close(): Promise<void>;
}

export async function openFeedEnv(env: Record<string, string> = {}): Promise<FeedEnv> {
  const { config, coverage, root, close } = await openTestCoverage({ articles: { 'ferry.md': SEED_ARTICLE }, env });
  const store = openFeedStore(config);
  const deps: PollDeps = { store, indexDir: config.indexDir, pollMinutes: 30, allowLoopback: true, index: (files) => coverage.addFiles(files) };
  return {
    config,
    coverage,
    store,
    deps,
    root,
    async close() {
      await store.close();
      await close();
    },
  };
}

/** A feed test's world: the index with its feed store, and a loopback site serving the feeds and pages. */
export async function openFeedTestbed(): Promise<{ env: FeedEnv; site: FeedTestbedSite; close(): Promise<void> }> {
  const site = await startSite();
  const env = await openFeedEnv();
  return {
    env,
    site,
    async close() {
      await env.close();
      await site.close();
    },
  };
}
