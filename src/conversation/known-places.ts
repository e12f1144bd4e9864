/**
 * English names of countries, territories and cities (Unicode CLDR, the table src/text/exonyms.ts reads for
 * Cyrillic spellings): a capitalised name found here is a place, whatever the words around it say.
 */
import { readFileSync } from 'node:fs';

let names: ReadonlySet<string> | undefined;

export function isKnownPlace(name: string): boolean {
  names ??= new Set(Object.keys((JSON.parse(readFileSync(new URL('../text/place-names.json', import.meta.url), 'utf8')) as { places: Record<string, unknown> }).places));
  return names.has(name.toLowerCase());
}
