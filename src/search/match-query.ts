import type { MatchQuery } from '../answer/matching.js';
import type { Expansion } from './expand.js';
import { keysOf, ownWordAlternatives, prefixTerm } from './own-words.js';
import type { ParsedQuery } from './query.js';
import type { WordCounts } from './searcher.js';
import { isKnownPlace } from '../text/exonyms.js';
import { ABSENT_WORD_FACTOR, evidenceWeight, untranslatedWeight } from './word-weights.js';

/** A name few passages hold names one story's people or things; a common one ("Paris", "London") may be context. */
const SPECIFIC_NAME_PASSAGES = 12;

/** What a dictionary (WordNet) says of a word, as far as weighing and matching need it. */
export interface WordSenses {
  isDictionaryWord(word: string): boolean;
  /** A noun for a person by role ("premier"): an article may name the person instead. */
  namesAPerson?(word: string): boolean;
  /** Whether a noun names a kind of another ("pensioners" of "people"). */
  isKindOf?(word: string, kind: string): boolean;
}

/**
 * The question as sentences are matched against it: each word weighed as evidence by how specific it is and
 * how rare in this index, with every other way of saying it. A word is weighed as the coverage says it: a
 * translated question's word by the asker's own word when the coverage is in their language.
 */
export function matchQuery(query: ParsedQuery, counts: WordCounts, expansions: Expansion[], senses: WordSenses): MatchQuery {
  const isDictionaryWord = (word: string) => senses.isDictionaryWord(word);
  const namesAPerson = (word: string) => senses.namesAPerson?.(word) ?? false;
  const isKindOf = (word: string, kind: string) => senses.isKindOf?.(word, kind) ?? false;
  const maxIdf = counts.maxIdf();
  const weights = query.words.map((w, i) => {
    // The English word's rarity where the coverage uses it; else that of the asker's own word (its forms start
    // with the key; in English text a key's letters also start unrelated words, so it is never preferred there).
    const used = counts.inIndex(w) ? w : counts.mostUsed([w, ...keysOf(query, w).map(prefixTerm)]);
    const weight = evidenceWeight(w, counts.idf(used), maxIdf);
    // Only a dictionary word can be the asker's paraphrase; "brexit" typed in lower case is still a name.
    const paraphrasable = !query.names[i] && isDictionaryWord(w);
    return paraphrasable && !counts.inIndex(used) ? weight * ABSENT_WORD_FACTOR : weight;
  });
  // Words of the question no English sentence can say still weigh, so a question reduced to one name is not "answered".
  const untranslated = query.untranslated.map(({ keys }) => {
    const used = counts.mostUsed(keys.map(prefixTerm));
    return { stem: keys[0] ?? '', weight: untranslatedWeight(counts.inIndex(used), counts.idf(used), maxIdf) };
  });
  const roles = query.words.map((w, i) => !query.names[i] && namesAPerson(w));
  const roleWords = roles.flatMap((role, i) => (role ? [i] : []));
  return {
    stems: [...query.stems, ...untranslated.map((u) => u.stem)],
    weights: [...weights, ...untranslated.map((u) => u.weight)],
    expansions: [...expansions, ...ownWordAlternatives(query)],
    roles,
    specific: query.words.map((w, i) => {
      const passages = counts.passagesWith(w);
      // An acronym may stand for a common noun the article spells out ("PCs" for computers), and a capital for its
      // country's government ("Lisbon hopes …" of a story that says Portugal).
      const other = query.acronyms.includes(w) || isKnownPlace(w) || isDictionaryWord(w);
      return query.names[i] && !other && passages > 0 && passages <= SPECIFIC_NAME_PASSAGES;
    }),
    kindOfCounted: (word) => query.counted !== null && !query.names[query.counted] && isKindOf(word, query.words[query.counted]!),
    rolesKindOf: (word) => roleWords.filter((i) => isKindOf(word, query.words[i]!)),
  };
}
