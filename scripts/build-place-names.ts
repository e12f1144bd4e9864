/**
 * npx tsx scripts/build-place-names.ts
 *
 * Writes lexicon/places/place-names.json: the English names of countries, territories and cities as written in every
 * Cyrillic-script locale of Unicode CLDR, keyed by the stem their case forms share (the stems of each word for a
 * name of several words), plus the old Latin spellings CLDR's time zone ids keep for renamed cities; and
 * lexicon/places/latin-place-names.json: the German, French, Spanish, Italian and Portuguese names that differ
 * from the English. The two
 * CLDR packages (≈130 MB unpacked) are fetched with `npm pack` into a temporary folder, never installed.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { foldCharacters } from '../src/text/fold.js';
import { multiWordStem } from '../src/text/exonyms.js';

const CLDR_VERSION = '48.2.0';
const OUT = fileURLToPath(new URL('../lexicon/places/place-names.json', import.meta.url));
const LATIN_OUT = fileURLToPath(new URL('../lexicon/places/latin-place-names.json', import.meta.url));
/** The languages besides English a Latin-script question is read in (src/text/latin-language.ts). */
const LATIN_LOCALES = ['de', 'fr', 'es', 'it', 'pt'];

type Names = Record<string, string>;
interface Zone { exemplarCity?: string; [part: string]: unknown }

