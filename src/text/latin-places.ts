import { readFileSync } from 'node:fs';
import { foldCharacters } from './fold.js';
import type { LatinLanguage } from './latin-language.js';

/**
 * English names of countries, territories and cities as German, French, Spanish, Italian and Portuguese write
 * them, where they differ ("Lisboa", "Pays-Bas", "Niederlande"), from Unicode CLDR (built by
 * scripts/build-place-names.ts).
 */
interface LatinPlaceNames {
  source: string;
  /** Locale → lower-case local name → English name. */
  places: Record<string, Record<string, string>>;
}

/** By language: the local name, lower case and with its accents folded away (chat drops them), → English. */
let tables: Map<LatinLanguage, Map<string, string>> | null = null;

function placeTables(): Map<LatinLanguage, Map<string, string>> {
  if (!tables) {
    const data = JSON.parse(readFileSync(new URL('../../lexicon/places/latin-place-names.json', import.meta.url), 'utf8')) as LatinPlaceNames;
    tables = new Map(Object.entries(data.places).map(([locale, names]) => [locale as LatinLanguage, new Map(Object.entries(names).map(([n, e]) => [foldCharacters(n), e]))]));
  }
  return tables;
}

const MAX_WORDS = 3;

/** A place named at tokens[start] (in up to three words), in English, and how many tokens it takes; or null. */
export function latinPlaceAt(tokens: string[], start: number, language: LatinLanguage): { english: string; length: number } | null {
  const names = placeTables().get(language);
  for (let length = Math.min(MAX_WORDS, tokens.length - start); length >= 1; length--) {
    const english = names?.get(foldCharacters(tokens.slice(start, start + length).join(' ').toLowerCase()));
    if (english) return { english, length };
  }
  return null;
}
