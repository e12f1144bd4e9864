/**
 * Finds the top of an article in scraped page text: its headline, its byline/dateline and its first
 * real paragraph. Everything above the headline is page chrome (menus, banners, switchers).
 */
import { type Byline, parseByline } from './byline.js';
import { isChromeLine } from './chrome.js';
import { hasMoreWordsThan, isCaption, isHeadlineLike, isProse } from './lines.js';

export interface PageHead {
  title: string | null;
  titleIndex: number | null;
  byline: Byline | null;
  bylineIndex: number | null;
  /** Index of the first prose line that is not chrome; -1 when the page has none. */
  firstProse: number;
}

/** How far past the first paragraph a byline may sit (some pages put the dek first). */
const HEAD_SLACK = 4;
/** How far below the headline the byline is looked for first. */
const BYLINE_REACH = 5;

export function isTitleCandidate(line: string): boolean {
  return (
    isHeadlineLike(line) && hasMoreWordsThan(line, 2) && !isChromeLine(line) && !isCaption(line) && !parseByline(line)
  );
}

export function firstProseIndex(lines: readonly string[]): number {
  return lines.findIndex((l) => isProse(l) && !isChromeLine(l));
}

/** Pages print the headline twice (page title + article heading): the first repeated headline-like line. */
function repeatedTitle(lines: readonly string[], headEnd: number): number | null {
  for (let i = 0; i < headEnd; i++) {
    const line = lines[i]!;
    if (isTitleCandidate(line) && lines.indexOf(line, i + 1) !== -1) return i;
  }
  return null;
}

function findBylineIndex(lines: readonly string[], titleIndex: number | null, headEnd: number): number | null {
  const from = titleIndex === null ? 0 : titleIndex + 1;
  const ranges: [number, number][] = [[from, Math.min(from + BYLINE_REACH, lines.length)], [0, headEnd]];
  for (const [start, end] of ranges) {
    for (let i = start; i < end; i++) if (i !== titleIndex && parseByline(lines[i]!)) return i;
  }
  return null;
}

/** Author and date often sit on two lines ("By Jane Doe" / "3 March 2025"): fill gaps from a neighbour. */
function mergeNeighbour(lines: readonly string[], index: number): { byline: Byline; top: number } {
  const byline = { ...parseByline(lines[index]!)! };
  let top = index;
  for (const i of [index + 1, index - 1]) {
    const other = i >= 0 && i < lines.length ? parseByline(lines[i]!) : null;
    if (!other) continue;
    if (byline.authors.length === 0 && other.authors.length > 0) byline.authors = other.authors;
    if (byline.published === null && other.published !== null) byline.published = other.published;
    top = Math.min(top, i);
  }
  return { byline, top };
}

export function findHead(lines: readonly string[]): PageHead {
  const firstProse = firstProseIndex(lines);
  const headEnd = firstProse === -1 ? Math.min(lines.length, 12) : Math.min(lines.length, firstProse + HEAD_SLACK);
  let titleIndex = repeatedTitle(lines, headEnd);
  const bylineIndex = findBylineIndex(lines, titleIndex, headEnd);
  const merged = bylineIndex === null ? null : mergeNeighbour(lines, bylineIndex);
  if (titleIndex === null && merged && merged.top > 0 && isTitleCandidate(lines[merged.top - 1]!)) {
    titleIndex = merged.top - 1;
  }
  return {
    title: titleIndex === null ? null : lines[titleIndex]!,
    titleIndex,
    byline: merged?.byline ?? null,
    bylineIndex,
    firstProse,
  };
}
