import { latinStem, type LatinLanguage } from '../text/latin-language.js';
import { units } from './ukrainian-bridge.js';

/**
 * The German, French, Spanish, Italian and Portuguese word tables: each word stem → the lemmas written with it,
 * each with its English translations, best first. German comes from FreeDict's German-English dictionary, whose
 * headwords include inflected forms; the others from Apertium's analysers and bilingual dictionaries (French,
 * Italian and Portuguese through Spanish, and in a second table through Catalan, as Ukrainian goes through
 * Russian), run over Debian's word lists; and, for the stems those lack, from FreeDict's smaller dictionaries.
 */
export type LatinTable = Map<string, LatinLemma[]>;

export interface LatinLemma {
  lemma: string;
  /** Best first; a proper noun's English keeps its capital ("Lisboa" → "Lisbon"). */
  english: string[];
}

/**
 * Lemmas kept per stem, and English translations per lemma: a question word needs its meaning, not every shade.
 * German keeps fewer: its dictionary has a headword for every compound and inflected form.
 */
const MAX_LEMMAS = 4;
const MAX_TRANSLATIONS = 3;
const GERMAN_LIMITS = { lemmas: 3, translations: 2 };

export interface EnglishVocabulary {
  /** Whether a translation is English a question can be matched by: every word a dictionary word. */
  isEnglish(phrase: string): boolean;
  /** How common a word is in written English, on a log scale (0 when unknown). */
  commonness(word: string): number;
  /** A single word's dictionary form ("prices" → "price", "said" → "say"): what the question is read with. */
  baseForm(phrase: string): string;
  /** A place, people, month…, as WordNet writes it ("new guinea" → "New Guinea"); null for any other word. */
  properNoun(phrase: string): string | null;
}

// dictd's base64 digits for an entry's offset and length in the .index file.
const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const decode = (digits: string) => [...digits].reduce((n, c) => n * 64 + BASE64.indexOf(c), 0);

/**
 * FreeDict's entries as [headword, lines after the headword's], from its dictd .index and (unzipped) .dict. The
 * headword is read from the entry, as written: the index folds its case.
 */
export function freeDictEntries(index: string, dict: Buffer): [string, string[]][] {
  const entries: [string, string[]][] = [];
  for (const line of index.split('\n')) {
    const [key, offset, length] = line.split('\t');
    if (!key || !offset || !length || key.startsWith('00-database') || key.startsWith('00database')) continue;
    const start = decode(offset);
    const [first, ...rest] = dict.toString('utf8', start, start + decode(length)).split('\n');
    const headword = first!.replace(MARKUP, ' ').replace(/\s+/gu, ' ').trim();
    entries.push([headword, rest]);
  }
  return entries;
}

// Cross-references, notes, synonyms and examples ("Aal in Aspik" - Jellied Eel) are not translations.
const NOT_A_TRANSLATION = /^(?:Synonyms?:|Antonyms?:|see:|Note:|")/u;
// Subject labels ([cook.]), grammar (<n>), remarks in brackets, phonetics (/…/) and sense numbers.
const MARKUP = /\[[^\]]*\]|<[^>]*>|\([^)]*\)|\/[^/]*\//gu;
const SENSE_NUMBER = /^\d+\.\s*/u;
const MAX_WORDS = 3;

/** An entry's translations in the dictionary's order: single words or short phrases, "to" dropped from verbs. */
export function freeDictTranslations(lines: string[]): string[] {
  const found: string[] = [];
  for (const line of lines.map((l) => l.trim())) {
    if (!line || NOT_A_TRANSLATION.test(line)) continue;
    for (const item of line.replace(MARKUP, ' ').replace(SENSE_NUMBER, '').split(/[,;]/u)) {
      const phrase = item.replace(/\s+/gu, ' ').trim().replace(/^to /u, '');
      if (phrase && phrase.split(' ').length <= MAX_WORDS && !found.includes(phrase)) found.push(phrase);
    }
  }
  return found;
}

/**
 * What one place further down an entry costs against the English word's commonness: the dictionary lists senses
 * in no order ("Preis": award, cost, pot, price), so a common word given fourth beats a rare one given first.
 */
