import type { Alternative } from '../answer/matching.js';
import { cyrillicWords } from '../lexicon/glossary.js';
import { latinKeysOf } from '../lexicon/english-to-latin.js';
import { keyStem, latinKey, type LatinLanguage } from '../text/latin-language.js';
import { KEY_LETTERS, slavicKeys } from '../text/slavic-stem.js';
import type { ParsedQuery } from './query.js';
import { ownEntry } from '../util/own-entry.js';

/**
 * Questions about coverage written in other languages than English. A foreign question is read in English, and
 * its own words, in any of their forms (slavicKeys, latinKey), count as the English word they were read as; so do
 * the translations of every question's words into the languages the coverage holds articles in (Ukrainian,
 * Russian, German, French, Spanish, Italian, Portuguese). Coverage in English never says them, so there they
 * change nothing.
 */

/** A full-text term for every stored form that starts with the key's stem (the stores read a final "*" so). */
export const prefixTerm = (key: string): string => `${keyStem(key)}*`;

/** Keys this short start too many other words to search by; sentences still compare them whole. */
const MIN_SEARCHED_KEY = 4;

const searchable = (keys: string[]) => [...new Set(keys.filter((k) => keyStem(k).length >= MIN_SEARCHED_KEY).map(prefixTerm))];

/** Full-text terms for the asker's own words, translated or not: searched as the question's words are. */
export function ownWordTerms(query: Pick<ParsedQuery, 'originals' | 'untranslated'>): string[] {
  return searchable([...Object.values(query.originals).flat(), ...query.untranslated.flatMap((u) => u.keys)]);
}

/** Full-text terms for the words' translations: searched as other wordings are, since a dictionary's first senses are not always meant. */
export function translatedTerms(query: Pick<ParsedQuery, 'inCoverageLanguages'>): string[] {
  return searchable(Object.values(query.inCoverageLanguages).flat());
}

/** Every key a question word may be said by in the coverage's other languages: the asker's own word's, and its translations'. */
export function keysOf(query: Pick<ParsedQuery, 'originals' | 'inCoverageLanguages'>, word: string): string[] {
  return [...(ownEntry(query.originals, word) ?? []), ...(ownEntry(query.inCoverageLanguages, word) ?? [])];
}

/**
 * Those keys as other ways of saying each question word, as good as the word itself. Untranslated words sit
 * after the question's words (`query.words.length + j`), matched by their first key as their stem.
 */
export function ownWordAlternatives(query: Pick<ParsedQuery, 'words' | 'originals' | 'inCoverageLanguages' | 'untranslated'>): Alternative[] {
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
  return withKeys(query, (word, i) => (query.names[i] ? [word.slice(0, KEY_LETTERS)] : cyrillicWords(baseForm(word)).flatMap(slavicKeys)));
}

/**
 * A question about coverage written in German, French, Spanish, Italian or Portuguese: each word's translations
 * into those languages (English → their words, the word tables read backwards), and each name's Snowball key,
 * since a name takes their endings too ("Ostheims", "Ostheimer").
 */
export function withLatinWordings(query: ParsedQuery, languages: LatinLanguage[], baseForm: (word: string) => string): ParsedQuery {
  // A question in one of the coverage's languages is also read in its own words (see NativeKeys).
  const native = query.native && languages.includes(query.native.language) ? query.native : null;
  const translated = withKeys(query, (word, i) => [
    ...(native ? (ownEntry(native.keys, word) ?? []) : []),
    ...languages.flatMap((l) => (query.names[i] ? [latinKey(word, l)] : latinKeysOf(baseForm(word), l))),
  ]);
  if (!native) return translated;
  const untranslated = query.untranslated.map((u) => ({ ...u, keys: [...new Set([...u.keys, ...(u.native ?? [])])] }));
  return { ...translated, untranslated };
}

/** The query with each word's keys in the coverage's languages added to those it has (numbers have none). */
function withKeys(query: ParsedQuery, keysOfWord: (word: string, i: number) => string[]): ParsedQuery {
  const inCoverageLanguages = { ...query.inCoverageLanguages };
  query.words.forEach((word, i) => {
    if (/\d/.test(word)) return;
    const keys = keysOfWord(word, i);
    if (keys.length > 0) inCoverageLanguages[word] = [...new Set([...(ownEntry(inCoverageLanguages, word) ?? []), ...keys])];
  });
  return { ...query, inCoverageLanguages };
}
