import { readFileSync } from 'node:fs';
import { stemmer as russianStem } from '@orama/stemmers/russian';
import { stemmer as ukrainianStem } from '@orama/stemmers/ukrainian';
import { imperfectiveStems, irregularPartner, withoutEmptyPrefix } from './aspect.js';
import type { CyrillicLanguage } from '../text/cyrillic-language.js';
import { derivedFrom, isPastOrInfinitive, russianStems, verbStem, withFleetingVowel } from './word-forms.js';

/**
 * English translations of Russian and Ukrainian words, from the tables `npm run build-glossary` writes
 * (lexicon/README.md says where they come from and under which licences):
 * - ru-en/glossary.tsv: Russian stem → `russian=english` pairs, best first;
 * - ru-en/wikdict.tsv: the same for the Russian lemmas of Wiktionary's senses (sense-pivot.ts);
 * - uk-ru/stems.tsv: Ukrainian stem → the Russian word it translates to.
 * Loaded on the first Cyrillic question: English-only teams never pay for them.
 */
const RUSSIAN_FILE = new URL('../../lexicon/ru-en/glossary.tsv', import.meta.url);
const RUSSIAN_BY_SENSE_FILE = new URL('../../lexicon/ru-en/wikdict.tsv', import.meta.url);
const UKRAINIAN_FILE = new URL('../../lexicon/uk-ru/stems.tsv', import.meta.url);
const PERFECTIVE_FILE = new URL('../../lexicon/ru-en/perfective.txt', import.meta.url);
const CYRILLIC_OF_ENGLISH_FILE = new URL('../../lexicon/en/cyrillic.tsv', import.meta.url);

interface Translation {
  russian: string;
  english: string;
  /** Read only for a question's word spelt so (see withSensePaired). */
  onlyAsWritten?: boolean;
}

interface Tables {
  russian: Map<string, Translation[]>;
  /** Ukrainian stem → its lemmas and the Russian word of each, best first. */
  ukrainian: Map<string, { ukrainian: string; russian: string }[]>;
  /** Stems of perfective verbs. */
  perfective: Set<string>;
  /** The sense-paired table's Russian words, all lemmas: two of them are two words, not two forms of one. */
  lemmas: Set<string>;
}

let tables: Tables | null = null;

function rows(file: URL): [string, string][] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const tab = line.indexOf('\t');
      return [line.slice(0, tab), line.slice(tab + 1)];
    });
}

/** A table's `stem<TAB>a=b c=d` lines, as stem → [a, b] pairs. */
function pairRows(file: URL): Map<string, [string, string][]> {
  return new Map(rows(file).map(([stem, pairs]) => [stem, pairs.split(' ').map((pair) => pair.split('=') as [string, string])]));
}

function loaded(): Tables {
  if (!tables) {
    const paired = pairRows(RUSSIAN_BY_SENSE_FILE);
    const russian = withSensePaired(
      new Map([...pairRows(RUSSIAN_FILE)].map(([stem, pairs]) => [stem, pairs.map(([word, english]) => ({ russian: word, english }))])),
      paired,
    );
    const lemmas = new Set([...paired.values()].flatMap((pairs) => pairs.map(([word]) => word)));
    const ukrainian = new Map([...pairRows(UKRAINIAN_FILE)].map(([stem, pairs]) => [stem, pairs.map(([lemma, word]) => ({ ukrainian: lemma, russian: word }))]));
    const perfective = new Set(readFileSync(PERFECTIVE_FILE, 'utf8').split('\n').filter(Boolean).map(russianStem));
    tables = { russian, ukrainian, perfective, lemmas };
  }
  return tables;
}

/**
 * The inverted dictionary's rows, with the sense-paired table's after them. The inverted one, read backwards from
 * English, knows far more words, but lacks newer ones ("блогер") and files some under another word of their stem
 * ("печенье" under "печень", liver). Where it has a stem, a word of the other table is read only for a question's
 * word spelt so, since a rarer lemma spelt closer to a word's form must not take it over; where it has none, the
 * other table is all there is.
 */
function withSensePaired(inverted: Map<string, Translation[]>, paired: Map<string, [string, string][]>): Map<string, Translation[]> {
  const merged = new Map(inverted);
  for (const [stem, pairs] of paired) {
    const rows = inverted.get(stem);
    const translations = pairs.map(([russian, english]) => ({ russian, english }));
    const said = new Set(rows?.map((t) => `${t.russian}=${t.english}`));
    merged.set(stem, rows ? [...rows, ...translations.filter((t) => !said.has(`${t.russian}=${t.english}`)).map((t) => ({ ...t, onlyAsWritten: true }))] : translations);
  }
  return merged;
}

