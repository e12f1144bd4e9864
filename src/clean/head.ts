/**
 * Finds the top of an article in scraped page text: its headline, its byline block and its first
 * real paragraph. Everything above the headline is page chrome (menus, banners, switchers).
 *
 * The usual shape is: headline, an optional dek (standfirst) under it, then a byline block of short
 * lines (author, "Name in City", affiliation, date and time lines, share/save buttons, audio-player
 * notes), then the body. The block is found around its anchor (a dated or "By" line, or a relative
 * time) and the headline is read above the block.
 */
import { type Byline, parseAuthorLine, parseByline } from './byline.js';
import { isChromeLine } from './chrome.js';
import { isRelativeTime } from './dates.js';
import { endsLikeSentence, hasMoreWordsThan, isCaption, isHeadlineLike, isProse, wordsOf } from './lines.js';

/** A range of line indexes, start inclusive, end exclusive. */
export interface LineRange {
  start: number;
  end: number;
}

export interface PageHead {
  title: string | null;
  titleIndex: number | null;
  byline: Byline | null;
  bylineIndex: number | null;
  /** The byline block: lines that carry authors, dates and buttons, never article text. */
  block: LineRange | null;
  /** Index of the first prose line that is not chrome; -1 when the page has none. */
  firstProse: number;
  /** Index of the article's first paragraph: the first prose line after the byline block (or firstProse). */
  bodyFrom: number;
}

/** How far past the first paragraph a byline may sit (some pages put the dek first). */
const HEAD_SLACK = 4;
/** How far below the headline the byline is looked for first. */
const BYLINE_REACH = 5;
/** How many lines a byline block may reach from its anchor, up or down. */
const BLOCK_REACH = 8;
/** Widgets in a byline block ("8 min read", "Voiced by artificial intelligence.") are this short at most. */
const WIDGET_WORDS = 5;
/** Affiliation lines under an author ("News desk, City", "Europe correspondent") are this short at most. */
const AFFILIATION_WORDS = 6;
/** A kicker above a headline is a short label; a headline with a dek under it has more words than this. */
const KICKER_WORDS = 4;
/** Chrome lines passed over between a byline block and the headline above it. */
const WIDGETS_ABOVE = 2;

/** The names of a line of names alone ("Jane Doe", "Jane Doe in City"); none for a navigation label that looks like a name. */
function authorsOf(line: string): string[] {
  return isChromeLine(line) ? [] : (parseAuthorLine(line) ?? []);
}

export function isAuthorLine(line: string): boolean {
  return authorsOf(line).length > 0;
}

export function isTitleCandidate(line: string): boolean {
  return (
    isHeadlineLike(line) && hasMoreWordsThan(line, 2) && !isChromeLine(line) && !isCaption(line) && !parseByline(line)
  );
}

export function firstProseIndex(lines: readonly string[], from = 0): number {
  for (let i = from; i < lines.length; i++) if (isProse(lines[i]!) && !isChromeLine(lines[i]!)) return i;
  return -1;
}

/** Pages print the headline twice (page title + article heading): the first repeated headline-like line. */
function repeatedTitle(lines: readonly string[], headEnd: number): number | null {
  for (let i = 0; i < headEnd; i++) {
    const line = lines[i]!;
    if (isTitleCandidate(line) && lines.indexOf(line, i + 1) !== -1) return i;
  }
  return null;
}

/** A line that can anchor a byline block: a byline proper, or a relative time printed where the date goes. */
function isBylineAnchor(line: string): boolean {
  return parseByline(line) !== null || isRelativeTime(line);
}

function findBylineIndex(lines: readonly string[], titleIndex: number | null, headEnd: number, firstProse: number): number | null {
  if (titleIndex !== null) {
    for (let i = titleIndex + 1; i < Math.min(titleIndex + 1 + BYLINE_REACH, lines.length); i++) if (isBylineAnchor(lines[i]!)) return i;
  }
  // Else the anchor nearest the first paragraph: a masthead's date line ("Wednesday, April 16, 2025") sits above
  // the menus, the byline right by the story.
  let nearest: number | null = null;
  for (let i = 0; i < headEnd; i++) {
    if (i === titleIndex || !isBylineAnchor(lines[i]!)) continue;
    if (nearest === null || Math.abs(i - firstProse) < Math.abs(nearest - firstProse)) nearest = i;
  }
  return nearest;
}

/** A short line right under an author line: the author's role or desk ("Europe correspondent"). */
function isAffiliation(lines: readonly string[], i: number): boolean {
  const line = lines[i]!;
  return i > 0 && isAuthorLine(lines[i - 1]!) && !hasMoreWordsThan(line, AFFILIATION_WORDS) && !endsLikeSentence(line);
}

/** A line that says who wrote the article or when: what makes a run of short lines a byline block. */
function isBylineEvidence(lines: readonly string[], i: number): boolean {
  const line = lines[i]!;
  return isBylineAnchor(line) || isAuthorLine(line) || isAffiliation(lines, i);
}

/** A button or player note inside the block: chrome, or a few words that are neither a caption nor a sentence of prose. */
function isWidget(line: string): boolean {
  return isChromeLine(line) || (!hasMoreWordsThan(line, WIDGET_WORDS) && !isCaption(line) && !isProse(line));
}

/**
 * Whether line i, above the anchor, belongs to the block. Why a bare name line needs more: a short
 * Title Case headline ("Senate Passes Budget") reads as a name, so a name line is taken only while
 * no author is known below it and a headline still sits above it.
 */
function joinsBlockAbove(lines: readonly string[], i: number, authorsBelow: boolean): boolean {
  if (isBylineAnchor(lines[i]!) || isAffiliation(lines, i)) return true;
  return isAuthorLine(lines[i]!) && !authorsBelow && titleAbove(lines, i) !== null;
}

