import { readFileSync } from 'node:fs';
import { latinStem, latinTextKeys, type LatinLanguage } from '../text/latin-language.js';
import { mergeLatinTables, readLatinTable, withMissingStems, type LatinLemma, type LatinTable } from './latin-tables.js';
import { specificity } from '../search/word-weights.js';

/**
 * English translations of German, French, Spanish, Italian and Portuguese words, from the tables `npm run build-glossary` writes
 * (lexicon/README.md says where they come from and under which licences). Each table is loaded on the first
 * question in its language: other teams never pay for it.
 */
const inLexicon = (file: string) => new URL(`../../lexicon/${file}`, import.meta.url);
/**
 * Each language's tables: its routes to English, merged; then a smaller dictionary read only for the stems they
 * lack. Merged as one more route, FreeDict's senses reorder the others' as often for the worse as for the better
 * (a noun's sense before the adjective's); for a word the routes lack, it is all there is.
 */
const TABLE_FILES: Record<LatinLanguage, { routes: URL[]; gaps: URL[] }> = {
  de: { routes: [inLexicon('de-en/glossary.tsv')], gaps: [] },
  fr: { routes: [inLexicon('fr-en/glossary.tsv'), inLexicon('fr-en/catalan.tsv')], gaps: [inLexicon('fr-en/freedict.tsv')] },
  es: { routes: [inLexicon('es-en/glossary.tsv')], gaps: [inLexicon('es-en/freedict.tsv')] },
  it: { routes: [inLexicon('it-en/glossary.tsv'), inLexicon('it-en/catalan.tsv')], gaps: [inLexicon('it-en/freedict.tsv')] },
  pt: { routes: [inLexicon('pt-en/glossary.tsv'), inLexicon('pt-en/catalan.tsv')], gaps: [inLexicon('pt-en/freedict.tsv')] },
};

const tables = new Map<LatinLanguage, LatinTable>();

/** What the question puts where a word stands: anything, a verb ("¿Cuánto cuesta …?"), or a participle after "have" ("ha detto"). */
export type ExpectedWord = 'any' | 'verb' | 'participle';

/** A language's table: one per route to English, merged, with the stems they lack filled in. */
export function tableOf(language: LatinLanguage): LatinTable {
  let table = tables.get(language);
  if (!table) {
    const read = (file: URL) => readLatinTable(readFileSync(file, 'utf8'));
    const { routes, gaps } = TABLE_FILES[language];
    table = gaps.map(read).reduce(withMissingStems, routes.map(read).reduce(mergeLatinTables));
    tables.set(language, table);
  }
  return table;
}

function sharedPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

/**
 * Of the lemmas a word's stem leads to, those spelt most like the word first ("ventes" is of "vente", sale,
 * not "vent", wind); the table's order breaks ties. Written case counts too: a German noun is capitalised, the
 * verb spelt alike is not ("Sagen" legends, "sagen" say), though a question typed in lower case loses that. A
 * French or Spanish verb form is of a verb of its stem, however much closer a noun is spelt ("costó" is of
 * "costar", not "costa"), unless the word is that noun itself ("estado"); and so is any word where the
 * sentence puts a verb.
 */
