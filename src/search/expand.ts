import type { Pos, Relation, RelatedWord, WordNet } from '../wordnet/wordnet.js';
import { foldedWords } from '../text/fold.js';
import type { ParsedQuery } from './query.js';
import { isStopWord, lightStem } from '../text/terms.js';
import { specificity } from './word-weights.js';
import { ownEntry } from '../util/own-entry.js';
import { isNumberWord, SOLID_UNITS } from '../text/number-words.js';
import { abbreviationCandidates, initialism } from './abbreviations.js';
import { spellingsNear } from './misspelt-names.js';

/**
 * Another way of saying one or more of the question's words ("jobless" → "unemployed", "wire service" →
 * "news agency", "Welsh" → "Wales"). A passage that says it earns `factor` of the covered words' weight:
 * less than the asker's own words earn, but for a number spelt out ("2" → "two"), which is the same word.
 */
export interface Expansion {
  /** Indexes into query.words of the words this stands for. */
  covers: number[];
  /** Folded words of the expansion, in order (several for a collocation). */
  words: string[];
  stems: string[];
  factor: number;
  relation: Relation;
}

const RELATION_FACTOR: Record<Relation, number> = {
  synonym: 0.8,
  pertainym: 0.8,
  derivation: 0.65,
  similar: 0.6,
  hypernym: 0.45,
  hyponym: 0.45,
  capital: 0.6,
};
/** Each less frequent sense of a word is less likely to be the one meant. */
const SENSE_DECAY = 0.8;
const MAX_PER_WORD = 8;
/**
 * A translated question's word is a dictionary's guess at the asker's ("Erfolg": success, where English may say
 * "hit"), so sentences are matched against more of its expansions: those of its less frequent senses too.
 * Retrieval keeps MAX_PER_WORD, as every term it looks up costs time.
 */
export const MAX_PER_TRANSLATED_WORD = 12;
/**
 * A name is expanded only to what it pertains to (demonyms: "Italian" ↔ "Italy") and a capital to its country
 * ("Oslo" ↔ "Norway"), never to synonyms of a common noun it spells.
 */
const NAME_RELATIONS: Relation[] = ['pertainym', 'capital'];
/** An acronym also to what it stands for ("UN" ↔ "United Nations"), and a name of two words to its other names. */
const ACRONYM_RELATIONS: Relation[] = ['pertainym', 'synonym'];
const NAME_SYNONYMS: Relation[] = [...ACRONYM_RELATIONS, 'capital'];
/**
 * The parts of speech whose hierarchy is followed one hop. Adjectives have none to speak of, and verbs only
 * upwards ("schooled" → "educated"): a verb's kinds are too many and too loose ("make" → "act"). A translated
 * question's verb is already the dictionary's guess, so only nouns go up or down there.
 */
const HIERARCHY: Partial<Record<Relation, Pos[]>> = { hypernym: ['n', 'v'], hyponym: ['n'] };
const NOUN_HIERARCHY: Partial<Record<Relation, Pos[]>> = { hypernym: ['n'], hyponym: ['n'] };

export function factorOf(r: RelatedWord): number {
  return RELATION_FACTOR[r.relation] * SENSE_DECAY ** r.senseRank;
}

export type Weighted = RelatedWord & { factor: number };

function weighted(related: RelatedWord[]): Weighted[] {
  return related.map((r) => ({ ...r, factor: factorOf(r) }));
}

/**
 * The other parts of speech of a word's synonyms: "jobless" → "unemployed" → "unemployment", and of a capital's
 * country ("Oslo" → "Norway" → "Norwegian"), since a question and an article often name one thing with different
 * parts of speech. Their factors multiply.
 */
function secondHop(wordnet: WordNet, related: Weighted[]): Weighted[] {
  return related
    .filter((r) => (r.relation === 'synonym' || r.relation === 'capital') && r.senseRank <= 1 && !r.text.includes(' '))
    .flatMap((r) => wordnet.related(r.text, { maxSenses: 1, relations: ['derivation', 'pertainym'] }).map((d) => ({ ...d, factor: r.factor * factorOf(d) })));
}

/** The WordNet words related to some of the question's words, before checking which the index holds. */
export interface RelatedGroup {
  covers: number[];
  related: Weighted[];
}

/**
 * The dictionary's other translations of a word of a translated question, as good as a synonym; and the
 * other spellings of a name written in Cyrillic, each as likely as the next.
 */
function translatedAlternatives(query: ParsedQuery, word: string): RelatedWord[] {
  const translations = (ownEntry(query.translations, word) ?? []).map((text, senseRank) => ({ text, relation: 'synonym' as const, senseRank, pos: 'n' as const }));
  const spellings = (ownEntry(query.spellings, word) ?? []).map((text) => ({ text, relation: 'synonym' as const, senseRank: 0, pos: 'n' as const }));
  return [...translations, ...spellings];
}