function hasAuthors(line: string): boolean {
  return (parseByline(line)?.authors.length ?? 0) > 0 || isAuthorLine(line);
}

/**
 * The byline block around its anchor. Upwards it takes byline lines and passes over buttons only when
 * another byline line lies above them; downwards it also takes widgets, up to the first paragraph.
 */
export function findBylineBlock(lines: readonly string[], anchor: number): LineRange {
  let start = anchor;
  let authorsBelow = hasAuthors(lines[anchor]!);
  for (let i = anchor - 1; i >= 0 && anchor - i <= BLOCK_REACH; i--) {
    if (joinsBlockAbove(lines, i, authorsBelow)) {
      start = i;
      authorsBelow ||= hasAuthors(lines[i]!);
    } else if (!isChromeLine(lines[i]!)) break;
  }
  let end = anchor + 1;
  while (end < lines.length && end - anchor <= BLOCK_REACH && (isBylineEvidence(lines, end) || isWidget(lines[end]!))) end++;
  return { start, end };
}

/** Authors and date read from every line of the block, the anchor first: pages split them over several lines. */
function readBlock(lines: readonly string[], block: LineRange, anchor: number): Byline | null {
  const byline: Byline = { authors: [], published: null };
  const order = [anchor, ...Array.from({ length: block.end - block.start }, (_, k) => block.start + k)];
  for (const i of order) {
    const line = lines[i]!;
    const parsed = parseByline(line) ?? { authors: authorsOf(line), published: null };
    // Authors may take a line each ("By Jane Doe", "and John Roe").
    for (const author of parsed.authors) if (!byline.authors.includes(author)) byline.authors.push(author);
    byline.published ??= parsed.published;
    if (parsed.outlet !== undefined) byline.outlet ??= parsed.outlet;
  }
  return byline.authors.length > 0 || byline.published !== null || byline.outlet !== undefined ? byline : null;
}

/** A dek (standfirst) under a headline: a sentence, or a headline-like line longer than the headline. */
function isDekUnder(dek: string, headline: string): boolean {
  if (isCaption(dek) || isChromeLine(dek)) return false;
  return isProse(dek) || (isHeadlineLike(dek) && wordsOf(dek).length > wordsOf(headline).length);
}

/**
 * The headline above a byline block: the line right above it, or the one above that when the line in
 * between is a dek. Why the kicker guard: a short label above a headline ("Nordic storms") is shorter
 * than the headline, just as a headline is shorter than its dek, so only a headline of some length may sit over a dek.
 */
export function titleAbove(lines: readonly string[], top: number): number | null {
  // A widget or two between headline and byline ("3 min read", "Share") is passed over.
  let below = top - 1;
  while (below >= 0 && top - below <= WIDGETS_ABOVE && isChromeLine(lines[below]!)) below--;
  const above = below - 1;
  if (below < 0 || isChromeLine(lines[below]!)) return null;
  const headline = above >= 0 ? lines[above]! : '';
  if (isTitleCandidate(headline) && hasMoreWordsThan(headline, KICKER_WORDS) && isDekUnder(lines[below]!, headline)) {
    return above;
  }
  return isTitleCandidate(lines[below]!) ? below : null;
}

/**
 * A list under a label ("Key points:", "In brief:") between the headline and the byline: what looked like the
 * headline is the list's last item, and the headline is the line above the label.
 */
function headlineAboveList(lines: readonly string[], item: number): number | null {
  for (let i = item - 1; i > 0 && item - i <= BLOCK_REACH; i--) {
    const line = lines[i]!;
    if (/:$/u.test(line) && !hasMoreWordsThan(line, LABEL_WORDS)) return isTitleCandidate(lines[i - 1]!) ? i - 1 : null;
    if (isProse(line) || isChromeLine(line)) return null;
  }
  return null;
}
const LABEL_WORDS = 4;

/** The first paragraph: after the byline block when the block ends below the first prose line. */
function bodyStart(lines: readonly string[], firstProse: number, block: LineRange | null): number {
  if (!block || block.end <= firstProse) return firstProse;
  const after = firstProseIndex(lines, block.end);
  return after === -1 ? firstProse : after;
}

/**
 * Where the head ends: a few lines past the first paragraph (a dek), and on through the run of short lines under it,
 * where a byline split into name, role, "Published" and date lines sits.
 */
function headEndOf(lines: readonly string[], firstProse: number): number {
  if (firstProse === -1) return Math.min(lines.length, 12);
  let run = firstProse + 1;
  while (run < lines.length && run - firstProse <= BLOCK_REACH && isWidget(lines[run]!)) run++;
  return Math.min(lines.length, Math.max(firstProse + HEAD_SLACK, run));
}

export function findHead(lines: readonly string[]): PageHead {
  const firstProse = firstProseIndex(lines);
  const headEnd = headEndOf(lines, firstProse);
  let titleIndex = repeatedTitle(lines, headEnd);
  const bylineIndex = findBylineIndex(lines, titleIndex, headEnd, firstProse);
  const block = bylineIndex === null ? null : findBylineBlock(lines, bylineIndex);
  if (titleIndex === null && block) {
    const above = titleAbove(lines, block.start);
    titleIndex = above === null ? null : (headlineAboveList(lines, above) ?? above);
  }
  return {
    title: titleIndex === null ? null : lines[titleIndex]!,
    titleIndex,
    byline: block && bylineIndex !== null ? readBlock(lines, block, bylineIndex) : null,
    bylineIndex,
    block,
    firstProse,
    bodyFrom: bodyStart(lines, firstProse, block),
  };
}