function closestFirst(word: string, lemmas: LatinLemma[], language: LatinLanguage, expected: ExpectedWord): LatinLemma[] {
  const lower = word.toLowerCase();
  const plain = withoutAccents(lower);
  const apart = (lemma: string) => {
    const l = lemma.toLowerCase();
    const shared = sharedPrefix(withoutAccents(l), plain);
    const accentsApart = sharedPrefix(l, lower) < shared ? ACCENT_MISMATCH : 0;
    return l.length + lower.length - 2 * shared + accentsApart + (lemma[0] === word[0] ? 0 : CASE_MISMATCH);
  };
  const byCloseness = (group: LatinLemma[]) =>
    group.map((l, i) => ({ l, i, d: apart(l.lemma) })).sort((a, b) => a.d - b.d || a.i - b.i).map((x) => x.l);
  const verbForm = expected !== 'any' || (VERB_FORM[language]?.test(lower) && !lemmas.some((l) => l.lemma.toLowerCase() === lower));
  const verbs = verbForm && INFINITIVE[language] ? lemmas.filter((l) => INFINITIVE[language]!.test(l.lemma)) : [];
  // A participle is often spelt unlike its verb ("detto" of "dire", not "dettare"): the commoner verb is meant.
  const firstVerbs = ofItsConjugation(lower, expected === 'participle' ? byCommonness(byCloseness(verbs)) : byCloseness(verbs), language);
  return [...firstVerbs, ...byCloseness(lemmas.filter((l) => !verbs.includes(l)))];
}

/** Lemmas by how common their first English is, commonest first; the order given breaks ties. */
function byCommonness(lemmas: LatinLemma[]): LatinLemma[] {
  const rarity = (l: LatinLemma) => (l.english[0] ? specificity(l.english[0].split(' ')[0]!) : Infinity);
  return lemmas.map((l, i) => ({ l, i, r: rarity(l) })).sort((a, b) => a.r - b.r || a.i - b.i).map((x) => x.l);
}
// Past tenses, participles and infinitives of Romance verbs; their infinitives.
const VERB_FORM: Partial<Record<LatinLanguage, RegExp>> = {
  es: /(?:ó|ió|aron|ieron|aba|aban|ía|ían|ado|ados|ada|adas|ido|idos|ida|idas|ando|iendo|ar|er|ir)$/u,
  fr: /(?:é|ée|és|ées|ait|aient|èrent|irent|er|ir)$/u,
  it: /(?:ò|ì|arono|irono|erono|ava|avano|ato|ata|ati|ate|ito|ita|iti|ite|uto|uta|uti|ute|ando|endo|are|ere|ire)$/u,
  pt: /(?:ou|eu|iu|aram|eram|iram|ava|avam|ado|ada|ados|adas|ido|ida|idos|idas|ando|endo|indo|ar|er|ir)$/u,
};
const INFINITIVE: Partial<Record<LatinLanguage, RegExp>> = { es: /(?:ar|er|ir)$/u, fr: /(?:er|ir|re)$/u, it: /(?:are|ere|ire)$/u, pt: /(?:ar|er|ir|or)$/u };
/**
 * A verb form's ending tells its conjugation: Spanish "murieron" (-ieron) is of an -er or -ir verb ("morir",
 * die), never of "murar" (wall in), whose past is "muraron". Verbs of that conjugation first, each group closest
 * spelt first; the order given when none is of it.
 */
const CONJUGATIONS: Partial<Record<LatinLanguage, [RegExp, RegExp][]>> = {
  // "-ió" before "-ó", which it ends with.
  es: [
    [/(?:ió|ieron|ía|ían|ido|idos|ida|idas|iendo)$/u, /(?:er|ir)$/u],
    [/(?:ó|aron|aba|aban|ado|ados|ada|adas|ando)$/u, /ar$/u],
  ],
  pt: [
    [/(?:ou|aram|ava|avam|ado|ada|ados|adas|ando)$/u, /ar$/u],
    [/(?:eu|eram|endo)$/u, /(?:er|or)$/u],
    [/(?:iu|iram|indo)$/u, /ir$/u],
  ],
  it: [
    [/(?:ò|arono|ava|avano|ato|ata|ati|ate|ando)$/u, /are$/u],
    [/(?:ì|irono|ito|ita|iti|ite)$/u, /ire$/u],
  ],
};

