/** Places in WordNet: national capitals and their countries, and the nouns for the people of a place. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { normalize, NOUN_LOCATION, NOUN_PERSON, parseSynset, type DataFile, type LemmaIndex, type Synset } from './files.js';

/** Capital → its countries and country → its capitals, by synset offset. */
export type CapitalMap = Map<number, number[]>;

/**
 * Every national capital and the country it is the capital of: the first whole it is part of that is an instance
 * of a country, since some capitals are part of a province or district first (Malabo of the island of Bioko, then Equatorial Guinea).
 */
export function capitalMap(nouns: DataFile, index: LemmaIndex): CapitalMap {
  const country = index.offsets('country').find((o) => nouns.synset(o).lexFile === NOUN_LOCATION);
  const capital = index.offsets('national_capital')[0];
  const instanceOf = (s: Synset): Synset[] => s.pointers.filter((p) => p.symbol === '@i').map((p) => nouns.synset(p.offset));
  // "Norway" is a Scandinavian country, a kind of European country, a kind of country.
  const isCountry = (s: Synset): boolean => instanceOf(s).some((kind) => nouns.isUnder(kind.offset, 3, (k) => k.offset === country));
  const wholes = (s: Synset): Synset[] => s.pointers.filter((p) => p.symbol === '#p' && p.pos === 'n').map((p) => nouns.synset(p.offset));
  const map: CapitalMap = new Map();
  const link = (from: number, to: number): void => void map.set(from, [...(map.get(from) ?? []), to]);
  if (capital === undefined) return map;
  for (const p of nouns.synset(capital).pointers) {
    if (p.symbol !== '~i') continue;
    const city = nouns.synset(p.offset);
    const nation = [...wholes(city), ...wholes(city).flatMap(wholes)].find(isCountry);
    if (nation) {
      link(city.offset, nation.offset);
      link(nation.offset, city.offset);
    }
  }
  return map;
}

/** "a native or inhabitant of Bolivia", "a resident of Savoy": the gloss of a demonym, naming its place. */
const DEMONYM_GLOSS = /^(?:an? )?(?:native|inhabitant|resident|citizen)(?: or (?:native|inhabitant|resident|citizen))? of ([A-Z][\w'-]*(?: [A-Z][\w'-]*)*)/u;

/**
 * Places and the people who live there, both ways, by synset offset: the people's member holonym when it is a
 * place (a Glaswegian is a member of Glasgow), and the place a demonym's gloss names (a Savoyard is "a resident
 * of Savoy"; a multi-word place is read as its first sense). Only person synsets are parsed.
 */
export function demonymLinks(dictDir: string, nouns: DataFile, index: LemmaIndex): Map<number, number[]> {
  const links = new Map<number, number[]>();
  const link = (person: number, place: number): void => {
    if (nouns.synset(place).lexFile !== NOUN_LOCATION) return;
    links.set(person, [...new Set([...(links.get(person) ?? []), place])]);
    links.set(place, [...new Set([...(links.get(place) ?? []), person])]);
  };
  for (const line of readFileSync(join(dictDir, 'data.noun'), 'utf8').split('\n')) {
    if (Number(line.slice(9, 11)) !== NOUN_PERSON || line.startsWith('  ')) continue;
    const synset = parseSynset(line);
    for (const p of synset.pointers) if (p.symbol === '#m' && p.pos === 'n') link(synset.offset, p.offset);
    const place = DEMONYM_GLOSS.exec(line.slice(line.indexOf(' | ') + 3))?.[1];
    const first = place === undefined ? undefined : index.offsets(normalize(place))[0];
    if (first !== undefined) link(synset.offset, first);
  }
  return links;
}
