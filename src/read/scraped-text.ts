/**
 * Scraped page text (.txt): the page as a browser would copy it, chrome and all. The clean stage
 * finds the headline, byline and body; this module assembles them into one extraction.
 */
import { extractBody } from '../clean/body.js';
import { findHead } from '../clean/head.js';
import { detectLanguage } from '../clean/language.js';
import { toLines } from '../clean/lines.js';
import { findSelfNamedOutlet, findWireOutlet } from '../clean/outlet.js';
import type { Extracted } from './extracted.js';

/** A bare address on its own line near the top is the page's own URL (some scrapers print it). */
function findUrl(lines: readonly string[], headEnd: number): string | null {
  return lines.slice(0, headEnd).find((l) => /^https?:\/\/\S+$/u.test(l)) ?? null;
}

export function extractScrapedText(raw: string): Extracted {
  return extractPage(toLines(raw));
}

/** A page's lines, as a browser would copy them, read into one extraction. */
export function extractPage(lines: readonly string[]): Extracted {
  const head = findHead(lines);
  const body = extractBody(lines, head);
  const text = body.join('\n\n');
  return {
    title: head.title,
    authors: head.byline?.authors ?? [],
    published: head.byline?.published ?? null,
    // The page's own name for itself first, then the byline's; a wire dateline names the agency, which may not be the page.
    outlet: findSelfNamedOutlet(lines) ?? head.byline?.outlet ?? findWireOutlet(body),
    language: detectLanguage(text),
    url: findUrl(lines, Math.max(head.firstProse, 0) + 1),
    text,
  };
}
