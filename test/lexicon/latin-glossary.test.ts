import { describe, expect, it } from 'vitest';
import { isGermanCompound, isGermanNounForm, latinWordKeys, translateLatinWord } from '../../src/lexicon/latin-glossary.js';
import { latinKeysOf } from '../../src/lexicon/english-to-latin.js';
import { latinKey } from '../../src/text/latin-language.js';

// The committed tables (lexicon/de-en, fr-en, es-en), read as a question's words are.
describe('German, French, Spanish, Italian and Portuguese words in English', () => {
  it.each([
    ['Brücken', 'de', 'bridge'],
    ['ponts', 'fr', 'bridge'],
    ['puentes', 'es', 'bridge'],
    ['construits', 'fr', 'build'],
    ['construyó', 'es', 'build'],
    ['ponti', 'it', 'bridge'],
    ['costruito', 'it', 'build'],
    ['pontes', 'pt', 'bridge'],
    ['construiu', 'pt', 'build'],
  ] as const)('reads the inflected form "%s" (%s) as its lemma\'s English, %s', (word, language, english) => {
    expect(translateLatinWord(word, language)).toContain(english);
  });

  it('reads a feminine adjective as its adjective, though the adverb made of it is spelt more like it but for an accent', () => {
    // "entière" is of "entier" (whole), not "entièrement" (totally); "légère" of "léger" (light).
    expect(translateLatinWord('entière', 'fr')[0]).toBe('whole');
    expect(translateLatinWord('légère', 'fr')[0]).toBe('light');
  });

  it('reads a verb form by a verb of its conjugation, however much closer another verb is spelt', () => {
    // "murar" (wall in) shares the stem and more letters, but its past is "muraron", "muró".
    expect(translateLatinWord('murieron', 'es')[0]).toBe('die');
    expect(translateLatinWord('murió', 'es')[0]).toBe('die');
    expect(translateLatinWord('cerró', 'es')[0]).toBe('close');
  });

  it('reads a word only FreeDict\'s smaller dictionaries have, which fill the Apertium routes\' gaps', () => {
    expect(translateLatinWord('accoucheurs', 'fr')).toEqual(['obstetrician']);
    expect(translateLatinWord('abacaxis', 'pt')).toEqual(['pineapple']);
  });

  it('reads a German past tense the dictionary lacks through its infinitive ("kaufte": kaufen, buy)', () => {
    expect(translateLatinWord('kaufte', 'de')[0]).toBe('buy');
  });

  it('reads a German compound the dictionary lacks as its parts, the head last ("Hafenbrücke": port bridge)', () => {
    expect(isGermanCompound('Hafenbrücke')).toBe(true);
    expect(translateLatinWord('Hafenbrücke', 'de')).toEqual(['port bridge']);
  });

  it('joins three parts, with the linking letters German puts between them', () => {
    expect(translateLatinWord('Brückenbaukosten', 'de')).toEqual(['bridge building costs']);
  });

  it('keeps a place\'s English name capitalised, so the question reads it as a name', () => {
    expect(translateLatinWord('Spanien', 'de')[0]).toBe('Spain');
  });

  it('reads a feminine noun the dictionary lacks as the noun it is made from ("Präsidentin"), and a noun made with a suffix as no name', () => {
    expect(translateLatinWord('Präsidentin', 'de')).toContain('president');
    expect(isGermanNounForm('Präsidentin')).toBe(true);
    expect(isGermanNounForm('Bekennung')).toBe(true);
    // A first name ending so is none of these: its "base" is no headword.
    expect(isGermanNounForm('Martin')).toBe(false);
    expect(translateLatinWord('Martin', 'de')).toEqual([]);
  });

  it('finds nothing for a word of no language ("Zqwx")', () => {
    expect(translateLatinWord('Zqwx', 'de')).toEqual([]);
    expect(isGermanCompound('Zqwx')).toBe(false);
  });
});

describe('English words in German, French, Spanish, Italian and Portuguese text', () => {
  it('leads an English word to the keys of the words that translate it', () => {
    expect(latinKeysOf('bridge', 'de')).toContain(latinKey('Brücke', 'de'));
    expect(latinKeysOf('church', 'it')).toContain(latinKey('chiesa', 'it'));
    expect(latinKeysOf('school', 'es')).toContain(latinKey('escuela', 'es'));
    expect(latinKeysOf('castles', 'fr')).toContain(latinKey('château', 'fr'));
  });
  it('gives a German compound in a text its head\'s key too: the English says it in two words', () => {
    const keys = latinWordKeys('de');
    expect(keys('Kirchturm')).toContain(latinKey('Turm', 'de'));
    expect(keys('Bahnhofsuhr')).toContain(latinKey('Uhr', 'de'));
    expect(latinWordKeys('fr')('clochers')).toEqual([latinKey('clochers', 'fr')]);
  });
});
