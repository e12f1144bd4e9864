import { describe, expect, it } from 'vitest';
import { cyrillicWords, translateWord } from '../../src/lexicon/glossary.js';
import { cyrillicLanguage } from '../../src/text/cyrillic-language.js';

// The committed tables (lexicon/), on everyday words in the inflected forms questions use.
/** The translation a question's word is read as. */
const first = (word: string, language: 'uk' | 'ru') => translateWord(word, language)[0];
describe('translating Russian and Ukrainian words', () => {
  it('finds a Russian word in any case form', () => {
    for (const form of ['ракета', 'ракеты', 'ракетами']) expect(translateWord(form, 'ru')[0]).toBe('missile');
    expect(first('выборы', 'ru')).toBe('election');
  });

  it("reads a word the inverted dictionary lacks, or files under another word's stem, by the sense-paired table", () => {
    // Newer words only the Wiktionary-made table has.
    expect(first('блогер', 'ru')).toBe('blogger');
    expect(first('блогеры', 'ru')).toBe('blogger');
    // Read backwards from English, "монархия" came first under "sovereign" and "печенье" under "liver" (печень).
    expect(first('монархия', 'ru')).toBe('monarchy');
    expect(['biscuit', 'cookie']).toContain(first('печенье', 'ru'));
    // Two lemmas of one stem are two words: "демократ" is a democrat, not a form of "демократия".
    expect(first('демократ', 'ru')).toBe('democrat');
    expect(first('демократия', 'ru')).toBe('democracy');
  });

  it('reaches English from Ukrainian through Russian', () => {
    expect(first('країни', 'uk')).toBe('country');
    expect(first('ракетою', 'uk')).toBe('missile');
    expect(translateWord('ціна', 'uk')).toContain('price');
    expect(first('році', 'uk')).toBe('year');
  });

  it('reads a Ukrainian adjective form through the adjective of its stem, not an adverb spelt as close', () => {
    // "перш" (before) and "перший" (first) share the stem; "-им" is an adjective's ending.
    expect(first('першим', 'uk')).toBe('first');
    expect(first('перш', 'uk')).not.toBe('first');
  });

  it('reads a Ukrainian word through the lemma of its stem it is spelt like, a verb form through a verb', () => {
    expect(['city', 'town']).toContain(first('місто', 'uk'));
    expect(first('суду', 'uk')).toBe('court');
    expect(first('суд', 'uk')).toBe('court');
    expect(first('уряд', 'uk')).toBe('government');
    expect(first('коштує', 'uk')).toBe('cost');
    // A genitive plural is a noun's form, not its adjective's ("відсотковий").
    expect(first('відсотків', 'uk')).toBe('percentage');
    // One letter closer to a rarer lemma ("грош", a coin) does not outweigh the commoner one ("гроші", money).
    expect(first('грошей', 'uk')).toBe('money');
  });

  it('tells a noun from the verb that shares its stem by the form asked', () => {
    expect(first('порту', 'ru')).toBe('port');
    expect(first('портить', 'ru')).not.toBe('port');
  });

  it('reads a plural the dictionary also lists as a headword as the plural of the plain word ("потери": losses)', () => {
    expect(first('потери', 'ru')).toBe('loss');
  });

  it('reads the present tense of a verb in -овать by its infinitive, not by a noun sharing the shorter stem', () => {
    expect(first('голосует', 'ru')).toBe('vote');
    expect(first('голос', 'ru')).toBe('voice');
    expect(translateWord('используют', 'ru')).toContain('use');
    expect(translateWord('используя', 'ru')).toContain('use');
  });

  it('reads the present tense of a verb in -давать, -ставать or -знавать, which drops its -ва-, by its infinitive', () => {
    expect(first('даёт', 'ru')).toBe('give');
    expect(first('дают', 'ru')).toBe('give');
    expect(first('встаёт', 'ru')).toBe('rise');
    expect(first('отстаёт', 'ru')).toBe('lag');
    expect(first('преподаёт', 'ru')).toBe('teach');
    expect(first('дає', 'uk')).toBe('give');
    // Nouns ending so keep their own reading.
    expect(first('вода', 'ru')).toBe('water');
    expect(first('звезда', 'ru')).toBe('star');
  });

  it('reads a Ukrainian reflexive verb form through the reflexive verb of its stem', () => {
    expect(first('залишається', 'uk')).toBe('remain');
    expect(first('залишає', 'uk')).not.toBe('remain');
    expect(translateWord('відбувається', 'uk')).toContain('happen');
  });

  it('reads a perfective verb, as questions about news use it, by its imperfective partner', () => {
    expect(first('решил', 'ru')).toBe('decide');
    expect(first('создал', 'ru')).toBe('create');
    expect(first('открыли', 'ru')).toBe('open');
    expect(first('вирішив', 'uk')).toBe('decide');
    expect(translateWord('предложил', 'ru')).toContain('propose');
    expect(translateWord('запропонував', 'uk')).toContain('propose');
    // The past of a verb in -нуть drops -ну-; its imperfective is in -ать.
    expect(first('погибли', 'ru')).toBe('perish');
    expect(first('загинули', 'uk')).toBe('perish');
    expect(first('приняли', 'ru')).toBe('accept');
    expect(first('нашли', 'ru')).toBe('find');
    // Pairs no pattern forms; the noun that shares the stem keeps its own reading.
    expect(first('купила', 'ru')).toBe('buy');
    expect(first('стал', 'ru')).toBe('become');
    expect(first('сталь', 'ru')).toBe('steel');
  });

  it('reads a past tense as a verb when its stem is in the dictionary only as other parts of speech', () => {
    // "сообщ" is listed only for "сообща" (together); "сообщил" is the past of "сообщить", whose partner reports.
    expect(first('сообщил', 'ru')).toBe('report');
    expect(first('сообща', 'ru')).toBe('together');
  });

  it('finds the past tense of a verb in -еть, which the stemmer leaves whole, by its infinitive', () => {
    expect(first('хотели', 'ru')).toBe('want');
    expect(translateWord('смотрела', 'ru')).toContain('look');
  });

  it('leaves alone an imperfective verb with a look-alike partner, and a noun that looks like a past tense', () => {
    expect(first('стоить', 'ru')).toBe('cost');
    expect(translateWord('дела', 'ru')).not.toContain('do');
  });

  it('finds a noun whose last vowel drops as it declines ("уровень", "уровня")', () => {
    expect(first('уровня', 'ru')).toBe('level');
    expect(first('отца', 'ru')).toBe('father');
    // And a genitive plural that gains one.
    expect(first('денег', 'ru')).toBe('money');
  });

  it('reads an adjective the dictionary lacks as the noun it is made from', () => {
    expect(first('сетевых', 'ru')).toBe('network');
    expect(first('мережевих', 'uk')).toBe('network');
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

describe('English words in Russian and Ukrainian', () => {
  it('gives an English word its first Russian translations, then their Ukrainian', () => {
    expect(cyrillicWords('library').slice(0, 1)).toEqual(['библиотека']);
    expect(cyrillicWords('library')).toContain('бібліотека');
    expect(cyrillicWords('cost')).toEqual(expect.arrayContaining(['цена', 'стоить', 'коштувати']));
    expect(cyrillicWords('zzzz')).toEqual([]);
  });
});