const POSITION_COST = 0.3;
const ONE_WORD = /^[\p{L}-]{2,}$/u;

/**
 * Each headword's translations, best first: by how common the English is, a little less for each place further
 * down an entry, and more for each entry (sense) that gives it, the more so the more examples that entry has.
 * A headword has an entry per sense ("Entscheidung": decision with a dozen examples, … move with none), and a
 * dictionary illustrates the plain senses most.
 */
function rankedTranslations(entries: [string, string[]][], english: EnglishVocabulary): Map<string, { translations: string[]; best: number }> {
  const scored = new Map<string, Map<string, { score: number; evidence: number }>>();
  for (const [headword, lines] of entries) {
    if (!ONE_WORD.test(headword)) continue;
    const best = scored.get(headword) ?? new Map<string, { score: number; evidence: number }>();
    const evidence = 1 + lines.filter((l) => l.trim().startsWith('"')).length;
    freeDictTranslations(lines)
      .filter((t) => english.isEnglish(t.toLowerCase()))
      .forEach((t, position) => {
        const translation = english.properNoun(t.toLowerCase()) ?? english.baseForm(t.toLowerCase());
        const score = phraseCommonness(t, english) - POSITION_COST * position;
        const seen = best.get(translation) ?? { score: -Infinity, evidence: 0 };
        best.set(translation, { score: Math.max(seen.score, score), evidence: seen.evidence + evidence });
      });
    if (best.size > 0) scored.set(headword, best);
  }
  const out = new Map<string, { translations: string[]; best: number }>();
  for (const [headword, best] of scored) {
    const ranked = [...best]
      .map(([t, { score, evidence }]) => [t, score + EVIDENCE_WEIGHT * Math.log2(1 + evidence)] as const)
      .sort(([ta, a], [tb, b]) => b - a || compare(ta, tb));
    out.set(headword, { translations: ranked.map(([t]) => t), best: ranked[0]![1] });
  }
  return out;
}
const EVIDENCE_WEIGHT = 1.5;

/**
 * A FreeDict dictionary's table. German keeps fewer lemmas and translations: its dictionary has a headword for
 * every compound and inflected form. French, Spanish, Italian and Portuguese headwords are lemmas.
 */
export function freeDictTable(entries: [string, string[]][], language: LatinLanguage, english: EnglishVocabulary): LatinTable {
  const byStem = new Map<string, Map<string, string[]>>();
  const ranked = rankedTranslations(entries, english);
  // Case tells a German noun from the verb spelt alike ("Sagen" legends, "sagen" say): the lemma keeps it.
  for (const [lemma, { translations }] of ranked) {
    const stem = latinStem(lemma.toLowerCase(), language);
    byStem.set(stem, (byStem.get(stem) ?? new Map<string, string[]>()).set(lemma, translations));
  }
  // Of the many headwords of a stem, those whose meaning is common English come first ("sagen" tell, before "Sager").
  return tableOf(byStem, (_, lemma) => ranked.get(lemma)!.best, language === 'de' ? GERMAN_LIMITS : undefined);
}

function phraseCommonness(phrase: string, english: EnglishVocabulary): number {
  const parts = phrase.toLowerCase().split(' ');
  return Math.min(...parts.map((p) => english.commonness(english.baseForm(p))));
}

