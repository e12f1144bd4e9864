/**
 * Shape features of one line of scraped page text. Every rule that separates article prose from page
 * chrome is built from these, so they stay pure and cheap.
 */
import { stopWordRatio } from './stop-words.js';

/** Trims a line and collapses every run of whitespace (incl. no-break and thin spaces) to one space. */
export function normalizeLine(line: string): string {
  return line.replace(/[\s\u00a0\u2007\u202f\u200b\ufeff]+/gu, ' ').trim();
}

/** Non-empty normalized lines of a text, in order. */
export function toLines(text: string): string[] {
  return text
    .split(/\r\n|\r|\n|\u2028|\u2029/u)
    .map(normalizeLine)
    .filter((l) => l !== '');
}

export function wordsOf(line: string): string[] {
  return line.split(' ').filter((w) => /[\p{L}\p{N}]/u.test(w));
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
  return (chars.match(/\p{L}/gu) ?? []).length / chars.length;
}

/**
 * Short, capitalised, and not ending like a sentence: the shape of headlines, subheadings and link
 * text. Bulleted and label lines are list items or labels, not headlines.
 */
export function isHeadlineLike(line: string): boolean {
  const n = wordsOf(line).length;
  if (n < 2 || n > 25) return false;
  if (isBullet(line) || isLabelOnly(line) || endsLikeSentence(line) || /[:;,]$/u.test(line)) return false;
  return /^["“‘'(€$£]?[\p{Lu}\p{N}]/u.test(line);
}

/**
 * Reads like a paragraph of an article: enough words, ends like a sentence (or is long), mostly
 * letters, and (for Latin-script English) uses function words the way prose does.
 */
export function isProse(line: string): boolean {
  const words = wordsOf(line);
  if (words.length < 8) return false;
  if (!endsLikeSentence(line) && words.length < 20) return false;
  if (letterRatio(line) < 0.6) return false;
  const latin = /^[\p{Script=Latin}\p{N}\p{P}\p{S}\s]*$/u.test(line);
  return !latin || stopWordRatio(words) >= 0.12;
}

const CAPTION =
  /(?<!\p{L})(?:Photo|Image|Picture|Credit|Фото)(?:\s(?:by|credit))?\s?:|\(\s?(?:Photo|Image)\b|\/\s?(?:Getty|AFP|AP|Reuters)\b/iu;

/** A photo caption: keeps its place in the text even though it may not end with a period. */
export function isCaption(line: string): boolean {
  return CAPTION.test(line);
}
