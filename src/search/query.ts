import { UserError } from '../errors.js';
import { foldedWords, unitedStatesAsOneWord } from '../text/fold.js';
import { SOLID_UNITS } from '../text/number-words.js';
import { glossCyrillic, type NativeKeys, type UntranslatedWord } from './gloss.js';
import { glossLatin, latinQuestionLanguage } from './latin-gloss.js';
import { withoutChatFraming } from './chat-framing.js';
import { questionKind, withoutKindWords, type QuestionKind } from './question-kind.js';
import { isMonthName, mentionsDate } from '../text/dates-in-text.js';
import { contentWords, irregularForms, irregularSingular, isStopWord, lightStem } from '../text/terms.js';
import { isEnglishWord } from './word-weights.js';
import { ownWordTerms } from './own-words.js';

export const MAX_QUESTION_LENGTH = 1000;

export interface ParsedQuery {
  text: string;
  /** The question in English: the text itself, or a question's word-by-word English gloss (Ukrainian, Russian, German, French, Spanish, Italian, Portuguese). */
  english: string;
  /**
   * Whether `english` reads words the asker wrote in another language (a question in one of those languages, or a
   * search-box query's foreign words): its verbs and tenses are a dictionary's guesses. A slip or a name respelt
   * in `english` is still the asker's own English.
   */
  translated: boolean;
  /** Distinct content words (folded, canonical), in order. */
  words: string[];
  /** Stems of `words` for sentence matching. */
  stems: string[];
  /** Which of `words` the asker wrote as names (capitalised mid-sentence, acronyms, numbers): never expanded to synonyms. */
  names: boolean[];
  /** Words written in capitals ("UN", "GDP"): names that may also be spelt out. */
  acronyms: string[];
  /** Adjacent word pairs of the question (stemmed), for phrase matches like "talk about" ~ "talked about". */
  bigrams: string[];
  /** Quoted phrases, as folded word lists. */
  phrases: string[][];
  kind: QuestionKind;
  /** Asks for events in order ("timeline", "what happened"): answers come oldest first. */
  timeline: boolean;
  /** What "how many" counts ("how many women …"): the index of that word in `words`, else null. */
  counted: number | null;
  /**
   * Content words of a Ukrainian or Russian question that are not names and have no translation, so cannot
   * be matched in English coverage: they still make up part of the question, and evidence must not ignore them.
   */
  untranslated: UntranslatedWord[];
  /** For a translated question, the other translations of its words (by the word chosen): other ways a sentence may say it. */
  translations: Record<string, string[]>;
  /** For a translated question, other Latin spellings of its names (by the name's word), as likely as the first. */
  spellings: Record<string, string[]>;
  /** For a translated question, its names that are dictionary words too, by name: their translations, read when the index never spells the name. */
  readings: Record<string, string[]>;
  /**
   * For a translated question, by word: the keys of the forms of the Ukrainian or Russian word the asker wrote
   * (slavicKeys), which coverage in that language says.
   */
  originals: Record<string, string[]>;
  /** For a German, French, Spanish, Italian or Portuguese question, its language and its words' keys there, by word (see NativeKeys). */
  native?: NativeKeys;
  /**
   * For a question about coverage written in other languages, by word: the keys of its translations into them
   * (see withCyrillicWordings, withLatinWordings). Empty otherwise.
   */
  inCoverageLanguages: Record<string, string[]>;
  /** For a word none of whose forms the word tables have, the keys of the nearest word they have, and how near it is. */
  nearInCoverageLanguages: Record<string, NearKeys[]>;
}

/** Keys of another word's translations, and how near that word is to the question's (an expansion's factor). */
export interface NearKeys {
  keys: string[];
  factor: number;
}

const TIMELINE = /\b(timeline|chronolog\w*|what happened|sequence of events|before and after|in what order|who said what)\b/i;

