import { stemmer as russianStem } from '@orama/stemmers/russian';
import { hasCyrillic } from '../text/slavic-stem.js';

/**
 * Turns an English → Russian dictionary in dictd's text format (a headword at the start of a line, its
 * article indented below) into Russian → English: for each Russian word stem, the English headwords whose
 * translations hold it. A translation given first, in an article's first sense, is the word's plain
 * meaning; later ones are rarer senses, so each English word keeps its best position.
 */
export type Glossary = Map<string, Translation[]>;

export interface Translation {
  /** The Russian word as the dictionary writes it: of the words sharing a stem, the one a question's word is closest to is meant. */
  russian: string;
  english: string;
}

/** Translations kept per Russian word: a question word needs its meaning, not every shade of it. */
const MAX_TRANSLATIONS = 3;
const ONE_RUSSIAN_WORD = /^[а-яё-]{2,}$/u;
const LATIN = /[a-z]/i;
// Grammar labels (_n., _pl., _перен.), stress and phonetics, and parenthesised remarks are not translations.
const LABEL = /_[^\s.]+\.?/gu;
const BRACKETED = /\[[^\]]*\]|\([^)]*\)|<[^>]*>/gu;
const SENSE_NUMBER = /(?:^|\s)\d+[.)]\s/gu;
// Lettered senses ("а)", "б)"); after an English phrase they are the phrase's meanings, not the headword's
// ("third person а) третье лицо; б) третья сторона, свидетель").
const LETTERED_SENSE = /(?:^|\s)[а-я]\)\s/gu;
const LETTERED = '§';

/**
 * What one place further down an article costs, against the English word's commonness: a common word whose
 * article gives the Russian word third ("knock": …, сбивать) means it more often than a rare word whose
 * article gives it first ("whisk": сбивать).
 */
const POSITION_COST = 1.5;
/** A Russian word far down a long article ("roll": …, 48th, заявиться) is an idiom's, not the word's meaning. */
const MAX_POSITION = 8;

const count = (text: string, char: string) => text.split(char).length - 1;

/**
 * Whether an unindented line goes on the article before it: some of the dictionary's wrapped lines lost their
 * indent ("университета)"), and a headword is English, so a line with Cyrillic in it, or one closing a bracket
 * the article left open, is no headword.
 */
function continuesArticle(line: string, body: string[]): boolean {
  if (hasCyrillic(line)) return true;
  const sofar = body.join(' ');
  return count(sofar, '(') > count(sofar, ')');
}

/** dictd entries as [headword, article text]; the database's own header entries ("00-database-…") are left out. */
export function dictEntries(text: string): [string, string][] {
  const entries: [string, string][] = [];
  let head: string | null = null;
  let body: string[] = [];
  const flush = () => {
    if (head !== null && !head.startsWith('00-database')) entries.push([head, body.join(' ')]);
  };
  for (const line of text.split('\n')) {
    if (line.length === 0) continue;
    if (/^\s/.test(line) || (head !== null && continuesArticle(line, body))) body.push(line.trim());
    else {
      flush();
      head = line.trim();
      body = [];
    }
  }
  flush();
  return entries;
}

/**
 * An article holds homographs (_I "bank" of a river, _II "bank" for money) and parts of speech ("1. _n.",
 * "2. _v."): each block's first translation is as plain a meaning as the article's first.
 */
