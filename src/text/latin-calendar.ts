import { LATIN_LANGUAGES, type LatinLanguage } from './latin-language.js';

/**
 * The words a date is written with in German, French, Spanish, Italian and Portuguese: months, weekdays, the days
 * named relatively ("gestern", "demain") and the units of a date ("Jahren", "meses"), from the runtime's CLDR
 * data (Intl), lower-case; and the seasons, which CLDR does not name. French "été" (summer) is left out: it is
 * the participle "been" far more often.
 */
const SEASONS: Record<LatinLanguage, string[]> = {
  de: ['frühjahr', 'frühling', 'sommer', 'herbst', 'winter'],
  fr: ['printemps', 'automne', 'hiver'],
  es: ['primavera', 'verano', 'otoño', 'invierno'],
  it: ['primavera', 'estate', 'autunno', 'inverno'],
  pt: ['primavera', 'verão', 'outono', 'inverno'],
};

/**
 * The months' names in a locale ("de", "de-AT", "uk"), January first, as written after a day: the genitive where the
 * language has one ("серпня"), and the abbreviation for `short` ("févr.").
 */
export function monthNames(locale: string, width: 'long' | 'short' = 'long'): string[] {
  const format = new Intl.DateTimeFormat(locale, { day: 'numeric', month: width, timeZone: 'UTC' });
  return Array.from({ length: 12 }, (_, m) => format.formatToParts(Date.UTC(2021, m, 1)).find((part) => part.type === 'month')!.value);
}

function weekdayNames(locale: string): string[] {
  const weekday = new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' });
  // 3 January 2021 was a Sunday.
  return Array.from({ length: 7 }, (_, d) => weekday.format(Date.UTC(2021, 0, 3 + d)));
}

/** Yesterday, today and tomorrow, and the words for years, months and weeks, singular and plural ("in 2 Jahren"). */
function relativeWords(locale: string): string[] {
  const days = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  const units = new Intl.RelativeTimeFormat(locale);
  const unitWord = (unit: 'year' | 'month' | 'week', n: number) => {
    const literals = units.formatToParts(n, unit).filter((p) => p.type === 'literal');
    return literals.at(-1)?.value.trim().split(/\s+/u).at(-1) ?? '';
  };
  return [...[-1, 0, 1].map((n) => days.format(n, 'day')), ...(['year', 'month', 'week'] as const).flatMap((u) => [unitWord(u, 1), unitWord(u, 2)])];
}

const CALENDAR = new Map(
  LATIN_LANGUAGES.map((language) => {
    const words = [...monthNames(language), ...weekdayNames(language), ...relativeWords(language), ...SEASONS[language]];
    // Portuguese weekdays are hyphened ("segunda-feira"): text is read word by word.
    return [language, new Set(words.filter(Boolean).map((w) => w.toLowerCase().replace("'", '’').split('-')[0]!))];
  }),
);

/** Whether a lower-case word of text in the language names a date or a span of one. */
export function isLatinDateWord(word: string, language: LatinLanguage): boolean {
  return CALENDAR.get(language)!.has(word.replace("'", '’'));
}
