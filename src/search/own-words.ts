import type { Alternative } from '../answer/matching.js';
import { cyrillicWords } from '../lexicon/glossary.js';
import { KEY_LETTERS, slavicKeys } from '../text/slavic-stem.js';
import type { ParsedQuery } from './query.js';
import { ownEntry } from '../util/own-entry.js';

/**
 * The Ukrainian or Russian words a translated question was written in, for coverage written in that language:
 * the question is read in English, and its own words, in any of their forms (slavicKeys), count as the
 * English word they were read as. Coverage in English never says them, so there they change nothing.
 */

/** A full-text term for every stored form that starts with the key (the stores read a final "*" so). */
export const prefixTerm = (key: string): string => `${key}*`;

/** Keys this short start too many other words to search by; sentences still compare them whole. */
const MIN_SEARCHED_KEY = 4;

/** Full-text terms for the asker's own words, translated or not. */
export function ownWordTerms(query: Pick<ParsedQuery, 'originals' | 'untranslated'>): string[] {
  const keys = [...Object.values(query.originals).flat(), ...query.untranslated.flatMap((u) => u.keys)];
  return [...new Set(keys.filter((k) => k.length >= MIN_SEARCHED_KEY).map(prefixTerm))];
}

/**
 * The asker's own words as other ways of saying each question word, as good as the word itself. Untranslated
 * words sit after the question's words (`query.words.length + j`), matched by their first key as their stem.
 */
export function ownWordAlternatives(query: Pick<ParsedQuery, 'words' | 'originals' | 'untranslated'>): Alternative[] {
  const translated = query.words.flatMap((w, i) => (ownEntry(query.originals, w) ?? []).map((key) => ({ covers: [i], stems: [key], factor: 1 })));
  const untranslated = query.untranslated.flatMap(({ keys }, j) => keys.slice(1).map((key) => ({ covers: [query.words.length + j], stems: [key], factor: 1 })));
  return [...translated, ...untranslated];
}

/**
 * An English question about coverage written in Ukrainian or Russian: each word's first Russian translations
 * and their Ukrainian count as the word, as a Cyrillic question's own words do. A name's key is its first
 * letters: folded, a Cyrillic name in any case form starts with them ("Sikorski", "Сікорського").
 */
export function withCyrillicWordings(query: ParsedQuery, baseForm: (word: string) => string): ParsedQuery {
  const originals: Record<string, string[]> = {};
  query.words.forEach((word, i) => {
    if (/\d/.test(word)) return;
    const keys = query.names[i] ? [word.slice(0, KEY_LETTERS)] : cyrillicWords(baseForm(word)).flatMap(slavicKeys);
    if (keys.length > 0) originals[word] = [...new Set(keys)];
  });
  return { ...query, originals };
}
