import { keyIn, type LatinLanguage } from '../text/latin-language.js';
import { lightStem } from '../text/terms.js';
import { tableOf } from './latin-glossary.js';

/**
 * English → German, French, Spanish, Italian and Portuguese, for English questions about coverage written in
 * those languages: each language's word table (stem → lemmas → English) read backwards. An English word leads
 * to the lemmas it translates, those it is the first translation of first, and the shorter lemma first (the
 * plain word before its compounds and derivations); every stem the table writes each lemma with is a key its
 * forms in a text share (latinKey). Built on the first such question, per language.
 */

/**
 * Lemmas kept per English word. The tables have no word frequencies, so a rare lemma may come before a common
 * one ("Ern", a dialect word for a hallway, before "Saal"): more are kept than a question needs, and the
 * coverage's own words decide.
 */
const MAX_LEMMAS = 6;

interface Translation {
  lemma: string;
  rank: number;
  keys: Set<string>;
}

const inverted = new Map<LatinLanguage, Map<string, Map<string, Translation>>>();

function invertedTable(language: LatinLanguage): Map<string, Map<string, Translation>> {
  const known = inverted.get(language);
  if (known) return known;
  const table = new Map<string, Map<string, Translation>>();
  // Some thousand English words translate a table's lemmas: each is stemmed once.
  const stems = new Map<string, string>();
  const stemOf = (phrase: string) => {
    let stem = stems.get(phrase);
    if (stem === undefined) stems.set(phrase, (stem = lightStem(phrase.toLowerCase())));
    return stem;
  };
  for (const [stem, lemmas] of tableOf(language)) {
    const key = keyIn(language, stem);
    for (const { lemma, english } of lemmas) {
      english.forEach((phrase, rank) => {
        // A phrase ("buying_price") is no one word's translation.
        if (!/^[a-z]+$/iu.test(phrase)) return;
        const word = stemOf(phrase);
        const byLemma = table.get(word) ?? new Map<string, Translation>();
        const translation = byLemma.get(lemma);
        if (translation) {
          translation.keys.add(key);
          translation.rank = Math.min(translation.rank, rank);
        } else byLemma.set(lemma, { lemma, rank, keys: new Set([key]) });
        table.set(word, byLemma);
      });
    }
  }
  inverted.set(language, table);
  return table;
}

/** The keys of an English word's translations into a language, best first. */
export function latinKeysOf(english: string, language: LatinLanguage): string[] {
  const translations = [...(invertedTable(language).get(lightStem(english))?.values() ?? [])];
  const best = translations.sort((a, b) => a.rank - b.rank || a.lemma.length - b.lemma.length || (a.lemma < b.lemma ? -1 : 1)).slice(0, MAX_LEMMAS);
  return [...new Set(best.flatMap((t) => [...t.keys]))];
}
