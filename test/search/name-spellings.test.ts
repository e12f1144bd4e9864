import { describe, expect, it } from 'vitest';
import { latinSpellings } from '../../src/search/name-spellings.js';

describe('Latin spellings of a name written in Cyrillic', () => {
  it('starts with the usual transliteration', () => {
    expect(latinSpellings('Шмідт')[0]).toBe('shmidt');
  });

  it('includes the spelling a foreign name came into Cyrillic from', () => {
    expect(latinSpellings('Шмідт')).toContain('schmidt');
    expect(latinSpellings('Гюнтер')).toContain('gunter');
    expect(latinSpellings('Шульц')).toContain('schulz');
    expect(latinSpellings('Ксерокс')).toContain('xerox');
    // English writes th where Cyrillic has т.
    expect(latinSpellings('Томпсона')).toContain('thompson');
  });

  it('reads a name in any case form', () => {
    expect(latinSpellings('Віктора')).toContain('victor');
    expect(latinSpellings('Бориса')).toContain('boris');
    expect(latinSpellings('Ковальського')).toContain('kovalsky');
  });

  it('stays within a bound however long the name, and has nothing for a Latin one', () => {
    expect(latinSpellings('Шкодзінський-Чоловічковський').length).toBeLessThanOrEqual(3 * 48);
    expect(latinSpellings('Schulz')).toEqual([]);
  });

  it('allows the silent h a Latin spelling puts after a vowel, which Cyrillic does not write', () => {
    expect(latinSpellings('Джонстона')).toContain('johnston');
    expect(latinSpellings('Сара')).toContain('sarah');
    expect(latinSpellings('Леман')).toContain('lehman');
  });

  it('allows one consonant the Latin spelling doubles, after every single-letter candidate', () => {
    const spellings = latinSpellings('Бенет');
    expect(spellings).toContain('bennet');
    expect(spellings.indexOf('bennet')).toBeGreaterThan(spellings.indexOf('benet'));
    expect(latinSpellings('Тода')).toContain('todd');
  });
});
