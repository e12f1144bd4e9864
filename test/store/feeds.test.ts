/**
 * The feed store on both back ends (the SQLite file of the index, and Postgres): following, claiming due feeds
 * without two processes taking the same one, what counts as seen, errors and back-off state, removal, and
 * feed state surviving a re-indexing run.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pollFeed } from '../../src/feeds/poll-feed.js';
import { runIndex } from '../../src/indexer/run-index.js';
import type { FeedStore } from '../../src/store/feed-store.js';
import { openFeedStore } from '../../src/store/open-feeds.js';
import { openFeedEnv, type FeedEnv } from '../feeds/env.js';
import { articlePage, conditional, html, rss, startSite } from '../feeds/fixtures.js';
import { postgresUnavailableReason, startPostgres, type PostgresCluster } from '../helpers/postgres.js';

const unavailable = postgresUnavailableReason();
if (unavailable) console.warn(`postgres feed store tests skipped: ${unavailable}`);

const backEnds = [
  { name: 'SQLite', postgres: false },
  { name: 'Postgres', postgres: true },
] as const;

describe.each(backEnds)('the feed store on $name', ({ postgres }) => {
  const skip = postgres && unavailable !== null;
  let cluster: PostgresCluster | null = null;
  let env: FeedEnv;
  let store: FeedStore;
  const t = (iso: string) => new Date(`2026-04-01T${iso}Z`);

  beforeAll(async () => {
    if (skip) return;
    cluster = postgres ? await startPostgres() : null;
    env = await openFeedEnv(cluster ? { DATABASE_URL: cluster.url } : {});
    store = env.store;
  }, 120_000);
  afterAll(async () => {
    if (skip) return;
    await env.close();
    await cluster?.stop();
  });

  it.skipIf(skip)('creates its tables once, even when several processes start together', async () => {
    const others = [openFeedStore(env.config), openFeedStore(env.config), openFeedStore(env.config)];
    expect(await Promise.all(others.map((s) => s.list()))).toEqual([[], [], []]);
    await Promise.all(others.map((s) => s.close()));
  });

  it.skipIf(skip)('follows an address once, due at once', async () => {
    const first = await store.add({ url: 'https://news.example/a.xml', channelId: '111', addedBy: '222' }, t('08:00:00'));
    expect(first.created).toBe(true);
    expect(first.feed).toMatchObject({ url: 'https://news.example/a.xml', channelId: '111', addedBy: '222', title: null, failures: 0, items: 0, itemErrors: 0, lastError: null, lastItemError: null, nextPollAt: '2026-04-01T08:00:00.000Z', addedAt: '2026-04-01T08:00:00.000Z' });
    const again = await store.add({ url: 'https://news.example/a.xml', channelId: null, addedBy: null }, t('09:00:00'));
    expect(again).toMatchObject({ created: false, feed: { id: first.feed.id, channelId: '111' } });
    await store.add({ url: 'https://news.example/b.xml', channelId: null, addedBy: null }, t('08:30:00'));
    expect((await store.list()).map((f) => f.url)).toEqual(['https://news.example/a.xml', 'https://news.example/b.xml']);
    expect(await store.get(first.feed.id)).toMatchObject({ url: 'https://news.example/a.xml' });
    expect(await store.byUrl('https://news.example/nope.xml')).toBeNull();
  });

  it.skipIf(skip)('hands each due feed to one claimer only, and leases it', async () => {
    const other = openFeedStore(env.config);
    const [mine, theirs] = await Promise.all([store.claimDue(t('08:45:00'), t('09:00:00')), other.claimDue(t('08:45:00'), t('09:00:00'))]);
    await other.close();
    const urls = [...mine, ...theirs].map((f) => f.url).sort();
    expect(urls).toEqual(['https://news.example/a.xml', 'https://news.example/b.xml']);
    expect(mine.every((f) => f.nextPollAt === '2026-04-01T09:00:00.000Z')).toBe(true);
    // Leased: not due again until the lease ends.
    expect(await store.claimDue(t('08:59:00'), t('09:30:00'))).toEqual([]);
    expect((await store.claimDue(t('09:00:00'), t('09:30:00'))).length).toBe(2);
  });

  it.skipIf(skip)('knows an item by its key in the feed, or by its URL in any feed', async () => {
    const a = (await store.byUrl('https://news.example/a.xml'))!;
    const b = (await store.byUrl('https://news.example/b.xml'))!;
    await store.recordItems(a.id, [
      { key: 'guid-1', url: 'https://news.example/story/1', title: 'One', error: null },
      { key: 'guid-2', url: 'https://news.example/story/2', title: 'Two', error: 'That address points to a private network.' },
    ]);
    const candidates = [
      { key: 'guid-1', url: 'https://news.example/story/1-moved' },
      { key: 'guid-9', url: 'https://news.example/story/2' },
      { key: 'guid-10', url: 'https://news.example/story/10' },
    ];
    expect([...(await store.seen(a.id, candidates))].sort()).toEqual(['guid-1', 'guid-9']);
    // Feed b never listed guid-1, but story/2 came through feed a.
    expect([...(await store.seen(b.id, candidates))]).toEqual(['guid-9']);
    expect(await store.get(a.id)).toMatchObject({ items: 2, itemErrors: 1, lastItemError: 'https://news.example/story/2: That address points to a private network.' });
  });

  it.skipIf(skip)('counts failures in a row, and a success resets them (keeping the title when none is given)', async () => {
    const a = (await store.byUrl('https://news.example/a.xml'))!;
    await store.recordSuccess(a.id, { title: 'Example News', etag: '"e1"', lastModified: 'Wed, 01 Apr 2026 09:00:00 GMT', polledAt: t('09:00:00'), nextPollAt: t('09:30:00') });
    await store.recordFailure(a.id, { error: 'Feed https://news.example/a.xml: The address answered HTTP 503.', polledAt: t('09:30:00'), nextPollAt: t('10:30:00') });
    await store.recordFailure(a.id, { error: 'Feed https://news.example/a.xml: The address answered HTTP 502.', polledAt: t('10:30:00'), nextPollAt: t('12:30:00') });
    expect(await store.get(a.id)).toMatchObject({ failures: 2, lastError: 'Feed https://news.example/a.xml: The address answered HTTP 502.', lastPolledAt: '2026-04-01T10:30:00.000Z', lastSuccessAt: '2026-04-01T09:00:00.000Z', nextPollAt: '2026-04-01T12:30:00.000Z', etag: '"e1"', title: 'Example News' });
    await store.recordSuccess(a.id, { title: null, etag: '"e2"', lastModified: null, polledAt: t('12:30:00'), nextPollAt: t('13:00:00') });
    expect(await store.get(a.id)).toMatchObject({ failures: 0, lastError: null, title: 'Example News', etag: '"e2"', lastModified: null, lastSuccessAt: '2026-04-01T12:30:00.000Z' });
  });

  it.skipIf(skip)('keeps every feed and item through a re-indexing run', async () => {
    const before = await store.list();
    const report = await runIndex(env.config.indexDir, { databaseUrl: env.config.databaseUrl, roots: [env.config.coverageDir], removeMissing: true, embedder: null, lockWaitSeconds: 10 });
    expect(report.failed).toEqual([]);
    expect(await store.list()).toEqual(before);
    const fresh = openFeedStore(env.config);
    expect(await fresh.list()).toEqual(before);
    await fresh.close();
  });

  it.skipIf(skip)('takes a feed’s new item into this index, then answers 304s with nothing re-indexed', async () => {
    const site = await startSite();
    try {
      site.routes.set('/n/1', html(articlePage('Lifeboat crew rescue kayaker', 'lifeboat')));
      site.routes.set('/n.xml', conditional(rss('Saltmarsh Gazette', [{ guid: 'sg-1', link: `${site.base}/n/1`, title: 'Kayaker rescued off the point', author: 'Ewan Threlkeld', date: 'Sun, 08 Mar 2026 16:00:00 GMT' }]), '"n1"', 'Sun, 08 Mar 2026 16:05:00 GMT'));
      const { feed } = await store.add({ url: `${site.base}/n.xml`, channelId: null, addedBy: null });
      const documents = (await env.coverage.stats()).documents;
      expect(await pollFeed(feed, env.deps)).toMatchObject({ status: 'updated', indexed: [{ title: 'Kayaker rescued off the point' }] });
      expect(await env.coverage.sources({ search: 'Kayaker rescued' })).toMatchObject([{ author: 'Ewan Threlkeld', published: '2026-03-08', outlet: 'Quillmoor Courier' }]);
      expect(await pollFeed((await store.get(feed.id))!, env.deps)).toMatchObject({ status: 'unchanged' });
      expect(site.hitsOf('/n.xml')[1]!.headers['if-none-match']).toBe('"n1"');
      expect((await env.coverage.stats()).documents).toBe(documents + 1);
      await store.remove(feed.id);
    } finally {
      await site.close();
    }
  });

  it.skipIf(skip)('removes a feed with its items; the same article may then come again', async () => {
    const a = (await store.byUrl('https://news.example/a.xml'))!;
    expect(await store.remove(a.id)).toMatchObject({ url: 'https://news.example/a.xml' });
    expect(await store.remove(a.id)).toBeNull();
    const b = (await store.byUrl('https://news.example/b.xml'))!;
    expect([...(await store.seen(b.id, [{ key: 'x', url: 'https://news.example/story/2' }]))]).toEqual([]);
    expect((await store.list()).map((f) => path.basename(f.url))).toEqual(['b.xml']);
  });
});