/** A stem's rows a word may be read by: those read only for a word spelt so, when it is (`word`), and the rest. */
function rowsFor(russian: Map<string, Translation[]>, stem: string, word?: string): Translation[] | undefined {
  const rows = russian.get(stem)?.filter((t) => !t.onlyAsWritten || t.russian === word);
  return rows?.length ? rows : undefined;
}

function sharedPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

/**
 * Words of several parts of speech share a stem ("ограничение" restriction, "ограниченный" limited;
 * "порт" port, "портить" spoil): the one written most like the question's word, fewest letters apart after
 * their common beginning, is meant; the dictionary's order breaks ties. Words this few letters apart are
 * as likely one word in two case forms ("потери" is the plural of "потеря", and also a headword of its own).
 */
const SAME_WORD_APART = 2;

/** How many letters two words differ by after their common beginning, at least SAME_WORD_APART. */
function lettersApart(a: string, b: string): number {
  return Math.max(SAME_WORD_APART, a.length + b.length - 2 * sharedPrefix(a, b));
}

/**
 * A word the sense-paired table knows as a lemma is not a form of another of its lemmas sharing the stem
 * ("демократ" is no form of "демократия"): those come after the word's own rows.
 */
const OTHER_LEMMA = SAME_WORD_APART;

function closestFirst(word: string, translations: Translation[]): string[] {
  const { lemmas } = loaded();
  const otherLemma = (russian: string) => russian !== word && lemmas.has(word) && lemmas.has(russian);
  const ranked = translations.map((t, i) => ({ t, i, apart: lettersApart(word, t.russian) + (otherLemma(t.russian) ? OTHER_LEMMA : 0) }));
  ranked.sort((a, b) => a.apart - b.apart || a.i - b.i);
  return [...new Set(ranked.map((r) => r.t.english))];
}

const isVerb = (t: Translation) => /(?:ть|ться|ти)$/u.test(t.russian);

/**
 * A perfective verb's translations are its imperfective partner's, the dictionary's verb for the meaning, before
 * any the perfective has itself (often a rare headword's: "открыть" only under "unblock"), unless the dictionary
 * gives this very form as another part of speech ("дела" is affairs, not a past tense).
 */
function fromRussian(word: string): string[] {
  const { russian, perfective } = loaded();
  const lookUp = (stems: string[]) => stems.map((stem) => rowsFor(russian, stem, word)).find(Boolean);
  const own = lookUp(russianStems(word));
  const ownFirst = own ? closestFirst(word, own) : [];
  const stem = verbStem(word);
  const irregular = isPastOrInfinitive(word) ? irregularPartner(stem) : undefined;
  const irregularVerbs = irregular ? (rowsFor(russian, irregular) ?? []).filter(isVerb) : [];
  if (irregularVerbs.length > 0) return [...new Set([...closestFirst(word, irregularVerbs), ...ownFirst])];
  // A verb no table has may be a perfective all the same: its partner is worth looking for. So may a past tense
  // whose stem the dictionary has only as other parts of speech ("сообщил" is no "сообща", together).
  const mayBePerfective = perfective.has(stem) || (isPastOrInfinitive(word) && !own?.some(isVerb));
  if (own?.some((t) => t.russian === word && !isVerb(t)) || !mayBePerfective) return own ? ownFirst : fleetingVowelReading(word);
  const partner = imperfectiveStems(stem, word)
    .map((stem) => (rowsFor(russian, stem) ?? []).filter(isVerb))
    .find((verbs) => verbs.length > 0);
  if (partner) return [...new Set([...closestFirst(word, partner), ...ownFirst])];
  if (own) return ownFirst;
  // A verb known to be perfective may be its imperfective with a prefix ("увидеть" of "видеть").
  const unprefixed = withoutEmptyPrefix(word, perfective.has(stem)).map(fromRussian).find((found) => found.length > 0);
  return unprefixed ?? fleetingVowelReading(word);
}

/** A noun whose stem is not in the dictionary, read with the vowel its other forms drop ("отца" → "отец"). */
function fleetingVowelReading(word: string): string[] {
  const translations = withFleetingVowel(russianStem(word)).map((stem) => rowsFor(loaded().russian, stem)).find(Boolean);
  return translations ? closestFirst(word, translations) : [];
}

// Ukrainian і in a closed syllable is о or е in the word's other forms ("рік", "року"): one letter for spelling alike.
const sameVowel = (word: string) => word.replace(/і/gu, 'о');

