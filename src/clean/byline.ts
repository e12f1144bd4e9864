/**
 * Reads author names and the publication date from a byline/dateline such as
 * "by Jane Doe August 5, 2024 9:12 AM 2 min read", "JANE DOESunday, 4 August 2024, 17:25",
 * "Jane Doe, John RoeThursday, 3 October 2024" or "By Jane Doe and John Roe | March 3, 2025".
 */
import { findDate } from './dates.js';
import { hasMoreWordsThan } from './lines.js';

export interface Byline {
  authors: string[];
  published: string | null;
}

const LEAD_WORDS = /^(?:by|from|published|updated|posted|date|written by|words by|on)\b\s*:?\s*/iu;
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
  const before = splitAuthors(line.slice(0, date.start));
  if (before === null) return null;
  const rest = line.slice(date.end);
  if (hasMoreWordsThan(rest, 8)) return null;
  const after = /\bby\s+([^|·•\d]+)/iu.exec(rest);
  const authors = before.length > 0 ? before : after ? (splitAuthors(after[1]!) ?? []) : [];
  return { authors, published: date.iso };
}
