import { describe, expect, it } from 'vitest';
import { latinSpellings } from '../../src/search/name-spellings.js';

describe('Latin spellings of a name written in Cyrillic', () => {
  it('starts with the usual transliteration', () => {
    expect(latinSpellings('Столтенберг')[0]).toBe('stoltenberg');
  });

  it('includes the spelling a foreign name came into Cyrillic from', () => {
    expect(latinSpellings('Рютте')).toContain('rutte');
    expect(latinSpellings('Шольц')).toContain('scholz');
    expect(latinSpellings('Інтерфакс')).toContain('interfax');
    expect(latinSpellings('Байден')).toContain('biden');
  });

  it('reads a name in any case form', () => {
    expect(latinSpellings('Оскара')).toContain('oscar');
    expect(latinSpellings('Алана')).toContain('alan');
    expect(latinSpellings('Зеленського')).toContain('zelensky');
  });

  it('stays within a bound however long the name, and has nothing for a Latin one', () => {
    expect(latinSpellings('Шкодзінський-Чоловічковський').length).toBeLessThanOrEqual(3 * 48);
    expect(latinSpellings('Rutte')).toEqual([]);
  });
});
