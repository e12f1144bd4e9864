/**
 * Finds calendar dates in free text and metadata values and returns them as ISO yyyy-mm-dd.
 * A date that could be read two ways (03/04/2024) is not returned: we never guess.
 */
import { monthNames } from '../text/latin-calendar.js';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH =
  '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|' +
  'oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const WEEKDAY =
  '(?:(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|\\b(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\\.?),?\\s*)?';

export interface FoundDate {
  iso: string;
  /** Where the match (including a leading weekday) starts and ends in the searched text. */
  start: number;
  end: number;
}

/** yyyy-mm-dd when the parts make a real calendar day, else null. */
export function isoDate(year: number, month: number, day: number): string | null {
  if (year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1) return null;
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCMonth() !== month - 1) return null;
  return d.toISOString().slice(0, 10);
}

function monthNumber(name: string): number {
  return MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;
}

/** d/m vs m/d is unambiguous only when one part is above 12 or both parts are equal. */
function numericDayMonth(a: number, b: number): [number, number] | null {
  if (a === b) return [a, b];
  if (a > 12 && b <= 12) return [a, b];
  if (b > 12 && a <= 12) return [b, a];
  return null;
}

interface Pattern {
  re: RegExp;
  toIso(m: RegExpExecArray): string | null;
}

/**
 * Months as German, French, Spanish, Italian, Portuguese, Ukrainian and Russian write them after a day, long and
 * short ("März", "févr.", "marzo", "вересня", "авг."), from the runtime's CLDR data: lower-case name → month number.
 */
const OTHER_MONTHS: Map<string, number> = new Map(
  ['de', 'fr', 'es', 'it', 'pt', 'uk', 'ru'].flatMap((locale) =>
    (['long', 'short'] as const).flatMap((width) => monthNames(locale, width).map((name, m) => [name.toLowerCase().replace(/\.$/u, ''), m + 1] as const)),
  ),
);
const OTHER_MONTH = `(${[...OTHER_MONTHS.keys()].sort((a, b) => b.length - a.length).join('|')})\\.?`;

const PATTERNS: Pattern[] = [
  { re: /(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)/gu, toIso: (m) => isoDate(+m[1]!, +m[2]!, +m[3]!) },
  {
    re: new RegExp(`${WEEKDAY}\\b${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, 'giu'),
    toIso: (m) => isoDate(+m[3]!, monthNumber(m[1]!), +m[2]!),
  },
  {
    re: new RegExp(`${WEEKDAY}\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH},?\\s+(\\d{4})\\b`, 'giu'),
    toIso: (m) => isoDate(+m[3]!, monthNumber(m[2]!), +m[1]!),
  },
  // "12. März 2025", "1er février 2025", "8 de mayo de 2025", "3 marzo 2025", "9 вересня 2024".
  {
    re: new RegExp(`(?<![\\p{L}\\d])(\\d{1,2})(?:\\.|er|º)?\\s+(?:de\\s+)?${OTHER_MONTH}(?![\\p{L}]),?\\s+(?:de\\s+)?(\\d{4})\\b`, 'giu'),
    toIso: (m) => isoDate(+m[3]!, OTHER_MONTHS.get(m[2]!.toLowerCase())!, +m[1]!),
  },
  {
    re: /(?<![\d.\/])(\d{1,2})[./](\d{1,2})[./](\d{4})(?![\d.\/])/gu,
    toIso: (m) => {
      const dm = numericDayMonth(+m[1]!, +m[2]!);
      return dm ? isoDate(+m[3]!, dm[1], dm[0]) : null;
    },
  },
];

/**
 * The earliest date written in `text`. The weekday regex has no leading word boundary on purpose:
 * scrapers glue bylines to it ("TYSHCHENKOSunday, 4 August 2024"), so `start` marks where the name ends.
 */
export function findDate(text: string): FoundDate | null {
  let best: FoundDate | null = null;
  for (const { re, toIso } of PATTERNS) {
    for (const m of text.matchAll(re)) {
      const iso = toIso(m);
      if (iso && (!best || m.index < best.start)) best = { iso, start: m.index, end: m.index + m[0].length };
    }
  }
  return best;
}

/** A metadata value (ISO timestamp, RFC date, "5 August 2024") as yyyy-mm-dd, or null. */
export function toIsoDate(value: unknown): string | null {
  if (typeof value !== 'string' || value.trim() === '') return null;
  return findDate(value.trim())?.iso ?? null;
}

/**
 * A relative time on its own line: "2 hours ago", "Updated 35 mins ago". Why: pages print it where
 * the date would be, so it marks a byline block although it cannot be turned into a date.
 */
export function isRelativeTime(line: string): boolean {
  return /^(?:(?:updated|published|posted)\s+)?(?:\d{1,3}|an?|one)\s+(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?)\s+ago$/iu.test(
    line,
  );
}
