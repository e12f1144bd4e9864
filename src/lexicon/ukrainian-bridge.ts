import { stemmer as ukrainianStem } from '@orama/stemmers/ukrainian';

/**
 * Ukrainian reaches English through Russian: Apertium's analyser gives each Ukrainian word form its lemma,
 * its Ukrainian-Russian dictionary the Russian lemma, and the Russian glossary the English. Stored by the
 * Ukrainian stem of every form, so a question's word is found in whatever case or tense it is written.
 */
export type StemTable = Map<string, UkrainianLemma[]>;

/** A Ukrainian lemma whose forms have the stem, and the Russian word it translates to. */
export interface UkrainianLemma {
  ukrainian: string;
  russian: string;
}

/** Lemmas kept per stem: a word of a question is read through the one it is spelt most like. */
const MAX_LEMMAS = 4;

/** Apertium's stream format: `^surface/analysis/analysis$`, one unit per word; unknown words come back as `*word`. */
export function units(stream: string[]): string[][] {
  return stream.flatMap((line) => [...line.matchAll(/\^([^$]*)\$/gu)].map((m) => m[1]!.split('/')));
}

// Apertium numbers homonyms ("год¹", "год²"); the dictionaries it is matched with do not.
export const lemmaOf = (analysis: string): string =>
  analysis.replace(/<.*$/u, '').replace(/#.*$/u, '').replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹]+$/u, '').trim();

export interface ApertiumTools {
  /** Morphological analysis of word forms (lt-proc -a on the analyser). */
  analyse(forms: string[]): string[];
  /** Bilingual lookup of analyses written `^lemma<tags>$` (lt-proc -b on the dictionary). */
  translate(analyses: string[]): string[];
  /** How common a Russian word is: of the dictionary's several translations of a lemma, the commonest is meant. */
  russianCommonness(word: string): number;
}

export function ukrainianToRussian(forms: string[], tools: ApertiumTools): StemTable {
  // One analysis per lemma is enough to translate it: the dictionary maps lemmas, the tags only pass through.
  // A form may be of several lemmas ("року": рік year, рок fate): each counts.
  const lemmasOfForm = new Map<string, Set<string>>();
  const analysisOfLemma = new Map<string, string>();
  for (const [surface, ...analyses] of units(tools.analyse(forms))) {
    if (!surface || analyses.length === 0 || analyses[0]!.startsWith('*')) continue;
    for (const analysis of analyses) {
      const lemma = lemmaOf(analysis);
      lemmasOfForm.set(surface, (lemmasOfForm.get(surface) ?? new Set()).add(lemma));
      if (!analysisOfLemma.has(lemma)) analysisOfLemma.set(lemma, analysis);
    }
  }
  const russianOf = new Map<string, string>();
  for (const [source, ...targets] of units(tools.translate([...analysisOfLemma.values()].map((a) => `^${a}$`)))) {
    const russian = targets.filter((t) => !t.startsWith('@')).map(lemmaOf);
    if (!source || russian.length === 0) continue;
    // A stable sort: the dictionary's own order breaks ties.
    russianOf.set(lemmaOf(source), russian.sort((a, b) => tools.russianCommonness(b) - tools.russianCommonness(a))[0]!);
  }
  // Forms of different lemmas can share a stem ("ціна" price, "цінний" valuable, "місто" city, "міст" bridge): the
  // lemmas are kept, best first by how many of them translate to the same Russian word, then by the commoner
  // word; a question's word is read through the lemma it is spelt most like (glossary.ts). Lemmas, not forms,
  // vote: adjectives have more forms.
  const lemmasOfStem = new Map<string, Set<string>>();
  for (const [surface, lemmas] of lemmasOfForm) {
    const stem = ukrainianStem(surface);
    for (const lemma of lemmas) if (russianOf.has(lemma)) lemmasOfStem.set(stem, (lemmasOfStem.get(stem) ?? new Set()).add(lemma));
  }
  const table: StemTable = new Map();
  for (const [stem, lemmas] of [...lemmasOfStem].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const votes = new Map<string, number>();
    for (const lemma of lemmas) votes.set(russianOf.get(lemma)!, (votes.get(russianOf.get(lemma)!) ?? 0) + 1);
    const rank = (russian: string) => [-votes.get(russian)!, -tools.russianCommonness(russian)];
    const ranked = [...lemmas]
      .map((ukrainian) => ({ ukrainian, russian: russianOf.get(ukrainian)! }))
      .sort((a, b) => {
        const [va, ca] = rank(a.russian);
        const [vb, cb] = rank(b.russian);
        return va! - vb! || ca! - cb! || (a.russian < b.russian ? -1 : a.russian > b.russian ? 1 : a.ukrainian < b.ukrainian ? -1 : 1);
      });
    table.set(stem, ranked.slice(0, MAX_LEMMAS));
  }
  return table;
}

export function writeStemTable(table: StemTable): string {
  const line = (stem: string, lemmas: UkrainianLemma[]) => `${stem}\t${lemmas.map((l) => `${l.ukrainian}=${l.russian}`).join(' ')}`;
  return [...table].map(([stem, lemmas]) => line(stem, lemmas)).join('\n') + '\n';
}
