import type { ParsedQuery } from '../search/query.js';
import { saysStem, type Token } from './answer-spans.js';
import type { MatchQuery } from './matching.js';
import { isStopWord } from '../text/terms.js';

/**
 * What a "how many" or "how old" question counts, and whether a sentence's numbers count it: "how many women"
 * is answered by "25,000 girls and women", not by "a £4m grant to help women" beside them.
 */

/** Credit of a sentence whose numbers count something else than what the question asks about. */
export const OTHER_COUNT = 0.5;
/** How far after its number a counted word may stand ("25,000 girls and women"). */
const COUNTED_REACH = 3;

/** "How old is she?" is answered by an age: "the 35-year-old runner", "35 years old", "aged 35". */
const AGE = /\bhow old\b/i;
const statesAge = (tokens: Token[], at: number): boolean =>
  /^aged$/i.test(tokens[at - 1]?.raw ?? '') || (tokens[at + 1]?.stem === 'year' && /^old$/i.test(tokens[at + 2]?.raw ?? ''));

/** Expansions this close to the word count as it ("staff" for "employees"); looser ones ("help" for "workers") do not. */
const SAME_THING = 0.8;

/** The stems that say what "how many" counts: its word, and its one-word synonyms. */
function countedStems(query: ParsedQuery, match: MatchQuery): Set<string> | null {
  const i = query.counted;
  if (i === null) return null;
  const synonyms = match.expansions.filter((e) => e.covers.includes(i) && e.stems.length === 1 && e.factor >= SAME_THING);
  return new Set([match.stems[i]!, ...synonyms.map((e) => e.stems[0]!)]);
}

/**
 * The counted word, or a kind of it, follows its number in the same phrase: "twenty workers", "25,000 girls and
 * women", "3,000 pensioners" for "how many people"; not "five years to help".
 */
function countsWord(tokens: Token[], at: number, counted: Set<string>, kindOfCounted: (word: string) => boolean): boolean {
  for (const t of tokens.slice(at + 1, at + 1 + COUNTED_REACH)) {
    if (saysStem(t, counted)) return true;
    const word = t.raw.toLowerCase();
    if (isStopWord(word)) {
      if (!JOINING.has(word)) return false;
    } else if (kindOfCounted(word)) return true;
  }
  return false;
}
const JOINING = new Set(['and', 'or']);

/**
 * For a count question, whether a sentence's answer positions count what is asked (null when the question names
 * nothing to count, or is no count question).
 */
export function countingReader(query: ParsedQuery, match: MatchQuery): (tokens: Token[], answers: number[]) => boolean | null {
  if (query.kind !== 'count') return () => null;
  if (AGE.test(query.english)) return (tokens, answers) => answers.some((a) => statesAge(tokens, a));
  const counted = countedStems(query, match);
  const kindOfCounted = match.kindOfCounted ?? (() => false);
  return (tokens, answers) => (counted === null ? null : answers.some((a) => countsWord(tokens, a, counted, kindOfCounted)));
}
