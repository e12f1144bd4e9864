import type { ArticleSentence } from './article-view.js';
import { wordCredits, type MatchQuery } from './matching.js';

/**
 * News spells a name out once with its acronym ("the Harwick Grain Exchange (HGE)") and then writes the acronym
 * alone ("In 2002 the HGE was the region's best market"). A question may use either, so within one
 * article a sentence that writes the acronym says the name's words, and one that writes the name says the
 * acronym: coreference the way a reader does it.
 */

/** Words that may sit inside a name without giving it a letter ("Bank of Harwick", "Banco de Tolva"). */
const CONNECTORS = new Set(['of', 'de', 'del', 'du', 'and', 'for', 'the', 'la', 'le', 'des', 'und', 'et']);
/** An acronym as written in brackets: two to six letters, mostly capitals ("HGE", "BdT", "BOHI"). */
const ACRONYM = /^(?=(?:[^\p{Lu}]*\p{Lu}){2})[\p{L}]{2,6}$/u;
const MIN_NAME_WORDS = 2;

interface Spelled {
  acronym: string;
  /** Stems of the spelled-out name, in order. */
  name: string[];
}

/** The acronyms an article spells out, each with its name's stems. */
function spelledOut(sentences: readonly ArticleSentence[]): Spelled[] {
  const found: Spelled[] = [];
  for (const { text, tokens } of sentences) {
    tokens.forEach((t, k) => {
      if (!ACRONYM.test(t.raw) || text[t.at - 1] !== '(' || text[t.at + t.raw.length] !== ')' || k === 0) return;
      const letters = [...t.raw.toLowerCase()];
      const name: string[] = [];
      // Back from the bracket, each word gives the acronym's next letter from the end; connectors may give none.
      for (let j = k - 1; j >= 0 && letters.length > 0; j--) {
        const word = tokens[j]!;
        const first = word.raw[0]!.toLowerCase();
        if (first === letters.at(-1) && (/^\p{Lu}/u.test(word.raw) || CONNECTORS.has(word.raw.toLowerCase()))) letters.pop();
        else if (!CONNECTORS.has(word.raw.toLowerCase())) break;
        name.unshift(word.stem);
      }
      if (letters.length === 0 && name.length >= MIN_NAME_WORDS) found.push({ acronym: t.stem, name });
    });
  }
  return found;
}

/** For one article: acronym stem → how much of each question word its name says; name stems → the acronym's. */
export interface AcronymCredits {
  byAcronym: Map<string, number[]>;
  byName: { name: string[]; credits: number[] }[];
}

export function acronymCredits(sentences: readonly ArticleSentence[], match: MatchQuery): AcronymCredits {
  const byAcronym = new Map<string, number[]>();
  const byName: AcronymCredits['byName'] = [];
  for (const { acronym, name } of spelledOut(sentences)) {
    const nameCredits = wordCredits({ set: new Set(name), sequence: name }, match);
    if (nameCredits.some((c) => c > 0)) byAcronym.set(acronym, nameCredits);
    const acronymCredits = wordCredits({ set: new Set([acronym]), sequence: [acronym] }, match);
    if (acronymCredits.some((c) => c > 0)) byName.push({ name, credits: acronymCredits });
  }
  return { byAcronym, byName };
}

/** A sentence writing an acronym says its name's words, and one writing the whole name says the acronym. */
export function creditAcronyms(credits: number[], sentence: ArticleSentence, acronyms: AcronymCredits): void {
  const raise = (from: number[]) => from.forEach((c, i) => (credits[i] = Math.max(credits[i]!, c)));
  for (const [acronym, from] of acronyms.byAcronym) if (sentence.stems.set.has(acronym)) raise(from);
  for (const { name, credits: from } of acronyms.byName) if (name.every((s) => sentence.stems.set.has(s))) raise(from);
}
