import { describe, expect, it } from 'vitest';
import { foreignReadings, foreignWordsToRead, glossLatin, latinQuestionLanguage, solidSplits, withForeignReadings } from '../../src/search/latin-gloss.js';
import { parseQuery } from '../../src/search/query.js';

describe('German, French, Spanish, Italian and Portuguese questions read in English', () => {
  it('reads "what happened" as English asks it, and a form that is another word too only where it means so', () => {
    expect(glossLatin('¿Qué pasó con el ferry de Tarvin?', 'es').text).toMatch(/^what happened /);
    expect(glossLatin('Was geschah mit der Fähre in Tarvin?', 'de').text).toMatch(/^what happened /);
    expect(glossLatin("Qu'est-ce qui s'est passé au port de Tarvin ?", 'fr').text).toMatch(/^what happened /);
    expect(glossLatin('Cosa è successo al traghetto di Tarvin?', 'it').text).toMatch(/^what happened /);
    expect(glossLatin('O que aconteceu com a balsa de Tarvin?', 'pt').text).toMatch(/^what happened /);
    expect(glossLatin('Quale successo ha avuto la banda di Tarvin?', 'it').text).not.toContain('happened');
    expect(glossLatin('¿Cuánto tiempo pasó el alcalde en Tarvin?', 'es').text).not.toContain('happened');
  });

  it('reads the question word and what is asked ("Wie viele Brücken …" → how many bridges)', () => {
    const query = parseQuery('Wie viele Brücken hat die Stadt gebaut?');
    expect(query.kind).toBe('count');
    expect(query.words).toContain('bridge');
  });

  it('puts a speech verb after its speaker, as English asks it, whichever end it was at', () => {
    expect(glossLatin('¿Qué dijo Varga sobre los puentes?', 'es').text).toMatch(/^what did Varga say\b/);
    expect(glossLatin('Was hat Varga über die Brücken gesagt?', 'de').text).toMatch(/^what did Varga \w+ bridge$/);
    expect(parseQuery('Was hat Varga über die Brücken gesagt?').kind).toBe('speech');
    expect(parseQuery("Qu'a dit Varga à propos des ponts ?").kind).toBe('speech');
    expect(parseQuery('O que disse Varga sobre as pontes?').kind).toBe('speech');
  });

  it('reads a question word that opens a later clause, but not a conjunction spelt alike', () => {
    expect(glossLatin('Selon Varga, que doit faire la ville ?', 'fr').text).toMatch(/\bwhat\b/);
    expect(glossLatin('Le maire dit que la ville paiera', 'fr').text).not.toMatch(/\bwhat\b/);
  });

  it('names a place by its English name ("Lisboa", "Países Bajos")', () => {
    const gloss = glossLatin('¿Cuántos puentes hay en Lisboa y en los Países Bajos?', 'es');
    expect(gloss.names).toEqual(expect.arrayContaining(['Lisbon', 'Netherlands']));
  });

  it('names a place the dictionaries translate, capitalised or not, though no table of country and capital names has it', () => {
    const gloss = glossLatin('Combien de ponts compte Alep, et combien aix-la-chapelle ?', 'fr');
    expect(gloss.names).toEqual(expect.arrayContaining(['Aleppo', 'Aachen']));
  });

  it('keeps a German capitalised word the dictionary lacks as a name, and reads a compound of headwords as words', () => {
    const gloss = glossLatin('Was kostete die Hafenbrücke von Quellmark?', 'de');
    expect(gloss.names).toContain('Quellmark');
    expect(gloss.text).toContain('port bridge');
  });

  it('reads a German noun with a case or plural ending as the noun, not as a name ("mit fünf Toren", "die Zeugen")', () => {
    const gloss = glossLatin('Was sagten die Zeugen über das Spiel mit fünf Toren in Quellmark?', 'de');
    expect(gloss.names).toEqual(['Quellmark']);
    expect(gloss.text).toContain('witness');
  });

  it('reads an elided Italian word as the word it is ("dell\'anno", "cos\'è")', () => {
    const gloss = glossLatin("Cos'è successo al ponte dell'isola?", 'it');
    expect(gloss.text).toMatch(/^what\b/);
    expect(gloss.text).toContain('bridge');
    expect(gloss.untranslated).toEqual([]);
  });

  it('reads the word after "how much", "how", "where" … as a verb, and the word after "which" as it is', () => {
    // "vale" is also a noun (a voucher), "cuenta" a verb (counts): the question word tells which is meant.
    expect(glossLatin('¿Cuánto vale la casa del alcalde?', 'es').text).toContain('cost');
    expect(glossLatin('¿Cómo se llama el nuevo alcalde?', 'es').text).toContain('call');
    expect(glossLatin('¿Qué cuenta abrió el banco?', 'es').text).toContain('account');
  });

  it('reads a participle after "have" as the commonest verb it may be of, however unlike its infinitive ("aveva detto" said, not dictated)', () => {
    expect(glossLatin('Cosa aveva detto Velmora del ponte?', 'it').text).toBe('what did Velmora say bridge');
    // Without "have" before it the word is read as before.
    expect(glossLatin('il detto del ponte', 'it').text).not.toContain('say');
  });

  it('reads French "si" (if) as a function word, not as "yes"', () => {
    expect(glossLatin('Que dira le maire si le conseil refuse le budget ?', 'fr').text.split(' ')).not.toContain('yes');
  });

  it('asks yes or no when there is no question word', () => {
    expect(parseQuery('¿Construyó la ciudad un puente nuevo?').kind).toBe('yes-no');
  });

  it('keeps a word no table has for the index to decide on, as the English word it may be', () => {
    const gloss = glossLatin('Combien coûte le software ?', 'fr');
    expect(gloss.untranslated.map((u) => u.lenders)).toEqual([['software']]);
  });

  it('reads a foreign word in a question read as English, but no English word or name', () => {
    const query = parseQuery('Quellmark ponte cost');
    expect(foreignWordsToRead(query, () => false)).toEqual(['ponte']);
    expect(foreignWordsToRead(parseQuery('how much did the Quellmark bridge cost'), () => false)).toEqual([]);
    expect(foreignReadings('ponte')[0]).toBe('bridge');
    const read = withForeignReadings(query, new Map([['ponte', foreignReadings('ponte')]]), (w) => w === 'bridge');
    expect(read.words).toEqual(['quellmark', 'bridge', 'cost']);
    // Nothing the index holds: the question is left as it was.
    expect(withForeignReadings(query, new Map([['ponte', ['deck']]]), () => false)).toBe(query);
  });

  it('reads a hyphened foreign word of such a query whole, where English has no such compound', () => {
    const query = parseQuery('Quellmark porte-parole bridge');
    expect(foreignWordsToRead(query, () => true, () => false)).toEqual(['porte-parole']);
    // A compound English has is the asker's English.
    const english = parseQuery('Quellmark counter-attack bridge');
    expect(foreignWordsToRead(english, () => true, (parts) => parts.join('-') === 'counter-attack')).toEqual([]);
    const read = withForeignReadings(query, new Map([['porte-parole', foreignReadings('porte-parole')]]), (w) => w === 'spokesman');
    expect(read.words).toEqual(['quellmark', 'spokesman', 'bridge']);
    expect(read.names).toEqual([true, false, false]);
    expect(read.english).toBe('Quellmark spokesman bridge');
    expect(solidSplits('counterattack')).toContainEqual(['counter', 'attack']);
  });

  it('tells languages sharing a query\'s few function words apart by its other lower-case words', () => {
    // "de la" is French and Spanish alike; "pont" is a French word only, "puente" a Spanish one.
    expect(latinQuestionLanguage('Quellmark pont Velmora de la Harwick')).toBe('fr');
    expect(latinQuestionLanguage('Quellmark puente Velmora de la Harwick')).toBe('es');
    // Names are any language's words: with no lower-case word to tell, the query is read as written.
    expect(latinQuestionLanguage('Quellmark Velmora de la Harwick')).toBeNull();
    expect(latinQuestionLanguage('what did Quellmark say about the de la Harwick bridge')).toBeNull();
    // One function word is as often an English query's abbreviation ("un" the UN, "ne" New England).
    expect(latinQuestionLanguage('un conference harwick adopts new rubber pact')).toBeNull();
    expect(latinQuestionLanguage('ne velmora electric sees higher construction outlays')).toBeNull();
    // A word spelt with a letter English lacks is the second clue beside the one function word.
    expect(latinQuestionLanguage('quellmark país de origem')).toBe('pt');
    expect(latinQuestionLanguage('quellmark pais de origem')).toBeNull();
  });

  it('tells a keyword query\'s language by its words when it has no function words', () => {
    expect(latinQuestionLanguage('brücken baukosten stadtrat')).toBe('de');
    expect(latinQuestionLanguage('bridge building costs council')).toBeNull();
  });
});
