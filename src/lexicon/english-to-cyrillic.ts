import { dictEntries, translationsOf } from './invert-dictionary.js';
import { lemmaOf, units, type ApertiumTools } from './ukrainian-bridge.js';

/**
 * English → Russian and Ukrainian, for English questions about coverage written in those languages: each
 * English headword of Mueller's dictionary with its first Russian translations (the first of each block is
 * a plain meaning: a noun's, a verb's), and the Ukrainian word Apertium's Russian-Ukrainian dictionary gives
 * for each. One line per headword: `english<TAB>russian …<TAB>ukrainian …`.
 */
/** Translations kept per English word: the first ones are its meanings, later ones shades and idioms. */
const MAX_TRANSLATIONS = 3;

export function englishToRussian(mueller: string, isLemma: (word: string) => boolean): Map<string, string[]> {
  const table = new Map<string, string[]>();
  for (const [head, article] of dictEntries(mueller)) {
    const word = head.replace(/\s*_[IVX]+$/u, '').toLowerCase();
    if (!/^[a-z]+$/.test(word) || !isLemma(word)) continue;
    // Homographs ("bank" _I, _II) are entries of their own, in the dictionary's order: their meanings add up.
    const byPosition = translationsOf(article).sort((a, b) => a.position - b.position);
    const russian = [...new Set([...(table.get(word) ?? []), ...byPosition.map((t) => t.russian)])];
    table.set(word, russian.slice(0, MAX_TRANSLATIONS));
  }
  return table;
}

/** The Ukrainian lemma Apertium gives for each Russian word it knows (analysed as its own lemma where it can be). */
export function russianToUkrainian(words: string[], tools: Pick<ApertiumTools, 'analyse' | 'translate'>): Map<string, string> {
  const analysisOf = new Map<string, string>();
  for (const [surface, ...analyses] of units(tools.analyse(words))) {
    if (!surface || analyses.length === 0 || analyses[0]!.startsWith('*')) continue;
    analysisOf.set(surface, analyses.find((a) => lemmaOf(a) === surface) ?? analyses[0]!);
  }
  const ukrainian = new Map<string, string>();
  const lookedUp = [...analysisOf];
  const translated = units(tools.translate(lookedUp.map(([, analysis]) => `^${analysis}$`)));
  translated.forEach(([, ...targets], i) => {
    const target = targets.find((t) => !t.startsWith('@'));
    if (target && lookedUp[i]) ukrainian.set(lookedUp[i][0], lemmaOf(target));
  });
  return ukrainian;
}

export function writeCyrillicTable(russian: Map<string, string[]>, ukrainian: Map<string, string>): string {
  const lines = [...russian]
    .filter(([, words]) => words.length > 0)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([english, words]) => `${english}\t${words.join(' ')}\t${[...new Set(words.flatMap((w) => ukrainian.get(w) ?? []))].join(' ')}`);
  return lines.join('\n') + '\n';
}
