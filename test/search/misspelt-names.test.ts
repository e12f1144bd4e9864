import { describe, expect, it } from 'vitest';
import { indexedSpellings, namesToRespell, slipsOf, spellingsNear, typingSlips, withSpellings } from '../../src/search/misspelt-names.js';
import { expandQuery } from '../../src/search/expand.js';
import { parseQuery } from '../../src/search/query.js';
import { lightStem } from '../../src/text/terms.js';
import { openWordNet } from '../../src/wordnet/wordnet.js';

describe('misspelt names', () => {
  it('offers the edits names are misspelt by: a vowel, a doubled letter, a swap, a drop, a sound spelt two ways', () => {
    expect(spellingsNear('brennet')).toContain('brennat');
    expect(spellingsNear('okkoye')).toContain('okoye');
    // A vowel is doubled too (transliterations differ so), and a shorter word may be respelt when asked to.
    expect(spellingsNear('okoye')).toContain('okooye');
    expect(spellingsNear('lask')).toEqual([]);
    expect(spellingsNear('lask', 4)).toContain('laask');
    expect(spellingsNear('dorit')).toContain('dorrit');
    expect(spellingsNear('brentt')).toContain('brent');
    expect(spellingsNear('mriam')).toContain('miram');
    expect(spellingsNear('kowalsky')).toContain('cowalsky');
    expect(spellingsNear('pell')).toEqual([]);
    expect(spellingsNear('brennet')).not.toContain('brennet');
  });

  it('respells only names the index lacks, as the near spelling it holds most, in the words and the English text', () => {
    const query = parseQuery('What did Ines Dorit say about the Lask rule?');
    const inIndex = (w: string) => ['ines', 'dorrit', 'lask', 'rule', 'say'].includes(w);
    const misspelt = namesToRespell(query, inIndex, (w) => ['rule', 'say'].includes(w));
    expect(misspelt).toEqual(['dorit']);
    const tried = new Map(misspelt.map((w) => [w, spellingsNear(w)]));
    const respelt = withSpellings(query, indexedSpellings(tried, inIndex, (words) => words[0]!), lightStem);
    expect(respelt.words).toEqual(['ines', 'dorrit', 'lask', 'rule']);
    // Still capitalised: the name respelt is still a name.
    expect(respelt.english).toBe('What did Ines Dorrit say about the Lask rule?');
    expect(withSpellings(query, indexedSpellings(tried, () => false, (words) => words[0]!), lightStem)).toBe(query);
  });

  it('leaves a question read from Cyrillic to its own name spellings', () => {
    expect(namesToRespell(parseQuery('Що сказав Доріт?'), () => false, () => false)).toEqual([]);
  });

  it('offers the slips of a typist: a letter left out, a neighbouring key struck instead or as well, two letters swapped', () => {
    expect(typingSlips('pensin')).toContain('pension');
    expect(typingSlips('captaun')).toContain('captain');
    expect(typingSlips('harbouer')).toContain('harbour');
    expect(typingSlips('hrabour')).toContain('harbour');
    expect(typingSlips('harrbour')).toContain('harbour');
    // The first letter stays ("Varley" is no slip for "barley"), a key struck instead is a neighbour ("Marken" is
    // none for "market"), and a key struck as well sits by one typed with it ("boltaon" is none for "bolton").
    expect(typingSlips('varley')).not.toContain('barley');
    expect(typingSlips('marken')).not.toContain('market');
    expect(typingSlips('biltonn')).toContain('bilton');
    expect(typingSlips('boltaon')).not.toContain('bolton');
    expect(typingSlips('pens')).toEqual([]);
  });

  it('tries slips for a lower-case word only, not for a name the asker capitalised', () => {
    const query = parseQuery('how many staff does the Pensin scheme cover? and the pensin fund?');
    expect(slipsOf({ text: 'pensin fund', words: ['pensin'], names: [false] }, 'pensin')).toContain('pension');
    expect(slipsOf({ text: 'Pensin fund', words: ['pensin'], names: [true] }, 'pensin')).not.toContain('pension');
    expect(query.names[query.words.indexOf('pensin')]).toBe(true);
  });

  it('tries slips for a shorter word when the question capitalises its names, so its lower-case words are no names', () => {
    expect(slipsOf({ text: 'Where did the cargp go?', words: ['cargp'], names: [false] }, 'cargp')).toContain('cargo');
    expect(slipsOf({ text: 'where did the cargp go', words: ['cargp'], names: [false] }, 'cargp')).toEqual([]);
  });

  it('keeps a respelt question the asker\'s own English: its verbs still go one hop up, as an English question\'s do', () => {
    const query = parseQuery('when did the Dorit mill staff the new shed?');
    const respelt = withSpellings(query, new Map([['dorit', 'dorrit']]), lightStem);
    expect(respelt.words).toContain('dorrit');
    expect(respelt.translated).toBe(false);
    const expansions = expandQuery(respelt, openWordNet(), () => true);
    // "staff" (a verb here) → "provide", a verb's hypernym; a translated question's verbs are the dictionary's guesses and never go up.
    expect(expansions.some((e) => e.relation === 'hypernym' && e.words.includes('provide'))).toBe(true);
  });
});