export function parseQuery(question: string): ParsedQuery {
  const asked = question.trim();
  if (asked.length === 0) throw new UserError('The question is empty.');
  if (asked.length > MAX_QUESTION_LENGTH) {
    throw new UserError(`The question is ${asked.length} characters long; the limit is ${MAX_QUESTION_LENGTH}.`);
  }
  const text = unitsJoined(withoutChatFraming(asked));
  // A Ukrainian, Russian, German, French, Spanish, Italian or Portuguese question is parsed as its English gloss.
  const latin = isCyrillic(text) ? null : latinQuestionLanguage(text);
  const gloss = isCyrillic(text) ? glossCyrillic(text) : latin ? glossLatin(text, latin) : null;
  const english = gloss?.text ?? text;
  const topic = unitedStatesAsOneWord(decadesInWords(withoutKindWords(english).replace(TIMELINE, ' '), gloss !== null));
  const words = [...new Set(contentWords(topic))];
  const written = gloss ? new Set(foldedWords(gloss.names.join(' '))) : namesWritten(topic);
  const kind = questionKind(english);
  // A timeline asks for dated events: sentences with dates answer it. "What happened on 14 July?" gives the
  // date: it asks for that day's events, best first.
  const timeline = TIMELINE.test(english) && !mentionsDate(english);
  const phrases = [...text.matchAll(/["“]([^"”]{2,200})["”]/g)]
    .map((m) => foldedWords(m[1]!))
    .filter((p) => p.length > 1);
  return {
    text,
    english,
    translated: gloss !== null,
    words,
    stems: words.map(lightStem),
    names: words.map((w) => written.has(w)),
    acronyms: (topic.match(/\b\p{Lu}{2,}s?\b/gu) ?? []).flatMap((a) => foldedWords(a)),
    bigrams: bigramsOf(topic, words),
    phrases,
    kind: timeline && ['open', 'keywords'].includes(kind) ? 'date' : kind,
    timeline,
    counted: countedWord(english, words),
    untranslated: gloss?.untranslated ?? [],
    translations: gloss?.alternatives ?? {},
    spellings: gloss?.spellings ?? {},
    readings: gloss?.readings ?? {},
    originals: gloss ? byWord(gloss.originals, new Set(words)) : {},
    native: gloss?.native && { ...gloss.native, keys: byWord(gloss.native.keys, new Set(words)) },
    inCoverageLanguages: {},
    nearInCoverageLanguages: {},
  };
}

const UNIT_APART = new RegExp(`(?<=\\d)\\s+(${SOLID_UNITS})(?![\\p{L}\\p{N}])`, 'gu');

/** "400 m" → "400m": one word, as the index holds it (an article writing it apart still says it: expand.ts). */
function unitsJoined(text: string): string {
  return text.replace(UNIT_APART, '$1');
}

const DECADE_WORDS = ['', '', 'twenties', 'thirties', 'forties', 'fifties', 'sixties', 'seventies', 'eighties', 'nineties'];
/**
 * "The 70s", "the '80s": a decade, not the number 70; folded, it would be "70", and an article must say that
 * number. Other languages write it "70er Jahre", "70-х годов", and "años 70", "anni '70", which their glosses
 * read as "year 70".
 */
const SHORT_DECADE = /(?<![\p{L}\p{N}])['’]?([2-9])0(?:s|er(?:\s+years?)?|-[хx](?:\s+years?)?)(?![\p{L}\p{N}])/gu;
const GLOSSED_DECADE = /\byears?\s+['’]?([2-9])0(?![\p{L}\p{N}])/gu;

/**
 * A decade written short, as its word ("the 70s" → "the seventies"): an article says it so, or as "the 1970s",
 * which the dictionary gives as the word's synonym.
 */
function decadesInWords(text: string, glossed: boolean): string {
  const inWords = (_: string, tens: string) => DECADE_WORDS[Number(tens)]!;
  const short = text.replace(SHORT_DECADE, inWords);
  return glossed ? short.replace(GLOSSED_DECADE, inWords) : short;
}

/**
 * A question typed all in lower case ("quorvel nights takings") marks no name by its capitals. There a word
 * that is neither ordinary English nor in the dictionary ("quorvel", "zentrix") is a name, as it would be
 * capitalised, and so is a month ("in october"), which an article's dateline says for all its sentences.
 * A translated question already knows its names.
 */
export function withLowerCaseNames(query: ParsedQuery, isDictionaryWord: (word: string) => boolean): ParsedQuery {
  if (query.translated || /\p{Lu}/u.test(query.text)) return query;
  const names = query.words.map((w, i) => query.names[i]! || isMonthName(w) || !(isEnglishWord(w) || isDictionaryWord(w)));
  return names.some((n, i) => n !== query.names[i]) ? { ...query, names } : query;
}

const HOW_MANY = /\bhow many\s+(?:(?:more|other|new|of the|of)\s+)?((?:[\p{L}\p{N}'’-]+\s+){0,3}[\p{L}\p{N}'’-]+)/iu;

/** A plural noun as written: "workers", "provinces", "people" (not "boss", "status", nor a possessive "Tolva's"). */
const looksPlural = (token: string) => !/['’]/u.test(token) && (/[^su]s$/iu.test(token) || irregularSingular(token.toLowerCase()) !== undefined);

/**
 * The word "how many" counts, by its index in the question's words: the first plural of the words before the
 * next small word ("how many part-time dock workers are …", "how many harbour pilots stood down", "how many
 * of the country's provinces"), else the first word ("how many staff").
 */
function countedWord(english: string, words: string[]): number | null {
  const m = HOW_MANY.exec(english);
  if (!m) return null;
  const tokens = m[1]!.split(/\s+/u);
  const end = tokens.findIndex((t, i) => i > 0 && isStopWord(t.toLowerCase()));
  const phrase = end < 0 ? tokens : tokens.slice(0, end);
  const counted = phrase.find(looksPlural) ?? phrase[0]!;
  const at = words.indexOf(foldedWords(counted).at(-1) ?? '');
  return at < 0 ? null : at;
}

/** The small words inside names ("Rio de Janeiro", "Ludwig van Beethoven", "Banco del Sur"). */
const NAME_PARTICLES = new Set('de da di du del della der den van von la le al bin ibn dos das'.split(' '));

/**
 * Folded words the asker capitalised after the first word, wrote in capitals, or that hold digits; a name's
 * small words; and a capitalised first word that is no ordinary English word ("Kowalski position on tariffs").
 */
function namesWritten(text: string): Set<string> {
  const tokens = text.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? [];
  const unknownFirst = (t: string) => /^\p{Lu}/u.test(t) && foldedWords(t).some((w) => !isEnglishWord(w));
  const capitalised = (t: string | undefined) => t !== undefined && /^\p{Lu}/u.test(t);
  const particle = (i: number) => NAME_PARTICLES.has(tokens[i]!) && capitalised(tokens[i - 1]) && capitalised(tokens[i + 1]);
  const names = tokens.filter((t, i) => /^\p{Lu}{2,}/u.test(t) || (i > 0 ? /^\p{Lu}/u.test(t) || particle(i) : unknownFirst(t)));
  return new Set([...names.flatMap((t) => foldedWords(t)), ...tokens.flatMap(numberedParts)]);
}

/**
 * The parts of a word with digits that name something: the number, and a model name's letters ("F-16", "B52s"),
 * not the ordinary words of "16-year-olds".
 */
function numberedParts(token: string): string[] {
  if (!/\p{N}/u.test(token)) return [];
  return token.split(/[-‐]/).flatMap((part) => (/\p{N}/u.test(part) || /^\p{Lu}/u.test(part) || part.length <= 2 ? foldedWords(part) : []));
}

/** Entries keyed by a gloss's English text, by each of its content words the question kept. */
function byWord(byText: Record<string, string[]>, words: Set<string>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [text, values] of Object.entries(byText)) {
    for (const w of foldedWords(text)) if (words.has(w)) out[w] = [...new Set([...(out[w] ?? []), ...values])];
  }
  return out;
}

function isCyrillic(text: string): boolean {
  const letters = text.match(/\p{L}/gu) ?? [];
  return letters.filter((c) => /\p{Script=Cyrillic}/u.test(c)).length > letters.length / 2;
}

/** Pairs of adjacent words with at least one content word in them. */
function bigramsOf(text: string, content: string[]): string[] {
  const all = foldedWords(text);
  const keep = new Set(content);
  const pairs = all.slice(1).flatMap((w, i) => (keep.has(w) || keep.has(all[i]!) ? [`${lightStem(all[i]!)} ${lightStem(w)}`] : []));
  return [...new Set(pairs)];
}

/**
 * What full-text search looks for: any content word (and its irregular forms, "child" for "children" and
 * "found" for "find", which no stemmer joins to it), or any of the question's phrases (folded words each), or
 * any form of a Ukrainian or Russian word the asker wrote (a prefix term).
 */
export function searchPhrases(query: Pick<ParsedQuery, 'words' | 'phrases' | 'originals' | 'untranslated'>): string[][] {
  const words = query.words.flatMap((w) => [w, ...irregularForms(w)]);
  return [...words.map((w) => [w]), ...query.phrases, ...ownWordTerms(query).map((term) => [term])];
}
