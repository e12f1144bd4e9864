/**
 * Reads author names and the publication date from a byline/dateline such as
 * "by Jane Doe August 5, 2024 9:12 AM 2 min read", "JANE DOESunday, 4 August 2024, 17:25",
 * "Jane Doe, John RoeThursday, 3 October 2024" or "By Jane Doe and John Roe | March 3, 2025".
 */
import { findDate } from './dates.js';
import { endsLikeSentence, hasMoreWordsThan } from './lines.js';

export interface Byline {
  authors: string[];
  published: string | null;
}

const LEAD_WORDS = /^(?:by|from|published|updated|posted|date|written by|words by|on)\b\s*:?\s*/iu;
/** The lead words that introduce authors (the others introduce a date). */
const AUTHOR_LEAD = /^(?:(?:written|words)\s+)?by\s/iu;
/**
 * A clock time with optional am/pm and zone ("3:15 PM GMT+2", "14.32 BST", "09:12"). Why: some bylines
 * print the time before the date ("Updated 3:15 PM GMT+2, September 9, 2024"), and a time is not a name.
 */
const CLOCK_TIME = /(?<![\d:.])\d{1,2}[:.]\d{2}(?:\s?[AaPp]\.?[Mm]\.?)?(?:\s?(?:GMT|UTC)(?:[+-]\d{1,2}(?::?\d{2})?)?|\s[A-Z]{1,4}T\b)?(?![\d:.])/gu;
/** "in Portville", "in New Harbor": where a correspondent files from, after the name. */
const FILED_FROM = /\s+in\s+\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*)*/gu;
/** Longest name accepted on a line that does not start with "By": longer runs of capitalised words are headlines. */
const BARE_NAME_WORDS = 3;
const SEPARATORS = /^[\s|·•,;:–—-]+|[\s|·•,;:–—-]+$/gu;
const PARTICLES = new Set(['van', 'von', 'de', 'der', 'den', 'da', 'di', 'du', 'la', 'le', 'bin', 'al', 'el', 'ibn']);

/** "MARIA KOWALSKA" → "Maria Kowalska"; mixed-case names are left as written. */
export function normalizeName(name: string): string {
  if (/\p{Ll}/u.test(name)) return name;
  return name.toLowerCase().replace(/(^|[\s'’-])(\p{Ll})/gu, (_, sep: string, ch: string) => sep + ch.toUpperCase());
}

/** A plausible personal name: 2–5 capitalised words (particles and initials allowed), no digits. */
export function isPersonName(name: string): boolean {
  const parts = name.split(' ');
  if (parts.length < 2 || parts.length > 5) return false;
  return parts.every((p) => PARTICLES.has(p) || /^\p{Lu}[\p{L}'’.-]*$/u.test(p));
}

/** Splits "A, B and C" into names; null when any part is not a name (then it was not a byline). */
export function splitAuthors(text: string): string[] | null {
  let cleaned = text.replace(SEPARATORS, '');
  while (LEAD_WORDS.test(cleaned)) cleaned = cleaned.replace(LEAD_WORDS, '').replace(SEPARATORS, '');
  if (cleaned === '') return [];
  const names = cleaned
    .split(/\s*(?:,|&|;|\||\band\b|\bи\b|\bі\b)\s*/u)
    .map((n) => n.trim())
    .filter(Boolean)
    .map(normalizeName);
  return names.length > 0 && names.every(isPersonName) ? names : null;
}

/**
 * The authors and date of a byline line, or null when the line is not one. A line with a date is a
 * byline when what precedes the date is empty or names; a line without a date only when it starts with "By".
 */
export function parseByline(line: string): Byline | null {
  if (hasMoreWordsThan(line, 24)) return null;
  const date = findDate(line);
  if (!date) {
    if (!/^by\s/iu.test(line)) return null;
    const authors = splitAuthors(line);
    return authors && authors.length > 0 ? { authors, published: null } : null;
  }
  const before = splitAuthors(line.slice(0, date.start).replace(CLOCK_TIME, ' '));
  if (before === null) return null;
  const rest = line.slice(date.end);
  if (hasMoreWordsThan(rest, 8)) return null;
  const after = /\bby\s+([^|·•\d]+)/iu.exec(rest);
  const authors = before.length > 0 ? before : after ? (splitAuthors(after[1]!) ?? []) : [];
  return { authors, published: date.iso };
}

/**
 * The authors of a line that holds nothing but names: "By Jane Doe", "Words by A and B", "JANE DOE",
 * "Jane Doe in Portville". Null for anything else. Why stricter without "By": a short Title Case line
 * ("Budget Day Live") looks like a name, so a bare line may hold only names of two or three words and
 * may not start with a date word ("Published", "Updated").
 */
export function parseAuthorLine(line: string): string[] | null {
  if (hasMoreWordsThan(line, 12) || endsLikeSentence(line)) return null;
  const bare = !AUTHOR_LEAD.test(line);
  if (bare && LEAD_WORDS.test(line)) return null;
  const names = splitAuthors(line.replace(FILED_FROM, ''));
  if (!names || names.length === 0) return null;
  return bare && names.some((n) => hasMoreWordsThan(n, BARE_NAME_WORDS)) ? null : names;
}
