import type { Alternative } from '../answer/matching.js';
import { cyrillicWords } from '../lexicon/glossary.js';
import { KEY_LETTERS, slavicKeys } from '../text/slavic-stem.js';
import type { ParsedQuery } from './query.js';
import { ownEntry } from '../util/own-entry.js';

/**
 * Questions about coverage written in Ukrainian or Russian. A Cyrillic question is read in English, and its
 * own words, in any of their forms (slavicKeys), count as the English word they were read as; so do the
 * Russian and Ukrainian translations of every question's words when the coverage holds articles in those
 * languages. Coverage in English never says them, so there they change nothing.
 */

/** A full-text term for every stored form that starts with the key (the stores read a final "*" so). */
export const prefixTerm = (key: string): string => `${key}*`;

/** Keys this short start too many other words to search by; sentences still compare them whole. */
const MIN_SEARCHED_KEY = 4;

const searchable = (keys: string[]) => [...new Set(keys.filter((k) => k.length >= MIN_SEARCHED_KEY).map(prefixTerm))];

/** Full-text terms for the asker's own words, translated or not: searched as the question's words are. */
export function ownWordTerms(query: Pick<ParsedQuery, 'originals' | 'untranslated'>): string[] {
  return searchable([...Object.values(query.originals).flat(), ...query.untranslated.flatMap((u) => u.keys)]);
}

/** Full-text terms for the words' translations: searched as other wordings are, since a dictionary's first senses are not always meant. */
export function translatedTerms(query: Pick<ParsedQuery, 'inCyrillic'>): string[] {
  return searchable(Object.values(query.inCyrillic).flat());
}

/** Every key a question word may be said by in Ukrainian or Russian: the asker's own word's, and its translations'. */
export function keysOf(query: Pick<ParsedQuery, 'originals' | 'inCyrillic'>, word: string): string[] {
  return [...(ownEntry(query.originals, word) ?? []), ...(ownEntry(query.inCyrillic, word) ?? [])];
}

/**
 * Those keys as other ways of saying each question word, as good as the word itself. Untranslated words sit
 * after the question's words (`query.words.length + j`), matched by their first key as their stem.
 */
export function ownWordAlternatives(query: Pick<ParsedQuery, 'words' | 'originals' | 'inCyrillic' | 'untranslated'>): Alternative[] {
  const ofWords = query.words.flatMap((w, i) => keysOf(query, w).map((key) => ({ covers: [i], stems: [key], factor: 1 })));
  const ofUntranslated = query.untranslated.flatMap(({ keys }, j) => keys.slice(1).map((key) => ({ covers: [query.words.length + j], stems: [key], factor: 1 })));
  return [...ofWords, ...ofUntranslated];
}

/**
 * A question about coverage written in Ukrainian or Russian: each word's first Russian translations and their
 * Ukrainian, for an English question to find such articles, and a Russian question a Ukrainian article (and
 * the other way) through the English it was read as. A name's key is its first letters: folded, a Cyrillic name
 * in any case form starts with them ("Verbytsky", "Вербицького").
 */
export function withCyrillicWordings(query: ParsedQuery, baseForm: (word: string) => string): ParsedQuery {
  const inCyrillic: Record<string, string[]> = {};
  query.words.forEach((word, i) => {
    if (/\d/.test(word)) return;
    const keys = query.names[i] ? [word.slice(0, KEY_LETTERS)] : cyrillicWords(baseForm(word)).flatMap(slavicKeys);
    if (keys.length > 0) inCyrillic[word] = [...new Set(keys)];
  });
  return { ...query, inCyrillic };
}
