import { describe, expect, it } from 'vitest';
import { latinLanguage } from '../../src/text/latin-language.js';

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
