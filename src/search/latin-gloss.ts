import { isGermanCompound, isGermanNounForm, isLemma, translateLatinWord, type ExpectedWord } from '../lexicon/latin-glossary.js';
import { foldedWords } from '../text/fold.js';
import {
  ELISION,
  FUNCTION_WORDS,
  functionWordVotes,
  isElidedWord,
  latinTextKeys,
  LATIN_LANGUAGES,
  languageByVotes,
  MIN_VOTES,
  type FunctionWordVotes,
  type LatinLanguage,
} from '../text/latin-language.js';
import { isEnglishWord } from './word-weights.js';
import { latinPlaceAt } from '../text/latin-places.js';
import { isStopWord, lightStem } from '../text/terms.js';
import { MAX_ALTERNATIVES, withWordsReread, type Gloss } from './gloss.js';
import type { ParsedQuery } from './query.js';
import { asksWhatWasSaid, questionKind } from './question-kind.js';
import { ownEntry } from '../util/own-entry.js';
import { FUNCTION_PHRASES, HAPPENED, ONLY_FIRST, QUESTION_WORDS } from './latin-question-words.js';

/**
 * A German, French, Spanish, Italian or Portuguese question read word by word into English, as a Ukrainian or Russian one is
 * (gloss.ts): question words become "who", "when", …; names stay as written; other words take their dictionary
 * translation, the others kept as alternatives. The asker's own words are kept too, as their stems: coverage
 * written in the question's language says them.
 */

const TOKEN = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;

interface Token {
  text: string;
  /** Lower case, elision removed. */
  word: string;
  /** First of the question or after a comma, colon, semicolon or opening mark. */
  opensClause: boolean;
}

