import type { QuestionKind } from '../search/question-kind.js';
import { canonicalWord, foldCharacters, UNITED_STATES_DOTTED } from '../text/fold.js';
import { isLatinNumberWord, isNumberWord } from '../text/number-words.js';
import { isLatinDateWord } from '../text/latin-calendar.js';
import { keyLanguage } from '../text/latin-language.js';
import { isStopWord, lightStem } from '../text/terms.js';
import { hasCyrillic, slavicTextKeys } from '../text/slavic-stem.js';
import { isEnglishWord } from '../search/word-weights.js';

/** A word of a sentence, as the answer stage sees it. */
export interface Token {
  /** The word as written. */
  raw: string;
  /** Light stem of the folded, canonical word: what question words are compared with. */
  stem: string;
  /** Offset of the word in the sentence text. */
  at: number;
  /**
   * The keys its other forms share: a Ukrainian or Russian word's (see slavicTextKeys), or the Snowball stem of a
   * word of German, French, Spanish, Italian or Portuguese text (see latinWordKeys); empty otherwise.
   */
  keys: string[];
}

// The same word boundaries as foldedWords, so sentence stems and question stems agree; currency and percent signs are tokens too.
const WORD = new RegExp(String.raw`${UNITED_STATES_DOTTED}|[\p{L}\p{N}]+(?:['’][\p{L}]+)?|[£$€¥%]`, 'gu');

/** The keys of a word of a text whose language has them (German, French, Spanish, Italian, Portuguese). */
export type WordKeys = (word: string) => string[];

/** A text's words; `wordKeys` gives its words' keys when its language has them. */
export function tokenize(text: string, wordKeys: WordKeys | null = null): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(WORD)) {
    const raw = m[0];
    const sign = /^[£$€¥%]$/.test(raw);
    const folded = sign ? raw : canonicalWord(foldCharacters(raw));
    const keys = hasCyrillic(raw) ? slavicTextKeys(raw) : wordKeys && !sign && !/\d/u.test(raw) ? wordKeys(raw) : [];
    tokens.push({ raw, stem: lightStem(folded), at: m.index, keys });
  }
  return tokens;
}

/** Whether a word of a text says one of the stems: its own, or one of its keys (a Ukrainian or Russian word's). */
export const saysStem = (t: Token, stems: Set<string>): boolean => stems.has(t.stem) || t.keys.some((k) => stems.has(k));

// Ukrainian and Russian numerals in the forms a count takes ("сорок років", "трьох", "десятки").
const CYRILLIC_NUMBER_WORD = new RegExp(
  '^(?:один|одна|одне|одно|одного|два|дві|две|двох|двух|три|трьох|трех|трёх|чотири|четыре|чотирьох|четырех|' +
    "п'?ять|п'?яти|шість|шесть|шести|сім|семь|семи|вісім|восемь|восьми|дев'?ять|дев'?яти|десять|десяти|сорок|сорока|" +
    "дев'?яносто|сто|сотні|сотни|сотень|сотен|двісті|двести|триста|чотириста|четыреста|п'?ятсот|" +
    "половина|десятки|десятків|десятков|\\p{L}+надцят[ьи]|\\p{L}+надцат[ьи]|\\p{L}+десят[иі]?|\\p{L}+дцят[ьи]|\\p{L}+дцат[ьи]|" +
    'тисяч\\p{L}*|тысяч\\p{L}*|мільйон\\p{L}*|миллион\\p{L}*|мільярд\\p{L}*|миллиард\\p{L}*)$',
  'u',
);
// Ukrainian and Russian currencies and scales too, in their case forms.
const MONEY_WORDS =
  /^(pounds?|dollars?|dlrs?|euros?|cents?|cts|pence|yen|yuan|rupees?|francs?|marks?|bn|m|k|sterling|stg|грн|гривн\p{L}*|гривен\p{L}*|руб|рубл\p{L}*|долар\p{L}*|доллар\p{L}*|євро|евро|фунт\p{L}*|цент\p{L}*)$/iu;
// Ukrainian and Russian, German, French, Spanish, Italian and Portuguese too ("млн", "7,3 miliardi", "3,1 Mrd.").
const SCALE_WORDS =
  /^(million|mln|billion|bln|bn|trillion|thousand|тис|тыс|тисяч\p{L}*|тысяч\p{L}*|млн|млрд|трлн|мільйон\p{L}*|миллион\p{L}*|мільярд\p{L}*|миллиард\p{L}*|millions?|milliards?|millionen|milliarden?|mio|mrd|mill[oó]n(?:es)?|mil|milion[ei]|miliard[oi]|milh(?:ão|ões)|bilh(?:ão|ões))$/iu;
