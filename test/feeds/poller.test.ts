/** The poller: due feeds only, one poll at a time, and a stop that does not wait for a slow site. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFeedPoller } from '../../src/feeds/poller.js';
import { articlePage, html, rss, xml } from './fixtures.js';
import { openFeedTestbed, type FeedEnv, type FeedTestbedSite } from './env.js';

let testbed: Awaited<ReturnType<typeof openFeedTestbed>>;
let env: FeedEnv;
let site: FeedTestbedSite;
beforeAll(async () => {
  testbed = await openFeedTestbed();
  ({ env, site } = testbed);
});
afterAll(() => testbed?.close());

describe('the feed poller', () => {
  it('polls due feeds only, and serialises calls', async () => {
    site.routes.set('/p/1', html(articlePage('Village hall roof mended', 'roofing')));
    site.routes.set('/due.xml', xml(rss('Due', [{ guid: 'd-1', link: `${site.base}/p/1`, title: 'Roof mended' }])));
    const { feed } = await env.store.add({ url: `${site.base}/due.xml`, channelId: null, addedBy: null });
    const poller = createFeedPoller(env.deps);
    const [first, second] = await Promise.all([poller.pollDue(), poller.pollDue()]);
    expect(first!.map((r) => [r.feed.id, r.status])).toEqual([[feed.id, 'updated']]);
    expect(second).toEqual([]);
    expect(site.hitsOf('/due.xml')).toHaveLength(1);
    expect((await poller.pollDue({ all: true })).map((r) => r.status)).toEqual(['updated']);
    await poller.stop();
  });

  it('stops without waiting for a slow item page, leaving it unseen', async () => {
    site.routes.set('/slow/1', (_req, res) => void setTimeout(() => res.writeHead(200, { 'content-type': 'text/html' }).end(articlePage('Slow', 'slow')), 10_000).unref());
    site.routes.set('/slow.xml', xml(rss('Slow', [{ guid: 's-1', link: `${site.base}/slow/1`, title: 'Slow page' }])));
    const { feed } = await env.store.add({ url: `${site.base}/slow.xml`, channelId: null, addedBy: null });
    const poller = createFeedPoller(env.deps);
    const polling = poller.pollDue({ all: true });
    while (site.hitsOf('/slow/1').length === 0) await new Promise((r) => setTimeout(r, 10));
    const started = Date.now();
    await poller.stop();
    expect(Date.now() - started).toBeLessThan(2000);
    await polling;
    expect((await env.store.get(feed.id))!).toMatchObject({ items: 0, failures: 0, etag: null });
    expect(await env.store.seen(feed.id, [{ key: 's-1', url: `${site.base}/slow/1` }])).toEqual(new Set());
  });
});
