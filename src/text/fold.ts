/**
 * Folding for full-text search: the FTS table stores folded text and queries are folded the same way,
 * so "Łucja" finds "Lucja", "Ковальчук" finds "Kovalchuk", and "defence" finds "defense".
 * Displayed text is never folded: quotes stay verbatim.
 */
import { currentPlaceSpelling } from './exonyms.js';

// Letters NFKD does not decompose.
const LATIN_SPECIALS: Record<string, string> = {
  ł: 'l', đ: 'd', ø: 'o', ß: 'ss', æ: 'ae', œ: 'oe', þ: 'th', ð: 'd', ı: 'i', ħ: 'h',
};

// Ukrainian and Russian letters to the Latin spelling English-language news uses.
const CYRILLIC: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', ґ: 'g', д: 'd', е: 'e', є: 'ye', ж: 'zh', з: 'z', и: 'y', і: 'i', ї: 'yi',
  й: 'y', к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh',
  ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ь: '', ю: 'yu', я: 'ya', ё: 'yo', ы: 'y', э: 'e', ъ: '',
};

// One pass over the text finds every letter either table maps (plain ASCII text is copied untouched).
const MAPPED_LETTER = new RegExp(`[${Object.keys({ ...LATIN_SPECIALS, ...CYRILLIC }).join('')}]`, 'gu');

// г is "h" in Ukrainian words but "g" in the foreign names news questions ask about (Гофман → Hoffmann, not
// Hofman); names are what cross-lingual search can match, so г→g.
// British spellings to American ones; old spellings of renamed places come from CLDR (currentPlaceSpelling).
const WORD_VARIANTS = new Map(
  Object.entries({
  defence: 'defense', offence: 'offense', licence: 'license', programme: 'program', programmes: 'programs',
  neighbour: 'neighbor', neighbours: 'neighbors', neighbouring: 'neighboring', favour: 'favor', labour: 'labor',
  honour: 'honor', armour: 'armor', armoured: 'armored', centre: 'center', metre: 'meter', metres: 'meters',
  organise: 'organize', organised: 'organized', organisation: 'organization', organisations: 'organizations',
  recognise: 'recognize', recognised: 'recognized', criticise: 'criticize', criticised: 'criticized',
  authorise: 'authorize', authorised: 'authorized', mobilise: 'mobilize', mobilisation: 'mobilization',
  jewellery: 'jewelry', grey: 'gray', travelling: 'traveling', travelled: 'traveled', cancelled: 'canceled',
  analyse: 'analyze', analysed: 'analyzed', catalogue: 'catalog', dialogue: 'dialog', manoeuvre: 'maneuver',
  }),
);

// Ukrainian/Russian names written -iy, -yy, -yi, -ij, -ii, -yj in different outlets ("Kovalenkyy", "Kovalenkiy").
const NAME_ENDING = /(?<=\p{L}{3})(?:iy|yy|yi|ij|ii|yj|iyi)$/u;
// Polish -ski and its Ukrainian/Russian transliteration -skyi/-skiy (Kamiński, Камінський).
const SKI_ENDING = /(?<=\p{L}{3})ski$/u;

/**
 * "US", "U.S.", "USA" and "U.S.A." in capitals are the country, one word: lower-cased, "US" would be the pronoun
 * (a stop word) and "U.S." two letters, so no search could find the country the news names most.
 */
/** "U.S." and "U.S.A." as written: the tokenizer keeps them one token too. */
export const UNITED_STATES_DOTTED = String.raw`U\.S\.(?:A\.)?`;
const UNITED_STATES = new RegExp(String.raw`\b${UNITED_STATES_DOTTED}|\bUSA?\b`, 'gu');
export const unitedStatesAsOneWord = (text: string): string => text.replace(UNITED_STATES, 'USA');

/** Lower-cases, strips diacritics, transliterates Cyrillic and straightens quotes; "US" becomes "usa". */
export function foldCharacters(text: string): string {
  const lower = unitedStatesAsOneWord(text).toLowerCase().normalize('NFKD').replace(/\p{M}/gu, '');
  const mapped = lower.replace(MAPPED_LETTER, (ch) => LATIN_SPECIALS[ch] ?? CYRILLIC[ch] ?? ch);
  return mapped.replace(/[‘’‛′]/g, "'").replace(/[“”„‟″«»]/g, '"');
}

/** "B-52s", "the 1980s", "her 16th birthday": a number's plural or ordinal is the number, as a word's plural is the word. */
const NUMBER_FORM = /^(\p{N}+)(?:s|st|nd|rd|th)$/u;

/** One word (already character-folded) to its canonical spelling. */
export function canonicalWord(word: string): string {
  const number = NUMBER_FORM.exec(word);
  if (number) return number[1]!;
  const mapped = WORD_VARIANTS.get(word) ?? currentPlaceSpelling(word);
  if (mapped) return mapped;
  if (word.endsWith("'s")) return canonicalWord(word.slice(0, -2));
  // Both name endings end in i, j or y: most words skip the two look-behind tests.
  if (!/[ijy]$/u.test(word)) return word;
  const name = NAME_ENDING.test(word) ? word.replace(NAME_ENDING, 'y') : word;
  return SKI_ENDING.test(name) ? name.replace(SKI_ENDING, 'sky') : name;
}

/**
 * Words of folded text, in order: letters and digits runs. A model name is one word however it is written:
 * "B-52" gives "b" and "52", and so does "B52" (letters then digits are split, as the hyphen splits them);
 * "B-52s" gives them too.
 */
export function foldedWords(text: string): string[] {
  return (foldCharacters(text).match(/[\p{L}\p{N}]+(?:'[\p{L}]+)?/gu) ?? []).flatMap(splitModelName).map(canonicalWord);
}

const MODEL_NAME = /^(\p{L}+)(\p{N}+)s?$/u;
const splitModelName = (word: string): string[] => {
  const m = MODEL_NAME.exec(word);
  return m ? [m[1]!, m[2]!] : [word];
};

/** The text the FTS table stores for a passage: folded words joined by spaces. */
export function foldForIndex(text: string): string {
  return foldedWords(text).join(' ');
}
