import { describe, expect, it } from 'vitest';
import {
  apertiumTable, freeDictEntries, freeDictTable, freeDictTranslations, mergeLatinTables, readLatinTable, withMissingStems, writeLatinTable, type EnglishVocabulary,
} from '../../src/lexicon/latin-tables.js';

// A made-up FreeDict database: dictd's .index gives each entry's offset and length in base64 digits.
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const b64 = (n: number): string => (n < 64 ? B64[n]! : b64(Math.floor(n / 64)) + B64[n % 64]);
function freeDict(entries: string[]): { index: string; dict: Buffer } {
  let offset = 0;
  const lines: string[] = [];
  for (const entry of entries) {
    const length = Buffer.byteLength(entry);
    lines.push(`${entry.split(/[ \n]/)[0]!.toLowerCase()}\t${b64(offset)}\t${b64(length)}`);
    offset += length;
  }
  return { index: `00-database-info\tA\tA\n${lines.join('\n')}\n`, dict: Buffer.from(entries.join('')) };
}

// English as the build sees it: a handful of words, the commoner ones ranked so.
const COMMON: Record<string, number> = { harwick: 1, move: 8, decision: 6, ruling: 4, say: 9, tell: 8, legend: 4, quarrel: 3, quarrels: 3, bridge: 6, iceland: 3 };
const english: EnglishVocabulary = {
  isEnglish: (phrase) => phrase.split(' ').every((w) => w in COMMON || w === 'town' || w === 'hall'),
  commonness: (word) => COMMON[word] ?? 0,
  baseForm: (phrase) => (phrase === 'quarrels' ? 'quarrel' : phrase),
  properNoun: (phrase) => (phrase === 'iceland' ? 'Iceland' : null),
};

describe('FreeDict entries', () => {
  it('reads each entry by the index, its headword as written in the entry (the index folds case)', () => {
    const { index, dict } = freeDict(['Brücke /ˈbʁʏkə/ <fem, n, sg>\nbridge <n>\n\n', 'zanken /ˈtsaŋkən/ <v>\nquarrel <v>\n\n']);
    expect(freeDictEntries(index, dict).map(([headword, lines]) => [headword, freeDictTranslations(lines)])).toEqual([
      ['Brücke', ['bridge']],
      ['zanken', ['quarrel']],
    ]);
  });

  it('keeps translations, not examples, notes, cross-references, labels or sense numbers', () => {
    const lines = [' [adm.] decision <n>, ruling <n>', '         Note: on sth.', '      "eine Entscheidung treffen"  - make a decision', '   Synonyms: {Beschluss}', ' see: {Urteil}', '2. to say'];
    expect(freeDictTranslations(lines)).toEqual(['decision', 'ruling', 'say']);
  });
});

describe('the German table', () => {
  const entry = (head: string, translation: string, examples = 0) =>
    `${head} /x/ <n>\n${translation} <n>\n${Array.from({ length: examples }, (_, i) => `      "Beispiel ${i}"  - example ${i}\n`).join('')}\n`;

  it('ranks a headword\'s senses by how well the dictionary illustrates them, not only by how common the English is', () => {
    // "move" is the commoner English word, but the entry that gives "decision" has the examples.
    const { index, dict } = freeDict([entry('Beschied', 'decision', 6), entry('Beschied', 'move')]);
    const table = freeDictTable(freeDictEntries(index, dict), 'de', english);
    expect([...table.values()][0]![0]).toEqual({ lemma: 'Beschied', english: ['decision', 'move'] });
  });

  it('keeps a noun and the verb spelt alike apart by case, and lemmatises the English', () => {
    const { index, dict } = freeDict([entry('Zanken', 'quarrels'), 'zanken /x/ <v>\nsay <v>\n\n']);
    const lemmas = [...freeDictTable(freeDictEntries(index, dict), 'de', english).values()].flat();
    expect(lemmas).toContainEqual({ lemma: 'zanken', english: ['say'] });
    expect(lemmas).toContainEqual({ lemma: 'Zanken', english: ['quarrel'] });
  });

  it('keeps a proper noun\'s capital, as WordNet writes it', () => {
    const { index, dict } = freeDict([entry('Eisinsel', 'ICELAND')]);
    expect([...freeDictTable(freeDictEntries(index, dict), 'de', english).values()][0]![0]!.english).toEqual(['Iceland']);
  });

  it('writes and reads back the same table', () => {
    const { index, dict } = freeDict([entry('Rathaus', 'town hall'), entry('Brücke', 'bridge')]);
    const table = freeDictTable(freeDictEntries(index, dict), 'de', english);
    expect(readLatinTable(writeLatinTable(table))).toEqual(table);
  });
});

