import { stemmer as russianStem } from '@orama/stemmers/russian';

/**
 * The stems under which a dictionary of base forms may list a Russian word form, where the Snowball stemmer
 * alone does not reach it: verbs whose stem changes between tenses, nouns that drop a vowel as they decline,
 * and, for a word no table has, the word it is made from (a superlative's, a noun's adjective's).
 */

/**
 * Verbs in -овать/-евать conjugate with -у- (-ю-) where the infinitive has -ова- (-ева-), so the stemmer gives
 * "использует" the stem "использ" and "использовать" "использова"; the dictionary lists infinitives. Present
 * tense, participles and gerunds look for the infinitive's stem first ("голосует" votes, not "голос" voice).
 */
const OVAT_PRESENT = /[ую](?:ет|ют|ешь|ем|ете|ющ\p{L}*|я)$/u;

/**
 * Verbs in -давать, -ставать and -знавать drop their -ва- in the present tense ("удаётся" of "удаваться", "встаёт"
 * of "вставать"), so the stemmer gives the present "уда" and the infinitive "удава"; other words share the shorter
 * stem ("удав", a boa). The infinitive's stem is looked for first.
 */
const AVAT_PRESENT = /^(\p{L}*(?:да|ста|зна))(?:[её]т|[её]тся|[её]шь|[её]м|[её]те|ют|ются|ющ\p{L}*)$/u;

// The stemmer leaves the past tense of verbs in -еть whole ("увидела" → "увидел"); their infinitive's stem is "увид".
const PAST_OF_ET = /е(?:л|ла|ло|ли|лся|лась|лось|лись)$/u;

/** The stem of a word, or of its infinitive for a past tense the stemmer leaves whole. */
export function verbStem(word: string): string {
  return russianStem(PAST_OF_ET.test(word) ? word.replace(/л(?:а|о|и)?(?:ся|сь)?$/u, 'ть') : word);
}

/** The stems a Russian word may be listed under, most likely first. */
export function russianStems(word: string): string[] {
  const stem = russianStem(word);
  if (PAST_OF_ET.test(word)) return [stem, verbStem(word)];
  const avat = AVAT_PRESENT.exec(word);
  if (avat) return [russianStem(`${avat[1]}вать`), stem];
  if (!OVAT_PRESENT.test(word)) return [stem];
  const base = stem.replace(/[ую]$/u, '');
  return [`${base}ова`, `${base}ева`, stem];
}

/**
 * Nouns whose last vowel drops when they decline ("уровень" → "уровня", "конец" → "конца", "рынок" →
 * "рынка"): the other cases' stem with the vowel back, or without it, for when the stem itself is not in the
 * dictionary, nor the word a verb's form.
 */
export function withFleetingVowel(stem: string): string[] {
  const dropped = /^(.*[^аеиоуыэюяё])([^аеиоуыэюяё])$/u.exec(stem);
  if (dropped) return [`${dropped[1]}е${dropped[2]}`, `${dropped[1]}о${dropped[2]}`];
  // And the other way: a genitive plural gains one ("деньги" → "денег", "письма" → "писем").
  const gained = /^(.*[^аеиоуыэюяё])[её]([^аеиоуыэюяёй])$/u.exec(stem);
  return gained ? [`${gained[1]}${gained[2]}`, `${gained[1]}ь${gained[2]}`] : [];
}

// The superlative's prefix ("найбільше", "наибольший"): the comparative or adjective says enough.
const SUPERLATIVE = /^на[йи](?=\p{L}{4})/u;

/**
 * An adjective made from a noun ("бухгалтерских" of "бухгалтер", "сетевых" of "сеть", "мережевих" of "мережа")
 * that the dictionary lacks reads as its noun: English says "network attacks" with the noun too.
 */
const ADJECTIVE_OF_NOUN =
  /^(\p{L}{3,}?)(?:ск|цк|ов|ев|н)(?:ий|ый|ой|ая|яя|ое|ее|ие|ые|ых|их|ого|его|ому|ему|ым|им|ыми|ими|ую|юю|ої|ій|а|е|і|у|ім)$/u;

const PAST_OR_INFINITIVE = /(?:л|ла|ло|ли|лся|лась|лось|лись|ть|ться|ти)$/u;

/** Past tense or infinitive: the forms a perfective verb takes in a question ("решил", "решить"). */
export const isPastOrInfinitive = (word: string): boolean => PAST_OR_INFINITIVE.test(word);

/** The word a superlative or an adjective the tables lack is made from ("найбільше" → "більше"); null if none. */
export function derivedFrom(word: string): string | null {
  if (SUPERLATIVE.test(word)) return word.replace(SUPERLATIVE, '');
  return ADJECTIVE_OF_NOUN.exec(word)?.[1] ?? null;
}
