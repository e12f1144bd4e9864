import { FUNCTION_WORDS, LATIN_LANGUAGES } from '../text/latin-language.js';

/**
 * A small English stop-word list. Why: prose is dense in these words while page chrome (tag soup,
 * link lists, logos) is not, so their share of a line is a cheap, language-aware prose signal.
 */
export const ENGLISH_STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a an the and or but if of to in on at by for with from as into onto about over under after before ' +
    'between through during against without within is are was were be been being am do does did has have had ' +
    'will would shall should can could may might must not no nor so than that this these those there here ' +
    'it its he she they them their his her him we us our you your i me my who whom which what when where why ' +
    'how all any both each few more most other some such only own same too very just also while because until ' +
    'up down out off again then once said says one two'
  ).split(' '),
);

/** Share of `words` that are English stop words (0 when there are no words). */
export function stopWordRatio(words: readonly string[]): number {
  if (words.length === 0) return 0;
  const hits = words.filter((w) => ENGLISH_STOP_WORDS.has(w.toLowerCase().replace(/[^\p{L}']/gu, ''))).length;
  return hits / words.length;
}

/**
 * The share of `words` that are function words of one language: English, German, French, Spanish, Italian or
 * Portuguese, whichever has most. Prose in any of them is dense in its own; chrome is dense in none.
 */
export function functionWordRatio(words: readonly string[]): number {
  if (words.length === 0) return 0;
  const folded = words.map((w) => w.toLowerCase().replace(/[^\p{L}'’]/gu, ''));
  const shareOf = (set: ReadonlySet<string>) => folded.filter((w) => set.has(w)).length / words.length;
  return Math.max(shareOf(ENGLISH_STOP_WORDS), ...LATIN_LANGUAGES.map((l) => shareOf(FUNCTION_WORDS[l])));
}
