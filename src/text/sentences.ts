import { monthNames } from './latin-calendar.js';

/** A sentence as a span of the text it was found in. */
export interface SentenceSpan {
  start: number;
  end: number;
}

// Abbreviations after which a period does not end a sentence (news style: titles, months, initials).
const ABBREVIATIONS = new Set(
  (
    'mr mrs ms dr prof gen col lt sgt capt cmdr adm gov sen rep rev st sr jr mt ft ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec no nos vs etc inc ltd co corp dept est approx fig ' +
    'u.s u.k u.n e.u a.m p.m i.e e.g'
  ).split(' '),
);

const CLOSERS = `"'”’)]»`;

/** True when the period at `dot` belongs to an abbreviation, an initial or a number, not a sentence end. */
function isAbbreviation(text: string, dot: number): boolean {
  let i = dot - 1;
  while (i >= 0 && /[\p{L}.]/u.test(text[i]!)) i--;
  const word = text.slice(i + 1, dot).toLowerCase();
  if (word.length === 0) return false;
  if (ABBREVIATIONS.has(word)) return true;
  // Single capital initials ("J. Smith") and dotted acronyms ("U.S.").
  return /^\p{L}$/u.test(word) || /^(\p{L}\.)+\p{L}$/u.test(word);
}

// German writes a day of the month as an ordinal with a period ("am 3. Oktober", "bis zum 20. Juni"); the word
// before it tells it from an English sentence that ends in a number ("… rose to 12. September sales …").
const GERMAN_DAY_BEFORE_MONTH = /(?:^|\s)(?:am|vom|zum|bis|ab|seit|dem|den|des|der|und)\s+\d{1,2}$/iu;
const GERMAN_MONTH = new RegExp(`^(?:${[...new Set([...monthNames('de'), ...monthNames('de-AT')])].join('|')})\\b`, 'u');

/** True when the period at `dot` ends a day's number before a German month name, which starts at `next`. */
function isGermanDayOfMonth(text: string, dot: number, next: number): boolean {
  return GERMAN_DAY_BEFORE_MONTH.test(text.slice(Math.max(0, dot - 12), dot)) && GERMAN_MONTH.test(text.slice(next, next + 10));
}

/**
 * Splits text into sentences. A sentence ends at . ! ? or … (with any closing quotes or brackets)
 * followed by whitespace and something that can start a sentence, or at a paragraph break.
 * Offsets are into `text`; surrounding whitespace is excluded.
 */
export function splitSentences(text: string, offset = 0): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  let start = skipSpace(text, 0);
  let i = start;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === '\n' && text[i + 1] === '\n') {
      pushSpan(spans, text, start, i, offset);
      start = skipSpace(text, i);
      i = start;
      continue;
    }
    if ('.!?…'.includes(ch)) {
      let end = i + 1;
      while (end < text.length && ('.!?…'.includes(text[end]!) || CLOSERS.includes(text[end]!))) end++;
      const next = skipSpace(text, end);
      const boundary =
        next > end && (next >= text.length || /[\p{Lu}\p{N}"“‘'(\[«–—-]/u.test(text[next]!)) &&
        !(ch === '.' && (isAbbreviation(text, i) || isGermanDayOfMonth(text, i, next)));
      if (boundary) {
        pushSpan(spans, text, start, end, offset);
        start = next;
        i = next;
        continue;
      }
      i = end;
      continue;
    }
    i++;
  }
  pushSpan(spans, text, start, text.length, offset);
  return spans;
}

function skipSpace(text: string, i: number): number {
  while (i < text.length && /\s/.test(text[i]!)) i++;
  return i;
}

function pushSpan(spans: SentenceSpan[], text: string, start: number, end: number, offset: number): void {
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  if (end > start) spans.push({ start: start + offset, end: end + offset });
}

export function countWords(text: string): number {
  const m = text.match(/\S+/g);
  return m ? m.length : 0;
}
