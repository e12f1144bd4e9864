import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { englishExonym, englishPlaceAt, placeOfAdjective } from '../../src/text/exonyms.js';
import { parseQuery } from '../../src/search/query.js';
import { foldForIndex } from '../../src/text/fold.js';

describe('English names of places written in Cyrillic (CLDR data)', () => {
  it('maps Ukrainian and Russian case forms of countries and capitals', () => {
    for (const word of ['Франція', 'Францію', 'Франції', 'Франция', 'Францией']) expect(englishExonym(word)).toBe('france');
    for (const word of ['Берлін', 'Берліна', 'Берлине']) expect(englishExonym(word)).toBe('berlin');
    expect(englishExonym('Токіо')).toBe('tokyo');
  });

  it('follows the Ukrainian і → е/о alternation of case forms', () => {
    for (const word of ['Кишинів', 'Кишинева', 'Кишиневі']) expect(englishExonym(word)).toBe('chișinău');
  });

  it('covers other Cyrillic-script languages', () => {
    expect(englishExonym('България')).toBe('bulgaria');
    expect(englishExonym('Болгарії')).toBe('bulgaria');
    expect(englishExonym('Қазақстан')).toBe('kazakhstan');
    expect(englishExonym('Београд')).toBe('belgrade');
    expect(englishExonym('Србије')).toBe('serbia');
  });

  it('matches short names only as whole words', () => {
    expect(englishExonym('ООН')).toBe('united nations');
    expect(englishExonym('Оон')).toBe('united nations');
  });

  it('reads a place named in several words in any case form, as one name', () => {
    expect(englishPlaceAt(['до', 'Південної', 'Кореї'], 1)).toEqual({ english: 'south korea', length: 2 });
    expect(englishPlaceAt(['Новой', 'Зеландии'], 0)).toEqual({ english: 'new zealand', length: 2 });
    expect(englishPlaceAt(['Новой', 'школы'], 0)).toBeNull();
    const q = parseQuery('Скільки експортує Велика Британія до Сполучених Штатів?');
    expect(q.words).toEqual(expect.arrayContaining(['united', 'kingdom', 'states']));
    expect(q.names[q.words.indexOf('kingdom')]).toBe(true);
  });

  it('leaves ordinary words and personal names alone', () => {
    for (const word of ['Сказав', 'Коли', 'Світлана', 'Ковальчук']) expect(englishExonym(word)).toBeNull();
  });

  it('reads an adjective formed from a place as that place, in any case form', () => {
    expect(['шведские', 'мексиканскую', 'естонських', 'норвезькі', 'мексиканських'].map(placeOfAdjective)).toEqual(['sweden', 'mexico', 'estonia', 'norway', 'mexico']);
    // Adjectives of no place, and one whose stem would fit several places, are left to the dictionary.
    expect(['женский', 'городской', 'людський', 'морських'].map(placeOfAdjective)).toEqual([null, null, null, null]);
    expect(parseQuery('Що сказали мексиканські військові?').english).toContain('Mexico');
  });

  it('gives old Latin spellings of renamed cities their current one', () => {
    expect(foldForIndex('Calcutta Rangoon')).toBe(foldForIndex('Kolkata Yangon'));
  });

  it('names its source and licence', () => {
    const data = JSON.parse(readFileSync(new URL('../../lexicon/places/place-names.json', import.meta.url), 'utf8')) as { source: string };
    expect(data.source).toMatch(/Unicode CLDR 48\.2\.0/);
    expect(data.source).toMatch(/Unicode License/);
  });
});