// The word that links a scale to its currency in those languages ("miliardi di euro", "milliards d'euros").
const SCALE_TO_CURRENCY = /^(?:de|di|do|d['’])$/iu;
const DATE_WORDS = new Set(
  ('january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec ' +
    'monday tuesday wednesday thursday friday saturday sunday yesterday today tomorrow tonight weekend week month year decade century ' +
    'days weeks months years decades ' +
    'spring summer autumn winter christmas easter morning afternoon evening night quarter season').split(' '),
);
// Months, weekdays and days named relatively, in Ukrainian and Russian, in the forms a date takes.
const CYRILLIC_DATE_WORD = new RegExp(
  '^(?:(?:січ|берез|квіт|трав|черв|лип|серп|верес|жовт|груд)(?:ень|ня|ні)|лют(?:ий|ого|ому)|листопад[аіу]?|' +
    '(?:январ|феврал|апрел|июн|июл|сентябр|октябр|ноябр|декабр)[ьяюе]|ма[йяюе]|(?:март|август)[аеу]?|' +
    "понеділ(?:ок|ка|ку)|вівтор(?:ок|ка|ку)|серед[аиу]|четвер(?:га|гу)?|п['’]?ятниц[яюі]|субот[аиу]|неділ[яюі]|" +
    'понедельник[ау]?|вторник[ау]?|сред[аыу]|четверг[ау]?|пятниц[аыу]|суббот[аыу]|воскресень[еяю]|' +
    'вчора|сьогодні|завтра|вчера|сегодня|рік|року|році|роком|год|года|году)$',
  'u',
);
const REASON = /\b(because|due to|owing to|as a result|result of|thanks to|after|following|amid|since|so that|in order to|blamed|caused|led to|leading to|reason|prompted|triggered|fears? (of|that)|concerns? (over|about|that))\b/i;
// The same in German, French, Spanish, Italian and Portuguese ("weil", "à cause de", "debido a", "perché").
const LATIN_REASON =
  /(?<!\p{L})(?:wegen|weil|aufgrund|infolge|parce que|parce qu['’]|à cause d(?:e|u|es|['’])|en raison d(?:e|u|es|['’])|faute d(?:e|['’])|grâce à|suite à|porque|debido a|a causa de|por culpa de|gracias a|perché|a causa di|per via di|dovuto a|grazie a|devido a|por causa de|graças a)(?!\p{L})/giu;
const ATTRIBUTION = /\b(?:reported|reports|according to|told|cited|quoted|broadcast|interview|said in|wrote|published)\b|\bsources?:/i;
// Opened or closed here: a quotation of several sentences is split across them.
const QUOTATION = /["“«]\s*[^"“”«»]{12,}|[^"“”«»]{12,}["”»]/;
// A word or two in quotation marks is a name or a scare quote ("B" shares, the "Sunshine" policy), not speech.
const QUOTED_WORDS = /["“«][^"“”«»]{1,15}["”»]/g;
export const holdsQuotation = (text: string): boolean => QUOTATION.test(text.replace(QUOTED_WORDS, ' '));
/** Reported speech says what someone said without quotation marks: "X said the market would …". */
const REPORTING_VERBS =
  'said says told tells stated states stating warned warns argued argues added claimed claims insisted insists believes believed ' +
  'thinks predicted predicts expects expected described suggested suggests noted notes revealed reveals announced announces ' +
  'expressed expresses responded replied explained explains stressed admitted admits acknowledged urged urges ' +
  'saying adding telling';
const ENGLISH_REPORTING_VERBS = new Set(REPORTING_VERBS.split(' '));
/** Whether an English word is a reporting verb ("said", "added"): the name before it is the speaker's. */
export const isReportingVerb = (word: string): boolean => ENGLISH_REPORTING_VERBS.has(word.toLowerCase());
// Ukrainian and Russian reporting verbs by their stems, in any person or tense ("сказав", "заявила", "сообщил").
const CYRILLIC_REPORTING_STEMS = 'сказа заяв повідом сообщ зазнач отмет наголос подчеркн дода добав розпов рассказ поясн объясн';
const REPORTING_VERB = new RegExp(
  `\\b(?:${REPORTING_VERBS.split(' ').join('|')})\\b|(?<!\\p{L})(?:${CYRILLIC_REPORTING_STEMS.split(' ').join('|')})\\p{L}*`,
  'giu',
);

const PRONOUN = '(?:he|she|they|він|вона|вони|он|она|они)';
const PRONOUN_ATTRIBUTION = new RegExp(`(?<!\\p{L})${PRONOUN}\\s+(?:${REPORTING_VERB.source})|(?:${REPORTING_VERB.source})\\s+${PRONOUN}(?!\\p{L})`, 'iu');
/** "…, he said": the sentence reports someone named before it, as news names a speaker once and then writes "he". */
export const attributedToPronoun = (text: string): boolean => PRONOUN_ATTRIBUTION.test(text);

/** A name made of capitals and digits ("4G", "MX-5", "G20", "MP3", "A380s"): it counts nothing. */
const MODEL_NAME = /^(?:\p{Lu}+\p{N}+\p{Lu}*s?|\p{N}+\p{Lu}+)$/u;
function isModelName(text: string, tokens: Token[], i: number): boolean {
  const t = tokens[i]!;
  const before = tokens[i - 1];
  // Tokens split at the hyphen: "MX-5" is "MX" and "5".
  const hyphened = before !== undefined && /^\p{Lu}{1,3}$/u.test(before.raw) && text.slice(before.at + before.raw.length, t.at) === '-';
  return MODEL_NAME.test(t.raw) || (hyphened && /^\p{N}+s?$/u.test(t.raw));
}
function isNumber(t: Token): boolean {
  const lower = t.raw.toLowerCase();
  const language = keyLanguage(t.keys[0]);
  return /\d/.test(t.raw) || isNumberWord(lower) || CYRILLIC_NUMBER_WORD.test(lower.replace('’', "'")) || (language !== null && isLatinNumberWord(lower, language));
}
function isMoney(tokens: Token[], i: number): boolean {
  const t = tokens[i]!;
  if (/^[£$€¥]/.test(t.raw) || /^[£$€¥]$/.test(tokens[i - 1]?.raw ?? '')) return true;
  let next = SCALE_WORDS.test(tokens[i + 1]?.raw ?? '') ? i + 2 : i + 1;
  if (SCALE_TO_CURRENCY.test(tokens[next]?.raw ?? '')) next++;
  return isNumber(t) && MONEY_WORDS.test(tokens[next]?.raw.replace(/^d['’]/iu, '') ?? '');
}
/** Months that are also everyday words ("it may rain", "a protest march"): dates only when capitalised. */
const MONTHS_ALSO_WORDS = new Set(['may', 'march']);
function isDate(t: Token): boolean {
  const lower = t.raw.toLowerCase();
  if (MONTHS_ALSO_WORDS.has(lower) && !/^\p{Lu}/u.test(t.raw)) return false;
  // A word of German, French, Spanish, Italian or Portuguese text, by its key's language: there "hier" is yesterday.
  const language = keyLanguage(t.keys[0]);
  if (language && isLatinDateWord(lower, language)) return true;
  return DATE_WORDS.has(lower) || /^(1[89]|20)\d\d(s)?$/.test(t.raw) || CYRILLIC_DATE_WORD.test(lower);
}
function isName(tokens: Token[], i: number): boolean {
  const t = tokens[i]!;
  if (!/^\p{Lu}/u.test(t.raw) || isDate(t)) return false;
  if (i > 0) return !isStopWord(t.raw.toLowerCase());
  // A sentence's first word is capitalised anyway: a name only when the next word is one too, or when it is
  // no English word ("Velmora has agreed to …").
  return !isStopWord(t.raw.toLowerCase()) && (/^\p{Lu}/u.test(tokens[1]?.raw ?? '') || !isEnglishWord(t.stem));
}

const HONORIFIC = /^(mr|mrs|ms|miss|dr|sir|dame|lord|lady|prof|professor|president|minister|judge|chancellor|senator|governor|coach|captain)$/i;

/** A person is named by two capitalised words in a row ("Ada Lovelace") or a title and a name ("Mr Babbage"). */
function isPersonName(tokens: Token[], i: number): boolean {
  if (!isName(tokens, i) && !(i === 0 && /^\p{Lu}/u.test(tokens[0]!.raw))) return false;
  const capital = (t: Token | undefined) => t !== undefined && /^\p{Lu}\p{Ll}/u.test(t.raw) && !isDate(t);
  const before = tokens[i - 1];
  return (capital(before) && !isStopWord(before!.raw.toLowerCase())) || capital(tokens[i + 1]) || (before !== undefined && HONORIFIC.test(before.raw));
}

/** A surname alone ("Pike said …"), of someone the article names in full elsewhere. */
const isKnownSurname = (t: Token, surnames: Set<string>): boolean => /^\p{Lu}\p{Ll}/u.test(t.raw) && surnames.has(t.stem);

/**
 * The surnames of the people an article names in full ("Mayor Rowan Pike", "Ada Brennt"): news names a person
 * in full once, then by surname alone, and "who" is answered by either.
 */
export function surnamesOf(sentences: { tokens: Token[] }[]): Set<string> {
  const surnames = new Set<string>();
  for (const { tokens } of sentences) {
    tokens.forEach((t, i) => {
      const next = tokens[i + 1];
      if (i > 0 && isPersonName(tokens, i) && !(next && /^\p{Lu}/u.test(next.raw)) && /^\p{Lu}\p{Ll}/u.test(tokens[i - 1]!.raw)) surnames.add(t.stem);
    });
  }
  return surnames;
}

/**
 * Whether a word is the other half of a name the question gives: "Marta" beside "Quell" does not answer
 * "who … Quell …", which asks for someone else. (A title between them keeps them apart: "Hollin Mayor Rowan
 * Pike" answers "who is the Hollin mayor".)
 */
function halfOfNameAsked(tokens: Token[], i: number, names: Set<string>): boolean {
  const namedBeside = (t: Token | undefined) => t !== undefined && /^\p{Lu}/u.test(t.raw) && names.has(t.stem);
  return namedBeside(tokens[i - 1]) || namedBeside(tokens[i + 1]);
}

/**
 * Positions (token indexes) of the words that could answer a question of this kind: numbers for "how many",
 * amounts for "how much", dates for "when", names for "who"/"which"/"where". Words the question itself
 * contains (`asked`) are not answers, nor, for "who", the rest of a person the question names (`names`, its
 * names' stems). Kinds answered by the sentence as a whole (reason, speech, source) give the positions of
 * their marker.
 */
export function answerPositions(
  kind: QuestionKind,
  text: string,
  tokens: Token[],
  asked: Set<string>,
  names: Set<string> = new Set(),
  surnames: Set<string> = new Set(),
): number[] {
  const fresh = (i: number) => !saysStem(tokens[i]!, asked);
  const where = (test: (i: number) => boolean) => tokens.flatMap((_, i) => (fresh(i) && test(i) ? [i] : []));
  switch (kind) {
    case 'count':
      return where((i) => isNumber(tokens[i]!) && !isDate(tokens[i]!) && !isModelName(text, tokens, i));
    case 'amount':
      // "cost 4.2 million": a story names its currency once, then gives sums with their scale alone.
      return where((i) => isMoney(tokens, i) || (isNumber(tokens[i]!) && SCALE_WORDS.test(tokens[i + 1]?.raw ?? '')));
    case 'date':
      return where((i) => isDate(tokens[i]!) || (/^\d{1,2}(st|nd|rd|th)?$/.test(tokens[i]!.raw) && isDate(tokens[i + 1] ?? tokens[i - 1] ?? tokens[i]!)));
    case 'person':
      return where((i) => (isPersonName(tokens, i) || isKnownSurname(tokens[i]!, surnames)) && !halfOfNameAsked(tokens, i, names));
    case 'name':
    case 'place':
      return where((i) => isName(tokens, i));
    case 'source':
      return ATTRIBUTION.test(text) ? where((i) => isName(tokens, i) || ATTRIBUTION.test(tokens[i]!.raw)) : [];
    case 'speech':
      return holdsQuotation(text) ? markerPositions(text, tokens, /["“”«»]/g) : markerPositions(text, tokens, REPORTING_VERB);
    case 'reason':
      return [...markerPositions(text, tokens, new RegExp(REASON.source, 'gi')), ...markerPositions(text, tokens, LATIN_REASON)];
    default:
      return [];
  }
}

/** Token indexes at which a pattern matches in the text. */
function markerPositions(text: string, tokens: Token[], pattern: RegExp): number[] {
  const positions: number[] = [];
  for (const m of text.matchAll(pattern)) {
    const i = tokens.findIndex((t) => t.at >= m.index);
    positions.push(i < 0 ? tokens.length - 1 : i);
  }
  return positions;
}
