/**
 * Decides, line by line, what is page chrome: calls to action, navigation, tag soup, language switchers,
 * clock times. Each rule is a general signal over the line's shape and vocabulary, not a list of lines
 * from known pages.
 */
import { countDistinct, countMatches, LANGUAGE_CODES, NAV_WORDS, STRONG_CTA, WEAK_CTA } from './lexicon.js';
import { endsLikeSentence, hasMoreWordsThan, isTimestampOnly, shapeSample, wordsOf } from './lines.js';
import { functionWordRatio } from './stop-words.js';

/**
 * Calls to action: a strong word in a short line, or in a long line several distinct pitch words that
 * address the reader. Why the reader test: news about subscriptions or alliance membership uses the same
 * words, but in the third person.
 */
export function isCallToAction(line: string): boolean {
  const strong = countDistinct(line, STRONG_CTA);
  if (strong === 0) return false;
  if (!hasMoreWordsThan(line, 14)) return true;
  const addressesReader = countMatches(line, ['you', 'your']) >= 1 || countMatches(line, ['us', 'our']) >= 2;
  return addressesReader && (strong >= 2 || strong + countDistinct(line, WEAK_CTA) >= 3);
}

/** Lower-case keyword lists: image slugs, logo alt texts ("visa masterCard americanExpress"). */
export function isKeywordSoup(line: string): boolean {
  const words = wordsOf(shapeSample(line));
  if (words.length < 3 || endsLikeSentence(line)) return false;
  const startsLower = /^\p{Ll}/u.test(line);
  const noCapitals = !/\p{Lu}/u.test(line);
  return (startsLower || noCapitals) && functionWordRatio(words) < 0.15;
}

/** Counts case changes that only happen when words were glued without spaces ("NATOUkraineZelenskyy"). */
function gluedJoins(token: string): number {
  const lowerToUpper = (token.match(/\p{Ll}\p{Lu}/gu) ?? []).length;
  const acronymToWord = (token.match(/\p{Lu}{3,}\p{Ll}/gu) ?? []).length;
  return lowerToUpper + acronymToWord;
}

/** Tag lines: "Subjects: …", "Tags: …", or words glued together by a scraper. */
export function isTagLine(line: string): boolean {
  if (/^(?:subjects?|tags?|topics?|keywords?|categories|filed under)\s*:/iu.test(line)) return true;
  if (endsLikeSentence(line) || !/\p{Ll}\p{Lu}|\p{Lu}{3}\p{Ll}/u.test(line)) return false;
  return line.split(' ').some((t) => gluedJoins(t) >= 2);
}

/** Navigation labels and story-list headings: every word is a navigation word. */
export function isNavigation(line: string): boolean {
  if (hasMoreWordsThan(line, 4)) return false;
  const words = wordsOf(line).map((w) => w.toLowerCase().replace(/[^\p{L}]/gu, ''));
  if (words.length === 0) return false;
  return words.every((w) => NAV_WORDS.has(w) || w === '');
}

/** "Укр Рус Eng": two or more language abbreviations on a short line. */
export function isLanguageSwitcher(line: string): boolean {
  // Ten pieces are enough to tell: a leading separator gives one empty piece, and more than eight tokens is not a switcher.
  const tokens = line.split(/[\s|/·]+/u, 10).filter(Boolean);
  const codes = tokens.filter((t) => LANGUAGE_CODES.has(t.toLowerCase())).length;
  return codes >= 2 && tokens.length <= 8;
}

/** A single word with no sentence around it: section names, stray buttons. */
function isLoneWord(line: string): boolean {
  return !hasMoreWordsThan(line, 1) && !/:$/u.test(line);
}

/**
 * A copyright notice ("© 2024 …", "Copyright 2024 …"): footer text however long it runs. Why the year:
 * "Copyright" alone also opens sentences about copyright law.
 */
export function isCopyrightNotice(line: string): boolean {
  return /^(?:©|\([cC]\)\s|[Cc]opyright\s*(?:©\s*)?\d{4}\b)/u.test(line);
}

/**
 * A photo credit alone ("Photograph: Jane Doe/Agency", "Image: Example Press"): who took the picture, with no word of
 * what it shows. A caption that describes the picture is text (lines.ts, isCaption).
 */
export function isCreditOnly(line: string): boolean {
  const credit = /^(?:photo(?:graph)?s?|image|picture|illustration|credit)(?:\s(?:by|credit))?\s?:\s*(.*)$/iu.exec(line);
  return credit !== null && !hasMoreWordsThan(credit[1]!, CREDIT_WORDS) && !endsLikeSentence(line);
}
const CREDIT_WORDS = 5;

/** Any chrome rule fires. */
export function isChromeLine(line: string): boolean {
  return (
    isTimestampOnly(line) ||
    isLoneWord(line) ||
    isCopyrightNotice(line) ||
    isCreditOnly(line) ||
    isCallToAction(line) ||
    isNavigation(line) ||
    isLanguageSwitcher(line) ||
    isTagLine(line) ||
    isKeywordSoup(line)
  );
}
