import { withWordsReread } from './gloss.js';
import { hasCyrillic } from '../text/slavic-stem.js';
import type { ParsedQuery } from './query.js';

/**
 * Names are what askers misspell: a foreign name heard more often than read ("Brennat", "Okkoye",
 * "Dorit" for Dorrit). A name the index never holds may be a near spelling of one it does. The candidates are
 * the few edits such misspellings make: a vowel for another, a letter doubled or undoubled, two letters
 * swapped, one dropped, and the consonants English spells two ways. The caller keeps those the index holds.
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
 * The question's names the index never holds, long enough to correct: the words whose near spellings are looked
 * up. A word typed in lower case that no dictionary has is a name too ("okkoye ports").
 */
export function namesToRespell(query: ParsedQuery, inIndex: (word: string) => boolean, isWord: (word: string) => boolean): string[] {
  // A name read from Cyrillic has its own spellings (name-spellings.ts); only the asker's Latin letters are respelt.
  if (hasCyrillic(query.text)) return [];
  return query.words.filter((w, i) => (query.names[i] || !isWord(w)) && !inIndex(w) && spellingsNear(w).length > 0);
}

/**
 * The question with each name the index never holds read as the near spelling it holds most often, as if the
 * asker had typed it: its words, its stems and its English text (which the speaker of "what did X say" is
 * read from). Unchanged when no name needs it.
 */
export function withIndexedSpellings(
  query: ParsedQuery,
  misspelt: string[],
  inIndex: (word: string) => boolean,
  mostUsed: (words: string[]) => string,
  stem: (word: string) => string,
): ParsedQuery {
  const respelt = new Map<string, string>();
  for (const name of misspelt) {
    const held = spellingsNear(name).filter(inIndex);
    if (held.length > 0) respelt.set(name, mostUsed(held));
  }
  if (respelt.size === 0) return query;
  const words = query.words.map((w) => respelt.get(w) ?? w);
  return { ...query, english: withWordsReread(query.english, respelt), words, stems: words.map(stem) };
}
