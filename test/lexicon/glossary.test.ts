import { describe, expect, it } from 'vitest';
import { cyrillicLanguage, translateWord } from '../../src/lexicon/glossary.js';

// The committed tables (lexicon/), on everyday words in the inflected forms questions use.
describe('translating Russian and Ukrainian words', () => {
  it('finds a Russian word in any case form', () => {
    for (const form of ['ракета', 'ракеты', 'ракетами']) expect(translateWord(form, 'ru')[0]).toBe('missile');
    expect(translateWord('выборы', 'ru')[0]).toBe('election');
  });

  it('reaches English from Ukrainian through Russian', () => {
    expect(translateWord('країни', 'uk')[0]).toBe('country');
    expect(translateWord('ракетою', 'uk')[0]).toBe('missile');
    expect(translateWord('ціна', 'uk')).toContain('price');
    expect(translateWord('році', 'uk')[0]).toBe('year');
  });

  it('reads a Ukrainian word through the lemma of its stem it is spelt like, a verb form through a verb', () => {
    expect(['city', 'town']).toContain(translateWord('місто', 'uk')[0]);
    expect(translateWord('суду', 'uk')[0]).toBe('court');
    expect(translateWord('суд', 'uk')[0]).toBe('court');
    expect(translateWord('уряд', 'uk')[0]).toBe('government');
    expect(translateWord('коштує', 'uk')[0]).toBe('cost');
    // A genitive plural is a noun's form, not its adjective's ("відсотковий").
    expect(translateWord('відсотків', 'uk')[0]).toBe('percentage');
    // One letter closer to a rarer lemma ("грош", a coin) does not outweigh the commoner one ("гроші", money).
    expect(translateWord('грошей', 'uk')[0]).toBe('money');
  });

  it('tells a noun from the verb that shares its stem by the form asked', () => {
    expect(translateWord('порту', 'ru')[0]).toBe('port');
    expect(translateWord('портить', 'ru')[0]).not.toBe('port');
  });

  it('reads a plural the dictionary also lists as a headword as the plural of the plain word ("потери": losses)', () => {
    expect(translateWord('потери', 'ru')[0]).toBe('loss');
  });

  it('reads the present tense of a verb in -овать by its infinitive, not by a noun sharing the shorter stem', () => {
    expect(translateWord('голосует', 'ru')[0]).toBe('vote');
    expect(translateWord('голос', 'ru')[0]).toBe('voice');
    expect(translateWord('используют', 'ru')).toContain('use');
    expect(translateWord('используя', 'ru')).toContain('use');
  });

  it('reads a perfective verb, as questions about news use it, by its imperfective partner', () => {
    expect(translateWord('решил', 'ru')[0]).toBe('decide');
    expect(translateWord('создал', 'ru')[0]).toBe('create');
    expect(translateWord('открыли', 'ru')[0]).toBe('open');
    expect(translateWord('вирішив', 'uk')[0]).toBe('decide');
    expect(translateWord('предложил', 'ru')).toContain('propose');
    expect(translateWord('запропонував', 'uk')).toContain('propose');
    // The past of a verb in -нуть drops -ну-; its imperfective is in -ать.
    expect(translateWord('погибли', 'ru')[0]).toBe('perish');
    expect(translateWord('загинули', 'uk')[0]).toBe('perish');
    expect(translateWord('приняли', 'ru')[0]).toBe('accept');
    expect(translateWord('нашли', 'ru')[0]).toBe('find');
    // Pairs no pattern forms; the noun that shares the stem keeps its own reading.
    expect(translateWord('купила', 'ru')[0]).toBe('buy');
    expect(translateWord('стал', 'ru')[0]).toBe('become');
    expect(translateWord('сталь', 'ru')[0]).toBe('steel');
  });

  it('finds the past tense of a verb in -еть, which the stemmer leaves whole, by its infinitive', () => {
    expect(translateWord('хотели', 'ru')[0]).toBe('want');
    expect(translateWord('смотрела', 'ru')).toContain('look');
  });

  it('leaves alone an imperfective verb with a look-alike partner, and a noun that looks like a past tense', () => {
    expect(translateWord('стоить', 'ru')[0]).toBe('cost');
    expect(translateWord('дела', 'ru')).not.toContain('do');
  });

  it('finds a noun whose last vowel drops as it declines ("уровень", "уровня")', () => {
    expect(translateWord('уровня', 'ru')[0]).toBe('level');
    expect(translateWord('отца', 'ru')[0]).toBe('father');
    // And a genitive plural that gains one.
    expect(translateWord('денег', 'ru')[0]).toBe('money');
  });

  it('reads an adjective the dictionary lacks as the noun it is made from', () => {
    expect(translateWord('сетевых', 'ru')[0]).toBe('network');
    expect(translateWord('мережевих', 'uk')[0]).toBe('network');
  });

  it('reads a superlative the dictionary lacks by the word it is made from', () => {
    expect(translateWord('найбільше', 'uk')).toContain('more');
  });

  it('returns nothing for a word no table holds', () => {
    expect(translateWord('абвгдейка', 'ru')).toEqual([]);
  });

  it('tells the two languages apart by the letters only one of them has', () => {
    expect(cyrillicLanguage('Скільки коштує квиток?')).toBe('uk');
    expect(cyrillicLanguage('Сколько стоит билет? Объясните.')).toBe('ru');
    expect(cyrillicLanguage('Коли?')).toBe('uk');
    expect(cyrillicLanguage('Завод?')).toBeNull();
  });

  it('tells them apart by common words when no letter does', () => {
    expect(cyrillicLanguage('Хто створив статуетку?')).toBe('uk');
    expect(cyrillicLanguage('Кто создал статуэтку?')).toBe('ru');
  });
});
