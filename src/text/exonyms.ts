/**
 * English names of countries, territories and cities written in a Cyrillic-script language, from Unicode CLDR
 * (built by scripts/build-place-names.ts). Personal names need no table: transliteration already gets them close
 * enough (see fold.ts); place names often differ outright between languages.
 */
import { readFileSync } from 'node:fs';

interface PlaceNames {
  source: string;
  /** English name → stems its local names' case forms start with. */
  places: Record<string, string[]>;
  /** English name → the stems of the words of its local names of several words, space-separated. */
  multiWordPlaces: Record<string, string[]>;
  /** Old Latin spelling of a city → its current one, both folded. */
  latinSpellings: Record<string, string>;
}

interface PlaceTables {
  englishByStem: Map<string, string>;
  /** Longest first, so "Сполучені Штати Америки" wins over "Сполучені Штати". */
  multiWord: { english: string; stems: string[] }[];
  latinSpellings: Map<string, string>;
  /** Every English place name of the table, lower case. */
  english: Set<string>;
}

// A case ending adds at most this many letters to a stem ("франц" → "францією").
const MAX_ENDING = 4;
// Stems shorter than this are whole short names ("оон"): they match only the whole word.
const MIN_STEM = 4;

let tables: PlaceTables | undefined;

function placeTables(): PlaceTables {
  if (!tables) {
    const data = JSON.parse(readFileSync(new URL('../../lexicon/places/place-names.json', import.meta.url), 'utf8')) as PlaceNames;
    const englishByStem = new Map<string, string>();
    for (const [english, stems] of Object.entries(data.places)) for (const stem of stems) englishByStem.set(stem, english);
    const multiWord = Object.entries(data.multiWordPlaces).flatMap(([english, names]) => names.map((name) => ({ english, stems: name.split(' ') })));
    multiWord.sort((a, b) => b.stems.length - a.stems.length);
    const english = new Set([...Object.keys(data.places), ...Object.keys(data.multiWordPlaces)]);
    tables = { englishByStem, multiWord, latinSpellings: new Map(Object.entries(data.latinSpellings)), english };
  }
  return tables;
}

/** The English name (lower case, possibly several words) of a place written in Cyrillic, in any case form; or null. */
export function englishExonym(word: string): string | null {
  const lower = word.toLowerCase();
  const { englishByStem } = placeTables();
  const shortest = lower.length < MIN_STEM ? lower.length : Math.max(MIN_STEM, lower.length - MAX_ENDING);
  for (let length = lower.length; length >= shortest; length--) {
    const english = englishByStem.get(lower.slice(0, length));
    if (english) return english;
  }
  return null;
}

// A relational adjective's suffix and case ending ("мексиканськ-і", "шведск-ую", "норвезьк-ий"), after its place's stem.
const PLACE_ADJECTIVE = /^(\p{L}{3,}?)(?:ий|ій|ей)?(?:ськ|цьк|зьк|ск|цк|зк)\p{L}{1,3}$/u;
// How far the adjective's stem may run past or fall short of the place's ("норве" of "норвег", "мексикан" of "мексик").
const ADJECTIVE_STEM_SLACK = 2;

/**
 * The English name of the place a Ukrainian or Russian adjective is formed from ("мексиканські" → mexico,
 * "шведскую" → sweden): its case endings run longer than a noun's, so englishExonym misses it. Null unless
 * every place whose stem is that close is the same one.
 */
export function placeOfAdjective(word: string): string | null {
  const base = PLACE_ADJECTIVE.exec(samePlaceLetters(word))?.[1];
  if (!base) return null;
  const found = new Set<string>();
  for (const [stem, english] of placeTables().englishByStem) {
    const longer = stem.startsWith(base) && stem.length <= base.length + ADJECTIVE_STEM_SLACK;
    const shorter = base.startsWith(stem) && stem.length >= Math.max(MIN_STEM, base.length - ADJECTIVE_STEM_SLACK);
    if (longer || shorter) found.add(english);
  }
  return found.size === 1 ? [...found][0]! : null;
}

// One spelling of letters that questions write either way: ё and е, the apostrophes of Ukrainian.
const samePlaceLetters = (word: string) => word.toLowerCase().replace(/ё/gu, 'е').replace(/[ʼ’']/gu, "'");
const VOWELS_AT_END = /[аеєиіїоуюяьйыэё]+$/u;
// A stem this short stands for a whole short word ("і", "и"), which must then match exactly.
const MIN_WORD_STEM = 3;

/**
 * What every case form of one word of a place name of several words starts with: the word without its final
 * vowels ("Південна" → "південн", "Нової" → "нов"), since the adjectives of such names decline too.
 */
export function multiWordStem(word: string): string {
  const lower = samePlaceLetters(word);
  const stem = lower.replace(VOWELS_AT_END, '');
  return stem.length >= MIN_WORD_STEM ? stem : lower;
}

function formOf(token: string, stem: string): boolean {
  const word = samePlaceLetters(token);
  return stem.length < MIN_WORD_STEM ? word === stem : word.startsWith(stem) && word.length - stem.length <= MAX_ENDING;
}

/**
 * A place whose local name is several words ("Південної Кореї", "Новой Зеландии"), in any case form, starting at
 * tokens[start]: its English name (lower case) and how many tokens it takes; or null.
 */
export function englishPlaceAt(tokens: string[], start: number): { english: string; length: number } | null {
  for (const { english, stems } of placeTables().multiWord) {
    if (start + stems.length <= tokens.length && stems.every((stem, j) => formOf(tokens[start + j]!, stem))) return { english, length: stems.length };
  }
  return null;
}

/** The current spelling of a city whose older Latin spelling is still common (folded word in, folded word out). */
export function currentPlaceSpelling(foldedWord: string): string | undefined {
  return placeTables().latinSpellings.get(foldedWord);
}

/** Whether a name ("Chile", "new york") is a country, territory or city of the table, in English, in any case. */
export function isKnownPlace(name: string): boolean {
  return placeTables().english.has(name.toLowerCase());
}
