import { stemmer as frenchStem } from '@orama/stemmers/french';
import { stemmer as germanStem } from '@orama/stemmers/german';
import { stemmer as italianStem } from '@orama/stemmers/italian';
import { stemmer as portugueseStem } from '@orama/stemmers/portuguese';
import { stemmer as spanishStem } from '@orama/stemmers/spanish';
import { foldCharacters } from './fold.js';
import { isStopWord } from './terms.js';

/** The languages besides English, Ukrainian and Russian a question may be asked in: German, French, Spanish, Italian, Portuguese. */
export type LatinLanguage = 'de' | 'fr' | 'es' | 'it' | 'pt';
export const LATIN_LANGUAGES: LatinLanguage[] = ['de', 'fr', 'es', 'it', 'pt'];

const STEMMERS: Record<LatinLanguage, (word: string) => string> = { de: germanStem, fr: frenchStem, es: spanishStem, it: italianStem, pt: portugueseStem };

/** The Snowball stem of a lower-case word: what the word tables are keyed by. */
export function latinStem(word: string, language: LatinLanguage): string {
  return STEMMERS[language](word);
}

/**
 * The key every form of a word shares in text of its language ("spielt", "Spiele" → "de:spiel"): its Snowball
 * stem, folded as the index folds words, named with its language. A question's word in that language, or an
 * English word's translation into it, finds the text's by this key; an English word spelt like the stem
 * ("gas" of "Gast", guest) or another language's word does not.
 */
export function latinKey(word: string, language: LatinLanguage): string {
  // French and Italian write an elided article or preposition onto the word ("d'usine", "dell'anno").
  return keyIn(language, latinStem(word.toLowerCase().replace(ELISION, ''), language));
}

/** The key of a Snowball stem of the language (see latinKey). */
export function keyIn(language: LatinLanguage, stem: string): string {
  return `${language}:${foldCharacters(stem)}`;
}

/** The language a key names ("de:spiel" → "de"); null for a key of no Latin language (a Cyrillic word's). */
export function keyLanguage(key: string | undefined): LatinLanguage | null {
  return asLatinLanguage(/^([a-z]{2}):/u.exec(key ?? '')?.[1]);
}

/** The stem a key names, as the full-text index holds the start of its words ("de:spiel" → "spiel"). */
export function keyStem(key: string): string {
  return key.replace(/^[a-z]{2}:/u, '');
}

// A German verb's third person and past stay whole to its stemmer ("spielt", "lobte"), unlike its infinitive and noun ("spiel").
const GERMAN_VERB_ENDING = /(?:e?t|te|ten)$/u;

/**
 * The keys a word of a text answers to: its key, and a German verb form's without its ending too. German
 * capitalises its nouns: a word written in lower case may be a verb ("Kunst" is none).
 */
export function latinTextKeys(word: string, language: LatinLanguage): string[] {
  const key = latinKey(word, language);
  const verb = language === 'de' && !/^\p{Lu}/u.test(word) ? key.replace(GERMAN_VERB_ENDING, '') : key;
  return verb !== key && keyStem(verb).length >= 3 ? [key, verb] : [key];
}

/** One of the five by its language tag ("de", "pt-BR", "fr_CA"), as an article's metadata or detection gives it; null for any other. */
export function asLatinLanguage(tag: string | null | undefined): LatinLanguage | null {
  const primary = tag?.toLowerCase().split(/[-_]/u)[0];
  return LATIN_LANGUAGES.find((l) => l === primary) ?? null;
}

/**
 * Articles, pronouns, prepositions, conjunctions, auxiliaries and particles: nothing to translate, and what
 * tells the languages apart (but for those that are English function words too, "in", "a", which never vote).
 */
export const FUNCTION_WORDS: Record<LatinLanguage, Set<string>> = {
  de: words(
    'in an am im die der das den dem des ein eine einer eines einem einen und oder aber nicht kein keine keinen keiner ist sind ' +
      'war waren wird werden wurde wurden hat haben hatte hatten habe sein seine seinen seiner ihr ihre ihren ihrer ' +
      'ich du er sie es wir euch uns sich mit von vom zu zum zur bei beim nach aus für über unter vor auf im ins am ' +
      'um als auch noch schon nur dass daß ob wenn weil denn doch mehr sehr gegen durch ohne seit bis diese dieser ' +
      'dieses diesen diesem jener man mich mir dich dir ihm ihn ihnen soll sollen sollte kann können konnte muss ' +
      'müssen darf eigentlich etwa gibt gab laut zwischen würde würden sollten könnte könnten wollen will wollte ' +
      // Question words: the gloss reads them first; here they tell the language.
      'wer wen wem wessen wann wo wohin woher warum wieso weshalb welche welcher welches welchen welchem',
  ),
  fr: words(
    'a à en le la les un une des du de et ou mais ne pas est sont était étaient ont avait avaient été être au aux dans ' +
      'avec pour par sur sous entre depuis vers chez son sa ses leur leurs ce cet cette ces qui que se il elle ils ' +
      'elles nous vous je tu lui eux y en plus aussi très selon sera seront fait faut peut peuvent va vont cela ça ' +
      'est-ce c’est cest dont où quelle quelles quel quels combien quand pourquoi comment quoi lors après avant ' +
      'doit doivent devrait devraient pourrait pourraient aurait auraient serait seraient fait-il si',
  ),
  es: words(
    'a en el la los las un una unos unas y o pero es son fue fueron era eran ha han había habían del al de en con por ' +
      'para sobre entre desde hasta hacia según su sus se que lo le les este esta estos estas ese esa esos esas ' +
      'muy más también ya él ella ellos ellas nos yo tú qué cuál cuáles quién quiénes cuándo dónde cómo cuánto ' +
      'cuánta cuántos cuántas será serán hay está están fue tras durante sin debe deben debería deberían puede ' +
      'pueden podría podrían habría sería si',
  ),
  it: words(
    'a in il lo la i gli le un uno una del dello della dei degli delle al allo alla ai agli alle dal dalla dai ' +
      'nel nello nella nei negli nelle sul sulla sui di da con su per tra fra e o ma non che è sono era erano ' +
      'stato stata stati ha hanno aveva avevano sarà saranno si ci ne suo sua suoi sue loro questo questa questi ' +
      'queste quello quella quelli quelle come più anche già ancora molto secondo dopo prima deve devono può ' +
      'possono potrebbe potrebbero dovrebbe dovrebbero sarebbe avrebbe chi quando dove perché quanto quanta quanti ' +
      'quante quale quali cosa cui sullo sulle quei quegli',
  ),
  pt: words(
    'a o as os em um uma uns umas do da dos das no na nos nas ao aos à às de com por para pelo pela pelos pelas ' +
      'e ou mas não que é são foi foram era eram está estão tem têm tinha tinham será serão se seu sua seus suas ' +
      'ele ela eles elas este esta estes estas esse essa isso aquele aquela como mais também já ainda muito ' +
      'segundo depois antes deve devem pode podem poderia seria teria quem quando onde porque quanto quanta sobre ' +
      'quantos quantas qual quais',
  ),
};

