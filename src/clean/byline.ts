/**
 * Reads author names and the publication date from a byline/dateline such as
 * "by Jane Doe August 5, 2024 9:12 AM 2 min read", "JANE DOESunday, 4 August 2024, 17:25",
 * "Jane Doe, John RoeThursday, 3 October 2024" or "By Jane Doe and John Roe | March 3, 2025".
 */
import { findDate } from './dates.js';
import { endsLikeSentence, hasMoreWordsThan } from './lines.js';
import { isOutletName, outletNamed } from './outlet.js';

export interface Byline {
  authors: string[];
  published: string | null;
  /** The publication a byline names beside its authors ("The Example Gazette — Jane Doe — 9 May 2025"), without "The". */
  outlet?: string;
}

/**
 * Words that lead a byline's names or its date, in English and in German, French, Spanish, Italian, Portuguese,
 * Ukrainian and Russian ("Von …", "Publié le …", "Actualizado: …", "Автор: …"), the date's preposition included.
 */
const LEAD_WORDS = new RegExp(
  `^(?:by|from|published|updated|posted|date|written by|words by|on|last modified|last updated|modified|` +
    `von|veröffentlicht(?: am)?|aktualisiert(?: am)?|stand|par|publié(?: le)?|mis à jour(?: le)?|por|publicado(?: el| em)?|` +
    `actualizado(?: el)?|atualizado(?: em)?|di|pubblicato(?: il)?|aggiornato(?: il)?|` +
    `автор|авторка|опубліковано|оновлено|опубликовано|обновлено)(?![\\p{L}])\\s*:?\\s*`,
  'iu',
);
/** The lead words that introduce authors (the others introduce a date). */
const AUTHOR_LEAD = /^(?:(?:(?:written|words)\s+)?by|von|par|por|di|автор|авторка):?\s/iu;
/**
 * A clock time with optional am/pm and zone ("3:15 PM GMT+2", "14.32 BST", "09:12", "14:05 Uhr", "10h12"). Why: some bylines
 * print the time before the date ("Updated 3:15 PM GMT+2, September 9, 2024"), and a time is not a name.
 */
const CLOCK_TIME = /(?<![\d:.])\d{1,2}(?:[:.]|h)\d{2}(?:\s?[AaPp]\.?[Mm]\.?|\s?Uhr)?(?:\s?(?:GMT|UTC)(?:[+-]\d{1,2}(?::?\d{2})?)?|\s[A-Z]{1,4}T\b)?(?![\d:.])/gu;
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

