import { translateWord } from '../lexicon/glossary.js';
import { cyrillicLanguage, type CyrillicLanguage } from '../text/cyrillic-language.js';
import type { LatinLanguage } from '../text/latin-language.js';
import { englishExonym, englishPlaceAt, placeOfAdjective } from '../text/exonyms.js';
import { foldedWords } from '../text/fold.js';
import { isStopWord, lightStem } from '../text/terms.js';
import { latinSpellings } from './name-spellings.js';
import { loanwordCandidates } from './loanwords.js';
import { slavicKeys } from '../text/slavic-stem.js';
import { ownEntry } from '../util/own-entry.js';
import { asksWhatWasSaid } from './question-kind.js';
import type { ParsedQuery } from './query.js';

/**
 * A Ukrainian or Russian question read word by word into English, so the rest of question parsing reads it as
 * it reads an English one: question words become "when", "who", ...; names stay as written (folding
 * transliterates them) unless they are places with an English name; other words take their dictionary
 * translation. Words with none are left out of the text and counted: the question still asks about them.
 */
export interface Gloss {
  text: string;
  /** The names of the text, as written there: capitalisation cannot mark them, as a gloss may start with one. */
  names: string[];
  /** Words with no English match, in question order: they still make up part of the question. */
  untranslated: UntranslatedWord[];
  /** The dictionary's other translations of each translated word, by the translation chosen: a sentence may say any of them. */
  alternatives: Record<string, string[]>;
  /** Other Latin spellings of each name, by its folded word ("gyunter" → "gunter", …): the index keeps the real ones. */
  spellings: Record<string, string[]>;
  /**
   * Names that are dictionary words too, by folded name: their translations, best first. Russian and Ukrainian
   * capitalise only the first word of an institution's name ("Института пенсионной политики"), so a capital
   * letter there marks a common noun as often as a person.
   */
  readings: Record<string, string[]>;
  /**
   * The asker's own words, by the English they were read as (a translation or a name): the keys of their forms
   * (slavicKeys), which an article written in Ukrainian or Russian says.
   */
  originals: Record<string, string[]>;
  /** A German, French, Spanish, Italian or Portuguese question's language, and its words' keys there (see NativeKeys). */
  native?: NativeKeys;
}

/**
 * The asker's own words, by the English they were read as, as text in their language says them (latinTextKeys):
 * read only when the coverage holds articles in that language. In English text a key is often an English
 * word's start ("product" of "production"), so there it would only add noise.
 */
export interface NativeKeys {
  language: LatinLanguage;
  keys: Record<string, string[]>;
}

/** A word of a question that no table translates. */
export interface UntranslatedWord {
  /** The keys of its forms, which an article in the question's language may say. */
  keys: string[];
  /** Its keys in text of its language, when that is German, French, Spanish, Italian or Portuguese (see NativeKeys). */
  native?: string[];
  /** The English words it may be a loan of ("трейдер" trader), best first: read as one when the index holds it. */
  lenders: string[];
}

/** Other translations kept: the dictionary's later ones drift into rarer senses. */
export const MAX_ALTERNATIVES = 2;

// Question words, Ukrainian then Russian, in every form a question uses.
const QUESTION_WORDS: [string, string][] = [
  ['коли когда', 'when'],
  ['хто кто кого кому', 'who'],
  ['де где куди куда звідки откуда', 'where'],
  ['чому почему навіщо зачем', 'why'],
  ['скільки сколько', 'how many'],
  ['як как', 'how'],
  ['що что чем чём каков какова каково каковы', 'what'],
  ['чий чия чиє чиї чей чья чьё чьи', 'whose'],
  // "Який"/"какой" is both "what" and "which"; "what" asks for no particular kind of answer.
  ['який яка яке які якого якої якому яким якій яких какой какая какое какие какого каком каким каких', 'what'],
];
/** "Happened" in the past forms a question asks "what happened" with ("что случилось", "що сталося"): read as English's. */
const HAPPENED = new Set(
  ('случилось случилась случился случились произошло произошла произошёл произошел произошли ' +
    'сталося сталась стався сталися трапилося трапилась трапився трапилися відбулося відбулась відбувся відбулися').split(' '),
);
const ENGLISH_QUESTION_WORD = new Map(QUESTION_WORDS.flatMap(([forms, english]) => forms.split(' ').map((f) => [f, english] as const)));

