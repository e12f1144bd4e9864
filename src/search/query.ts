import { UserError } from '../errors.js';
import { englishExonym } from '../text/exonyms.js';
import { foldedWords } from '../text/fold.js';
import { questionKind, withoutKindWords, type QuestionKind } from './question-kind.js';
import { contentWords, lightStem } from '../text/terms.js';
import { isEnglishWord } from './word-weights.js';

export const MAX_QUESTION_LENGTH = 1000;

export interface ParsedQuery {
  text: string;
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
  /**
   * Content words of a Ukrainian or Russian question that are not names, so cannot be matched in English
   * coverage: they still make up part of the question, and evidence must not ignore them.
   */
  untranslated: number;
}

// Ukrainian and Russian function words (question words, pronouns, prepositions, particles): not content.
const CYRILLIC_FUNCTION_WORDS = new Set(
  ('що як коли де чи чому хто який яка яке які якої якого яким про для після перед через між також його її їх він вона вони ' +
    'це цей ця ці той та те ті був була було були буде будуть може можуть має мають треба щодо ' +
    'что как когда где почему кто какой какая какое какие каких какого для после перед через между также его ее их он она они ' +
    'это этот эта эти тот был была было были будет будут может могут есть нужно насчет').split(' '),
);

const TIMELINE = /\b(timeline|chronolog\w*|what happened|sequence of events|before and after|in what order|who said what)\b/i;

export function parseQuery(question: string): ParsedQuery {
  const text = question.trim();
  if (text.length === 0) throw new UserError('The question is empty.');
  if (text.length > MAX_QUESTION_LENGTH) {
    throw new UserError(`The question is ${text.length} characters long; the limit is ${MAX_QUESTION_LENGTH}.`);
  }
  const topic = withoutKindWords(text).replace(TIMELINE, ' ');
  const cyrillic = isCyrillic(topic);
  const words = [...new Set(contentWords(cyrillic ? namesIn(topic) : topic))];
  const written = cyrillic ? new Set(words) : namesWritten(topic);
  const kind = questionKind(text);
  // A timeline asks for dated events: sentences with dates answer it.
  const timeline = TIMELINE.test(text);
  const phrases = [...text.matchAll(/["“]([^"”]{2,200})["”]/g)]
    .map((m) => foldedWords(m[1]!))
    .filter((p) => p.length > 1);
  return {
    text,
    words,
    stems: words.map(lightStem),
    names: words.map((w) => written.has(w)),
    acronyms: (topic.match(/\b\p{Lu}{2,}s?\b/gu) ?? []).flatMap((a) => foldedWords(a)),
    bigrams: bigramsOf(topic, words),
    phrases,
    kind: timeline && ['open', 'keywords'].includes(kind) ? 'date' : kind,
    timeline,
    untranslated: cyrillic ? untranslatedWords(topic) : 0,
  };
}

function untranslatedWords(text: string): number {
  const words = text.match(/\p{L}[\p{L}'’-]*/gu) ?? [];
  return words.filter((w, i) => /\p{Script=Cyrillic}/u.test(w) && w.length > 3 && !(i > 0 && /^\p{Lu}/u.test(w)) && !CYRILLIC_FUNCTION_WORDS.has(w.toLowerCase())).length;
}

/**
 * Folded words the asker capitalised after the first word, wrote in capitals, or that hold digits; and a
 * capitalised first word that is no ordinary English word ("Kowalski position on tariffs").
 */
function namesWritten(text: string): Set<string> {
  const tokens = text.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? [];
  const unknownFirst = (t: string) => /^\p{Lu}/u.test(t) && foldedWords(t).some((w) => !isEnglishWord(w));
  const names = tokens.filter((t, i) => /\p{N}/u.test(t) || /^\p{Lu}{2,}/u.test(t) || (i > 0 ? /^\p{Lu}/u.test(t) : unknownFirst(t)));
  return new Set(names.flatMap((t) => foldedWords(t)));
}

function isCyrillic(text: string): boolean {
  const letters = text.match(/\p{L}/gu) ?? [];
  return letters.filter((c) => /\p{Script=Cyrillic}/u.test(c)).length > letters.length / 2;
}

/**
 * In a Ukrainian or Russian question only the names (capitalised words, acronyms, numbers) can match
 * English coverage once transliterated; its other words would only count as evidence never found.
 */
function namesIn(text: string): string {
  const words = text.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? [];
  return words
    .filter((w, i) => /^\p{N}/u.test(w) || (/^\p{Lu}/u.test(w) && (i > 0 || /^\p{Lu}{2,}/u.test(w))))
    .map((w) => englishExonym(w) ?? w)
    .join(' ');
}

/** Pairs of adjacent words with at least one content word in them. */
function bigramsOf(text: string, content: string[]): string[] {
  const all = foldedWords(text);
  const keep = new Set(content);
  const pairs = all.slice(1).flatMap((w, i) => (keep.has(w) || keep.has(all[i]!) ? [`${lightStem(all[i]!)} ${lightStem(w)}`] : []));
  return [...new Set(pairs)];
}

/** What full-text search looks for: any content word, or any of the question's phrases (folded words each). */
export function searchPhrases(query: Pick<ParsedQuery, 'words' | 'phrases'>): string[][] {
  return [...query.words.map((w) => [w]), ...query.phrases];
}
