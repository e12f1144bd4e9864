import { stemmer as frenchStem } from '@orama/stemmers/french';
import { stemmer as germanStem } from '@orama/stemmers/german';
import { stemmer as spanishStem } from '@orama/stemmers/spanish';
import { isStopWord } from './terms.js';

/** The languages besides English, Ukrainian and Russian a question may be asked in: German, French, Spanish. */
export type LatinLanguage = 'de' | 'fr' | 'es';
export const LATIN_LANGUAGES: LatinLanguage[] = ['de', 'fr', 'es'];

const STEMMERS: Record<LatinLanguage, (word: string) => string> = { de: germanStem, fr: frenchStem, es: spanishStem };

/** The Snowball stem of a lower-case word: what the word tables are keyed by. */
export function latinStem(word: string, language: LatinLanguage): string {
  return STEMMERS[language](word);
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
    'a en le la les un une des du de et ou mais ne pas est sont était étaient ont avait avaient été être au aux dans ' +
      'avec pour par sur sous entre depuis vers chez son sa ses leur leurs ce cet cette ces qui que se il elle ils ' +
      'elles nous vous je tu lui eux y en plus aussi très selon sera seront fait faut peut peuvent va vont cela ça ' +
      'est-ce c’est cest dont où quelle quelles quel quels combien quand pourquoi comment quoi lors après avant ' +
      'doit doivent devrait devraient pourrait pourraient aurait auraient serait seraient fait-il',
  ),
  es: words(
    'a en el la los las un una unos unas y o pero es son fue fueron era eran ha han había habían del al de en con por ' +
      'para sobre entre desde hasta hacia según su sus se que lo le les este esta estos estas ese esa esos esas ' +
      'muy más también ya él ella ellos ellas nos yo tú qué cuál cuáles quién quiénes cuándo dónde cómo cuánto ' +
      'cuánta cuántos cuántas será serán hay está están fue tras durante sin debe deben debería deberían puede ' +
      'pueden podría podrían habría sería',
  ),
};

function words(list: string): Set<string> {
  return new Set(list.split(/\s+/u).filter(Boolean));
}

/** Letters one language writes and the others (and English) do not. */
const OWN_LETTERS: Record<LatinLanguage, RegExp> = { de: /[ßäöü]/iu, fr: /[çœèêëîôûù]/iu, es: /[ñ¿¡]|[áíóú]\p{L}*$/iu };
const TOKEN = /[\p{L}’'-]+/gu;

/**
 * The language of a Latin-script question, when it is German, French or Spanish; null for English (or any
 * other). Questions are short, so function words decide, and a language's own letters add one vote; English
 * function words vote against.
 */
export function latinLanguage(text: string): LatinLanguage | null {
  const tokens = (text.toLowerCase().match(TOKEN) ?? []).map((t) => t.replace(/^(?:l|d|qu|n|s|c|j)['’]/u, ''));
  const english = tokens.filter((t) => isStopWord(t) && !LATIN_LANGUAGES.some((l) => FUNCTION_WORDS[l].has(t))).length;
  let best: LatinLanguage | null = null;
  let bestVotes = 0;
  for (const language of LATIN_LANGUAGES) {
    const own = tokens.filter((t) => FUNCTION_WORDS[language].has(t) && !isStopWord(t)).length;
    const votes = own + (tokens.some((t) => OWN_LETTERS[language].test(t)) ? 1 : 0);
    if (votes > bestVotes) [best, bestVotes] = [language, votes];
  }
  return best && bestVotes >= MIN_VOTES && bestVotes > english ? best : null;
}
const MIN_VOTES = 2;