/** Lemmas sorted, then cut to the best: deterministic output for a byte-for-byte rebuild. */
function tableOf(
  byStem: Map<string, Map<string, string[]>>,
  votes: (stem: string, lemma: string) => number,
  limits = { lemmas: MAX_LEMMAS, translations: MAX_TRANSLATIONS },
): LatinTable {
  const table: LatinTable = new Map();
  for (const [stem, lemmas] of [...byStem].sort(([a], [b]) => compare(a, b))) {
    const ranked = [...lemmas]
      .map(([lemma, english]) => ({ lemma, english: english.slice(0, limits.translations) }))
      .sort((a, b) => votes(stem, b.lemma) - votes(stem, a.lemma) || a.lemma.length - b.lemma.length || compare(a.lemma, b.lemma));
    table.set(stem, ranked.slice(0, limits.lemmas));
  }
  return table;
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export interface ApertiumSteps {
  /** Morphological analysis of word forms (lt-proc -a). */
  analyse(forms: string[]): string[];
  /** Bilingual lookups of analyses written `^lemma<tags>$`, in order: French → Spanish → English, or Spanish → English. */
  translate: ((analyses: string[]) => string[])[];
}

/** An analysis's lemma: tags dropped, a multi-word lemma's parts joined ("take# off" → "take off"). */
const lemmaOf = (analysis: string) => analysis.replace(/<[^>]*>/gu, '').replace(/#\s*/u, ' ').trim();
const isProperNoun = (analysis: string) => analysis.includes('<np>');
const namesPlaceOrBody = (analysis: string) => /<np><(?:loc|top|org)>/u.test(analysis);

/**
 * French or Spanish: every form of the word list analysed into its lemmas, each lemma translated through the
 * chain of bilingual dictionaries (the dictionary's first translation first), and kept by the stem of each form.
 * A lemma with more forms of a stem comes first: "ventes" and "vente" are the noun's, not the verb "venter". The
 * place or organisation a capitalised form names comes after the stem's words, its English capitalised.
 */
export function apertiumTable(forms: string[], language: LatinLanguage, steps: ApertiumSteps, english: EnglishVocabulary): LatinTable {
  const lemmasOfForm = new Map<string, Set<string>>();
  // One analysis per lemma and part of speech: a dictionary may lack the lemma as one ("joueur" the adjective) and
  // have it as another (the noun, player).
  const analysesOfLemma = new Map<string, Map<string, string>>();
  for (const [surface, ...analyses] of units(steps.analyse(forms))) {
    if (!surface || analyses.length === 0 || analyses[0]!.startsWith('*')) continue;
    // A capitalised form is there for the place or body it names ("Francfort", "OTAN"): its other readings are its
    // lower case's. People's names are not translated ("Pierre" stays, not "Peter").
    for (const analysis of /^\p{Lu}/u.test(surface) ? analyses.filter(namesPlaceOrBody) : analyses) {
      const lemma = lemmaOf(analysis);
      lemmasOfForm.set(surface, (lemmasOfForm.get(surface) ?? new Set()).add(lemma));
      const byPart = analysesOfLemma.get(lemma) ?? new Map<string, string>();
      const part = /<[^>]*>/u.exec(analysis)?.[0] ?? '';
      if (!byPart.has(part)) byPart.set(part, analysis);
      analysesOfLemma.set(lemma, byPart);
    }
  }
  const englishOf = translateChain([...analysesOfLemma.values()].flatMap((byPart) => [...byPart.values()]), steps.translate, english);
  const translationsOf = (lemma: string) => [...new Set([...analysesOfLemma.get(lemma)!.values()].flatMap((a) => englishOf.get(a) ?? []))];
  const words = new Map<string, Map<string, string[]>>();
  const names = new Map<string, Map<string, string[]>>();
  const formCount = new Map<string, number>();
  for (const [surface, lemmas] of lemmasOfForm) {
    const stem = latinStem(surface.toLowerCase(), language);
    const name = /^\p{Lu}/u.test(surface);
    for (const lemma of lemmas) {
      const translations = translationsOf(lemma);
      if (translations.length === 0) continue;
      // A name keeps its capital, apart from the word spelt alike ("Paris", "paris" bets).
      const key = name ? lemma : lemma.toLowerCase();
      const byStem = name ? names : words;
      byStem.set(stem, (byStem.get(stem) ?? new Map<string, string[]>()).set(key, translations));
      formCount.set(`${stem} ${key}`, (formCount.get(`${stem} ${key}`) ?? 0) + 1);
    }
  }
  const votes = (stem: string, lemma: string) => formCount.get(`${stem} ${lemma}`) ?? 0;
  // A stem's place or body comes after its words, and takes none of their places ("mars" March, then "Mars").
  const table = tableOf(words, votes);
  for (const [stem, named] of tableOf(names, votes, { lemmas: MAX_NAMES, translations: MAX_TRANSLATIONS })) table.set(stem, [...(table.get(stem) ?? []), ...named]);
  return new Map([...table].sort(([a], [b]) => compare(a, b)));
}
const MAX_NAMES = 1;

/**
 * Two tables of one language by different routes to English (through Spanish, through Catalan) as one: a stem's
 * lemmas in either, the first table's first; a lemma's English ranked by agreement, as two dictionaries agreeing
 * on a word are likelier right than one, then by the earlier place either gives it, then the first table's order.
 * Merged when loaded: each table is derived from dictionaries under one licence (lexicon/README.md).
 */
export function mergeLatinTables(first: LatinTable, second: LatinTable): LatinTable {
  const merged: LatinTable = new Map(first);
  for (const [stem, lemmas] of second) {
    const own = merged.get(stem) ?? [];
    const added = lemmas.filter((l) => !own.some((o) => o.lemma === l.lemma));
    merged.set(stem, [...own.map((l) => ({ lemma: l.lemma, english: agreed([l.english, englishOf(lemmas, l.lemma)]) })), ...added]);
  }
  return merged;
}

/** A table with the stems it lacks taken from another: the other fills gaps and reorders nothing. */
export function withMissingStems(table: LatinTable, other: LatinTable): LatinTable {
  const filled: LatinTable = new Map(table);
  for (const [stem, lemmas] of other) if (!filled.has(stem)) filled.set(stem, lemmas);
  return filled;
}

const englishOf = (lemmas: LatinLemma[], lemma: string): string[] => lemmas.find((l) => l.lemma === lemma)?.english ?? [];

function agreed(lists: string[][]): string[] {
  const votes = new Map<string, { routes: number; position: number }>();
  for (const list of lists) {
    list.forEach((word, position) => {
      const seen = votes.get(word) ?? { routes: 0, position };
      votes.set(word, { routes: seen.routes + 1, position: Math.min(seen.position, position) });
    });
  }
  const order = [...votes.keys()];
  const rank = (w: string) => votes.get(w)!;
  return order.sort((a, b) => rank(b).routes - rank(a).routes || rank(a).position - rank(b).position || order.indexOf(a) - order.indexOf(b));
}

/** Each analysis's English, through every dictionary of the chain; a target the next one lacks ends there. */
function translateChain(analyses: string[], chain: ApertiumSteps['translate'], english: EnglishVocabulary): Map<string, string[]> {
  let current = new Map(analyses.map((a) => [a, [a]]));
  for (const step of chain) {
    const asked = [...new Set([...current.values()].flat())];
    const targetsOf = new Map<string, string[]>();
    for (const [source, ...targets] of units(step(asked.map((a) => `^${a}$`)))) {
      if (source) targetsOf.set(source, targets.filter((t) => !t.startsWith('@') && lemmaOf(t).length > 0));
    }
    current = new Map([...current].map(([origin, sources]) => [origin, [...new Set(sources.flatMap((s) => targetsOf.get(s) ?? []))]]));
  }
  const out = new Map<string, string[]>();
  for (const [origin, targets] of current) {
    const words = targets
      .map((t) => (isProperNoun(t) ? lemmaOf(t) : english.baseForm(lemmaOf(t).toLowerCase())))
      .filter((w) => english.isEnglish(w.toLowerCase()));
    if (words.length > 0) out.set(origin, [...new Set(words)]);
  }
  return out;
}

/** `stem<TAB>lemma=english|english lemma=english`, spaces inside a lemma or translation written as "_". */
export function writeLatinTable(table: LatinTable): string {
  const cell = (s: string) => s.replace(/ /gu, '_');
  return [...table].map(([stem, lemmas]) => `${stem}\t${lemmas.map((l) => `${cell(l.lemma)}=${l.english.map(cell).join('|')}`).join(' ')}`).join('\n') + '\n';
}

export function readLatinTable(text: string): LatinTable {
  const table: LatinTable = new Map();
  const word = (s: string) => s.replace(/_/gu, ' ');
  for (const line of text.split('\n')) {
    const tab = line.indexOf('\t');
    if (tab < 0) continue;
    const lemmas = line
      .slice(tab + 1)
      .split(' ')
      .map((pair) => {
        const [lemma, english] = pair.split('=');
        return { lemma: word(lemma!), english: (english ?? '').split('|').filter(Boolean).map(word) };
      });
    table.set(line.slice(0, tab), lemmas);
  }
  return table;
}