function ofItsConjugation(word: string, verbs: LatinLemma[], language: LatinLanguage): LatinLemma[] {
  const infinitive = CONJUGATIONS[language]?.find(([form]) => form.test(word))?.[1];
  if (!infinitive) return verbs;
  const fitting = verbs.filter((v) => infinitive.test(v.lemma));
  return fitting.length > 0 ? [...fitting, ...verbs.filter((v) => !fitting.includes(v))] : verbs;
}
const CASE_MISMATCH = 2;
/**
 * An accent the lemma writes otherwise is a lesser difference than a letter: inflection moves it ("entière" is of
 * "entier", not the longer "entièrement"; "Ärzte" of "Arzt"), and a lemma spelt exactly as the word still comes first.
 */
const ACCENT_MISMATCH = 0.5;
const withoutAccents = (word: string): string => word.normalize('NFD').replace(/\p{M}/gu, '');

/** A German compound's parts join with these ("Arbeitsmarkt": Arbeit-s-markt). */
const LINKING = ['', 's', 'es', 'n', 'en', 'e'];
const MIN_PART = 3;

function lookUp(word: string, language: LatinLanguage, expected: ExpectedWord = 'any'): string[] {
  const lemmas = tableOf(language).get(latinStem(word.toLowerCase(), language));
  return lemmas ? [...new Set(closestFirst(word, lemmas, language, expected).flatMap((l) => l.english))] : [];
}

/** Whether the table has the word as one of its lemmas, as written (case aside): a headword, not a stem's chance match. */
export function isLemma(word: string, language: LatinLanguage): boolean {
  const lower = word.toLowerCase();
  return (tableOf(language).get(latinStem(lower, language)) ?? []).some((l) => l.lemma.toLowerCase() === lower);
}

// A German verb's past and participle forms ("sagte", "gesagt", "erklärten") and its infinitive.
const GERMAN_VERB_FORM = /^(?:ge)?(\p{L}{2,}?)(?:te|ten|test|tet|t)$/u;

/** The infinitive a German verb form the table lacks may be of ("sagte" → "sagen"): the dictionary's headword. */
function germanInfinitive(word: string): string[] {
  const m = GERMAN_VERB_FORM.exec(word.toLowerCase());
  if (!m) return [];
  const stem = m[1]!;
  const infinitives = word.toLowerCase().startsWith('ge') ? [`${stem}en`, `ge${stem}en`] : [`${stem}en`];
  return infinitives.filter((i) => isLemma(i, 'de')).flatMap((i) => lookUp(i, 'de'));
}

/**
 * A German compound the dictionary lacks, read as its head and what qualifies it ("Ölpreisanstieg" → "oil
 * price rise"): the longest last part that is a headword (or one's plural), then the rest the same way. Parts
 * must be headwords as written, or a stem's chance match reads "Bürgermeisterwahl" as "Bürgermeist-erwahl".
 */
function compound(word: string): string[] {
  const lower = word.toLowerCase();
  for (let at = MIN_PART; at <= lower.length - MIN_PART; at++) {
    // The head of a compound is a noun, capitalised as one.
    const head = capitalised(lower.slice(at));
    if (!isHeadword(head)) continue;
    const left = lower.slice(0, at);
    // Without a linking letter, what qualifies the head may be a headword ("Arbeit-s-markt") or a compound itself.
    const parts = LINKING.filter((link) => left.endsWith(link) && left.length - link.length >= MIN_PART).map((link) => capitalised(left.slice(0, left.length - link.length)));
    const headword = parts.find((part) => isLemma(part, 'de'));
    const modifier = headword ? lookUp(headword, 'de')[0] : parts.map((part) => compound(part)[0]).find(Boolean);
    if (modifier) return [`${modifier} ${lookUp(head, 'de')[0]}`];
  }
  return [];
}

const PLURAL = /(?:e|en|n|s|es|er)$/u;
const isHeadword = (part: string) => isLemma(part, 'de') || isLemma(part.replace(PLURAL, ''), 'de');

/** German nouns' case and plural endings ("den Toren", "des Hauses"); not "-er" or "-s", which end many surnames. */
const NOUN_ENDINGS = ['en', 'es', 'e', 'n'];

