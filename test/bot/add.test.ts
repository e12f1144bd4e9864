import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCoverage } from '../../src/open-coverage.js';
import { article } from './articles.js';
import { SEED_COVERAGE, embedOf, startHarness, type Harness } from './harness.js';

let h: Harness;
let site: http.Server;
let base = '';
const page = (title: string) =>
  `<!doctype html><html><head><title>${title}</title><meta property="og:site_name" content="Field Post">` +
  `<meta property="article:published_time" content="2024-11-02T08:00:00Z"></head><body><article><h1>${title}</h1>` +
  '<p>Engineers restored power to the eastern districts overnight, the city administration said on Saturday.</p>' +
  '<p>Repairs to the substation took four days and involved crews from three regions, officials added.</p>' +
  '<p>Residents were asked to limit their use of heaters during the evening peak hours for another week.</p></article></body></html>';

beforeAll(async () => {
  site = http.createServer((req, res) => {
    if (req.url === '/article') res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page('Power restored in eastern districts'));
    else if (req.url === '/huge') res.writeHead(200, { 'content-type': 'text/html', 'content-length': String(6 * 1024 * 1024) }).end(Buffer.alloc(6 * 1024 * 1024, 'a'));
    else if (req.url === '/to-metadata') res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end();
    else if (req.url === '/pdf') res.writeHead(200, { 'content-type': 'application/pdf' }).end('%PDF-1.4');
    else res.writeHead(404).end();
  });
  await new Promise<void>((r) => site.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
  h = await startHarness({ ALLOW_PRIVATE_URLS: 'true' });
});
afterAll(async () => {
  expect(h.fake.rejections).toEqual([]);
  await h.close();
  await new Promise((r) => site.close(r));
});

const admin = { role: 'admin' as const };

describe('/add', () => {
  it('indexes an attached Markdown file and replies with what was added', async () => {
    const file = h.fake.serveFile('Harbour Notes.md', article(7, { title: 'Harbour reopens after storm', outlet: 'Coast Daily' }), 'text/markdown');
    const sent = h.fake.sendSlashCommand('add', { file }, admin);
    const edit = await h.fake.waitForAnswer(sent.token, 20_000);
    expect(h.fake.requestsFor(sent.token)[0]!.body.type).toBe(5);
    const embed = embedOf(edit.body);
    expect(embed.title).toBe('Added: Harbour reopens after storm');
    const field = (name: string) => embed.fields.find((f: any) => f.name === name)?.value;
    expect(field('Outlet')).toBe('Coast Daily');
    expect(field('Date')).toBe('8 May 2023');
    expect(Number(field('Passages'))).toBeGreaterThan(0);
    expect(existsSync(path.join(h.config.indexDir, 'added', 'harbour-notes.md'))).toBe(true);
    // Served at once, without a restart.
    const ask = h.fake.sendSlashCommand('sources', { outlet: 'Coast Daily' });
    expect(embedOf((await h.fake.waitForAnswer(ask.token)).body).description).toMatch(/Harbour reopens after storm/);
  });

  it('says when an attachment repeats an article already indexed', async () => {
    const copy = readFileSync(path.join(SEED_COVERAGE, '003_0f77700f0b2ee103.txt'));
    const sent = h.fake.sendSlashCommand('add', { file: h.fake.serveFile('copy of nato story.txt', copy) }, admin);
    const embed = embedOf((await h.fake.waitForAnswer(sent.token, 20_000)).body);
    expect(embed.title).toMatch(/^Already in the coverage \(same text\): Poland’s proposal/);
    const again = h.fake.sendSlashCommand('add', { file: h.fake.serveFile('copy of nato story.txt', copy) }, admin);
    expect(embedOf((await h.fake.waitForAnswer(again.token, 20_000)).body).title).toMatch(/^Already in the coverage/);
  });

  it('indexes a web page by URL, saved as .html', async () => {
    const sent = h.fake.sendSlashCommand('add', { url: `${base}/article` }, admin);
    const edit = await h.fake.waitForAnswer(sent.token, 20_000);
    expect(embedOf(edit.body).title).toBe('Added: Power restored in eastern districts');
    const saved = (await h.coverage.sources({ search: 'power restored' }))[0]!;
    expect(saved.file).toMatch(/added\/127-0-0-1-article-[0-9a-f]{8}\.html$/);
    expect(saved.url).toBe(`${base}/article`);
  });

  it.each([
    ['a private address', 'http://10.1.2.3/news', /private, loopback or link-local/],
    ['a redirect to link-local', '/to-metadata', /private, loopback or link-local/],
    ['a page over 5 MB', '/huge', /larger than 5 MB/],
    ['another scheme', 'ftp://example.org/story.html', /Only http and https/],
    ['something not a page', '/pdf', /not a web page or a text file \(application\/pdf\)/],
  ])('refuses %s with an ephemeral reason', async (_what, url, reason) => {
    const sent = h.fake.sendSlashCommand('add', { url: url.startsWith('/') ? base + url : url }, admin);
    const msg = await h.fake.waitForRequest((r) => r.token === sent.token && r.method === 'POST' && r.path.startsWith('/webhooks/'));
    expect(msg.body.flags).toBe(64);
    expect(msg.body.content).toMatch(reason);
    // The public "thinking…" placeholder was removed.
    expect(h.fake.requestsFor(sent.token).some((r) => r.method === 'DELETE')).toBe(true);
  });

  it('says why a file could not be indexed, without server paths', async () => {
    const sent = h.fake.sendSlashCommand('add', { file: h.fake.serveFile('empty.txt', '   \n') }, admin);
    const msg = await h.fake.waitForRequest((r) => r.token === sent.token && r.method === 'POST' && r.path.startsWith('/webhooks/'));
    expect(msg.body.content).toMatch(/^Could not index empty\.txt: /);
    expect(msg.body.content).not.toContain(h.config.indexDir);
  });

  it('refuses attachments of other types before downloading them', async () => {
    const file = h.fake.serveFile('scan.pdf', '%PDF', 'application/pdf');
    const sent = h.fake.sendSlashCommand('add', { file }, admin);
    const msg = await h.fake.waitForRequest((r) => r.token === sent.token && r.method === 'POST' && r.path.startsWith('/webhooks/'));
    expect(msg.body.content).toMatch(/Only \.txt, \.md, \.html, \.htm files can be added/);
  });

  it('is for members with Manage Server only', async () => {
    const sent = h.fake.sendSlashCommand('add', { url: `${base}/article` });
    const reply = await h.fake.waitForAnswer(sent.token);
    expect(reply.body).toMatchObject({ type: 4, data: { flags: 64, content: expect.stringMatching(/Manage Server/) } });
  });

  it('serves an index another process changed on disk, without a restart', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'indexer-'));
    writeFileSync(path.join(dir, 'late.md'), article(21, { title: 'Late-night vote on the budget', outlet: 'Capital Wire' }));
    const indexer = await openCoverage(h.config);
    await indexer.addFiles([path.join(dir, 'late.md')]);
    await indexer.close();
    rmSync(dir, { recursive: true, force: true });
    const sent = h.fake.sendSlashCommand('ask', { question: 'late-night vote on the budget', outlet: 'Capital Wire' });
    expect(embedOf((await h.fake.waitForAnswer(sent.token)).body).footer.text).toContain('outlet: Capital Wire');
  });

  it('needs exactly one of url and file', async () => {
    const sent = h.fake.sendSlashCommand('add', {}, admin);
    expect((await h.fake.waitForAnswer(sent.token)).body.data.content).toMatch(/either `url` or `file`/);
  });
});
