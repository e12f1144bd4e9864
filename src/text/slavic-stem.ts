import { foldCharacters } from './fold.js';

/**
 * Keys under which the forms of a Ukrainian or Russian word meet, so a question matches an article in its own
 * language whatever the case, number or tense of each word ("кредитів", "кредити" → "kredyt"). It is a light
 * stemmer with truncation, the usual recipe for search in Slavic languages (Savoy's light stemmers; prefix
 * truncation): one inflectional ending is removed, and the rest is cut to KEY_LETTERS letters, which also
 * absorbs the endings a light stemmer misses. The two languages share most endings, and a word's language
 * rarely shows in its letters, so one ending list serves both.
 *
 * A word may be read several ways (a past tense in -в/-л or a noun: "заявив", "архив"), so it has a key for
 * each reading. Keys are folded (transliterated) like the text the full-text index stores, so a key is also a
 * prefix of the stored forms of the word.
 */

// Endings of nouns, adjectives and participles, and of the present tense and infinitive, of either language.
const ENDINGS = (
  'ями ами ими ыми ого его ому ему ові еві ієї иях ием иям ієм ією ією ' +
  'ах ях ам ям ом ем ов ев ей ів їв ью ію ия ие ье ья ій ий ый ой ая яя ое ее ые ие ую юю ої ою ею єю ім им ым их ых ії ' +
  'ать ять ить еть уть ють ешь ишь ете ите ємо имо емо ути ати яти ити іти ти ть ет ит ут ют ат ят ує ює ' +
  'а я о е є і ї и ы у ю ь й'
)
  .split(' ')
  .sort((a, b) => b.length - a.length);

/** The past tense, -л/-в (masculine), -ла, -ло, -ли, with the vowel before it: the infinitive's stem ("заявил" → "заяв"). */
const PAST = /[аяеиіоуы](?:л|ла|ло|ли|в)$/u;
const REFLEXIVE = /(?:ся|сь)$/u;
// A vowel that comes and goes as a word declines ("березень", "березня"; "день", "дня").
const FLEETING_VOWEL = /[ео](?=[кцнл]ь?$)/u;
// Ukrainian writes і (ї) in a word's last closed syllable for the о or е (є) of its other forms ("міст", "мосту";
// "піч", "печі").
const CLOSED_I = /[ії](?=[бвгґджзклмнпрстфхцчшщь]+$)/u;
// Ukrainian doubles the consonant before -я in nouns like "рішення", but not in their genitive plural "рішень".
const DOUBLED = /(\p{L})\1$/u;
const VOWEL_OR_SOFT = /[аяеєиіїоуыюьй]$/u;
const STEM_LETTERS = 3;
export const KEY_LETTERS = 6;

/** Whether a text has any Cyrillic letter in it. */
export const hasCyrillic = (text: string): boolean => /\p{Script=Cyrillic}/u.test(text);

function withoutEnding(word: string): string {
  for (const ending of ENDINGS) {
    if (word.length - ending.length >= STEM_LETTERS && word.endsWith(ending)) return word.slice(0, -ending.length);
  }
  return word;
}

const key = (stem: string) => foldCharacters(stem.slice(0, KEY_LETTERS));

/**
 * The keys of one Cyrillic word. Two forms of a word share a key when each has one of these readings: its
 * longest ending removed; only a last vowel removed ("програми" is програм-и, not прогр-ами); nothing removed
 * ("кредит" is no verb in -ит); a past tense's ending; a fleeting vowel dropped; a doubled last consonant made
 * single; a closed syllable's і read as о or е (ї as є).
 */
export function slavicKeys(word: string): string[] {
  const lower = word.toLowerCase().replace(/ё/gu, 'е').replace(/['’ʼ]/gu, '');
  const plain = lower.length - 2 > STEM_LETTERS && REFLEXIVE.test(lower) ? lower.slice(0, -2) : lower;
  const stem = withoutEnding(plain);
  const readings = [
    stem,
    VOWEL_OR_SOFT.test(plain) ? plain.slice(0, -1) : plain,
    plain.replace(PAST, ''),
    stem.replace(FLEETING_VOWEL, ''),
    stem.replace(DOUBLED, '$1'),
    plain.replace(CLOSED_I, (i) => (i === 'ї' ? 'є' : 'о')),
    plain.replace(CLOSED_I, (i) => (i === 'ї' ? 'є' : 'е')),
  ];
  return [...new Set(readings.filter((r) => r.length >= STEM_LETTERS).map(key))];
}

/** A question's key this long may be the start of a text's: "коштує" (kosht) and "коштуватиме" (koshtuv). */
const MIN_PREFIX = 5;

/**
 * The keys a word of a text answers to: its own, and the starts of them down to MIN_PREFIX letters, since a
 * question's short form keeps fewer letters than a long form's truncation ("коштує", "коштуватиме"), as a
 * prefix search for the question's key finds the text's word.
 */
export function slavicTextKeys(word: string): string[] {
  const keys = slavicKeys(word);
  const starts = keys.flatMap((k) => Array.from({ length: Math.max(0, k.length - MIN_PREFIX) }, (_, n) => k.slice(0, MIN_PREFIX + n)));
  return [...new Set([...keys, ...starts])];
}
