/**
 * RSS 2.0 / RSS 1.0 / Atom → the items worth indexing, through @rowanmanning/feed-parser. That parser is lenient
 * by design (it reads what it can of a broken document), so well-formedness is checked first with the
 * validator of the XML parser it is built on: a malformed feed is refused whole rather than half-read.
 */
import { parseFeed } from '@rowanmanning/feed-parser';
import { XMLValidator } from 'fast-xml-parser';
import { FeedError } from './feed-error.js';

export interface FeedEntry {
  /** The item's guid / Atom id, else its link: what "seen before" is decided on. */
  key: string;
  /** The article's address, absolute. */
  url: string;
  title: string | null;
  authors: string[];
  /** yyyy-mm-dd, from the published date, else the updated one. */
  published: string | null;
}

export interface ParsedFeed {
  title: string | null;
  entries: FeedEntry[];
}

export function parseFeedXml(xml: string, feedUrl: string): ParsedFeed {
  const text = xml.replace(/^\uFEFF/, '');
  // A page address given for a feed's is the usual mistake, and HTML is rarely well-formed XML: say what it is.
  if (/^\s*(<!--[\s\S]*?-->\s*)*<(!doctype\s+html|html)[\s>]/i.test(text)) {
    throw new FeedError(feedUrl, 'not an RSS or Atom feed (it is a web page; give the address of its feed)');
  }
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    throw new FeedError(feedUrl, `not well-formed XML (line ${valid.err.line}, column ${valid.err.col}: ${valid.err.msg})`);
  }
  let feed: ReturnType<typeof parseFeed>;
  try {
    feed = parseFeed(text);
  } catch (cause) {
    throw new FeedError(feedUrl, 'not an RSS or Atom feed', { cause });
  }
  const entries: FeedEntry[] = [];
  for (const item of feed.items) {
    const url = absolute(item.url, feedUrl);
    if (!url) continue;
    const date = item.published ?? item.updated;
    entries.push({
      key: item.id?.trim() || url,
      url,
      title: item.title?.trim() || null,
      authors: item.authors.map((a) => a.name?.trim() ?? '').filter(Boolean),
      published: date && !Number.isNaN(date.getTime()) ? date.toISOString().slice(0, 10) : null,
    });
  }
  return { title: feed.title?.trim() || null, entries };
}

/** An http(s) link resolved against the feed's address; null for anything else (mailto:, javascript:, garbage). */
function absolute(link: string | null, base: string): string | null {
  if (!link) return null;
  try {
    const u = new URL(link.trim(), base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}