// A case ending is at most one of these; the stem is what every case form of the name starts with.
const FINAL_VOWEL = /[аеєиіїоуюяьйыэё]$/u;
const MIN_STEM = 4;
// One word (hyphens and apostrophes allowed): the question matcher compares words one at a time.
const ONE_WORD = /^[\p{L}\p{M}'’-]+$/u;
const CYRILLIC = /\p{Script=Cyrillic}/u;
// "Сполучені Штати Америки"; longer names are descriptions ("Британська територія в Індійському океані").
const MAX_WORDS = 3;
// Shorter names ("оон") could only match a word of the question exactly, and two letters are mostly pronouns.
const MIN_NAME = 3;
// UN M.49 "World": no place to look for, and its stems start common first names; and CLDR's pseudo-territories
// for testing software ("pseudo-accents", "pseudo-bidi").
const NOT_PLACES = new Set(['001', 'XA', 'XB']);

function placeStem(localName: string): string {
  const lower = localName.toLowerCase();
  return FINAL_VOWEL.test(lower) && lower.length - 1 >= MIN_STEM ? lower.slice(0, -1) : lower;
}

// Ukrainian і (ї) in a name's closed last syllable turns to о or е (є) in its other case forms ("Кишинів" → "Кишинева").
const CLOSED_LAST_I = /^(.*)([ії])([^аеєиіїоуюяьйыэё]+)$/u;

function alternatingStems(stem: string): string[] {
  const match = CLOSED_LAST_I.exec(stem);
  if (!match) return [];
  const [, head, vowel, tail] = match;
  return (vowel === 'ї' ? ['є'] : ['о', 'е']).map((v) => `${head}${v}${tail}`);
}

function unpackCldr(dir: string): { names: string; dates: string } {
  const packages = { names: 'cldr-localenames-full', dates: 'cldr-dates-full' } as const;
  const wanted = { names: 'territories.json', dates: 'timeZoneNames.json' } as const;
  const folders = { names: path.join(dir, 'names'), dates: path.join(dir, 'dates') };
  for (const key of ['names', 'dates'] as const) {
    const tarball = execFileSync('npm', ['pack', '--silent', `${packages[key]}@${CLDR_VERSION}`], { cwd: dir, encoding: 'utf8' }).trim().split('\n').pop()!;
    mkdirSync(folders[key], { recursive: true });
    execFileSync('tar', ['-xzf', path.join(dir, tarball), '-C', folders[key], '--strip-components=1', '--wildcards', `package/main/*/${wanted[key]}`, 'package/LICENSE']);
  }
  return folders;
}

function readJson(file: string): any {
  return JSON.parse(readFileSync(file, 'utf8'));
}

function territories(namesDir: string, locale: string): Names {
  return readJson(path.join(namesDir, 'main', locale, 'territories.json')).main[locale].localeDisplayNames.territories;
}

/** Exemplar cities by zone id ("Europe/Paris"); zones nest by area, sometimes twice ("America/Argentina/…"). */
function exemplarCities(datesDir: string, locale: string): Map<string, string | undefined> {
  const file = path.join(datesDir, 'main', locale, 'timeZoneNames.json');
  const cities = new Map<string, string | undefined>();
  if (!existsSync(file)) return cities;
  const walk = (node: Record<string, unknown>, id: string[]) => {
    for (const [part, child] of Object.entries(node)) {
      if (!child || typeof child !== 'object') continue;
      const zone = child as Zone;
      if (zone._type === 'zone') cities.set([...id, part].join('/'), zone.exemplarCity);
      else walk(zone, [...id, part]);
    }
  };
  const { Etc: _notPlaces, ...areas } = readJson(file).main[locale].dates.timeZoneNames.zone as Record<string, unknown>;
  walk(areas, []);
  return cities;
}

function isCyrillicLocale(names: Names): boolean {
  const letters = Object.values(names).join('').match(/\p{L}/gu) ?? [];
  return letters.filter((c) => CYRILLIC.test(c)).length > letters.length / 2;
}

function cityFromZoneId(id: string): string {
  return id.split('/').pop()!.replace(/_/g, ' ');
}

function build(folders: { names: string; dates: string }) {
  const englishTerritories = territories(folders.names, 'en');
  const englishCities = exemplarCities(folders.dates, 'en');
  const englishCity = (id: string) => englishCities.get(id) ?? cityFromZoneId(id);

  const englishByStem = new Map<string, Set<string>>();
  // Alternating stems only fill gaps: a stem some name really has wins over one guessed from another name.
  const englishByAlternateStem = new Map<string, Set<string>>();
  const note = (table: Map<string, Set<string>>, stem: string, english: string) =>
    table.set(stem, (table.get(stem) ?? new Set<string>()).add(english));
  // Names of several words ("Південна Корея") by the stems of their words, which a question matches in sequence.
  const multiWord = new Map<string, Set<string>>();
  const add = (localName: string | undefined, english: string | undefined) => {
    if (!localName || !english || localName.length < MIN_NAME || !CYRILLIC.test(localName)) return;
    const words = localName.split(/\s+/);
    if (words.length > 1 && words.length <= MAX_WORDS && words.every((w) => ONE_WORD.test(w))) note(multiWord, words.map(multiWordStem).join(' '), english.toLowerCase());
    if (!ONE_WORD.test(localName)) return;
    const stem = placeStem(localName);
    note(englishByStem, stem, english.toLowerCase());
    for (const alternate of alternatingStems(stem)) note(englishByAlternateStem, alternate, english.toLowerCase());
  };

  const locales = readdirSync(path.join(folders.names, 'main')).filter((l) => isCyrillicLocale(territories(folders.names, l))).sort();
  for (const locale of locales) {
    for (const [code, name] of Object.entries(territories(folders.names, locale))) {
      const baseCode = code.replace(/-alt-.*$/, '');
      if (!NOT_PLACES.has(baseCode)) add(name, englishTerritories[baseCode]);
    }
    for (const [id, city] of exemplarCities(folders.dates, locale)) add(city, englishCity(id));
  }

  for (const [stem, english] of englishByAlternateStem) if (!englishByStem.has(stem)) englishByStem.set(stem, english);
  const stemsByEnglish = new Map<string, string[]>();
  let ambiguous = 0;
  for (const [stem, english] of englishByStem) {
    if (english.size > 1) { ambiguous++; continue; }
    const [name] = english;
    stemsByEnglish.set(name!, [...(stemsByEnglish.get(name!) ?? []), stem]);
  }
  const places = Object.fromEntries([...stemsByEnglish].sort(([a], [b]) => a.localeCompare(b)).map(([e, s]) => [e, s.sort()]));
  const multiWordPlaces: Record<string, string[]> = {};
  for (const [stems, english] of [...multiWord].sort(([a], [b]) => a.localeCompare(b))) {
    if (english.size > 1) { ambiguous++; continue; }
    const [name] = english;
    (multiWordPlaces[name!] ??= []).push(stems);
  }

  // Time zone ids keep a city's spelling from when the zone was made (Asia/Calcutta): old → current spelling.
  const latinSpellings: Record<string, string> = {};
  for (const [id, english] of englishCities) {
    const old = foldCharacters(cityFromZoneId(id));
    const current = english === undefined ? old : foldCharacters(english);
    if (old !== current && /^[a-z]+$/.test(old) && /^[a-z]+$/.test(current)) latinSpellings[old] = current;
  }

  return { places, multiWordPlaces, latinSpellings, locales, ambiguous, stems: englishByStem.size - ambiguous };
}

/**
 * German, French, Spanish, Italian and Portuguese names of countries, territories and cities that differ from the English one
 * ("Lisboa", "Pays-Bas", "Niederlande"), by locale, lower case. These languages do not decline names,
 * so a question writes them whole.
 */
function latinPlaces(folders: { names: string; dates: string }): Record<string, Record<string, string>> {
  const englishTerritories = territories(folders.names, 'en');
  const englishCities = exemplarCities(folders.dates, 'en');
  const out: Record<string, Record<string, string>> = {};
  for (const locale of LATIN_LOCALES) {
    const byName = new Map<string, Set<string>>();
    const add = (localName: string | undefined, english: string | undefined) => {
      if (!localName || !english || localName.length < MIN_NAME || localName.split(/\s+/).length > MAX_WORDS) return;
      const name = localName.toLowerCase();
      if (name !== english.toLowerCase()) byName.set(name, (byName.get(name) ?? new Set<string>()).add(english));
    };
    for (const [code, name] of Object.entries(territories(folders.names, locale))) {
      const baseCode = code.replace(/-alt-.*$/, '');
      if (!NOT_PLACES.has(baseCode)) add(name, englishTerritories[baseCode]);
    }
    for (const [id, city] of exemplarCities(folders.dates, locale)) add(city, englishCities.get(id) ?? cityFromZoneId(id));
    const unambiguous = [...byName].filter(([, english]) => english.size === 1).sort(([a], [b]) => a.localeCompare(b));
    out[locale] = Object.fromEntries(unambiguous.map(([name, english]) => [name, [...english][0]!]));
  }
  return out;
}

const work = mkdtempSync(path.join(tmpdir(), 'cldr-'));
try {
  const folders = unpackCldr(work);
  const { places, multiWordPlaces, latinSpellings, locales, ambiguous, stems } = build(folders);
  const source = `Unicode CLDR ${CLDR_VERSION} (npm cldr-localenames-full and cldr-dates-full ${CLDR_VERSION}: territory names and exemplar cities of its Cyrillic-script locales), Unicode License v3, https://www.unicode.org/license.txt`;
  writeFileSync(OUT, JSON.stringify({ source, locales, places, multiWordPlaces, latinSpellings }) + '\n');
  const multi = Object.values(multiWordPlaces).flat().length;
  const latin = latinPlaces(folders);
  const latinSource = `Unicode CLDR ${CLDR_VERSION} (npm cldr-localenames-full and cldr-dates-full ${CLDR_VERSION}: territory names and exemplar cities of its ${LATIN_LOCALES.join(', ')} locales, where they differ from the English), Unicode License v3, https://www.unicode.org/license.txt`;
  writeFileSync(LATIN_OUT, JSON.stringify({ source: latinSource, places: latin }) + '\n');
  console.log(`${Object.values(latin).map((p) => Object.keys(p).length).join(' / ')} ${LATIN_LOCALES.join(' / ')} place names → ${path.relative(process.cwd(), LATIN_OUT)}`);
  console.log(`${locales.length} Cyrillic locales, ${Object.keys(places).length} places, ${stems} stems, ${multi} names of several words (${ambiguous} ambiguous dropped), ${Object.keys(latinSpellings).length} Latin spellings → ${path.relative(process.cwd(), OUT)}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
