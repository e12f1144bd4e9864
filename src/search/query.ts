import { UserError } from '../errors.js';
import { englishExonym } from './exonyms.js';
import { foldedWords } from './fold.js';
import { contentWords, lightStem } from './terms.js';

export const MAX_QUESTION_LENGTH = 1000;

/** What a question asks for, beyond its words: used to prefer sentences of the right kind. */
export type AnswerCue = 'date' | 'source' | 'number' | 'timeline' | 'speech';

export interface ParsedQuery {
  text: string;
  /** Distinct content words (folded, canonical), in order. */
  words: string[];
  /** Stems of `words` for sentence matching. */
  stems: string[];
  /** Adjacent word pairs of the question (stemmed), for phrase matches like "talk about" ~ "talked about". */
  bigrams: string[];
  /** Quoted phrases, as folded word lists. */
  phrases: string[][];
  cues: Set<AnswerCue>;
}

const CUE_PATTERNS: [AnswerCue, RegExp][] = [
  ['date', /\b(when|what (day|date|time|year|month)|which (day|date|year|month)|on what date|how long ago)\b/i],
  ['source', /\b(who (first )?(reported|said|told|wrote|broke)|which (news )?(agency|outlet|source|media|newspaper)|according to whom|what (agency|outlet|source))\b/i],
  ['number', /\b(how (many|much|far|long)|what (number|percentage|share|amount))\b/i],
  ['speech', /\b(what (did|does|do|has|have|had|was|is) [\p{L}\s'’-]{2,60}?\b(say|said|tell|told|call|called|describe|mean|talk about|talked about|discuss|discussed|respond|answer)|how did [\p{L}\s'’-]{2,60}?\b(respond|react|describe)|in (his|her|their) words)\b/iu],
  ['timeline', /\b(timeline|chronolog\w*|what happened|sequence of events|before and after|in what order|who said what)\b/i],
];

export function parseQuery(question: string): ParsedQuery {
  const text = question.trim();
  if (text.length === 0) throw new UserError('The question is empty.');
  if (text.length > MAX_QUESTION_LENGTH) {
    throw new UserError(`The question is ${text.length} characters long; the limit is ${MAX_QUESTION_LENGTH}.`);
  }
  // The words that name the kind of answer ("which news agency", "on which day") are not its topic.
  const topic = CUE_PATTERNS.reduce((t, [cue, re]) => (cue === 'speech' ? t : t.replace(re, ' ')), text);
  const words = [...new Set(contentWords(isCyrillic(topic) ? namesIn(topic) : topic))];
  const phrases = [...text.matchAll(/["“]([^"”]{2,200})["”]/g)]
    .map((m) => foldedWords(m[1]!))
    .filter((p) => p.length > 1);
  const cues = new Set(CUE_PATTERNS.filter(([, re]) => re.test(text)).map(([cue]) => cue));
  return { text, words, stems: words.map(lightStem), bigrams: bigramsOf(topic, words), phrases, cues };
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

/** An FTS5 MATCH expression: any content word, or any quoted phrase. Terms are quoted so no word is read as syntax. */
export function ftsExpression(query: Pick<ParsedQuery, 'words' | 'phrases'>): string | null {
  const clauses = [...query.words.map((w) => `"${w}"`), ...query.phrases.map((p) => `"${p.join(' ')}"`)];
  return clauses.length ? clauses.join(' OR ') : null;
}