/** A word's possible newswire abbreviations ("mln", "dlrs"), as good as a synonym; never one that is a word itself. */
function abbreviations(word: string, wordnet: WordNet): RelatedWord[] {
  const forms = new Set([word, ...wordnet.baseForms(word)]);
  const candidates = new Set([...forms].flatMap(abbreviationCandidates));
  return [...candidates].filter((c) => !wordnet.has(c)).map((text) => ({ text, relation: 'synonym' as const, senseRank: 0, pos: 'n' as const }));
}

/**
 * A number written in digits, spelt out ("2" → "two", "20" → "twenty"): the same number, so as good as the
 * digits (an article that writes "two" says the asker's "2"); never another word WordNet equates ("deuce").
 */
function spelledOut(word: string, wordnet: WordNet): Weighted[] {
  return wordnet
    .related(word, { maxSenses: 1, relations: ['synonym'] })
    .filter((r) => isNumberWord(r.text))
    .map((r) => ({ ...r, factor: 1 }));
}

const WITH_UNIT = new RegExp(`^(\\d[\\d.,x]*)(${SOLID_UNITS})$`, 'u');
/** A number with its unit ("5km") is the same said apart ("5 km"). */
function unitApart(word: string): Weighted[] {
  const m = WITH_UNIT.exec(word);
  return m ? [{ text: `${m[1]} ${m[2]}`, relation: 'synonym', senseRank: 0, pos: 'n', factor: 1 }] : [];
}

/**
 * English writes a compound solid, hyphened or open ("heatwave", "heat wave"; "airstrike", "air strike"), and
 * folding splits only the hyphened one: a word no dictionary has may be two words the article writes apart.
 */
export function compoundParts(word: string, wordnet: WordNet): RelatedWord[] {
  if (word.length < 2 * MIN_COMPOUND_PART || wordnet.baseForms(word).length > 0) return [];
  const parts: RelatedWord[] = [];
  for (let at = MIN_COMPOUND_PART; at <= word.length - MIN_COMPOUND_PART; at++) {
    const [left, right] = [word.slice(0, at), word.slice(at)];
    if (wordnet.baseForms(left).length > 0 && wordnet.baseForms(right).length > 0) parts.push({ text: `${left} ${right}`, relation: 'synonym', senseRank: 0, pos: 'n' });
  }
  return parts;
}
const MIN_COMPOUND_PART = 3;

/**
 * A capital or country WordNet spells a letter apart from the asker ("Helsinky", which WordNet writes "Helsinki"):
 * transliterations differ so. Only places are looked for, a few hundred words, so four letters are enough.
 */
function placeSpeltNear(word: string, wordnet: WordNet): RelatedWord[] {
  const places = spellingsNear(word, MIN_PLACE_LENGTH).filter((near) => wordnet.namesCapitalOrCountry(near));
  return places.flatMap((near) => wordnet.related(near, { relations: ['capital'] }));
}
const MIN_PLACE_LENGTH = 4;

/** Everything WordNet relates to the question's words and two-word collocations: step one of expandQuery. */
export function relatedGroups(query: ParsedQuery, wordnet: WordNet): RelatedGroup[] {
  const groups: RelatedGroup[] = [];
  query.words.forEach((word, i) => {
    if (/\d/.test(word)) {
      groups.push({ covers: [i], related: [...spelledOut(word, wordnet), ...unitApart(word)] });
      return;
    }
    const acronym = query.acronyms.includes(word);
    const inWordNet = wordnet.related(word, acronym ? { relations: ACRONYM_RELATIONS } : query.names[i] ? { relations: NAME_RELATIONS } : {});
    if (query.names[i] && !acronym && wordnet.baseForms(word).length === 0) inWordNet.push(...placeSpeltNear(word, wordnet));
    const ownCoinage = query.names[i] || acronym ? [] : [...abbreviations(word, wordnet), ...compoundParts(word, wordnet)];
    const related = weighted([...translatedAlternatives(query, word), ...inWordNet, ...ownCoinage]);
    const hopFrom = query.names[i] ? related.filter((r) => r.relation === 'capital') : related;
    groups.push({ covers: [i], related: [...related, ...secondHop(wordnet, hopFrom)] });
  });
  for (let i = 0; i + 1 < query.words.length; i++) {
    const pair = `${query.words[i]} ${query.words[i + 1]}`;
    // A name of two words WordNet knows ("United States", "Wall Street") has its other names as synonyms ("US").
    if (query.names[i] && query.names[i + 1] && wordnet.has(pair)) groups.push({ covers: [i, i + 1], related: weighted(wordnet.related(pair, { relations: NAME_SYNONYMS })) });
    if (query.names[i] || query.names[i + 1]) continue;
    if (wordnet.has(pair)) groups.push({ covers: [i, i + 1], related: weighted(wordnet.related(pair)) });
    // The open compound's solid spelling ("air strike" → "airstrike"), kept only if the index writes it so.
    const solid = { text: `${query.words[i]}${query.words[i + 1]}`, relation: 'synonym' as const, senseRank: 0, pos: 'n' as const };
    groups.push({ covers: [i, i + 1], related: weighted([solid]) });
  }
  for (const { at, phrase } of phrasalVerbs(query, wordnet)) groups.push({ covers: [at], related: weighted(wordnet.related(phrase)) });
  groups.push(...initialisms(query, wordnet));
  return groups;
}