describe('the French and Spanish tables', () => {
  // Apertium's stream format, as lt-proc writes it: ^surface/analysis/…$, or ^lemma<tags>/target<tags>/…$.
  const analyses: Record<string, string> = { dijeron: 'decir<vblex><ifi><p3><pl>', puentes: 'puente<n><m><pl>', puente: 'puente<n><m><sg>' };
  const bilingual: Record<string, string> = { decir: 'say<vblex>/tell<vblex>', puente: 'bridge<n>' };
  const steps = {
    analyse: (forms: string[]) => forms.map((f) => (analyses[f] ? `^${f}/${analyses[f]}$` : `^${f}/*${f}$`)),
    translate: [(lines: string[]) => lines.map((l) => { const lemma = l.slice(1).replace(/<.*$/, ''); return `${l.slice(0, -1)}/${bilingual[lemma] ?? `@${lemma}`}$`; })],
  };

  it('keys each lemma by the stems of its forms, its English through the bilingual dictionary in order', () => {
    const table = apertiumTable(['dijeron', 'puente', 'puentes', 'zzz'], 'es', steps, english);
    const all = [...table.values()].flat();
    expect(all).toContainEqual({ lemma: 'decir', english: ['say', 'tell'] });
    expect(all).toContainEqual({ lemma: 'puente', english: ['bridge'] });
    expect(all.some((l) => l.lemma === 'zzz')).toBe(false);
  });

  it('keeps a place or body a capitalised form names, after the words of its stem; not a person, nor the form\'s other readings', () => {
    const withNames = {
      analyse: (forms: string[]) =>
        forms.map((f) => ({
          puente: '^puente/puente<n><m><sg>$',
          // The analyser reads a capitalised form as its lower case too, and a surname may be spelt as a place.
          Puente: '^Puente/Puente<np><loc><f><sg>/puente<n><m><sg>$',
          Puentes: '^Puentes/Puentes<np><ant><m><sg>$',
        })[f] ?? `^${f}/*${f}$`),
      translate: [(lines: string[]) => lines.map((l) => `${l.slice(0, -1)}/${{ puente: 'bridge<n>', Puente: 'Harwick<np><loc>', Puentes: 'Harwick<np><ant>' }[l.slice(1).replace(/<.*$/, '')]}$`)],
    };
    const table = apertiumTable(['Puente', 'Puentes', 'puente'], 'es', withNames, english);
    expect(table.get('puent')).toEqual([
      { lemma: 'puente', english: ['bridge'] },
      { lemma: 'Puente', english: ['Harwick'] },
    ]);
  });

  it('merges the tables of two routes: a stem\'s lemmas in either, first the English both give, then each one\'s order', () => {
    const throughSpanish = readLatinTable('retir\tretiro=retreat|withdrawal\n');
    const throughCatalan = readLatinTable('retir\tretirar=withdraw retiro=withdrawal|retirement\ncofr\tcofre=box\n');
    const merged = mergeLatinTables(throughSpanish, throughCatalan);
    expect(merged.get('retir')).toEqual([
      { lemma: 'retiro', english: ['withdrawal', 'retreat', 'retirement'] },
      { lemma: 'retirar', english: ['withdraw'] },
    ]);
    expect(merged.get('cofr')).toEqual([{ lemma: 'cofre', english: ['box'] }]);
    expect(mergeLatinTables(throughSpanish, new Map())).toEqual(throughSpanish);
  });

  it('fills the stems a table lacks from a smaller dictionary, reordering none it has', () => {
    const routes = readLatinTable('retir\tretiro=retreat|withdrawal\n');
    const smaller = readLatinTable('retir\tretiro=retirement\ncofr\tcofre=box\n');
    const filled = withMissingStems(routes, smaller);
    expect(filled.get('retir')).toEqual([{ lemma: 'retiro', english: ['retreat', 'withdrawal'] }]);
    expect(filled.get('cofr')).toEqual([{ lemma: 'cofre', english: ['box'] }]);
    expect(routes.has('cofr')).toBe(false);
  });
});