const CLAUSE_BREAK = /[,;:¿¡(]/u;

function tokensOf(question: string): Token[] {
  let end = 0;
  return [...question.matchAll(TOKEN)].flatMap((m) => {
    const text = m[0];
    const opensClause = end === 0 || CLAUSE_BREAK.test(question.slice(end, m.index));
    end = m.index + text.length;
    const elided = ELISION.exec(text);
    const rest = elided ? text.slice(elided[0].length) : text;
    const head = elided ? [{ text: elided[0], word: elided[0].toLowerCase().replace(/['’]$/u, ''), opensClause }] : [];
    return rest ? [...head, { text: rest, word: rest.toLowerCase(), opensClause: opensClause && !elided }] : head;
  });
}

/** How many tokens from i say the phrase (its words apart by spaces); 0 when they do not. */
function phraseAt(tokens: Token[], i: number, phrase: string): number {
  const length = phrase.split(' ').length;
  return tokens.slice(i, i + length).map((t) => t.word).join(' ') === phrase ? length : 0;
}

/** The English of the first of a table's phrases (`a|b` → English) said at token i, and how many tokens it takes; or null. */
function tableAt(table: [string, string][], tokens: Token[], i: number, allowed: (form: string) => boolean = () => true): { english: string; length: number } | null {
  for (const [forms, english] of table) {
    for (const form of forms.split('|')) {
      const length = phraseAt(tokens, i, form);
      if (length > 0 && allowed(form)) return { english, length };
    }
  }
  return null;
}

/** The English of a question word starting at token i, and how many tokens it takes; or null. */
function questionWordAt(tokens: Token[], i: number, language: LatinLanguage, opensClause: boolean): { english: string; length: number } | null {
  return tableAt(QUESTION_WORDS[language], tokens, i, (form) => opensClause || !ONLY_FIRST.has(form));
}

/**
 * Capitalised after the first word, written in capitals, or holding digits. German capitalises every noun: there a
 * capitalised word is a name unless the dictionary has it as a headword as written. A name that is a word too
 * ("Brandt", a fire) keeps its readings, and is read as the word if the index never spells the name.
 */
function isName(token: Token, index: number, language: LatinLanguage): boolean {
  if (/\p{N}/u.test(token.text) || /^\p{Lu}{2,}/u.test(token.text)) return true;
  if (!/^\p{Lu}/u.test(token.text)) return false;
  if (language === 'de') return !isLemma(token.text, language) && !isGermanNounForm(token.text) && !isGermanCompound(token.text);
  return index > 0 || translateLatinWord(token.text, language).length === 0;
}

/**
 * The language of a question in German, French, Spanish, Italian or Portuguese: by its function words (latinLanguage), or, for a
 * keyword query that has none ("japan industrieproduktion januar anstieg"), by its words, when most are no English
 * and more of them are one language's headwords than another's. Two or more function words too shared to decide
 * ("de la" is French and Spanish) decide with the other words, each a vote for the languages it is a headword of.
 * Null for English.
 */
export function latinQuestionLanguage(text: string): LatinLanguage | null {
  const counted = functionWordVotes(text);
  const byFunctionWords = languageByVotes(counted);
  if (byFunctionWords) return byFunctionWords;
  const byHeadwords = withHeadwordVotes(text, counted);
  if (byHeadwords) return byHeadwords;
  const words = foldedWords(text).filter((w) => !/\d/u.test(w));
  const foreign = (text.toLowerCase().match(TOKEN) ?? []).filter((t) => !/\d/u.test(t) && foldedWords(t).some((w) => !isEnglishWord(w)));
  if (words.length === 0 || foreign.length * 2 < words.length) return null;
  let best: LatinLanguage | null = null;
  let bestKnown = 0;
  for (const language of LATIN_LANGUAGES) {
    const known = foreign.filter((t) => translateLatinWord(t, language).length > 0).length;
    if (known > bestKnown) [best, bestKnown] = [language, known];
  }
  return bestKnown * 2 >= foreign.length && bestKnown >= MIN_KNOWN ? best : null;
}
const MIN_KNOWN = 2;

/**
 * The one language whose function words outvote English's and that has most votes with the other words' added:
 * those written in lower case, as a name may be any language's word ("Casa de la Musica"). It takes two function
 * words, or one and a word spelt with a letter English lacks: one alone is as often an English query's abbreviation or
 * name ("un conference", "ne electric").
 */
function withHeadwordVotes(text: string, { votes, english }: FunctionWordVotes): LatinLanguage | null {
  const voted = LATIN_LANGUAGES.filter((l) => votes.get(l)! > english);
  if (voted.length === 0) return null;
  const tokens = text.match(TOKEN) ?? [];
  const isFunctionWord = (t: string) => voted.some((l) => FUNCTION_WORDS[l].has(t.toLowerCase()));
  if (tokens.filter(isFunctionWord).length + (tokens.some(isAccented) ? 1 : 0) < MIN_CLUES) return null;
  const content = tokens.filter((t) => !/^\p{Lu}/u.test(t) && !/\d/u.test(t) && !isFunctionWord(t));
  const totals = voted.map((l) => votes.get(l)! + content.filter((t) => translateLatinWord(t, l).length > 0).length);
  const best = Math.max(0, ...totals);
  return best >= MIN_VOTES && totals.filter((t) => t === best).length === 1 ? voted[totals.indexOf(best)]! : null;
}
const MIN_CLUES = 2;
/** A lower-case word spelt with a letter English does not use ("país", "código"): a second clue beside one function word. */
const isAccented = (token: string): boolean => /^\p{Ll}/u.test(token) && /[^a-z’'-]/u.test(token);

export function glossLatin(question: string, language: LatinLanguage): Gloss {
  const gloss: Gloss = { text: '', names: [], untranslated: [], alternatives: {}, spellings: {}, readings: {}, originals: {} };
  const english: string[] = [];
  const state = { asked: false, speechVerb: null as string | null, next: 'any' as ExpectedWord };
  const tokens = tokensOf(question);
  // Whether the clause so far had only function words ("c'était qui …"): a question word may still open it.
  let clauseOpen = true;
  for (let i = 0; i < tokens.length; ) {
    if (tokens[i]!.opensClause) clauseOpen = true;
    const before = english.length + gloss.untranslated.length + (state.speechVerb ? 1 : 0);
    i += readAt(tokens, i, language, clauseOpen, { gloss, english, state });
    clauseOpen &&= english.length + gloss.untranslated.length + (state.speechVerb ? 1 : 0) === before;
  }
  const text = state.speechVerb ? withSpeechVerb(english, gloss.names, state.speechVerb) : english;
  // "Wie viel hat die Brücke gekostet", "¿Cuánto costó …": what follows "how much" is what was paid for, not what
  // is measured ("how much wheat"); English says so with an auxiliary.
  const howMuch = text.indexOf('how much');
  if (howMuch >= 0 && text[howMuch + 1] !== 'did') text.splice(howMuch + 1, 0, 'did');
  // A question with no question word asks yes or no ("Hat die Bank die Zinsen gesenkt?"): English opens it with an auxiliary.
  if (!state.asked && question.trim().endsWith('?')) text.unshift('did');
  return { ...gloss, text: text.join(' ') };
}

interface Reading {
  gloss: Gloss;
  english: string[];
  /**
   * next: what the word just read puts after it: a verb after a question word a verb follows ("¿Cuánto cuesta …?",
   * "Où vit …?"), a participle after "have" ("Cosa aveva detto …?").
   */
  state: { asked: boolean; speechVerb: string | null; next: ExpectedWord };
}

/** Question words a verb follows, not a noun ("which company", "how many years"). */
const VERB_FOLLOWS = new Set(['how much', 'how', 'where', 'when', 'why', 'who']);
/** Reflexive pronouns, which stand between such a question word and its verb ("¿Cómo se llama …?"). */
const REFLEXIVE = new Set(['se', 'si', 's']);
/** "Have" as the auxiliary of a past tense: a participle follows it. German puts the participle last. */
const HAVE: Record<LatinLanguage, Set<string>> = {
  de: new Set(),
  fr: new Set(['a', 'ont', 'avait', 'avaient', 'aurait', 'auraient']),
  es: new Set(['ha', 'han', 'había', 'habían', 'habría', 'habrían']),
  it: new Set(['ha', 'hanno', 'aveva', 'avevano', 'avrebbe', 'avrebbero']),
  pt: new Set(['tem', 'têm', 'tinha', 'tinham', 'teria', 'teriam']),
};

/** Reads the token at i (and any that make one phrase with it) into the gloss; returns how many it took. */
function readAt(tokens: Token[], i: number, language: LatinLanguage, clauseOpen: boolean, { gloss, english, state }: Reading): number {
  const token = tokens[i]!;
  const expected = state.next;
  state.next = 'any';
  // The asker's words as English text writes them (light stems), and as text in their language does (latinTextKeys).
  const remember = (word: string, said: string) => {
    gloss.originals[word] = [...new Set([...(ownEntry(gloss.originals, word) ?? []), ...foldedWords(said).map(lightStem)])];
    const native = (gloss.native ??= { language, keys: {} }).keys;
    native[word] = [...new Set([...(ownEntry(native, word) ?? []), ...said.split(/\s+/u).flatMap((w) => latinTextKeys(w, language))])];
  };
  // "What happened" as the language asks it ("¿Qué pasó …?").
  const happened = tableAt(HAPPENED[language], tokens, i);
  if (happened) {
    english.push(happened.english);
    state.asked ||= happened.english.startsWith('what');
    return happened.length;
  }
  const questionWord = questionWordAt(tokens, i, language, clauseOpen);
  if (questionWord) {
    english.push(questionWord.english);
    state.asked = true;
    state.next = VERB_FOLLOWS.has(questionWord.english) ? 'verb' : 'any';
    return questionWord.length;
  }
  // A place whose name is not the English one, in one word or several ("Pays-Bas", "Países Bajos").
  const place = latinPlaceAt(tokens.map((t) => t.text), i, language);
  if (place) {
    english.push(place.english);
    gloss.names.push(place.english);
    remember(place.english, tokens.slice(i, i + place.length).map((t) => t.text).join(' '));
    return place.length;
  }
  const phrase = FUNCTION_PHRASES[language].find((p) => phraseAt(tokens, i, p) > 0);
  if (phrase) return phrase.split(' ').length;
  if (FUNCTION_WORDS[language].has(token.word) || isElidedWord(token.word)) {
    state.next = expected === 'verb' && REFLEXIVE.has(token.word) ? 'verb' : HAVE[language].has(token.word) ? 'participle' : 'any';
    return 1;
  }
  // A hyphened compound no dictionary has ("Cricket-Trainer", "Ostsee-Fähre") is read part by part.
  const parts = token.text.split('-').filter(Boolean);
  if (parts.length > 1 && translateLatinWord(token.word, language).length === 0 && !/\p{N}/u.test(token.text)) {
    const partTokens = parts.map((part, j) => ({ text: part, word: part.toLowerCase(), opensClause: j === 0 && token.opensClause }));
    for (let j = 0; j < partTokens.length; ) j += readAt(partTokens, j, language, false, { gloss, english, state });
    return 1;
  }
  if (isName(token, i, language)) {
    const [reading] = translateLatinWord(token.text, language);
    // A place the dictionary gives an English name ("Lisboa" → "Lisbon") is named so.
    const name = reading && /^\p{Lu}/u.test(reading) ? reading : token.text;
    english.push(name);
    gloss.names.push(name);
    remember(name, token.text);
    const meanings = translateLatinWord(token.word, language).filter((w) => !/^\p{Lu}/u.test(w) && !isStopWord(w));
    const [folded] = foldedWords(name);
    if (meanings.length > 0 && folded && name === token.text) gloss.readings[folded] = meanings.slice(0, 1 + MAX_ALTERNATIVES);
    return 1;
  }
  // German writes its nouns capitalised: "Zeugen" is of "Zeuge" (witness), "zeugen" the verb (father).
  const [translation, ...others] = translateLatinWord(language === 'de' ? token.text : token.word, language, expected);
  if (!translation) {
    // Often the English word itself ("software", "inflation"): the index decides (preferIndexedTranslations).
    // Not read as a name: the tables lack some of a language's forms ("spricht"), and a name must be found.
    gloss.untranslated.push({ keys: foldedWords(token.word).map(lightStem), lenders: foldedWords(token.word), native: latinTextKeys(token.word, language) });
  } else if (asksWhatWasSaid(translation)) {
    state.speechVerb = translation;
    remember(translation, token.text);
  } else if (/^\p{Lu}/u.test(translation)) {
    // A place, a people or a month ("Großbritannien", "janvier"): named so in English.
    english.push(translation);
    gloss.names.push(translation);
    remember(translation, token.text);
  } else if (!isStopWord(translation)) {
    english.push(translation);
    // The asker's own word last: a name that is a word too ("Halden", heaps), read so if the index never says the word.
    const own = foldedWords(token.word).length === 1 ? foldedWords(token.word) : [];
    gloss.alternatives[translation] = [...others.filter((w) => !isStopWord(w)).slice(0, MAX_ALTERNATIVES), ...own];
    remember(translation, token.text);
  }
  return 1;
}

const out0IsSubject = (english: string[]) => english[0] === 'who' || english[0] === 'which';

/**
 * "Was hat Koval über … gesagt", "¿Qué dijo Koval sobre …?": English asks "what did Koval say about …", the
 * verb after its speaker, whichever end of the question the verb was at.
 */
function withSpeechVerb(english: string[], names: string[], verb: string): string[] {
  // "Who said …" needs no auxiliary: the verb follows the question word.
  if (out0IsSubject(english)) return [english[0]!, verb, ...english.slice(1)];
  const out = [...english];
  const at = out[0] === 'what' || out[0] === 'how' ? 1 : 0;
  out.splice(at, 0, 'did');
  let end = at + 1;
  while (end < out.length && names.includes(out[end]!)) end++;
  // A speaker named by a common noun ("der Minister") is one word.
  if (end === at + 1 && end < out.length) end++;
  out.splice(end, 0, verb);
  return out;
}

/**
 * The words of a search-box query read as English that neither English nor the index has, nor a name: a German,
 * French, Spanish, Italian or Portuguese word in a query too short to tell its language ("Quellmark ponte
 * Velmora"). A question with English question words is English.
 */
export function foreignWordsToRead(query: ParsedQuery, inIndex: (word: string) => boolean, isEnglish: (parts: string[]) => boolean = (parts) => isEnglishWord(parts.join(''))): string[] {
  if (query.translated || questionKind(query.text) !== 'keywords') return [];
  const compounds = foreignCompounds(query, isEnglish);
  const inCompound = new Set(compounds.flatMap((c) => foldedWords(c)));
  const words = query.words.filter((w, i) => !query.names[i] && !inCompound.has(w) && !/\d/u.test(w) && !inIndex(w) && !isEnglish([w]));
  return [...compounds, ...words];
}

/**
 * Hyphened words of the query that English has no compound for ("porte-parole"): perhaps another language's,
 * read whole, since their parts alone read as other things ("porte" as "door"). As written, lower case.
 */
function foreignCompounds(query: ParsedQuery, isEnglish: (parts: string[]) => boolean): string[] {
  const hyphened = query.text.match(/\p{L}+(?:-\p{L}+)+/gu) ?? [];
  const common = (word: string) => query.words.includes(word) && !query.names[query.words.indexOf(word)];
  return hyphened.map((h) => h.toLowerCase()).filter((h) => foldedWords(h).every(common) && !isEnglish(foldedWords(h)));
}

/** A foreign word's English readings, one word each, the languages' first translations first. */
export function foreignReadings(word: string): string[] {
  const translations = LATIN_LANGUAGES.map((language) => translateLatinWord(word, language).filter((t) => !t.includes(' ')));
  const ranked = [0, 1].flatMap((rank) => translations.map((t) => t[rank]).filter((t): t is string => t !== undefined && !isStopWord(t)));
  return [...new Set(ranked.map((t) => t.toLowerCase()))];
}

/** A reading written solid split in two ("counterattack" → counter attack): the index may write it hyphened or open. */
export function solidSplits(word: string): string[][] {
  const splits: string[][] = [];
  for (let at = MIN_SPLIT_PART; at <= word.length - MIN_SPLIT_PART; at++) splits.push([word.slice(0, at), word.slice(at)]);
  return splits;
}
const MIN_SPLIT_PART = 3;

/** The question with each foreign word read as its first English reading the index holds; unchanged when none is. */
export function withForeignReadings(query: ParsedQuery, readings: Map<string, string[]>, inIndex: (word: string) => boolean): ParsedQuery {
  const reread = new Map<string, string>();
  for (const [word, options] of readings) {
    const held = options.find(inIndex);
    if (held && !query.words.includes(held)) reread.set(foldedWords(word).join(' '), held);
  }
  if (reread.size === 0) return query;
  // A compound read whole takes its first part's place; its other parts go, with what is known of them.
  const dropped = new Set([...reread.keys()].flatMap((key) => key.split(' ').slice(1)));
  const firstParts = new Map([...reread].map(([key, held]) => [key.split(' ')[0]!, held]));
  const kept = query.words.flatMap((w, i) => (dropped.has(w) ? [] : [i]));
  const words = kept.map((i) => firstParts.get(query.words[i]!) ?? query.words[i]!);
  const counted = query.counted === null ? null : kept.indexOf(query.counted);
  return {
    ...query,
    english: withWordsReread(query.english, reread),
    translated: true,
    words,
    stems: words.map(lightStem),
    names: kept.map((i) => query.names[i]!),
    counted: counted === null || counted < 0 ? null : counted,
  };
}