// Pronouns, prepositions, conjunctions, particles and auxiliaries: nothing to translate.
const FUNCTION_WORDS = new Set(
  [
    // Ukrainian
    'чи про для після перед через між також його її їх він вона вони це цей ця ці той та те ті був була було були ' +
      'буде будуть може можуть має мають треба щодо але або із від під над при без біля серед вже ще лише тільки ' +
      'навіть в у на з зі до по за о об а і й не ні',
    // Russian
    'ли после между его ее её их он она они это этот эта эти тот был была было были будет будут может могут есть ' +
      'нужно насчет но или из от под около среди уже еще ещё также только лишь даже и с со к ко же б бы',
    // Requests ("розкажи про …", "расскажите о …"): the asking, not what is asked.
    'розкажи розкажіть поясни поясніть опиши опишіть покажи покажіть знайди знайдіть ' +
      'расскажи расскажите поясните опишите покажите найди найдите',
  ]
    .join(' ')
    .split(' '),
);

// "According to" and its kin, Ukrainian then Russian: a frame around whose words they are, not the topic.
const FUNCTION_PHRASES = new Set(['за словами', 'за даними', 'на думку', 'по словам', 'по данным', 'по мнению']);

const TOKEN = /[\p{L}\p{N}][\p{L}\p{N}'’ʼ-]*/gu;

/**
 * A question's text with some of its words read as others (keyed by folded word): what its kind and speaker are
 * read from. A capitalised word may keep its capital (a name respelt is still a name).
 */
export function withWordsReread(text: string, reread: Map<string, string>, { keepCapital = false } = {}): string {
  const readAs = (token: string): string | undefined => {
    const word = reread.get(foldedWords(token).join(' '));
    return word !== undefined && keepCapital && /^\p{Lu}/u.test(token) ? capitalised(word) : word;
  };
  // A hyphened word is read whole, else part by part ("cross-bordr").
  return text.replace(TOKEN, (token) => readAs(token) ?? token.split(/(-)/).map((part) => readAs(part) ?? part).join(''));
}

export function glossCyrillic(question: string): Gloss {
  const english: string[] = [];
  const names: string[] = [];
  const alternatives: Record<string, string[]> = {};
  const spellings: Record<string, string[]> = {};
  const readings: Record<string, string[]> = {};
  const originals: Record<string, string[]> = {};
  const untranslated: UntranslatedWord[] = [];
  const remember = (english: string, said: string[]) => {
    originals[english] = [...new Set([...(ownEntry(originals, english) ?? []), ...said.flatMap(slavicKeys)])];
  };
  // "Що сказав Коваль" puts the verb before its speaker: English asks "what did Koval say". The speaker may be
  // several words ("Что заявил министр обороны о …"): the verb waits for the next function word.
  let speechVerb: string | null = null;
  const placeSpeechVerb = () => {
    if (speechVerb) english.push(speechVerb);
    speechVerb = null;
  };
  const addName = (name: string, said: string[]) => {
    english.push(name);
    names.push(name);
    remember(name, said);
  };
  const language = cyrillicLanguage(question);
  const tokens = question.match(TOKEN) ?? [];
  let skip = 0;
  tokens.forEach((token, i) => {
    if (skip > 0) return void skip--;
    // A place named in several words ("Південної Кореї") is one name, before its words are read one by one.
    const place = /^\p{Lu}/u.test(token) ? englishPlaceAt(tokens, i) : null;
    if (place) {
      addName(capitalised(place.english), tokens.slice(i, i + place.length));
      skip = place.length - 1;
      return;
    }
    const lower = token.toLowerCase();
    if (FUNCTION_PHRASES.has(`${lower} ${tokens[i + 1]?.toLowerCase()}`)) {
      skip = 1;
      return;
    }
    const questionWord = ENGLISH_QUESTION_WORD.get(lower);
    if (FUNCTION_WORDS.has(lower)) {
      placeSpeechVerb();
      return;
    }
    if (/^\p{N}/u.test(token) || (!questionWord && isName(token, i, language))) {
      const name = nameInEnglish(token);
      addName(name, [token]);
      if (name === token) {
        Object.assign(spellings, otherSpellings(token));
        const meanings = translateWord(lower, language).filter((w) => !isStopWord(w));
        const folded = foldedWords(token);
        if (meanings.length > 0 && folded.length === 1) readings[folded[0]!] = meanings.slice(0, 1 + MAX_ALTERNATIVES);
      }
      return;
    }
    if (questionWord) {
      placeSpeechVerb();
      english.push(questionWord);
    } else if (HAPPENED.has(lower)) {
      english.push('happened');
    } else if (lower.length > 2) {
      const [translation, ...others] = withCognate(lower, translateWord(lower, language), loanwordCandidates(lower));
      // An adjective of a place the dictionary lacks ("мексиканські") says the place, as "Mexican" does in English.
      const place = translation ? null : placeOfAdjective(lower);
      if (place) addName(capitalised(place), [token]);
      else if (!translation) {
        untranslated.push({ keys: slavicKeys(lower), lenders: loanwordCandidates(lower) });
      } else if (asksWhatWasSaid(translation)) {
        english.push('did');
        speechVerb = translation;
        remember(translation, [token]);
      }
      // A word whose plain meaning is a function word ("быть" be) is one here too.
      else if (!isStopWord(translation)) {
        english.push(translation);
        alternatives[translation] = others.filter((w) => !isStopWord(w)).slice(0, MAX_ALTERNATIVES);
        remember(translation, [token]);
      }
    }
  });
  placeSpeechVerb();
  // Ukrainian opens a yes/no question with "чи", Russian marks it with "ли": English opens it with an auxiliary.
  const yesNo = tokens[0]?.toLowerCase() === 'чи' || tokens.some((t) => t.toLowerCase() === 'ли');
  if (yesNo) english.unshift('did');
  return { text: english.join(' '), names, untranslated, alternatives, spellings, readings, originals };
}

/**
 * News Russian and Ukrainian borrow their words for its subject from English ("партнер", "журналіст", "формат"):
 * a translation the word was borrowed from is its plain meaning, whatever sense the dictionary lists first
 * ("журналиста" is also "devil", as in printer's devil). One the dictionary lacks ("партнер" is given as member,
 * playmate) is the next way the word is read.
 */
function withCognate(word: string, translations: string[], lenders: string[]): string[] {
  if (translations.length === 0) return translations;
  // A short one is often a second sense ("ракета" is a missile before a rocket in the news).
  const cognate = translations.find((t) => t.length >= MIN_PLAIN_COGNATE && lenders.includes(t));
  if (cognate) return [cognate, ...translations.filter((t) => t !== cognate)];
  // Short look-alikes are chance ("небо" is no "nebo"): only a long one that starts as the word is spelt.
  const [folded] = foldedWords(word);
  const lender = lenders.find((l) => l.length >= MIN_COGNATE && folded?.startsWith(l.slice(0, COGNATE_START)));
  return lender ? [translations[0]!, lender, ...translations.slice(1)] : translations;
}
const MIN_COGNATE = 6;
const MIN_PLAIN_COGNATE = 7;
const COGNATE_START = 4;

/** Each word of a name ("Ріхтер-Шмідт" has two) with its other Latin spellings. */
function otherSpellings(name: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const part of name.split(/[-‐]/u)) {
    const [folded] = foldedWords(part);
    if (folded) out[folded] = latinSpellings(part).filter((s) => s !== folded);
  }
  return out;
}

