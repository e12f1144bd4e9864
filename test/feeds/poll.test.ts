/**
 * Polling real feeds from a loopback server into a real index (SQLite file): RSS and Atom, conditional GET,
 * malformed and oversized feeds, an item redirecting to a private address, duplicates, back-off.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { pollFeed, type PollResult } from '../../src/feeds/poll-feed.js';
import { articlePage, atom, conditional, html, rss, xml } from './fixtures.js';
import { openFeedTestbed, type FeedEnv, type FeedTestbedSite } from './env.js';

let testbed: Awaited<ReturnType<typeof openFeedTestbed>>;
let env: FeedEnv;
let site: FeedTestbedSite;
beforeAll(async () => {
  testbed = await openFeedTestbed();
  ({ env, site } = testbed);
});
afterAll(() => testbed?.close());
afterEach(() => site.routes.clear());

async function follow(path: string) {
  return (await env.store.add({ url: site.base + path, channelId: null, addedBy: null })).feed;
}
async function poll(path: string, at?: Date): Promise<PollResult> {
  const feed = (await env.store.byUrl(site.base + path))!;
  return pollFeed(feed, { ...env.deps, ...(at ? { now: () => at } : {}) });
}
const documentCount = async () => (await env.coverage.stats()).documents;
const updated = (r: PollResult) => {
  if (r.status !== 'updated') throw new Error(`expected an update, got ${JSON.stringify(r)}`);
  return r;
};

describe('polling a feed', () => {
  it('indexes each new RSS item with the feed’s title, author and date, and cites them', async () => {
    site.routes.set('/kiln/1', html(articlePage('Pottery kiln reopens after repairs', 'pottery')));
    site.routes.set('/kiln/2', html(articlePage('Beekeepers share the new apiary', 'beekeeping')));
    site.routes.set('/rss.xml', xml(rss('Quillmoor Courier – Local', [
      { guid: 'qc-101', link: `${site.base}/kiln/1`, title: 'Kiln back in use at Brackenholt studio', author: 'Odile Fenwright', date: 'Mon, 02 Mar 2026 09:15:00 GMT' },
      { guid: 'qc-102', link: `${site.base}/kiln/2`, title: 'Apiary opens to visitors', author: 'Tamsin Ardleigh', date: 'Tue, 03 Mar 2026 10:00:00 GMT' },
    ])));
    await follow('/rss.xml');
    const before = await documentCount();
    const result = updated(await poll('/rss.xml'));
    expect(result.indexed.map((i) => i.title)).toEqual(['Kiln back in use at Brackenholt studio', 'Apiary opens to visitors']);
    expect(result.failed).toEqual([]);
    expect(await documentCount()).toBe(before + 2);
    const [source] = await env.coverage.sources({ search: 'Kiln back in use' });
    expect(source).toMatchObject({ title: 'Kiln back in use at Brackenholt studio', author: 'Odile Fenwright', published: '2026-03-02', outlet: 'Quillmoor Courier', url: `${site.base}/kiln/1` });
    const answer = await env.coverage.ask('What did volunteers report about the pottery project?');
    expect(answer.citations[0]).toMatchObject({ title: 'Kiln back in use at Brackenholt studio', author: 'Odile Fenwright', published: '2026-03-02' });
    const feed = (await env.store.byUrl(`${site.base}/rss.xml`))!;
    expect(feed).toMatchObject({ title: 'Quillmoor Courier – Local', items: 2, itemErrors: 0, lastError: null, failures: 0 });
  });

  it('reads Atom too', async () => {
    site.routes.set('/mill/1', html(articlePage('Water mill grinds again', 'milling')));
    site.routes.set('/atom.xml', xml(atom('Fernhollow Dispatch', [
      { guid: 'urn:fd:7', link: `${site.base}/mill/1`, title: 'Old mill turns its wheel once more', author: 'Brannoc Ily', date: '2026-02-20T07:30:00Z' },
    ]), 'application/atom+xml'));
    await follow('/atom.xml');
    const result = updated(await poll('/atom.xml'));
    expect(result.title).toBe('Fernhollow Dispatch');
    const [source] = await env.coverage.sources({ search: 'Old mill turns' });
    expect(source).toMatchObject({ title: 'Old mill turns its wheel once more', author: 'Brannoc Ily', published: '2026-02-20' });
  });

  it('asks again with If-None-Match / If-Modified-Since, and a 304 changes nothing', async () => {
    site.routes.set('/cond/1', html(articlePage('Orchard wassail draws a crowd', 'orchard')));
    const body = rss('Sallowmere Notes', [{ guid: 'sn-1', link: `${site.base}/cond/1`, title: 'Wassail in the orchard', date: 'Wed, 04 Mar 2026 18:00:00 GMT' }]);
    site.routes.set('/cond.xml', conditional(body, '"v1-abc"', 'Wed, 04 Mar 2026 18:05:00 GMT'));
    await follow('/cond.xml');
    updated(await poll('/cond.xml'));
    const count = await documentCount();
    const stored = (await env.store.byUrl(`${site.base}/cond.xml`))!;
    expect(stored).toMatchObject({ etag: '"v1-abc"', lastModified: 'Wed, 04 Mar 2026 18:05:00 GMT' });

    const second = await poll('/cond.xml');
    expect(second.status).toBe('unchanged');
    const asked = site.hitsOf('/cond.xml');
    expect(asked).toHaveLength(2);
    expect(asked[0]!.headers['if-none-match']).toBeUndefined();
    expect(asked[1]!.headers).toMatchObject({ 'if-none-match': '"v1-abc"', 'if-modified-since': 'Wed, 04 Mar 2026 18:05:00 GMT' });
    expect(site.hitsOf('/cond/1')).toHaveLength(1);
    expect(await documentCount()).toBe(count);
    expect((await env.store.byUrl(`${site.base}/cond.xml`))!).toMatchObject({ items: 1, etag: '"v1-abc"', lastError: null });
  });

  it('does not index an item twice: a repeated guid, the same link under a new guid, a link another feed brought', async () => {
    site.routes.set('/dup/1', html(articlePage('Lantern parade route announced', 'lantern')));
    site.routes.set('/dup/2', html(articlePage('Choir seeks new tenors', 'choir')));
    const first = { guid: 'dp-1', link: `${site.base}/dup/1`, title: 'Lantern parade route' };
    site.routes.set('/dup.xml', xml(rss('Dunmarrow Echo', [first, first, { guid: 'dp-1-copy', link: `${site.base}/dup/1`, title: 'Lantern parade (updated)' }])));
    await follow('/dup.xml');
    const before = await documentCount();
    expect(updated(await poll('/dup.xml')).indexed).toHaveLength(1);
    // The next poll lists it again beside a new item; a second feed lists the same article.
    site.routes.set('/dup.xml', xml(rss('Dunmarrow Echo', [first, { guid: 'dp-2', link: `${site.base}/dup/2`, title: 'Choir seeks tenors' }])));
    site.routes.set('/other.xml', xml(rss('Other Echo', [{ guid: 'elsewhere-9', link: `${site.base}/dup/1`, title: 'Lantern parade' }])));
    await follow('/other.xml');
    const again = updated(await poll('/dup.xml'));
    expect(again.indexed.map((i) => i.url)).toEqual([`${site.base}/dup/2`]);
    expect(again.alreadySeen).toBe(1);
    expect(updated(await poll('/other.xml')).indexed).toEqual([]);
    expect(site.hitsOf('/dup/1')).toHaveLength(1);
    expect(await documentCount()).toBe(before + 2);
  });

  it('refuses an item whose link redirects to a private address, recording it as that item’s error', async () => {
    site.routes.set('/ok/1', html(articlePage('Footbridge repainted', 'footbridge')));
    site.routes.set('/sneaky', (_req, res) => res.writeHead(302, { location: 'http://10.20.30.40/internal' }).end());
    site.routes.set('/meta', (_req, res) => res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end());
    site.routes.set('/mixed.xml', xml(rss('Hollinsby Herald', [
      { guid: 'hh-1', link: `${site.base}/sneaky`, title: 'Sneaky item' },
      { guid: 'hh-2', link: `${site.base}/meta`, title: 'Metadata item' },
      { guid: 'hh-3', link: `${site.base}/ok/1`, title: 'Footbridge gets a new coat' },
    ])));
    await follow('/mixed.xml');
    const result = updated(await poll('/mixed.xml'));
    expect(result.indexed.map((i) => i.title)).toEqual(['Footbridge gets a new coat']);
    expect(result.failed).toEqual([
      { key: 'hh-1', url: `${site.base}/sneaky`, title: 'Sneaky item', error: expect.stringMatching(/private, loopback or link-local/) },
      { key: 'hh-2', url: `${site.base}/meta`, title: 'Metadata item', error: expect.stringMatching(/private, loopback or link-local/) },
    ]);
    const feed = (await env.store.byUrl(`${site.base}/mixed.xml`))!;
    expect(feed).toMatchObject({ items: 3, itemErrors: 2, lastError: null });
    expect(feed.lastItemError).toMatch(new RegExp(`^${site.base}/(sneaky|meta): .*private`));
    // Taken once: the refused items are not fetched again on the next poll.
    updated(await poll('/mixed.xml'));
    expect(site.hitsOf('/sneaky')).toHaveLength(1);
  });

  it('refuses malformed XML with an error naming the feed, indexes nothing, and backs off', async () => {
    site.routes.set('/broken/1', html(articlePage('Should never be fetched', 'nothing')));
    site.routes.set('/broken.xml', xml(`<?xml version="1.0"?><rss version="2.0"><channel><title>Broken</title>
      <item><title>First</title><link>${site.base}/broken/1</link></channel></rss>`));
    await follow('/broken.xml');
    const before = await documentCount();
    const t0 = new Date('2026-03-05T12:00:00Z');
    const result = await poll('/broken.xml', t0);
    expect(result).toMatchObject({ status: 'failed', error: expect.stringMatching(new RegExp(`^Feed ${site.base}/broken\\.xml: not well-formed XML \\(line 2`)) });
    expect(site.hitsOf('/broken/1')).toHaveLength(0);
    expect(await documentCount()).toBe(before);
    let feed = (await env.store.byUrl(`${site.base}/broken.xml`))!;
    expect(feed).toMatchObject({ failures: 1, items: 0, lastError: (result as { error: string }).error, nextPollAt: '2026-03-05T13:00:00.000Z' });
    // Failing again doubles the wait; a good answer resets it.
    await poll('/broken.xml', new Date('2026-03-05T13:00:00Z'));
    feed = (await env.store.byUrl(`${site.base}/broken.xml`))!;
    expect(feed).toMatchObject({ failures: 2, nextPollAt: '2026-03-05T15:00:00.000Z' });
    site.routes.set('/broken.xml', xml(rss('Mended', [])));
    await poll('/broken.xml', new Date('2026-03-05T15:00:00Z'));
    expect((await env.store.byUrl(`${site.base}/broken.xml`))!).toMatchObject({ failures: 0, lastError: null, title: 'Mended', nextPollAt: '2026-03-05T15:30:00.000Z' });
  });

  it('refuses what is not a feed at all', async () => {
    site.routes.set('/page.html', html('<html><body><p>Hello</p></body></html>'));
    site.routes.set('/plain.xml', xml('<?xml version="1.0"?><catalogue><book>One</book></catalogue>', 'application/xml'));
    await follow('/plain.xml');
    expect(await poll('/plain.xml')).toMatchObject({ status: 'failed', error: `Feed ${site.base}/plain.xml: not an RSS or Atom feed` });
    await follow('/page.html');
    expect(await poll('/page.html')).toMatchObject({ status: 'failed', error: `Feed ${site.base}/page.html: not an RSS or Atom feed (it is a web page; give the address of its feed)` });
  });

  it('cuts off a feed over 20 MB without reading the rest (streamed, and declared)', async () => {
    let sent = 0;
    let total = 0;
    site.routes.set('/huge.xml', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      const filler = Buffer.alloc(64 * 1024, ' ');
      total = 60 * 1024 * 1024;
      res.write('<?xml version="1.0"?><rss version="2.0"><channel><title>Huge</title>');
      const pump = () => {
        while (sent < total) {
          sent += filler.length;
          if (!res.write(filler)) return void res.once('drain', pump);
        }
        res.end('</channel></rss>');
      };
      res.on('close', () => (total = 0));
      pump();
    });
    site.routes.set('/declared.xml', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml', 'content-length': String(25 * 1024 * 1024) });
      res.end();
    });
    await follow('/huge.xml');
    await follow('/declared.xml');
    const heapBefore = process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
    const result = await poll('/huge.xml');
    expect(result).toMatchObject({ status: 'failed', error: `Feed ${site.base}/huge.xml: The feed is larger than 20 MB.` });
    // The reader stopped at 20 MB: the server could push little more than that (socket buffers) before the close.
    expect(sent).toBeLessThan(30 * 1024 * 1024);
    const heapAfter = process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
    expect(heapAfter - heapBefore).toBeLessThan(40 * 1024 * 1024);
    expect(await poll('/declared.xml')).toMatchObject({ status: 'failed', error: `Feed ${site.base}/declared.xml: The feed is larger than 20 MB.` });
    expect((await env.store.byUrl(`${site.base}/huge.xml`))!.lastError).toMatch(/larger than 20 MB/);
  });
});

describe('a long feed', () => {
  it('takes 50 items a poll, and keeps asking in full (no validators) until every item is taken', async () => {
    const items = Array.from({ length: 52 }, (_, i) => ({ guid: `lf-${i}`, link: `${site.base}/long/${i}`, title: `Allotment notice ${i}` }));
    for (const i of items.keys()) site.routes.set(`/long/${i}`, html(articlePage(`Allotment notice ${i}`, `allotment${i}`)));
    site.routes.set('/long.xml', conditional(rss('Allotment Society', items), '"long-1"', 'Thu, 05 Mar 2026 09:00:00 GMT'));
    await follow('/long.xml');
    expect(updated(await poll('/long.xml')).indexed).toHaveLength(50);
    expect((await env.store.byUrl(`${site.base}/long.xml`))!).toMatchObject({ items: 50, etag: null, lastModified: null });
    const second = updated(await poll('/long.xml'));
    expect(second.indexed.map((i) => i.title)).toEqual(['Allotment notice 50', 'Allotment notice 51']);
    expect((await env.store.byUrl(`${site.base}/long.xml`))!).toMatchObject({ items: 52, etag: '"long-1"' });
    expect((await poll('/long.xml')).status).toBe('unchanged');
  });
});
