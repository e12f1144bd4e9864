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
  /** Old Latin spelling of a city → its current one, both folded. */
  latinSpellings: Record<string, string>;
}

interface PlaceTables {
  englishByStem: Map<string, string>;
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
    const data = JSON.parse(readFileSync(new URL('./place-names.json', import.meta.url), 'utf8')) as PlaceNames;
    const englishByStem = new Map<string, string>();
    for (const [english, stems] of Object.entries(data.places)) for (const stem of stems) englishByStem.set(stem, english);
    tables = { englishByStem, latinSpellings: new Map(Object.entries(data.latinSpellings)), english: new Set(Object.keys(data.places)) };
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

/** The current spelling of a city whose older Latin spelling is still common (folded word in, folded word out). */
export function currentPlaceSpelling(foldedWord: string): string | undefined {
  return placeTables().latinSpellings.get(foldedWord);
}

/** Whether a name ("Chile", "new york") is a country, territory or city of the table, in English, in any case. */
export function isKnownPlace(name: string): boolean {
  return placeTables().english.has(name.toLowerCase());
}
