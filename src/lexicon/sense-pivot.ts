import { stemmer as russianStem } from '@orama/stemmers/russian';
import type { Glossary, Translation } from './invert-dictionary.js';

/**
 * Russian → English through the senses of a third language's words. WikDict's dictionaries (FreeDict's
 * 2022.12 builds from Wiktionary) write each sense of a headword as a line of translations followed by the
 * sense's gloss in the headword's language, and two dictionaries from the same headword language share those
 * glosses: Polish "pióro" has the sense "a bird's feather" and the sense "a pen", and the Polish-Russian and
 * Polish-English dictionaries each give that sense's words under the same gloss. Pairing the two by gloss
 * gives "ручка" → "pen", not "feather", which a pivot by headword alone would.
 * Such a pivot knows words the older Russian dictionary lacks ("блогер") and the plain sense of words it
 * files under another word of their stem ("печенье", a biscuit, not liver).
 */

/** One sense of a headword: its translations, in the dictionary's order, and its gloss. */
export interface Sense {
  translations: string[];
  gloss: string;
}

// "1. образец, эталон" opens a numbered sense; "образец 2." leaves the next one's number on the line.
const LEADING_NUMBER = /^\s*\d+\.\s*/u;
const TRAILING_NUMBER = /\s*\d+\.\s*$/u;
const STRESS = /\u0301/gu;

/** A WikDict entry's lines (after the headword line) as senses: a line of translations, then its gloss. */
export function wikDictSenses(lines: string[]): Sense[] {
  const senses: Sense[] = [];
  for (let i = 0; i < lines.length; i += 2) {
    const translations = lines[i]!.replace(LEADING_NUMBER, '').replace(TRAILING_NUMBER, '').split(/,\s*/u).map((t) => t.trim()).filter(Boolean);
    senses.push({ translations, gloss: (lines[i + 1] ?? '').trim() });
  }
  return senses;
}

const ONE_RUSSIAN_WORD = /^[а-яё-]{2,}$/u;
const ONE_ENGLISH_WORD = /^[a-z][a-z-]*$/u;
/** Translations kept per word, as for the inverted dictionary: its meaning, not every shade of it. */
const MAX_TRANSLATIONS = 3;

/**
 * Each Russian word → its English, best first, from two dictionaries with one headword language (headword → its
 * lines after the headword line). Only senses with a gloss pair up: an empty one could be any sense. A word's
 * English is ranked by the votes of the senses that give both (see vote); `isEnglish` keeps words an English text
 * would use.
 */
function pairedTranslations(toRussian: [string, string[]][], toEnglish: [string, string[]][], isEnglish: (word: string) => boolean): Map<string, string[]> {
  const englishSenses = new Map<string, Map<string, string[]>>();
  for (const [headword, lines] of toEnglish) {
    const byGloss = englishSenses.get(headword) ?? new Map<string, string[]>();
    for (const { translations, gloss } of wikDictSenses(lines)) if (gloss) byGloss.set(gloss, [...(byGloss.get(gloss) ?? []), ...translations]);
    englishSenses.set(headword, byGloss);
  }
  const votes = new Map<string, Map<string, number>>();
  for (const [headword, lines] of toRussian) {
    const byGloss = englishSenses.get(headword);
    if (!byGloss) continue;
    for (const { translations, gloss } of wikDictSenses(lines)) {
      const english = ((gloss && byGloss.get(gloss)) || []).filter((e) => ONE_ENGLISH_WORD.test(e) && isEnglish(e));
      if (english.length === 0) continue;
      translations.forEach((t, position) => {
        const russian = t.replace(STRESS, '').toLowerCase();
        if (!ONE_RUSSIAN_WORD.test(russian)) return;
        const tally = votes.get(russian) ?? new Map<string, number>();
        english.forEach((e, j) => tally.set(e, (tally.get(e) ?? 0) + vote(position, j)));
        votes.set(russian, tally);
      });
    }
  }
  const paired = new Map<string, string[]>();
  for (const russian of [...votes.keys()].sort()) {
    const ranked = [...votes.get(russian)!].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0));
    paired.set(russian, ranked.slice(0, MAX_TRANSLATIONS).map(([e]) => e));
  }
  return paired;
}

/**
 * What one sense's English word says for a word of the sense: most when the sense gives the word first (its plain
 * word) and the English first. A word that several senses give with the same English means that English; one
 * sense's rarer word counts less.
 */
const vote = (position: number, englishPosition: number) => 1 / (1 + position) / (1 + ENGLISH_POSITION_COST * englishPosition);
const ENGLISH_POSITION_COST = 0.3;

/** Russian word stems → their English, from a Polish-Russian and a Polish-English dictionary (see pairedTranslations). */
export function pivotGlossary(toRussian: [string, string[]][], toEnglish: [string, string[]][], isEnglish: (word: string) => boolean): Glossary {
  const glossary: Glossary = new Map();
  for (const [russian, english] of pairedTranslations(toRussian, toEnglish, isEnglish)) {
    const stem = russianStem(russian);
    const rows: Translation[] = glossary.get(stem) ?? [];
    glossary.set(stem, [...rows, ...english.map((e) => ({ russian, english: e }))]);
  }
  return glossary;
}
