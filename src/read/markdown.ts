/**
 * Markdown articles (.md): front matter for metadata, the body converted to plain paragraphs
 * (headings, emphasis, links, images and code-fence markers removed, character references decoded; the words
 * stay as written).
 */
import { splitAuthors } from '../clean/byline.js';
import { toIsoDate } from '../clean/dates.js';
import { detectLanguage } from '../clean/language.js';
import { normalizeLine, toLines } from '../clean/lines.js';
import { decodeHTMLStrict } from 'entities';
import htmlTags from 'html-tags';
import type { Extracted } from './extracted.js';
import { pickList, pickString, splitFrontMatter } from './front-matter.js';
import { extractPage } from './scraped-text.js';

const HTML_ELEMENTS = new Set<string>(htmlTags);

/**
 * Inline HTML is dropped, but only a tag HTML has (`<b>`, `</span>`, `<br/>`) or a custom element's (a hyphen):
 * wire copy marks companies `<Harlan Quay Holdings Ltd>` and tickers `<HQH.L>`, and those are the article's words.
 */
function dropHtmlTag(tag: string, name: string): string {
  return HTML_ELEMENTS.has(name.toLowerCase()) || name.includes('-') ? '' : tag;
}

/** Inline Markdown → plain text. Order matters: images before links, bold before italics. */
export function stripInline(line: string): string {
  return line
    .replace(/!\[[^\]]*\]\([^)]*\)/gu, '')
    .replace(/\[([^\]]+)\]\([^)]*\)/gu, '$1')
    .replace(/\[([^\]]+)\]\[[^\]]*\]/gu, '$1')
    .replace(/<(https?:\/\/[^>\s]+)>/gu, '$1')
    .replace(/<([^<>\s@]+@[^<>\s@]+\.[^<>\s@]+)>/gu, '$1')
    .replace(/<\/?([a-zA-Z][a-zA-Z0-9-]*)(?:\s[^<>]*)?\/?>/gu, dropHtmlTag)
    .replace(/`([^`]+)`/gu, '$1')
    .replace(/(\*\*|__)(?=\S)(.+?)(?<=\S)\1/gu, '$2')
    .replace(/(?<![\p{L}\p{N}*])\*(?=\S)(.+?)(?<=\S)\*(?![\p{L}\p{N}*])/gu, '$1')
    .replace(/(?<![\p{L}\p{N}_])_(?=\S)(.+?)(?<=\S)_(?![\p{L}\p{N}_])/gu, '$1')
    .replace(/~~(.+?)~~/gu, '$1');
}

/**
 * Inline Markdown → the text a reader sees: markup removed, then character references decoded ("caf&#233;",
 * "&pound;5m"), as CommonMark renders them; only with their semicolon, so "AT&T" and "R&D" stay as written.
 * Decoded after the tags are dropped: "&lt;b&gt;" is text.
 */
function plainText(line: string): string {
  return normalizeLine(decodeHTMLStrict(stripInline(line)));
}

export interface MarkdownBlocks {
  /** Text of the first level-1 heading, if any. */
  heading: string | null;
  paragraphs: string[];
}

/** Splits a Markdown body into plain-text paragraphs: headings and list items stand alone. */
export function markdownParagraphs(body: string): MarkdownBlocks {
  const paragraphs: string[] = [];
  let heading: string | null = null;
  let current: string[] = [];
  const flush = () => {
    const text = plainText(current.join(' '));
    if (text !== '') paragraphs.push(text);
    current = [];
  };
  const toHeading = (level: number, text: string) => {
    if (level === 1 && heading === null) heading = text;
    else if (text !== '') paragraphs.push(text);
  };
  for (const raw of body.split(/\r?\n/u)) {
    const line = raw.trim();
    // A setext heading: its text, then a line of "=" (level 1) or "-" (level 2) right under it.
    const underline = current.length > 0 ? /^(=+|-+)$/u.exec(line) : null;
    if (underline && underline[1]!.length >= 3) {
      const text = plainText(current.join(' '));
      current = [];
      toHeading(underline[1]![0] === '=' ? 1 : 2, text);
      continue;
    }
    if (/^(?:```|~~~)/u.test(line) || /^(?:[-*_]\s*){3,}$/u.test(line) || /^\[[^\]]+\]:\s*\S+/u.test(line)) {
      flush();
      continue;
    }
    if (line === '') {
      flush();
      continue;
    }
    const h = /^(#{1,6})\s+(.*?)\s*#*$/u.exec(line);
    if (h) {
      flush();
      toHeading(h[1]!.length, plainText(h[2]!));
      continue;
    }
    const item = /^(?:[-*+]|\d+[.)])\s+(.*)$/u.exec(line);
    if (item) flush();
    current.push((item ? item[1]! : line).replace(/^>\s?/u, '').replace(/^>\s?/u, ''));
    if (item) flush();
  }
  flush();
  return { heading, paragraphs };
}

export function extractMarkdown(raw: string): Extracted {
  const { data, body } = splitFrontMatter(raw);
  const { heading, paragraphs } = markdownParagraphs(body);
  // Without front matter, the file is a web page saved as Markdown: its byline, menus and story lists are in
  // the text, as in a scraped page's.
  if (Object.keys(data).length === 0) return savedPage(heading, paragraphs);
  // Front matter is written for a template that prints it into a page, so it may hold references too; a
  // note-taking app's web clipper links names as wiki pages ("[[Jane Doe]]").
  const fromFront = (value: string | null) => (value === null ? null : withoutWikiLinks(decodeHTMLStrict(value)));
  const title = fromFront(pickString(data, 'title', 'headline')) ?? heading;
  const authors = pickList(data, 'authors', 'author', 'byline').map((a) => fromFront(a)!).flatMap((a) => splitAuthors(a) ?? [a]);
  // A clipper's "source" is the page's address, not its outlet.
  const named = ['outlet', 'source', 'publisher', 'site'].map((key) => fromFront(pickString(data, key))).filter((v) => v !== null);
  // A first heading that differs from the front-matter title is a subheading: it stays in the text.
  const kept = heading !== null && heading !== title ? [heading, ...paragraphs] : paragraphs;
  const text = kept.filter((p) => p !== title).join('\n\n');
  return {
    title,
    authors,
    published: toIsoDate(pickString(data, 'published', 'date', 'datepublished')),
    outlet: named.find((v) => !isAddress(v)) ?? null,
    language: pickString(data, 'language', 'lang') ?? detectLanguage(text),
    url: pickString(data, 'url', 'link', 'canonical') ?? named.find(isAddress) ?? null,
    text,
  };
}

const isAddress = (value: string): boolean => /^https?:\/\/\S+$/iu.test(value);
/** "[[Jane Doe]]" → "Jane Doe", "[[Jane Doe|J. Doe]]" → "J. Doe". */
const withoutWikiLinks = (value: string): string => value.replace(/\[\[([^\]|]+)(?:\|([^\]]+))?\]\]/gu, (_, page: string, shown?: string) => shown ?? page);

/** A page saved as Markdown, read as a scraped page is; its first heading is the title when the page shows none. */
function savedPage(heading: string | null, paragraphs: string[]): Extracted {
  const lines = (heading === null ? paragraphs : [heading, ...paragraphs]).flatMap(toLines);
  const page = extractPage(lines);
  return page.title === null && heading !== null ? { ...page, title: heading, text: page.text.split('\n\n').filter((p) => p !== heading).join('\n\n') } : page;
}
