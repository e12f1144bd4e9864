/**
 * Synthetic feeds and article pages for the feed tests (invented towns, outlets and people), served by a
 * loopback HTTP server that records every request with its headers.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FixtureItem {
  guid?: string;
  link: string;
  title: string;
  author?: string;
  /** RFC 822 for RSS, ISO for Atom: the fixture writes it as given. */
  date?: string;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function rss(title: string, items: FixtureItem[]): string {
  const entries = items.map(
    (i) =>
      `<item><title>${esc(i.title)}</title><link>${esc(i.link)}</link>` +
      (i.guid ? `<guid isPermaLink="false">${esc(i.guid)}</guid>` : '') +
      (i.author ? `<dc:creator>${esc(i.author)}</dc:creator>` : '') +
      (i.date ? `<pubDate>${i.date}</pubDate>` : '') +
      '<description>Summary only.</description></item>',
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>${esc(title)}</title><link>http://example.invalid/</link>
<description>Test feed</description>${entries.join('\n')}</channel></rss>`;
}

export function atom(title: string, items: FixtureItem[]): string {
  const entries = items.map(
    (i) =>
      `<entry><id>${esc(i.guid ?? i.link)}</id><title>${esc(i.title)}</title><link rel="alternate" href="${esc(i.link)}"/>` +
      (i.author ? `<author><name>${esc(i.author)}</name></author>` : '') +
      (i.date ? `<published>${i.date}</published><updated>${i.date}</updated>` : '') +
      '<summary>Summary only.</summary></entry>',
  );
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>${esc(title)}</title><id>urn:test:${esc(title)}</id><updated>2026-03-01T00:00:00Z</updated>
${entries.join('\n')}</feed>`;
}

/**
 * An article page with a site name but no byline or date: what the index shows for author and date can only
 * come from the feed (through the sidecar). `topic` words make each page findable on its own.
 */
export function articlePage(headline: string, topic: string): string {
  return (
    `<!doctype html><html><head><title>${esc(headline)}</title><meta property="og:site_name" content="Quillmoor Courier"></head>` +
    `<body><article><h1>${esc(headline)}</h1>` +
    `<p>The ${topic} committee in Brackenholt met on Tuesday evening to review the spring programme, its chair said afterwards.</p>` +
    `<p>Volunteers reported that the ${topic} project had doubled its membership since the autumn, with waiting lists in two villages.</p>` +
    `<p>A decision on new funding for the ${topic} scheme is expected at the council meeting next month, officials added.</p>` +
    '</article></body></html>'
  );
}

export interface RecordedHit {
  path: string;
  headers: http.IncomingHttpHeaders;
}

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

/** A loopback site: `routes` by path (query included); every request is kept in `hits`. */
export async function startSite(): Promise<{ base: string; hits: RecordedHit[]; routes: Map<string, Handler>; hitsOf(path: string): RecordedHit[]; close(): Promise<void> }> {
  const hits: RecordedHit[] = [];
  const routes = new Map<string, Handler>();
  const server = http.createServer((req, res) => {
    hits.push({ path: req.url ?? '', headers: req.headers });
    const handler = routes.get(req.url ?? '');
    if (handler) handler(req, res);
    else res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    hits,
    routes,
    hitsOf: (path: string) => hits.filter((h) => h.path === path),
    async close() {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    },
  };
}

export const html = (body: string): Handler => (_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
export const xml = (body: string, type = 'application/rss+xml'): Handler => (_req, res) => res.writeHead(200, { 'content-type': type }).end(body);

/** Answers with validators, and 304 to a request that sends them back. */
export function conditional(body: string, etag: string, lastModified: string): Handler {
  return (req, res) => {
    if (req.headers['if-none-match'] === etag || req.headers['if-modified-since'] === lastModified) res.writeHead(304, { etag }).end();
    else res.writeHead(200, { 'content-type': 'application/rss+xml', etag, 'last-modified': lastModified }).end(body);
  };
}
