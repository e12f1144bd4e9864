/** What feeds need of the guarded fetcher: request headers, validators back, 304 only when asked, early abort. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchUrl } from '../../src/read/fetch-url.js';
import { conditional, startSite } from './fixtures.js';

let site: Awaited<ReturnType<typeof startSite>>;
beforeAll(async () => {
  site = await startSite();
  site.routes.set('/feed', conditional('<rss version="2.0"><channel><title>x</title></channel></rss>', '"tag-1"', 'Sun, 01 Mar 2026 00:00:00 GMT'));
  site.routes.set('/always-304', (_req, res) => res.writeHead(304).end());
  site.routes.set('/slow', (_req, res) => void setTimeout(() => res.writeHead(200).end('late'), 3000).unref());
});
afterAll(() => site.close());

describe('fetchUrl for feeds', () => {
  it('sends the given headers and returns the validators', async () => {
    const page = await fetchUrl(`${site.base}/feed`, { allowLoopback: true, accept: 'application/rss+xml', headers: { 'x-probe': 'yes' } });
    expect(page).toMatchObject({ status: 200, etag: '"tag-1"', lastModified: 'Sun, 01 Mar 2026 00:00:00 GMT' });
    expect(site.hitsOf('/feed')[0]!.headers).toMatchObject({ accept: 'application/rss+xml', 'x-probe': 'yes', 'user-agent': 'coverage-bot/0.1' });
  });

  it('resolves a 304 with an empty body only for a conditional request', async () => {
    const page = await fetchUrl(`${site.base}/feed`, { allowLoopback: true, headers: { 'if-none-match': '"tag-1"' } });
    expect(page).toMatchObject({ status: 304, etag: '"tag-1"' });
    expect(page.body.length).toBe(0);
    await expect(fetchUrl(`${site.base}/always-304`, { allowLoopback: true })).rejects.toThrow(/answered HTTP 304/);
  });

  it('stops when its signal is aborted', async () => {
    const controller = new AbortController();
    const started = Date.now();
    setTimeout(() => controller.abort(), 100);
    await expect(fetchUrl(`${site.base}/slow`, { allowLoopback: true, signal: controller.signal })).rejects.toThrow(/The fetch was stopped/);
    expect(Date.now() - started).toBeLessThan(1500);
  });
});