const BLOCK_START = /(?:^|\s)(?=_(?:I|II|III|IV|V)(?:\s|\[)|\d+\.\s+_)/u;

/** A part of speech as WordNet names it (adjective, adverb: a, r). */
export type PartOfSpeech = 'n' | 'v' | 'a' | 'r';

export interface RussianTranslation {
  russian: string;
  /** Its place within its block of the article, from 0. */
  position: number;
  /** The part of speech of its block, when the article labels it. */
  partOfSpeech: PartOfSpeech | null;
}

const PART_OF_SPEECH_LABEL = /(?:^|\s)_(n|v|a|adv)\.(?=\s|$)/u;
const WORDNET_PART: Record<string, PartOfSpeech> = { n: 'n', v: 'v', a: 'a', adv: 'r' };

/**
 * The Russian single-word translations of one article, in order. Examples ("to impose restrictions вводить
 * ограничения") hold English, so a segment with Latin letters is skipped whole.
 */
export function translationsOf(article: string): RussianTranslation[] {
  const found: RussianTranslation[] = [];
  for (const block of article.split(BLOCK_START)) {
    const label = PART_OF_SPEECH_LABEL.exec(block)?.[1];
    const partOfSpeech = label ? WORDNET_PART[label]! : null;
    const cleaned = block.replace(BRACKETED, ' ').replace(LABEL, ' ').replace(SENSE_NUMBER, ';').replace(LETTERED_SENSE, `;${LETTERED}`);
    let position = 0;
    let inPhrase = false;
    for (const segment of cleaned.split(/[;:]/u).map((s) => s.trim()).filter(Boolean)) {
      if (LATIN.test(segment)) {
        inPhrase = true;
        continue;
      }
      if (inPhrase && segment.startsWith(LETTERED)) continue;
      inPhrase = false;
      for (const item of segment.replace(LETTERED, '').split(',')) {
        const russian = item.trim().toLowerCase();
        if (ONE_RUSSIAN_WORD.test(russian) && !found.some((t) => t.russian === russian)) found.push({ russian, position: position++, partOfSpeech });
      }
    }
  }
  return found.filter((t) => t.position < MAX_POSITION);
}

export interface EnglishWords {
  /** Keeps headwords that are dictionary base forms ("impose", not "imposing"): words a question can be matched by. */
  isLemma(word: string): boolean;
  /**
   * How common the word is in written English, on a log scale (0 when unknown), as the part of speech given
   * when there is one: "make" is common as a verb, rare as the noun that translates "производство".
   */
  commonness(word: string, partOfSpeech: PartOfSpeech | null): number;
}

export function invertDictionary(text: string, english: EnglishWords): Glossary {
  const byStem = new Map<string, Map<string, { russian: string; score: number }>>();
  for (const [head, article] of dictEntries(text)) {
    // Capitalised headwords are mostly adjectives of places and peoples ("British", "Japanese"), lower case in Russian.
    const word = head.replace(/\s*_[IVX]+$/u, '').toLowerCase();
    if (!/^[a-z]+$/.test(word) || !english.isLemma(word)) continue;
    for (const { russian, position, partOfSpeech } of translationsOf(article)) {
      const stem = russianStem(russian);
      const best = byStem.get(stem) ?? new Map<string, { russian: string; score: number }>();
      const score = english.commonness(word, partOfSpeech) - POSITION_COST * position;
      if ((best.get(word)?.score ?? -Infinity) < score) best.set(word, { russian, score });
      byStem.set(stem, best);
    }
  }
  const glossary: Glossary = new Map();
  for (const [stem, best] of [...byStem].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const ranked = [...best].sort(([wa, a], [wb, b]) => b.score - a.score || (wa < wb ? -1 : 1));
    const perWord = new Map<string, number>();
    const kept = ranked.filter(([, { russian }]) => {
      perWord.set(russian, (perWord.get(russian) ?? 0) + 1);
      return perWord.get(russian)! <= MAX_TRANSLATIONS;
    });
    glossary.set(stem, kept.map(([english, { russian }]) => ({ russian, english })));
  }
  return glossary;
}

/** In how many articles each Russian word is among the first translations: how common a word it is. */
export function russianWordCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const [, article] of dictEntries(text)) {
    for (const { russian } of translationsOf(article)) counts.set(russian, (counts.get(russian) ?? 0) + 1);
  }
  return counts;
}

export function writeGlossary(glossary: Glossary): string {
  return [...glossary].map(([stem, translations]) => `${stem}\t${translations.map((t) => `${t.russian}=${t.english}`).join(' ')}`).join('\n') + '\n';
}
