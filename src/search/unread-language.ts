import { isEnglishWord } from './word-weights.js';

/**
 * Whether a question is written in a language the bot cannot read at all: one whose script is neither Latin nor
 * Cyrillic (Chinese, Arabic, Greek, …), or a Latin-script one whose ordinary words use letters none of English,
 * German, French, Spanish, Italian and Portuguese writes ("był", "şirket", "dobře"). Refusing such a question with
 * "the coverage does not answer" would blame the coverage for what the reading could not do. A language written
 * with those letters alone (Dutch, Indonesian) is not told from English with names the index lacks.
 */

/** Letters the languages read write, in lower case. */
const READ_LATIN = /^[a-zäöüßàâæçéèêëîïôœùûüÿáíñóúìòãõ]$/u;
const LETTER = /\p{L}/gu;
const WORD = /[\p{L}’'-]+/gu;
/** Lower-case words with a letter none of those languages writes: two are another language, or one among words mostly no English. */
const MIN_FOREIGN_WORDS = 2;
const NOT_ENGLISH_SHARE = 1 / 2;

export function isUnreadLanguage(question: string): boolean {
  const letters = question.match(LETTER) ?? [];
  const otherScript = letters.filter((l) => !/[\p{Script=Latin}\p{Script=Cyrillic}]/u.test(l)).length;
  if (otherScript > 0 && otherScript * 2 >= letters.length) return true;
  // Capitalised words may be names, spelt as their own language spells them ("Dvořák", "Łódź"); the first word
  // is capitalised as any question's is.
  const words = (question.match(WORD) ?? []).filter((w) => /\p{Script=Latin}/u.test(w));
  const lower = words.filter((w, i) => /^\p{Ll}/u.test(w) || (i === 0 && !/^\p{Lu}{2,}/u.test(w))).map((w) => w.toLowerCase());
  const foreign = lower.filter((w) => [...w].some((c) => /\p{L}/u.test(c) && !READ_LATIN.test(c)));
  if (foreign.length >= MIN_FOREIGN_WORDS) return true;
  return foreign.length > 0 && lower.filter((w) => !isEnglishWord(w)).length > lower.length * NOT_ENGLISH_SHARE;
}