/** A plausible personal name: 2–5 capitalised words (particles and initials allowed), no digits, not opening on an article. */
export function isPersonName(name: string): boolean {
  const parts = name.split(' ');
  if (parts.length < 2 || parts.length > 5 || ARTICLES.has(parts[0]!)) return false;
  return parts.every((p) => PARTICLES.has(p) || /^\p{Lu}[\p{L}'’.-]*$/u.test(p));
}
/** "The Example Gazette" is a name, but no one's. */
const ARTICLES = new Set(['The', 'THE']);

/**
 * A newsroom job, alone or after a name ("Jane Doe, Staff Reporter", "Jane Doe Political editor"): capitalised
 * words look like a name, but no one is called "Reporter".
 */
const ROLE_WORD = /^(?:reporter|correspondent|editor|writer|contributor|columnist|journalist|producer|photographer|analyst|critic|staff)s?$/iu;
/** Words a role may have before its last ("Local Democracy Reporter", "Senior Political Correspondent"). */
const ROLE_QUALIFIERS = 2;

/** The name in a part of a byline, without a newsroom role after it; "" when the part is a role alone, as a title; the part itself otherwise. */
function withoutRole(part: string): string {
  const words = part.split(' ');
  if (!ROLE_WORD.test(words.at(-1)!)) return part;
  if (words.length <= ROLE_QUALIFIERS + 1) return /^\p{Lu}/u.test(part) ? '' : part;
  // The longest role that leaves a name of two words or more ("Lena Marsh Transport correspondent").
  for (let qualifiers = ROLE_QUALIFIERS; qualifiers >= 0; qualifiers--) {
    const name = words.slice(0, words.length - 1 - qualifiers).join(' ');
    if (isPersonName(normalizeName(name))) return name;
  }
  return part;
}

/** Splits "A, B and C" into names, leaving out newsroom roles; null when any part is not a name (then it was not a byline). */
export function splitAuthors(text: string): string[] | null {
  let cleaned = text.replace(SEPARATORS, '');
  while (LEAD_WORDS.test(cleaned)) cleaned = cleaned.replace(LEAD_WORDS, '').replace(SEPARATORS, '');
  if (cleaned === '') return [];
  const parts = cleaned
    .split(/\s*(?:,|&|;|\||\band\b|\bи\b|\bі\b)\s*/u)
    .map((n) => n.trim())
    .filter(Boolean);
  // The role goes with the name before it: "Jane Doe, Staff Reporter" is one author.
  const names = parts.map(withoutRole).filter(Boolean).map(normalizeName);
  return names.every(isPersonName) ? names : null;
}

/**
 * The authors and date of a byline line, or null when the line is not one. A line with a date is a
 * byline when what precedes the date is empty or names; a line without a date only when it starts with "By".
 */
export function parseByline(line: string): Byline | null {
  if (hasMoreWordsThan(line, 24)) return null;
  const date = findDate(line);
  if (!date) {
    if (!AUTHOR_LEAD.test(line)) return null;
    const authors = splitAuthors(line);
    if (authors && authors.length > 0) return { authors, published: null };
    // "By The Example Press": an agency's or paper's own byline.
    const outlet = /^by\s+(The\s.*)$/iu.exec(line.replace(SEPARATORS, ''))?.[1];
    return outlet && isOutletName(outlet) ? { authors: [], published: null, outlet: outletNamed(outlet) } : null;
  }
  const lead = line.slice(0, date.start).replace(CLOCK_TIME, ' ');
  const named = splitAuthors(lead);
  const segments = named === null ? bySegments(lead) : null;
  if (named === null && segments === null) return null;
  // What follows the date may be its time and when the story was updated ("at 6:05 p.m. | Updated March 15, 2025").
  const rest = withoutDates(line.slice(date.end)).replace(CLOCK_TIME, ' ');
  if (hasMoreWordsThan(rest.replace(UPDATE_WORDS, ' '), 8)) return null;
  const before = named ?? segments!.authors;
  const after = /\bby\s+([^|·•\d]+)/iu.exec(rest);
  const authors = before.length > 0 ? before : after ? (splitAuthors(after[1]!) ?? []) : [];
  return segments?.outlet ? { authors, published: date.iso, outlet: segments.outlet } : { authors, published: date.iso };
}

/** The words that say when a story was changed or first put out, between its dates and times. */
const UPDATE_WORDS = /\b(?:updated|published|posted|modified|last|first|at|on)\b/giu;

function withoutDates(text: string): string {
  let out = text;
  for (let date = findDate(out); date; date = findDate(out)) out = out.slice(0, date.start) + ' ' + out.slice(date.end);
  return out;
}

/** Separators a byline puts between an outlet, its authors and the date ("The Example Gazette — Jane Doe — 9 May 2025"). */
const SEGMENT = /\s+[|·•—–]\s+/u;

/**
 * A byline's lead split at its separators: every segment names people or leads the date ("Par Ana Lima ·
 * Publié le …"), but at most one, which names a publication; null otherwise.
 */
function bySegments(lead: string): { authors: string[]; outlet?: string } | null {
  const segments = lead.replace(SEPARATORS, '').split(SEGMENT).filter(Boolean);
  if (segments.length < 2) return null;
  const read = segments.map((segment) => ({ segment, names: splitAuthors(segment) }));
  const others = read.filter((r) => r.names === null);
  const authors = read.flatMap((r) => r.names ?? []);
  if (others.length === 0) return { authors };
  if (others.length !== 1 || !isOutletName(others[0]!.segment)) return null;
  return { authors, outlet: outletNamed(others[0]!.segment) };
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
