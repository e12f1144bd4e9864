import type { Alternative } from '../answer/matching.js';
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