/**
 * A capitalised German word that is a noun headword with a case or plural ending ("Toren" of "Tor", goal), a
 * feminine of one ("Präsidentin"), or a noun made with a noun suffix that the table reads ("Bekennung"): a noun,
 * not a name. The headword must be a noun as the dictionary writes it, capitalised.
 */
export function isGermanNounForm(word: string): boolean {
  if (!/^\p{Lu}/u.test(word)) return false;
  if (feminineOf(word) || (DERIVED_NOUN.test(word) && lookUp(word, 'de').length > 0)) return true;
  return NOUN_ENDINGS.some((ending) => {
    const noun = word.slice(0, word.length - ending.length);
    if (!word.endsWith(ending) || noun.length < MIN_PART) return false;
    return (tableOf('de').get(latinStem(noun.toLowerCase(), 'de')) ?? []).some((l) => l.lemma === noun);
  });
}

/** Suffixes that make German nouns of verbs and adjectives ("Bekennung", "Gesundheit"): a word so made is no name. */
const DERIVED_NOUN = /\p{L}{3}(?:ung|ungen|heit|keit|schaft|tät|ismus|nis)$/u;

/**
 * The headword a German feminine noun is made from ("Präsidentin", "Präsidentinnen" of "Präsident"),
 * when the dictionary lacks it as a headword of its own.
 */
function feminineOf(word: string): string | undefined {
  const base = /^(\p{Lu}\p{L}{3,})in(?:nen)?$/u.exec(word)?.[1];
  if (!base || isLemma(word, 'de')) return undefined;
  return [base, base.replace(/ä(?=[^aäeiouü]*$)/u, 'a')].find((b) => isLemma(b, 'de'));
}

/** The last part of a German compound that the table has as a headword ("Kirchturm": "Turm"), the longest; null for none. */
function germanCompoundHead(word: string): string | null {
  const lower = word.toLowerCase();
  for (let at = MIN_PART; at <= lower.length - MIN_PART; at++) {
    const head = capitalised(lower.slice(at));
    if (isHeadword(head)) return head;
  }
  return null;
}

const wordKeysMemo = new Map<LatinLanguage, Map<string, string[]>>();

/**
 * The keys a word of a text in the language answers to (latinTextKeys), and for a German compound its head's
 * too: German writes as one word what others write as two ("Kirchturm", church tower), and a question's "tower"
 * is the head's. Each distinct word is read once.
 */
export function latinWordKeys(language: LatinLanguage): (word: string) => string[] {
  let memo = wordKeysMemo.get(language);
  if (!memo) wordKeysMemo.set(language, (memo = new Map()));
  return (word) => {
    let keys = memo.get(word);
    if (!keys) {
      const head = language === 'de' ? germanCompoundHead(word) : null;
      keys = [...new Set([...latinTextKeys(word, language), ...(head ? latinTextKeys(head, language) : [])])];
      memo.set(word, keys);
    }
    return keys;
  };
}

/** A German word no headword's stem matches that reads as a compound of headwords ("Hafenbrücke"): a noun, not a name. */
export function isGermanCompound(word: string): boolean {
  return lookUp(word, 'de').length === 0 && compound(word).length > 0;
}

/**
 * English translations of a German, French, Spanish, Italian or Portuguese word in any inflected form, best first;
 * [] when unknown. Where the sentence puts a verb ("¿Cuánto cuesta …?"), a verb's reading comes first ("costar"
 * cost, not "cuesta" slope).
 */
export function translateLatinWord(word: string, language: LatinLanguage, expected: ExpectedWord = 'any'): string[] {
  const found = lookUp(word, language, expected);
  if (language !== 'de' || isLemma(word, language)) return found;
  const feminine = feminineOf(word);
  if (feminine) return lookUp(feminine, language);
  const verb = germanInfinitive(word);
  if (verb.length > 0) return [...new Set([...verb, ...found])];
  return found.length > 0 ? found : compound(word);
}

const capitalised = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);
