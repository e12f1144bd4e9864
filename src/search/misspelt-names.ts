import { withWordsReread } from './gloss.js';
import { hasCyrillic } from '../text/slavic-stem.js';
import { canonicalWord } from '../text/fold.js';
import { isEnglishWord } from './word-weights.js';
import { LETTERS, neighboursOf, nextTo } from '../text/keyboard.js';
import type { ParsedQuery } from './query.js';

/**
 * Names are what askers misspell: a foreign name heard more often than read ("Brennat", "Okkoye",
 * "Dorit" for Dorrit). A name the index never holds may be a near spelling of one it does. The candidates are
 * the few edits such misspellings make: a vowel for another, a letter doubled or undoubled, two letters
 * swapped, one dropped, and the consonants English spells two ways. Everyday words are mistyped rather
 * (typingSlips). The caller keeps the candidates the index holds.
 */

const VOWELS = 'aeiouy';
const SAME_SOUND: [string, string][] = [['c', 'k'], ['s', 'z'], ['v', 'w'], ['i', 'y'], ['f', 'ph'], ['ks', 'x'], ['sh', 'sch']];
/** Shorter names have too many near neighbours to correct one safely. */
const MIN_LENGTH = 5;

export function spellingsNear(word: string, minLength = MIN_LENGTH): string[] {
  if (word.length < minLength || !/^[a-z]+$/.test(word)) return [];
  const out = new Set<string>();
  const at = (i: number, remove: number, insert: string) => out.add(word.slice(0, i) + insert + word.slice(i + remove));
  for (let i = 0; i < word.length; i++) {
    const c = word[i]!;
    if (VOWELS.includes(c)) for (const v of VOWELS) if (v !== c) at(i, 1, v);
    if (word[i + 1] === c) at(i, 1, '');
    else at(i, 0, c);
    if (i + 1 < word.length && word[i + 1] !== c) at(i, 2, `${word[i + 1]}${c}`);
    if (i > 0) at(i, 1, '');
  }
  for (const [a, b] of SAME_SOUND) {
    for (const [from, to] of [[a, b], [b, a]] as const) {
      for (let i = word.indexOf(from); i >= 0; i = word.indexOf(from, i + 1)) at(i, from.length, to);
    }
  }
  out.delete(word);
  return [...out];
}

/**
 * A question that capitalises anything capitalises its names, so its lower-case words are everyday ones, slips
 * and all. In a question typed all in lower case, a slip is told from a name the index lacks by the word's length:
 * a lower-case name ("velmar", "quorin") is seldom long, the words typists slip on mostly are ("earnings").
 */
const MIN_SLIP_LENGTH = 5;
const MIN_SLIP_LENGTH_IN_LOWER_CASE = 6;

/**
 * The slips of a typist's fingers in a word: a letter left out, a key struck beside the one meant or as well as it,
 * or two letters swapped. Most misspellings of common words are one such slip (Damerau 1964): "pensin",
 * "capaign", "progarmme". The first letter is seldom the slip, and a word the index lacks is more often a name
 * ("varley") than a slip for some word spelt like it: so the first letter stays, and a key struck is a neighbour.
 * A typed name is more often misheard than mistyped: names get the edits above alone.
 */
export function typingSlips(word: string, minLength = MIN_SLIP_LENGTH): string[] {
  if (word.length < minLength || !/^[a-z]+$/.test(word)) return [];
  const out = new Set<string>();
  for (let i = 1; i <= word.length; i++) {
    const [before, after] = [word.slice(0, i), word.slice(i)];
    const c = after[0];
    for (const letter of LETTERS) out.add(before + letter + after);
    if (c === undefined) continue;
    for (const key of neighboursOf(c)) out.add(before + key + after.slice(1));
    // A key struck as well as the one before or after it.
    if (nextTo(word[i - 1], c) || nextTo(after[1], c)) out.add(before + after.slice(1));
    if (after.length > 1) out.add(before + after[1] + c + after.slice(2));
  }
  out.delete(word);
  return [...out];
}

/** Whether a word may be a slip: typed in lower case, no name, and long enough for the question it is in. */
function maySlip(query: Pick<ParsedQuery, 'text' | 'words' | 'names'>, word: string): boolean {
  const minLength = /\p{Lu}/u.test(query.text) ? MIN_SLIP_LENGTH : MIN_SLIP_LENGTH_IN_LOWER_CASE;
  return !query.names[query.words.indexOf(word)] && word.length >= minLength && /^[a-z]+$/.test(word);
}

/** The words a word the index lacks may be a slip for (canonical spellings); none for a name. */
export function slipsOf(query: Pick<ParsedQuery, 'text' | 'words' | 'names'>, word: string): string[] {
  return maySlip(query, word) ? typingSlips(word).map(canonicalWord) : [];
}

/**
 * The question's words the index never holds, long enough to correct: the words whose near spellings are looked
 * up. Names, and words typed in lower case that no dictionary has: a name ("okkoye ports") or a slip ("pensin").
 */
export function namesToRespell(query: ParsedQuery, inIndex: (word: string) => boolean, isWord: (word: string) => boolean): string[] {
  // A name read from Cyrillic has its own spellings (name-spellings.ts); only the asker's Latin letters are respelt.
  if (hasCyrillic(query.text)) return [];
  return query.words.filter((w, i) => (query.names[i] || !isWord(w)) && !inIndex(w) && (spellingsNear(w).length > 0 || maySlip(query, w)));
}

/**
 * Lower-case words no dictionary has that the index holds, perhaps only as the stem of another word: a Porter
 * stemmer reads "complet" as "complete". A slip of such a word for an everyday word the index holds as often is
 * that word, stem and all.
 */
export function heldByStemOnly(query: ParsedQuery, inIndex: (word: string) => boolean, isWord: (word: string) => boolean): string[] {
  if (hasCyrillic(query.text)) return [];
  return query.words.filter((w) => !isWord(w) && !isEnglishWord(w) && inIndex(w) && maySlip(query, w));
}

/** For each misspelt word, of the spellings tried for it, the one the index holds most often that `accept` lets through. */
export function indexedSpellings(tried: Map<string, string[]>, accept: (word: string) => boolean, mostUsed: (words: string[]) => string): Map<string, string> {
  const respelt = new Map<string, string>();
  for (const [word, spellings] of tried) {
    const held = spellings.filter(accept);
    if (held.length > 0) respelt.set(word, mostUsed(held));
  }
  return respelt;
}

/**
 * The question with some words read as other spellings, as if the asker had typed them: its words, its stems and
 * its English text (which the speaker of "what did X say" is read from), a name still capitalised. Unchanged
 * when there are none.
 */
export function withSpellings(query: ParsedQuery, respelt: Map<string, string>, stem: (word: string) => string): ParsedQuery {
  if (respelt.size === 0) return query;
  const words = query.words.map((w) => respelt.get(w) ?? w);
  return { ...query, english: withWordsReread(query.english, respelt, { keepCapital: true }), words, stems: words.map(stem) };
}
