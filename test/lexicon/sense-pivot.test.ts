import { describe, expect, it } from 'vitest';
import { stemmer as russianStem } from '@orama/stemmers/russian';
import { pivotGlossary, wikDictSenses } from '../../src/lexicon/sense-pivot.js';

// Made-up WikDict entries of a made-up headword language: each sense is a line of translations, then its gloss.
const TO_RUSSIAN: [string, string[]][] = [
  ['velmor', ['1. перо', 'część upierzenia ptaka', '2. ручка', 'przyrząd do pisania']],
  ['harwik', ['нередко, зачастую', 'wiele razy']],
  ['quell', ['1. образец, эталон 2.', 'wzór do naśladowania', ' 3.', 'osoba godna naśladowania']],
  ['ponte', ['сова', '']],
];
const TO_ENGLISH: [string, string[]][] = [
  ['velmor', ['1. feather, plume', 'część upierzenia ptaka', '2. pen', 'przyrząd do pisania']],
  ['harwik', ['often, frequently', 'wiele razy']],
  ['quell', ['1. model, standard', 'wzór do naśladowania', '2. paragon', 'osoba godna naśladowania']],
  ['ponte', ['owl', '']],
];
const ENGLISH = new Set(['feather', 'plume', 'pen', 'often', 'frequently', 'model', 'standard', 'paragon', 'owl']);

describe('pairing two dictionaries by their senses', () => {
  const glossary = pivotGlossary(TO_RUSSIAN, TO_ENGLISH, (w) => ENGLISH.has(w));
  const of = (russian: string) => (glossary.get(russianStem(russian)) ?? []).filter((t) => t.russian === russian).map((t) => t.english);

  it('reads a sense line and its gloss, sense numbers left out, a sense with no translation kept empty', () => {
    expect(wikDictSenses(TO_RUSSIAN[2]![1])).toEqual([
      { translations: ['образец', 'эталон'], gloss: 'wzór do naśladowania' },
      { translations: [], gloss: 'osoba godna naśladowania' },
    ]);
  });

  it("gives a Russian word the English of its own sense, not of the headword's other senses", () => {
    expect(of('ручка')).toEqual(['pen']);
    expect(of('перо')).toEqual(['feather', 'plume']);
  });

  it('keeps every Russian word of a sense, in the order the sense gives its English', () => {
    expect(of('нередко')).toEqual(['often', 'frequently']);
    expect(of('зачастую')).toEqual(['often', 'frequently']);
    expect(of('эталон')).toEqual(['model', 'standard']);
  });

  it('ranks the English by how many senses give it with the word, not by which headword comes first', () => {
    const toRussian: [string, string[]][] = [['adwig', ['кран', 'maszyna do podnoszenia']], ['kranik', ['кран', 'zawór wody']], ['kurek', ['вентиль, кран', 'zawór']]];
    const toEnglish: [string, string[]][] = [['adwig', ['crane', 'maszyna do podnoszenia']], ['kranik', ['tap', 'zawór wody']], ['kurek', ['tap, faucet', 'zawór']]];
    const cranes = pivotGlossary(toRussian, toEnglish, () => true);
    expect((cranes.get(russianStem('кран')) ?? []).filter((t) => t.russian === 'кран').map((t) => t.english)).toEqual(['tap', 'crane', 'faucet']);
  });

  it('pairs no senses without a gloss: an empty one could be any sense', () => {
    expect(of('сова')).toEqual([]);
  });

  it("keeps only the English the vocabulary knows, and only senses whose gloss both dictionaries give", () => {
    const strict = pivotGlossary(TO_RUSSIAN, TO_ENGLISH, (w) => w !== 'plume' && ENGLISH.has(w));
    expect((strict.get(russianStem('перо')) ?? []).map((t) => t.english)).toEqual(['feather']);
    const otherGlosses = pivotGlossary(TO_RUSSIAN, [['velmor', ['pen', 'inny opis']]], (w) => ENGLISH.has(w));
    expect(otherGlosses.size).toBe(0);
  });
});
