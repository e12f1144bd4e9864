import type { Alternative } from '../answer/matching.js';
import { cyrillicWords } from '../lexicon/glossary.js';
import { latinKeysOf } from '../lexicon/english-to-latin.js';
import { keyStem, latinKey, type LatinLanguage } from '../text/latin-language.js';
import { KEY_LETTERS, slavicKeys } from '../text/slavic-stem.js';
import type { NearKeys, ParsedQuery } from './query.js';
import { ownEntry } from '../util/own-entry.js';
import { irregularForms } from '../text/terms.js';
import type { Relation, WordNet } from '../wordnet/wordnet.js';
import { factorOf } from './expand.js';

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
export function translatedTerms(query: Pick<ParsedQuery, 'inCoverageLanguages' | 'nearInCoverageLanguages'>): string[] {
  const near = Object.values(query.nearInCoverageLanguages).flatMap((wordings) => wordings.flatMap((w) => w.keys));
  return searchable([...Object.values(query.inCoverageLanguages).flat(), ...near]);
}

/** Every key a question word may be said by in the coverage's other languages: the asker's own word's, and its translations'. */
export function keysOf(query: Pick<ParsedQuery, 'originals' | 'inCoverageLanguages'>, word: string): string[] {
  return [...(ownEntry(query.originals, word) ?? []), ...(ownEntry(query.inCoverageLanguages, word) ?? [])];
}

/**
 * Those keys as other ways of saying each question word, as good as the word itself. Untranslated words sit
 * after the question's words (`query.words.length + j`), matched by their first key as their stem.
 */
export function ownWordAlternatives(
  query: Pick<ParsedQuery, 'words' | 'originals' | 'inCoverageLanguages' | 'nearInCoverageLanguages' | 'untranslated'>,
): Alternative[] {
  const ofWords = query.words.flatMap((w, i) => [
    ...keysOf(query, w).map((key) => ({ covers: [i], stems: [key], factor: 1 })),
    ...(ownEntry(query.nearInCoverageLanguages, w) ?? []).flatMap(({ keys, factor }) => keys.map((key) => ({ covers: [i], stems: [key], factor }))),
  ]);
  const ofUntranslated = query.untranslated.flatMap(({ keys }, j) => keys.slice(1).map((key) => ({ covers: [query.words.length + j], stems: [key], factor: 1 })));
  return [...ofWords, ...ofUntranslated];
}

/**
 * A question about coverage written in Ukrainian or Russian: each word's first Russian translations and their
 * Ukrainian, for an English question to find such articles, and a Russian question a Ukrainian article (and
 * the other way) through the English it was read as. A name's key is its first letters: folded, a Cyrillic name
 * in any case form starts with them ("Verbytsky", "Вербицького").
 */
export function withCyrillicWordings(query: ParsedQuery, toTranslate: WordsToTranslate): ParsedQuery {
  return withKeys(query, (word, i) => {
    if (query.names[i]) return [exactly([word.slice(0, KEY_LETTERS)])];
    const { keys, factor } = firstTranslated(toTranslate(word), cyrillicWords);
    return [{ keys: keys.flatMap(slavicKeys), factor }];
  });
}

/**
 * A question about coverage written in German, French, Spanish, Italian or Portuguese: each word's translations
 * into those languages (English → their words, the word tables read backwards), and each name's Snowball key,
 * since a name takes their endings too ("Ostheims", "Ostheimer").
 */
export function withLatinWordings(query: ParsedQuery, languages: LatinLanguage[], toTranslate: WordsToTranslate): ParsedQuery {
  // A question in one of the coverage's languages is also read in its own words (see NativeKeys).
  const native = query.native && languages.includes(query.native.language) ? query.native : null;
  const translated = withKeys(query, (word, i) => {
    const own = exactly(native ? (ownEntry(native.keys, word) ?? []) : []);
    if (query.names[i]) return [own, ...languages.map((l) => exactly([latinKey(word, l)]))];
    // Looked up once for all the languages: WordNet's neighbours are the same whichever table is read.
    const candidates = toTranslate(word);
    return [own, ...languages.map((l) => firstTranslated(candidates, (w) => latinKeysOf(w, l)))];
  });
  if (!native) return translated;
  const untranslated = query.untranslated.map((u) => ({ ...u, keys: [...new Set([...u.keys, ...(u.native ?? [])])] }));
  return { ...translated, untranslated };
}

/** An English word a question word may be translated by, and how near its meaning is (1: the word itself). */
export interface WordToTranslate {
  text: string;
  factor: number;
}
export type WordsToTranslate = (word: string) => WordToTranslate[];

/**
 * The English words a question word is translated by, nearest first: its dictionary forms ("fell" → "fall"), then
 * what WordNet puts nearest it in its commonest senses, for a word the word tables lack: a synonym ("veterinarian" →
 * "veterinary"), a derivation, a similar adjective, or the noun one hop up ("steeple" → "tower"). An article
 * in another language may name the thing with the plainer word; it says the question's word as much as a
 * WordNet expansion does in English.
 */
export function wordsToTranslate(word: string, wordnet: WordNet): WordToTranslate[] {
  const forms = [...wordnet.baseForms(word), ...irregularForms(word), word].map((text) => ({ text, factor: 1 }));
  const near = wordnet
    .related(word, { maxSenses: NEAR_SENSES, relations: NEAR_RELATIONS })
    .filter((r) => !r.text.includes(' ') && (r.relation !== 'hypernym' || r.pos === 'n'))
    .map((r) => ({ text: r.text, factor: factorOf(r) }));
  const seen = new Set<string>();
  return [...forms, ...near].filter(({ text }) => !seen.has(text) && seen.add(text));
}
/** A verb's hypernym is too loose to stand for it ("limp" → "walk"); a noun's is what it is a kind of. */
const NEAR_RELATIONS: Relation[] = ['synonym', 'derivation', 'similar', 'hypernym'];
const NEAR_SENSES = 2;

/** The translations of the first of the words that has any, and that word's factor. */
function firstTranslated(words: WordToTranslate[], translate: (word: string) => string[]): NearKeys {
  for (const { text, factor } of words) {
    const keys = translate(text);
    if (keys.length > 0) return { keys, factor };
  }
  return { keys: [], factor: 1 };
}

const exactly = (keys: string[]): NearKeys => ({ keys, factor: 1 });

/**
 * The query with each word's keys in the coverage's languages added to those it has (numbers have none): those of
 * the word itself to inCoverageLanguages, those of a word near it to nearInCoverageLanguages.
 */
function withKeys(query: ParsedQuery, keysOfWord: (word: string, i: number) => NearKeys[]): ParsedQuery {
  const inCoverageLanguages = { ...query.inCoverageLanguages };
  const nearInCoverageLanguages = { ...query.nearInCoverageLanguages };
  query.words.forEach((word, i) => {
    if (/\d/.test(word)) return;
    for (const { keys, factor } of keysOfWord(word, i)) {
      if (keys.length === 0) continue;
      if (factor === 1) inCoverageLanguages[word] = [...new Set([...(ownEntry(inCoverageLanguages, word) ?? []), ...keys])];
      else nearInCoverageLanguages[word] = [...(ownEntry(nearInCoverageLanguages, word) ?? []), { keys, factor }];
    }
  });
  return { ...query, inCoverageLanguages, nearInCoverageLanguages };
}
