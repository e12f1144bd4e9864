/** A real index (a tiny synthetic coverage folder, SQLite by default) with its feed store, for the feed tests. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig, type Config } from '../../src/config.js';
import type { CoverageService } from '../../src/coverage.js';
import type { PollDeps } from '../../src/feeds/poll-feed.js';
import { openCoverage } from '../../src/open-coverage.js';
import type { FeedStore } from '../../src/store/feed-store.js';
import { openFeedStore } from '../../src/store/open-feeds.js';

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
  const root = mkdtempSync(path.join(os.tmpdir(), 'feeds-test-'));
  const coverageDir = path.join(root, 'coverage');
  mkdirSync(coverageDir);
  writeFileSync(path.join(coverageDir, 'ferry.md'), SEED_ARTICLE);
  const config = loadConfig({ COVERAGE_DIR: coverageDir, INDEX_DIR: path.join(root, 'index'), EMBEDDING_MODEL: 'none', ...env }, root);
  const coverage = await openCoverage(config, { embedder: null });
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
      await coverage.close();
      rmSync(root, { recursive: true, force: true });
    },
  };
}