// Endings of verbs (present, infinitive, past): such a word is a form of a verb of its stem, if it has one, however
// much shorter a noun of the stem is spelt ("коштує" is of "коштувати", not "кошт").
const VERB_FORM = /(?:є|ють|ить|ять|ти|тися|ється|ються|иться|яться|[аиіоу]в|[аиіоу]вся|ла|ло|ли|лася|лися|лося|лось)$/u;
const VERB_LEMMA = /(?:ти|тися|тись)$/u;
// Endings no adjective has (a noun's genitive plural, instrumental, a bare stem): not read through an adjective.
const NOT_ADJECTIVE_FORM = /(?:ів|їв|ам|ям|ами|ями|ах|ях|ові|еві|ом|ем|[бвгґджзклмнпрстфхцчшщ])$/u;
const ADJECTIVE_LEMMA = /(?:ий|ій)$/u;
// Endings only adjectives (and adjective-like words) have: such a word is of an adjective of its stem, if it has
// one ("першим" is of "перший", first, not of the adverb "перш").
const ADJECTIVE_ONLY_FORM = /(?:ого|ому|ими|им|их)$/u;

// Verbs in -давати, -ставати and -знавати drop their -ва- in the present tense ("дає" of "давати", "встає" of
// "вставати"): the present is read as that infinitive when the table has it.
const AVAT_PRESENT = /^(\p{L}*(?:да|ста|зна))(?:є|ють|єш|ємо|єте|ється|ються|ючи)$/u;

function avatInfinitive(word: string): { ukrainian: string; russian: string } | undefined {
  const m = AVAT_PRESENT.exec(word);
  if (!m) return undefined;
  const infinitive = `${m[1]}вати${/(?:ться|ся)$/u.test(word) ? 'ся' : ''}`;
  return loaded().ukrainian.get(ukrainianStem(infinitive))?.find((l) => l.ukrainian === infinitive);
}

/** Of the lemmas a Ukrainian word's stem leads to, the one it is spelt most like ("місто" city, not "міст" bridge). */
function fromUkrainian(word: string): string[] {
  const infinitive = avatInfinitive(word);
  if (infinitive) return fromRussian(infinitive.russian);
  const lemmas = loaded().ukrainian.get(ukrainianStem(word));
  if (!lemmas) return [];
  const allVerbs = VERB_FORM.test(word) ? lemmas.filter((l) => VERB_LEMMA.test(l.ukrainian)) : [];
  // A reflexive form is of a reflexive verb, if the stem has one ("залишається" remains, "залишає" leaves).
  const reflexive = /(?:ся|сь)$/u.test(word) ? allVerbs.filter((l) => /(?:ся|сь)$/u.test(l.ukrainian)) : [];
  const verbs = reflexive.length > 0 ? reflexive : allVerbs;
  const notAdjectives = NOT_ADJECTIVE_FORM.test(word) ? lemmas.filter((l) => !ADJECTIVE_LEMMA.test(l.ukrainian)) : [];
  const adjectives = ADJECTIVE_ONLY_FORM.test(word) ? lemmas.filter((l) => ADJECTIVE_LEMMA.test(l.ukrainian)) : [];
  const fitting = [verbs, adjectives, notAdjectives].find((l) => l.length > 0) ?? lemmas;
  const apart = (lemma: string) => lettersApart(sameVowel(word), sameVowel(lemma));
  // The lemma the word is, if it is one; else one letter closer is no evidence against the better-attested lemma
  // ("грошей" is of "гроші", money, as much as of "грош", a coin): the first of the closest two letter counts.
  const same = fitting.find((l) => sameVowel(l.ukrainian) === sameVowel(word));
  const nearest = Math.min(...fitting.map((l) => apart(l.ukrainian)));
  return fromRussian((same ?? fitting.find((l) => apart(l.ukrainian) <= nearest + 1)!).russian);
}

/**
 * English translations of a Russian or Ukrainian word in any inflected form, best first; [] when unknown.
 * Many words are spelt alike in both languages, so the other language is the fallback, not excluded.
 */
export function translateWord(word: string, language: CyrillicLanguage | null): string[] {
  const lower = word.toLowerCase();
  const [first, second] = language === 'uk' ? [fromUkrainian, fromRussian] : [fromRussian, fromUkrainian];
  const inEither = (w: string) => {
    const found = first(w);
    return found.length > 0 ? found : second(w);
  };
  const found = inEither(lower);
  if (found.length > 0) return found;
  const base = derivedFrom(lower);
  return base ? inEither(base) : [];
}

let cyrillicOfEnglish: Map<string, string[]> | null = null;

/** An English word's first Russian translations, then their Ukrainian: for coverage written in those languages. */
export function cyrillicWords(english: string): string[] {
  cyrillicOfEnglish ??= new Map(
    rows(CYRILLIC_OF_ENGLISH_FILE).map(([word, translations]) => [word, translations.split(/[\t ]/u).filter(Boolean)]),
  );
  return cyrillicOfEnglish.get(english) ?? [];
}