/**
 * The initialisms of the question's runs of two to four words ("second-generation" → "2G"), all names or none:
 * one story spells out what the others only abbreviate. Never one that is a word itself; and less than a
 * synonym, as the letters may stand for something else.
 */
function initialisms(query: ParsedQuery, wordnet: WordNet): RelatedGroup[] {
  const groups: RelatedGroup[] = [];
  for (let i = 0; i < query.words.length; i++) {
    for (let n = 2; n <= MAX_INITIALISM_WORDS && i + n <= query.words.length; n++) {
      const covers = Array.from({ length: n }, (_, k) => i + k);
      if (new Set(covers.map((k) => query.names[k])).size > 1) break;
      const letters = initialism(covers.map((k) => query.words[k]!));
      if (letters && !wordnet.has(letters)) groups.push({ covers, related: weighted([{ text: letters, relation: 'synonym', senseRank: 1, pos: 'n' }]) });
    }
  }
  return groups;
}
const MAX_INITIALISM_WORDS = 4;

/** Particles that make a phrasal verb with the word before them: stop words, so never question words themselves. */
const PARTICLES = new Set(['up', 'down', 'out', 'off', 'over', 'in', 'on', 'away', 'back', 'into', 'through']);

/**
 * The question's phrasal verbs ("stepped down", "called off", "turned up"), by the index of their verb: their
 * meaning is not their verb's ("step"), and their synonyms are what an article writes ("resign", "cancel").
 */
function phrasalVerbs(query: ParsedQuery, wordnet: WordNet): { at: number; phrase: string }[] {
  const sequence = foldedWords(query.english);
  const found: { at: number; phrase: string }[] = [];
  sequence.forEach((word, j) => {
    const at = query.words.indexOf(word);
    const particle = sequence[j + 1];
    if (at < 0 || query.names[at] || !particle || !PARTICLES.has(particle)) return;
    const phrase = `${word} ${particle}`;
    if (wordnet.baseForms(phrase).length > 0 && !found.some((f) => f.phrase === phrase)) found.push({ at, phrase });
  });
  return found;
}

/** The words whose presence in the index decides which related words are kept: to look them all up at once. */
export function wordsToLookUp(groups: RelatedGroup[]): string[] {
  const words = new Set<string>();
  for (const { related } of groups) for (const r of related) for (const w of foldedWords(r.text)) if (!isStopWord(w)) words.add(w);
  return [...words];
}

/**
 * WordNet expansions of the question's words and two-word collocations, kept only when every word of the
 * expansion occurs in the index (so they can match) and it is not the question's own word again.
 */
export function keepMatchable(query: ParsedQuery, groups: RelatedGroup[], inIndex: (word: string) => boolean, maxPerWord = MAX_PER_WORD): Expansion[] {
  const own = new Set(query.stems);
  const expansions: Expansion[] = [];
  const hierarchy = query.translated ? NOUN_HIERARCHY : HIERARCHY;
  for (const { covers, related } of groups) {
    const kept = new Map<string, Expansion>();
    // Of equally likely words, the commoner ones first: an article more likely says "folk" than "ancients".
    const byCommonness = [...related].sort((a, b) => b.factor - a.factor || specificity(a.text) - specificity(b.text));
    for (const r of byCommonness) {
      if (r.relation in hierarchy && !hierarchy[r.relation]!.includes(r.pos)) continue;
      const words = foldedWords(r.text);
      const stems = words.map(lightStem);
      if (words.length === 0 || words.every(isStopWord) || (words.length === 1 && own.has(stems[0]!))) continue;
      if (!words.every((w) => isStopWord(w) || inIndex(w))) continue;
      const key = stems.join(' ');
      if ((kept.get(key)?.factor ?? 0) < r.factor) kept.set(key, { covers, words, stems, factor: r.factor, relation: r.relation });
    }
    expansions.push(...[...kept.values()].sort((a, b) => b.factor - a.factor).slice(0, maxPerWord));
  }
  return expansions;
}

/** Both steps at once, for a caller whose `inIndex` is synchronous. */
export function expandQuery(query: ParsedQuery, wordnet: WordNet, inIndex: (word: string) => boolean): Expansion[] {
  return keepMatchable(query, relatedGroups(query, wordnet), inIndex);
}
