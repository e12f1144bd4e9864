/**
 * Shape features of one line of scraped page text. Every rule that separates article prose from page
 * chrome is built from these, so they stay pure and cheap.
 */
import { cutAtSpaces } from '../text/cut-at-spaces.js';
import { functionWordRatio } from './stop-words.js';

/** Trims a line and collapses every run of whitespace (incl. no-break and thin spaces) to one space. */
export function normalizeLine(line: string): string {
  return line.replace(/[\s\u00a0\u2007\u202f\u200b\ufeff]+/gu, ' ').trim();
}

/**
 * Longest line the shape rules judge whole. Why: every rule reads each line several times, so one
 * megabyte-long line without breaks would cost seconds and hundreds of megabytes; real paragraphs are
 * far shorter, and a longer run is cut at spaces into lines of at most this length.
 */
export const MAX_LINE_CHARS = 10_000;

/** Non-empty normalized lines of a text, in order, none longer than MAX_LINE_CHARS. */
export function toLines(text: string): string[] {
  return text
    .split(/\r\n|\r|\n|\u2028|\u2029/u)
    .flatMap((line) => cutAtSpaces(normalizeLine(line), MAX_LINE_CHARS))
    .filter((l) => l !== '');
}

/** The space-separated tokens of a normalized line that hold a letter or digit. */
export function wordsOf(line: string): string[] {
  return line.match(/[^ ]*[\p{L}\p{N}][^ ]*/gu) ?? [];
}

/** Whether a normalized line has more than `n` words, reading no further than word n + 1. */
export function hasMoreWordsThan(line: string, n: number): boolean {
  const word = /[^ ]*[\p{L}\p{N}][^ ]*/gu;
  for (let seen = 0; word.exec(line); ) if (++seen > n) return true;
  return false;
}

/** A line made of a clock time only: "19:12", "5:50 AM", "07:42". */
export function isTimestampOnly(line: string): boolean {
  return /^\d{1,2}[:.]\d{2}(?:\s?[AaPp]\.?[Mm]\.?)?$/u.test(line);
}

const BULLET = /^(?:[•·▪◦‣●■*]|-(?=\s))\s*/u;

export function isBullet(line: string): boolean {
  return BULLET.test(line) && !/^\*\s*indicates/iu.test(line);
}

/** Drops a leading list glyph: the glyph carries no meaning once lines become paragraphs. */
export function stripBullet(line: string): string {
  return line.replace(BULLET, '');
}

/** Ends like a sentence: period, ?, !, ellipsis, or a closing quote/bracket after one of those. */
export function endsLikeSentence(line: string): boolean {
  return /[.!?…]["'”’»)\]]*$/u.test(line) || /[.!?…,]["”’»]$/u.test(line);
}

/** A label with nothing after it: "Background:", "Related:". */
export function isLabelOnly(line: string): boolean {
  return /^[\p{L}][\p{L}\s'’-]{0,30}:$/u.test(line);
}

/** Share of characters that are letters (ignoring spaces). */
export function letterRatio(line: string): number {
  const chars = line.replace(/\s/gu, '');
  if (chars.length === 0) return 0;
  const letters = (chars.match(/\p{L}+/gu) ?? []).reduce((sum, run) => sum + run.length, 0);
  return letters / chars.length;
}

/**
 * How much of a line the ratio rules read. Why: a line's make-up shows in its first few hundred words, and
 * reading all of a 10,000-character line on every rule would multiply the cost of huge inputs.
 */
const SHAPE_SAMPLE_CHARS = 2_000;

/** The line itself, or its first SHAPE_SAMPLE_CHARS cut back to a space. */
export function shapeSample(line: string): string {
  if (line.length <= SHAPE_SAMPLE_CHARS) return line;
  const space = line.lastIndexOf(' ', SHAPE_SAMPLE_CHARS);
  return line.slice(0, space > 0 ? space : SHAPE_SAMPLE_CHARS);
}

/**
 * Short, capitalised, and not ending like a sentence: the shape of headlines, subheadings and link
 * text. Bulleted and label lines are list items or labels, not headlines.
 */
export function isHeadlineLike(line: string): boolean {
  if (!hasMoreWordsThan(line, 1) || hasMoreWordsThan(line, 25)) return false;
  if (isBullet(line) || isLabelOnly(line) || endsLikeSentence(line) || /[:;,]$/u.test(line)) return false;
  return /^["“‘'(€$£]?[\p{Lu}\p{N}]/u.test(line);
}

/**
 * Reads like a paragraph of an article: enough words, ends like a sentence (or is long), mostly
 * letters, and (in Latin script) uses one language's function words the way prose does.
 */
export function isProse(line: string): boolean {
  const sample = shapeSample(line);
  const words = wordsOf(sample);
  if (words.length < 8) return false;
  if (!endsLikeSentence(line) && words.length < 20) return false;
  if (letterRatio(sample) < 0.6) return false;
  const latin = /^[\p{Script=Latin}\p{N}\p{P}\p{S}\s]*$/u.test(sample);
  return !latin || functionWordRatio(words) >= 0.12;
}

const CAPTION =
  /(?<!\p{L})(?:Photo|Image|Picture|Credit|Фото)(?:\s(?:by|credit))?\s?:|\(\s?(?:Photo|Image)\b|\/\s?(?:Getty|AFP|AP|Reuters)\b/iu;

/** A photo caption: keeps its place in the text even though it may not end with a period. */
export function isCaption(line: string): boolean {
  return CAPTION.test(line);
}
