/**
 * Article metadata from Schema.org JSON-LD blocks (NewsArticle and kin). Publishers fill these for
 * search engines, so they are the most reliable source of headline, authors and date in HTML.
 */

import { decodeHTMLStrict } from 'entities';

export interface JsonLdArticle {
  headline: string | null;
  authors: string[];
  datePublished: string | null;
  publisher: string | null;
  url: string | null;
  language: string | null;
}

/** NewsArticle and its Schema.org relatives (ReportageNewsArticle, AnalysisNewsArticle, …), BlogPosting, Report. */
const ARTICLE_TYPE = /(?:Article|BlogPosting|Report)$/iu;

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Every object in the parsed blocks, with `@graph` and arrays flattened. */
function flatten(value: unknown): Json[] {
  if (Array.isArray(value)) return value.flatMap(flatten);
  if (!isObject(value)) return [];
  return [value, ...flatten(value['@graph'])];
}

/** A text value; some publishers escape them as HTML ("Harwick&#8217;s"), which JSON never needs. */
function str(v: unknown): string | null {
  return typeof v === 'string' && v.trim() !== '' ? decodeHTMLStrict(v.trim()) : null;
}

function nameOf(v: unknown): string | null {
  return str(v) ?? (isObject(v) ? str(v['name']) : null);
}

function authorsOf(v: unknown): string[] {
  const list = Array.isArray(v) ? v : v === undefined ? [] : [v];
  return list.map(nameOf).filter((n): n is string => n !== null);
}

function isArticle(o: Json): boolean {
  const types = Array.isArray(o['@type']) ? o['@type'] : [o['@type']];
  return types.some((t) => typeof t === 'string' && ARTICLE_TYPE.test(t));
}

/** The first article object in the given JSON-LD script texts; blocks that do not parse are skipped. */
export function readJsonLd(scripts: readonly string[]): JsonLdArticle | null {
  const objects = scripts.flatMap((s) => {
    try {
      return flatten(JSON.parse(s));
    } catch {
      return [];
    }
  });
  const article = objects.find(isArticle);
  if (!article) return null;
  const page = article['mainEntityOfPage'];
  return {
    headline: str(article['headline']) ?? str(article['name']),
    authors: authorsOf(article['author']),
    datePublished: str(article['datePublished']),
    publisher: nameOf(article['publisher']),
    url: str(article['url']) ?? str(page) ?? (isObject(page) ? str(page['@id']) : null),
    language: str(article['inLanguage']),
  };
}
