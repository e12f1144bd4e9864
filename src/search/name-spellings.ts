import { canonicalWord, foldCharacters } from '../text/fold.js';
import { hasCyrillic } from '../text/slavic-stem.js';

/**
 * Latin spellings a name written in Cyrillic may have in English coverage. Folding transliterates one way
 * ("Шмідт" → "shmidt"), which suits Ukrainian and Russian names, but a foreign name came into Cyrillic
 * from its own spelling, and several Latin letters fold to one Cyrillic letter: "Гюнтер" is Gunter, "Шульц"
 * Schulz, "Ксерокс" Xerox, "Віктора" Victor (in the genitive). These are candidates only: the caller keeps
 * the ones the index holds.
 */

// Each letter's usual transliteration first, then the spellings foreign names bring (most likely first).
const SPELLINGS: [string, string[]][] = [
  ['дж', ['dzh', 'j', 'g']],
  ['кс', ['ks', 'x']],
  ['ай', ['ay', 'i', 'ai']],
  ['ей', ['ey', 'ei', 'ay']],
  ['ль', ['l']],
  ['ьо', ['yo', 'o']],
  ['х', ['kh', 'h', 'x', 'ch']],
  ['к', ['k', 'c', 'ck']],
  ['ц', ['ts', 'z', 'tz', 'c']],
  ['ш', ['sh', 'sch', 'sz']],
  ['ч', ['ch', 'tch', 'cz']],
  ['ж', ['zh', 'j']],
  ['и', ['i', 'y', 'ee']],
  ['ы', ['y', 'i']],
  ['ї', ['yi', 'i']],
  ['є', ['ye', 'e']],
  ['э', ['e', 'a']],
  ['ё', ['yo', 'o']],
  ['ю', ['yu', 'u', 'ew']],
  ['я', ['ya', 'ia', 'a']],
  ['у', ['u', 'oo', 'ou']],
  ['а', ['a', 'u', 'ah']],
  // A silent h after a vowel, which Cyrillic does not write (John, Sarah, Lehmann).
  ['о', ['o', 'oh']],
  ['е', ['e', 'eh']],
  ['г', ['g', 'h']],
  ['в', ['v', 'w']],
  ['ф', ['f', 'ph']],
  ['т', ['t', 'th']],
  ['й', ['y', 'i', 'j']],
  ['ь', ['']],
  ['ъ', ['']],
];

/** Enough for a long name with a few ambiguous letters; each candidate costs one index lookup. */
const MAX_SPELLINGS = 48;

interface Partial {
  text: string;
  /** Sum of the option indexes taken: the usual spelling costs 0. */
  cost: number;
}

function spellingsOf(word: string): string[] {
  let partials: Partial[] = [{ text: '', cost: 0 }];
  for (let i = 0; i < word.length; ) {
    const entry = SPELLINGS.find(([cyrillic]) => word.startsWith(cyrillic, i));
    const options = entry ? entry[1] : [foldCharacters(word[i]!)];
    i += entry ? entry[0].length : 1;
    partials = partials
      .flatMap((p) => options.map((o, k) => ({ text: p.text + o, cost: p.cost + k })))
      .sort((a, b) => a.cost - b.cost)
      .slice(0, MAX_SPELLINGS);
  }
  return partials.map((p) => canonicalWord(p.text));
}

// Case endings of nouns and of adjective-like surnames, Russian and Ukrainian, longest first.
const CASE_ENDING = /(?:ого|ому|ему|ими|ыми|ами|ями|ом|ем|ой|ей|ою|ею|ам|ям|ах|ях|ым|им|у|ю|а|я|е|ы|і|и)$/u;
const MIN_NAME_STEM = 3;
// "Ковальського" is the genitive of "Ковальський", which folding spells "kovalsky".
const ADJECTIVE_STEM = /(?:с|ц)ьк$|(?:с|ц)к$/u;

/** The name as written, then without a case ending ("Бориса" is "Boris" in the genitive), then as an adjective's nominative. */
export function caseForms(lower: string): string[] {
  const stem = lower.replace(CASE_ENDING, '');
  if (stem === lower || stem.length < MIN_NAME_STEM) return [lower];
  return ADJECTIVE_STEM.test(stem) ? [lower, stem, `${stem}ий`] : [lower, stem];
}

/**
 * Latin spellings of a Cyrillic name (one word) in any case form, the usual transliteration of the form as
 * written first; [] for a word with no Cyrillic letters.
 */
export function latinSpellings(name: string): string[] {
  const lower = name.toLowerCase();
  if (!hasCyrillic(lower)) return [];
  const forms = caseForms(lower).map(spellingsOf);
  // Cyrillic writes one letter where the English spelling doubles it ("Тод" is Todd, "Бенет" Bennet):
  // the usual spelling of each form with one consonant doubled, after every other candidate.
  return [...new Set([...forms.flat(), ...forms.flatMap((spellings) => withOneDoubled(spellings[0]!))])];
}

function withOneDoubled(word: string): string[] {
  const out: string[] = [];
  for (let i = 1; i < word.length; i++) {
    const c = word[i]!;
    if (/[bcdfglmnprstz]/.test(c) && word[i - 1] !== c && word[i + 1] !== c) out.push(word.slice(0, i) + c + word.slice(i));
  }
  return out;
}
