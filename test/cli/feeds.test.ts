/** `npm run feeds -- add|list|remove|poll` as a user runs it: a child process, feeds on a loopback server. */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articlePage, html, rss, startSite, xml } from '../feeds/fixtures.js';
import { SEED_ARTICLE } from '../feeds/env.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
let site: Awaited<ReturnType<typeof startSite>>;
let dir = '';

function feeds(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = { ...process.env, COVERAGE_DIR: path.join(dir, 'coverage'), INDEX_DIR: path.join(dir, 'index'), EMBEDDING_MODEL: 'none', ALLOW_PRIVATE_URLS: 'true', DATABASE_URL: '' };
  return new Promise((resolve) => {
    execFile('npm', ['run', '-s', 'feeds', '--', ...args], { cwd: ROOT, env, encoding: 'utf8' }, (error, stdout, stderr) =>
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

beforeAll(async () => {
  site = await startSite();
  dir = mkdtempSync(path.join(os.tmpdir(), 'feeds-cli-'));
  mkdirSync(path.join(dir, 'coverage'));
  writeFileSync(path.join(dir, 'coverage', 'ferry.md'), SEED_ARTICLE);
  site.routes.set('/walk/1', html(articlePage('Coastal path reopens after landslip', 'footpath')));
  site.routes.set('/walks.xml', xml(rss('Brackenholt Ramblers', [
    { guid: 'br-1', link: `${site.base}/walk/1`, title: 'Coastal path open again', author: 'Perrin Soames', date: 'Sat, 07 Mar 2026 12:00:00 GMT' },
    { guid: 'br-2', link: 'http://169.254.169.254/latest/', title: 'Not a real walk' },
  ])));
});
afterAll(async () => {
  await site.close();
  rmSync(dir, { recursive: true, force: true });
});

// Six `npm run feeds` processes each boot tsx and open the index: on a loaded two-core machine that can pass 30 s.
const CLI_RUNS_TIMEOUT = 120_000;

describe('npm run feeds', () => {
  it('adds, polls (indexing the new item, refusing the link-local one), lists and removes', async () => {
    const added = await feeds('add', `${site.base}/walks.xml`);
    expect(added).toMatchObject({ code: 0, stdout: expect.stringMatching(/^Following #1 .*walks\.xml \(2 items in the feed now\)/) });

    const polled = await feeds('poll', '--json');
    expect(polled.code).toBe(0);
    expect(JSON.parse(polled.stdout)).toEqual([
      {
        id: 1, url: `${site.base}/walks.xml`, status: 'updated', alreadySeen: 0,
        indexed: [{ url: `${site.base}/walk/1`, title: 'Coastal path open again' }],
        refused: [{ url: 'http://169.254.169.254/latest/', error: expect.stringMatching(/private, loopback or link-local/) }],
      },
    ]);
    // Not due again for FEED_POLL_MINUTES: a second poll does nothing.
    expect((await feeds('poll')).stdout).toBe('0 feeds polled\n');

    const listed = await feeds('list', '--json');
    expect(JSON.parse(listed.stdout)).toMatchObject([{ id: 1, title: 'Brackenholt Ramblers', items: 2, itemErrors: 1, failures: 0, lastError: null }]);

    const removed = await feeds('remove', `${site.base}/walks.xml`);
    expect(removed).toMatchObject({ code: 0, stdout: expect.stringMatching(/^No longer following #1/) });
    expect((await feeds('list')).stdout).toMatch(/^0 feeds, polled every 30 min/);
  }, CLI_RUNS_TIMEOUT);

  it('shows a failing feed’s error in the list, and exits 1 from the poll', async () => {
    site.routes.set('/bad.xml', xml(rss('Soon broken', [])));
    expect((await feeds('add', `${site.base}/bad.xml`)).code).toBe(0);
    site.routes.set('/bad.xml', (_req, res) => res.writeHead(503).end());
    const polled = await feeds('poll', '--all');
    expect(polled).toMatchObject({ code: 1, stdout: expect.stringContaining(`failed: Feed ${site.base}/bad.xml: The address answered HTTP 503.`) });
    expect((await feeds('list')).stdout).toContain(`last error (1 in a row): Feed ${site.base}/bad.xml: The address answered HTTP 503.`);
  });

  it('refuses bad usage with exit 2', async () => {
    expect(await feeds('add')).toMatchObject({ code: 2, stderr: expect.stringContaining('Usage: npm run feeds') });
    expect(await feeds('remove', '42')).toMatchObject({ code: 2, stderr: expect.stringContaining('No followed feed matches “42”') });
    expect(await feeds('add', 'ftp://example.org/feed')).toMatchObject({ code: 2, stderr: expect.stringMatching(/^Feed ftp:\/\/example\.org\/feed: Only http and https/) });
  });
});