function words(list: string): Set<string> {
  return new Set(list.split(/\s+/u).filter(Boolean));
}

/**
 * How much a function word tells its languages: all of it when one language has it, a share when several do
 * ("de", "que", "la"). English homographs ("do", "in") vote too: English function words vote against.
 */
function telling(word: string): Map<LatinLanguage, number> {
  const languages = LATIN_LANGUAGES.filter((l) => FUNCTION_WORDS[l].has(word));
  return new Map(languages.map((l) => [l, 1 / languages.length]));
}

/** Letters English does not write and few of the five do: each is a vote for every language that writes it (French and Portuguese both write "ç"). */
const OWN_LETTERS: Record<LatinLanguage, RegExp> = {
  de: /[ßäöü]/iu,
  fr: /[çœèêëîôûù]/iu,
  es: /[ñ¿¡]/iu,
  it: /[ìò]$|^più$/iu,
  pt: /[ãõç]/iu,
};
const TOKEN = /[\p{L}’'-]+/gu;

// French and Italian elide articles, prepositions and pronouns into the next word ("l'économie", "qu'a", "dell'anno").
const ELIDED = ['l', 'd', 'qu', 'n', 's', 'c', 'j', 'm', 't', 'jusqu', 'lorsqu', 'puisqu', 'dell', 'nell', 'all', 'dall', 'sull', 'coll', 'un', 'quest', 'quell', 'cos'];
/** An elided word at the start of a token, apostrophe included. */
export const ELISION = new RegExp(`^(?:${ELIDED.join('|')})['’]`, 'iu');
const ELIDED_WORDS = new Set(ELIDED);
/** Whether a lower-case word, apostrophe removed, is one that elides ("qu", "dell"). */
export const isElidedWord = (word: string): boolean => ELIDED_WORDS.has(word);

/**
 * The language of a Latin-script question, when it is German, French, Spanish, Italian or Portuguese; null for
 * English (or any other). Questions are short, so the function words only one of them has decide, and a
 * language's own letters add one vote; English function words vote against, homographs ("do", "a") included.
 */
export function latinLanguage(text: string): LatinLanguage | null {
  return languageByVotes(functionWordVotes(text));
}

/** Each language's votes from a question's function words and letters, and English's. */
export interface FunctionWordVotes {
  votes: Map<LatinLanguage, number>;
  english: number;
}

/** The language the votes decide (see latinLanguage), or null. */
export function languageByVotes({ votes, english }: FunctionWordVotes): LatinLanguage | null {
  const [best, second] = [...votes].sort(([, a], [, b]) => b - a);
  return best![1] >= MIN_VOTES && best![1] > second![1] && best![1] > english ? best![0] : null;
}

export function functionWordVotes(text: string): FunctionWordVotes {
  const tokens = (text.toLowerCase().match(TOKEN) ?? []).map((t) => t.replace(ELISION, ''));
  const english = tokens.filter(isStopWord).length;
  const votes = new Map<LatinLanguage, number>(LATIN_LANGUAGES.map((l) => [l, tokens.some((t) => OWN_LETTERS[l].test(t)) ? 1 : 0]));
  for (const token of tokens) for (const [language, share] of telling(token)) votes.set(language, votes.get(language)! + share);
  return { votes, english };
}
export const MIN_VOTES = 1;

/**
 * The language of an article's text, when it is one of the five. Prose is dense in function words: English text
 * gives another language's at most a fifth of its own (homographs: "in", "a", "die"), a German or French article
 * gives English's a twentieth. So one language must outvote English twice over, and the next language by half.
 */
export function latinTextLanguage(text: string): LatinLanguage | null {
  const { votes, english } = functionWordVotes(text);
  const [best, second] = [...votes].sort(([, a], [, b]) => b - a);
  const clear = best![1] >= MIN_TEXT_VOTES && best![1] > 2 * english && best![1] > 1.5 * second![1];
  return clear ? best![0] : null;
}
/** Fewer function words than this are a headline or a table row: too little to tell. */
const MIN_TEXT_VOTES = 5;
