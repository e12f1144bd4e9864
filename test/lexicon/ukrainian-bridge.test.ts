import { describe, expect, it } from 'vitest';
import { stemmer as ukrainianStem } from '@orama/stemmers/ukrainian';
import { ukrainianToRussian, writeStemTable, type ApertiumTools, type StemTable } from '../../src/lexicon/ukrainian-bridge.js';

// What lt-proc prints for these words with Apertium's Ukrainian analyser and Ukrainian-Russian dictionary.
const ANALYSES: Record<string, string> = {
  ракети: '^ракети/ракета<n><f><nn><sg><gen>/ракета<n><f><nn><pl><nom>$',
  ракетою: '^ракетою/ракета<n><f><nn><sg><ins>$',
  зростання: '^зростання/зростання<n><nt><nn><sg><nom>$',
  ухвалював: '^ухвалював/ухвалювати<vblex><impf><tv><past><m><sg>$',
  абракадабра: '^абракадабра/*абракадабра$',
  // A form of two lemmas, the rarer one first: "року" is of рік (year) and of рок (fate).
  року: '^року/рок<n><m><nn><sg><gen>/рік<n><m><nn><sg><gen>$',
};
const TRANSLATIONS: Record<string, string> = {
  'ракета<n><f><nn><sg><gen>': 'ракета<n><f><nn><sg><gen>',
  'зростання<n><nt><nn><sg><nom>': 'сращение<n><nt><nn><sg><nom>/рост<n><m><nn><sg><nom>',
  'ухвалювати<vblex><impf><tv><past><m><sg>': 'принимать# решение<vblex><impf><tv><past><m><sg>',
  'рок<n><m><nn><sg><gen>': 'рок<n><m><nn><sg><gen>',
  'рік<n><m><nn><sg><gen>': 'год¹<n><m><nn><sg><gen>',
};

const tools = (asked: string[][]): ApertiumTools => ({
  analyse: (forms) => forms.map((f) => ANALYSES[f] ?? `^${f}/*${f}$`),
  translate: (analyses) => {
    asked.push(analyses);
    return analyses.map((a) => {
      const key = a.slice(1, -1);
      return `^${key}/${TRANSLATIONS[key] ?? `@${key}`}$`;
    });
  },
  russianCommonness: (word) => ({ рост: 20, сращение: 1, ракета: 3, год: 8, рок: 6 })[word] ?? 0,
});

/** The Russian words a stem's lemmas translate to, best first. */
const russianOf = (table: StemTable, word: string) => table.get(ukrainianStem(word))?.map((l) => l.russian);

describe('the Ukrainian → Russian stem table', () => {
  it('gives every known form the Russian word of its lemma, keyed by the form’s Ukrainian stem', () => {
    const table = ukrainianToRussian(Object.keys(ANALYSES), tools([]));
    expect(russianOf(table, 'ракети')).toEqual(['ракета']);
    expect(russianOf(table, 'ракетою')).toEqual(['ракета']);
    expect(russianOf(table, 'ухвалював')).toEqual(['принимать']);
    expect([...table.values()].flat().map((l) => l.russian)).not.toContain('абракадабра');
  });

  it('takes the commonest of several Russian translations', () => {
    expect(russianOf(ukrainianToRussian(['зростання'], tools([])), 'зростання')).toEqual(['рост']);
  });

  it('keeps every lemma a form may be of, the commoner word first, without the homonym numbers Apertium gives Russian lemmas', () => {
    const table = ukrainianToRussian(['року'], tools([]));
    expect(table.get(ukrainianStem('року'))).toEqual([
      { ukrainian: 'рік', russian: 'год' },
      { ukrainian: 'рок', russian: 'рок' },
    ]);
  });

  it('translates each lemma once, however many forms it has', () => {
    const asked: string[][] = [];
    ukrainianToRussian(['ракети', 'ракетою'], tools(asked));
    expect(asked.flat()).toEqual(['^ракета<n><f><nn><sg><gen>$']);
  });

  it('writes one sorted line per stem', () => {
    const text = writeStemTable(ukrainianToRussian(Object.keys(ANALYSES), tools([])));
    const stems = text.trim().split('\n').map((line) => line.split('\t')[0]!);
    expect(stems).toEqual([...stems].sort());
  });
});
