import { describe, expect, it } from 'vitest';
import { asLatinLanguage, keyStem, latinKey, latinLanguage, latinTextKeys } from '../../src/text/latin-language.js';

describe('the language of a Latin-script question', () => {
  it.each([
    ['Wie viele Brücken hat die Stadt im letzten Jahr gebaut?', 'de'],
    ['Was hat der Bürgermeister über den neuen Hafen gesagt?', 'de'],
    ['Combien de ponts la ville a-t-elle construits cette année ?', 'fr'],
    ["Qu'a dit le maire à propos du nouveau port ?", 'fr'],
    ['¿Cuántos puentes construyó la ciudad el año pasado?', 'es'],
    ['Qué dijo el alcalde sobre el nuevo puerto', 'es'],
    ['Quanti ponti ha costruito la città negli ultimi anni?', 'it'],
    ["Cosa ha detto il sindaco del nuovo porto?", 'it'],
    ['Quantas pontes construiu a cidade no ano passado?', 'pt'],
    ['O que disse o presidente da câmara sobre o novo porto?', 'pt'],
  ])('reads "%s" as %s by its function words', (question, language) => {
    expect(latinLanguage(question)).toBe(language);
  });

  it('takes a letter two of the languages write as a clue to both, not to one', () => {
    // "ç" is French and Portuguese alike: with a Portuguese function word, the question is Portuguese.
    expect(latinLanguage('Harwick começo da obra')).toBe('pt');
    expect(latinLanguage('Qui a reçu le prix à Harwick ?')).toBe('fr');
  });

  it.each([
    'What did the mayor say about the new harbour?',
    'How much did the Banco del Pacífico lend to the port authority?',
    'Who won the cycle race stage in Le Havre?',
    'When did Die Zeit publish the interview?',
    'harbour cost 2023',
  ])('leaves an English question in English, foreign names and all: "%s"', (question) => {
    expect(latinLanguage(question)).toBeNull();
  });
});

describe('the keys of German, French, Spanish, Italian and Portuguese words', () => {
  it('gives a word in any of its forms one key, folded as the index folds words', () => {
    expect(latinKey('Spiele', 'de')).toBe(latinKey('spielen', 'de'));
    expect(latinKey('châteaux', 'fr')).toBe(latinKey('château', 'fr'));
    expect(latinKey('château', 'fr')).toBe('fr:chateau');
  });
  it('names the language, so a key never matches an English word or another language\'s spelt alike', () => {
    expect(latinKey('Gast', 'de')).not.toBe(latinKey('gas', 'fr'));
    expect(keyStem(latinKey('Gast', 'de'))).toBe('gast');
  });
  it('reads a French or Italian word without the article or preposition elided onto it', () => {
    expect(latinKey("d'usine", 'fr')).toBe(latinKey('usine', 'fr'));
    expect(latinKey('dell’estate', 'it')).toBe(latinKey('estate', 'it'));
  });
  it('gives a lower-case German verb form the key of its infinitive too, and a capitalised noun only its own', () => {
    expect(latinTextKeys('spielte', 'de')).toContain(latinKey('spielen', 'de'));
    expect(latinTextKeys('Kunst', 'de')).toEqual([latinKey('Kunst', 'de')]);
  });
  it('knows the five languages by their tags, regions included', () => {
    expect(asLatinLanguage('pt-BR')).toBe('pt');
    expect(asLatinLanguage('de_AT')).toBe('de');
    expect(asLatinLanguage('en')).toBeNull();
    expect(asLatinLanguage(null)).toBeNull();
  });
});
