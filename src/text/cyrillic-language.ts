/** The two Cyrillic-script languages the project reads, by their ISO 639-1 codes. */
export type CyrillicLanguage = 'uk' | 'ru';

// Common words spelt differently in the two languages: a short question ("Хто створив статуетку?") may have
// none of the letters only one of them uses.
const UKRAINIAN_WORDS = new Set('хто що коли скільки чому де як чи від та це цей ця він вона вони його після також щодо але або зі між ще вже лише тільки навіть'.split(' '));
const RUSSIAN_WORDS = new Set('кто что когда сколько почему где как ли от это этот эта он она они его после также насчет но или со между еще уже лишь только даже'.split(' '));

/**
 * Which of the two a text is written in, when its letters or words tell: і ї є ґ are Ukrainian only, ы э ъ ё
 * Russian only, and so are some common words.
 */
export function cyrillicLanguage(text: string): CyrillicLanguage | null {
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  const ukrainian = (text.match(/[іїєґ]/giu) ?? []).length + words.filter((w) => UKRAINIAN_WORDS.has(w)).length;
  const russian = (text.match(/[ыэъё]/giu) ?? []).length + words.filter((w) => RUSSIAN_WORDS.has(w)).length;
  return ukrainian > russian ? 'uk' : russian > ukrainian ? 'ru' : null;
}