/** Capitalised after the first word, or written in capitals: as in English. */
function isName(token: string, index: number, language: CyrillicLanguage | null): boolean {
  return /^\p{Lu}/u.test(token) && (index > 0 || /^\p{Lu}{2,}/u.test(token) || translateWord(token, language).length === 0);
}

/** A place's English name, capitalised so it still reads as a name; any other name as written. */
function nameInEnglish(token: string): string {
  const place = englishExonym(token);
  return place ? capitalised(place) : token;
}

const capitalised = (name: string) => name.replace(/(^|\s)\p{L}/gu, (c) => c.toUpperCase());

/**
 * A translation the coverage never uses is less likely the meant one than another translation it does use
 * ("новом" read as "recast" rather than "new"): the first translation the index holds takes its place, the
 * one it replaces becoming an alternative. Likewise a name the index never spells that is also a dictionary
 * word ("Института") is read as the word, and an untranslated word as the first English word it may be a loan
 * of that the index holds ("трейдер" trader). The same query when nothing changes.
 */
export function preferIndexedTranslations(query: ParsedQuery, inIndex: (word: string) => boolean): ParsedQuery {
  // An English question has no other readings: nothing to look at on the common path.
  if (!query.translated) return query;
  const translations = { ...query.translations };
  const names = [...query.names];
  const words = query.words.map((word, i) => {
    const reading = betterReading(query, i, inIndex);
    if (!reading) return word;
    delete translations[word];
    translations[reading.word] = reading.others;
    names[i] = false;
    return reading.word;
  });
  // The asker's own words go with the reading that replaced their first one.
  const originals: Record<string, string[]> = {};
  const nativeKeys: Record<string, string[]> = {};
  query.words.forEach((w, i) => {
    const said = ownEntry(query.originals, w);
    if (said) originals[words[i]!] = said;
    const native = query.native && ownEntry(query.native.keys, w);
    if (native) nativeKeys[words[i]!] = native;
  });
  // An untranslated word is read as the first English word it may be a loan of that the index holds.
  const lent = query.untranslated.map((u) => u.lenders.find(inIndex));
  const borrowed = [...new Set(lent.flatMap((w) => w ?? []))].filter((w) => !words.includes(w));
  query.untranslated.forEach(({ keys }, j) => {
    if (lent[j]) originals[lent[j]] = [...(ownEntry(originals, lent[j]) ?? []), ...keys];
  });
  const reread = new Map(query.words.flatMap((w, i) => (words[i] === w ? [] : [[w, words[i]!] as const])));
  if (reread.size === 0 && borrowed.length === 0) return query;
  const english = [withWordsReread(query.english, reread), ...borrowed].join(' ');
  const allWords = [...words, ...borrowed];
  return {
    ...query,
    english,
    words: allWords,
    stems: allWords.map(lightStem),
    names: [...names, ...borrowed.map(() => false)],
    translations,
    originals,
    native: query.native && { ...query.native, keys: nativeKeys },
    untranslated: query.untranslated.filter((_, j) => !lent[j]),
  };
}

/** The reading the index holds of a question word it does not, with the readings left as alternatives; or null. */
function betterReading(query: ParsedQuery, i: number, inIndex: (word: string) => boolean): { word: string; others: string[] } | null {
  const word = query.words[i]!;
  // A name counts as spelt only as transliterated: its other spellings drop case endings, and the index's stems
  // may then be a word's ("institut").
  if (inIndex(word)) return null;
  const options = ownEntry(query.names[i] ? query.readings : query.translations, word) ?? [];
  const better = options.find(inIndex);
  if (!better) return null;
  const others = options.filter((w) => w !== better);
  return { word: better, others: query.names[i] ? others : [word, ...others] };
}

/** The words whose presence in the index decides how a translated question is read, besides its own. */
export function readingsToLookUp(query: ParsedQuery): string[] {
  return [...Object.values(query.readings).flat(), ...query.untranslated.flatMap((u) => u.lenders)];
}
