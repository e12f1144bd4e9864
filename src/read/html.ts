/**
 * HTML pages (.html/.htm): Readability finds the article; metadata comes from JSON-LD and meta tags
 * first, then Readability's guesses, then the text heuristics shared with scraped text.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { parseByline, splitAuthors, type Byline } from '../clean/byline.js';
import { outletInPageTitle } from '../clean/outlet.js';
import { isChromeLine } from '../clean/chrome.js';
import { toIsoDate } from '../clean/dates.js';
import { detectLanguage } from '../clean/language.js';
import { isProse, normalizeLine } from '../clean/lines.js';
import { UnextractableError, type Extracted } from './extracted.js';
import { htmlShape, MAX_HTML_DEPTH } from './html-depth.js';
import { textLengthProblem } from './decode.js';
import { readJsonLd } from './json-ld.js';

const BLOCKS = 'p, h1, h2, h3, h4, h5, h6, li, blockquote, figcaption, pre, dt, dd';

function meta(document: Document, ...keys: string[]): string | null {
  for (const key of keys) {
    const el = document.querySelector(`meta[property="${key}"], meta[name="${key}"]`);
    const content = el?.getAttribute('content')?.trim();
    if (content) return content;
  }
  return null;
}

/** "en-US" → "en": the project keys languages by their primary subtag. */
function primaryLanguage(tag: string | null | undefined): string | null {
  const primary = tag?.trim().split(/[-_]/u)[0]?.toLowerCase();
  return primary && /^[a-z]{2,3}$/u.test(primary) ? primary : null;
}

/**
 * Paragraphs of Readability's content HTML. Why walk blocks instead of using textContent: textContent
 * glues paragraphs together, and passages need the breaks. Only innermost blocks are taken, so a
 * <blockquote><p> is not read twice.
 */
export function blockParagraphs(contentHtml: string): string[] {
  const { document } = parseHTML(`<!doctype html><html><body>${contentHtml}</body></html>`);
  const blocks = withoutLinkLists([...document.querySelectorAll(BLOCKS)].filter((el) => el.querySelector(BLOCKS) === null));
  const texts =
    blocks.length > 0 ? blocks.map((el) => el.textContent ?? '') : (document.body.textContent ?? '').split('\n');
  return texts.map(normalizeLine).filter((t) => t !== '');
}

/** A block that is one link and nothing else: a teaser for another page. */
function isLinkOnly(el: Element): boolean {
  const links = el.querySelectorAll('a');
  return links.length === 1 && normalizeLine(links[0]!.textContent ?? '') === normalizeLine(el.textContent ?? '');
}

/**
 * The blocks without runs of link-only ones: a list of other stories ("Most read", "Related") inside the
 * article's markup. One link alone may be the article's own ("Read the report"); two in a row are a list.
 */
function withoutLinkLists(blocks: Element[]): Element[] {
  const linkOnly = blocks.map(isLinkOnly);
  return blocks.filter((_, i) => !linkOnly[i] || !(linkOnly[i - 1] || linkOnly[i + 1]));
}

/** The article's paragraphs without its title, chrome and byline lines; and what those byline lines say. */
function cleanParagraphs(paragraphs: readonly string[], title: string | null): { kept: string[]; bylines: Byline[] } {
  const kept: string[] = [];
  const bylines: Byline[] = [];
  for (const p of paragraphs) {
    const byline = isProse(p) ? null : parseByline(p);
    if (byline) bylines.push(byline);
    if (p === title || isChromeLine(p) || byline || kept.includes(p)) continue;
    kept.push(p);
  }
  return { kept, bylines };
}

export function extractHtml(html: string): Extracted {
  const { depth, visibleChars } = htmlShape(html);
  if (depth > MAX_HTML_DEPTH) {
    throw new UnextractableError(`the page's elements nest more than ${MAX_HTML_DEPTH} levels deep`);
  }
  // Spaces are not counted, so a page refused here would hold even more article text than it says.
  const tooLong = textLengthProblem(visibleChars, 'page text (without spaces)');
  if (tooLong) throw new UnextractableError(tooLong);
  try {
    return extractChecked(html);
  } catch (error) {
    // A backstop for markup the depth scan reads differently from the parser: a clear reason, not a crash.
    if (error instanceof RangeError && /call stack/u.test(error.message)) {
      throw new UnextractableError('the page is nested too deeply to read', { cause: error });
    }
    throw error;
  }
}

function extractChecked(html: string): Extracted {
  const { document } = parseHTML(html);
  const scripts = [...document.querySelectorAll('script[type="application/ld+json"]')].map((s) => s.textContent ?? '');
  const ld = readJsonLd(scripts);
  const htmlLang = document.documentElement?.getAttribute('lang') ?? null;
  const canonical = document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? null;
  const pageTitle = normalizeLine(document.querySelector('title')?.textContent ?? '') || null;
  const timeAttr = document.querySelector('article time[datetime], time[datetime]')?.getAttribute('datetime') ?? null;
  const metaAuthor = meta(document, 'author', 'article:author', 'parsely-author', 'dc.creator');
  const found = {
    title: ld?.headline ?? meta(document, 'og:title', 'twitter:title'),
    outlet: ld?.publisher ?? meta(document, 'og:site_name', 'application-name'),
    published:
      toIsoDate(ld?.datePublished) ?? toIsoDate(meta(document, 'article:published_time', 'date', 'parsely-pub-date')),
    url: ld?.url ?? meta(document, 'og:url') ?? canonical,
    language: primaryLanguage(ld?.language) ?? primaryLanguage(htmlLang),
    authors: ld?.authors.length ? ld.authors : metaAuthor && !/^https?:/u.test(metaAuthor) ? [metaAuthor] : [],
  };
  // Readability rewrites the document it is given, so it runs after the metadata reads above.
  const article = new Readability(document as unknown as Document).parse();
  const title = found.title ?? (article?.title ? normalizeLine(article.title) : null);
  const byline = article?.byline ? normalizeLine(article.byline) : null;
  const fromByline = byline ? (parseByline(byline) ?? { authors: splitAuthors(byline) ?? [], published: null }) : null;
  const { kept: paragraphs, bylines } = cleanParagraphs(article?.content ? blockParagraphs(article.content) : [], title);
  const text = paragraphs.join('\n\n');
  // The byline lines in the article's own text: the date line a page prints under the headline, its outlet.
  const inText = (field: 'published' | 'outlet') => bylines.find((b) => b[field])?.[field] ?? null;
  const authorsInText = bylines.find((b) => b.authors.length > 0)?.authors ?? [];
  return {
    title,
    outlet: found.outlet ?? article?.siteName ?? (title && pageTitle ? outletInPageTitle(pageTitle, title) : null) ?? inText('outlet'),
    authors: found.authors.length > 0 ? found.authors : fromByline?.authors.length ? fromByline.authors : authorsInText,
    published:
      found.published ??
      toIsoDate(article?.publishedTime) ??
      toIsoDate(timeAttr) ??
      fromByline?.published ??
      inText('published'),
    language: found.language ?? primaryLanguage(article?.lang) ?? detectLanguage(text),
    url: found.url,
    text,
  };
}
