import { describe, expect, it } from 'vitest';
import { namesToRespell, spellingsNear, withIndexedSpellings } from '../../src/search/misspelt-names.js';
import { parseQuery } from '../../src/search/query.js';
import { lightStem } from '../../src/text/terms.js';

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
    const respelt = withIndexedSpellings(query, misspelt, inIndex, (words) => words[0]!, lightStem);
    expect(respelt.words).toEqual(['ines', 'dorrit', 'lask', 'rule']);
    expect(respelt.english).toBe('What did Ines dorrit say about the Lask rule?');
    expect(withIndexedSpellings(query, misspelt, () => false, (words) => words[0]!, lightStem)).toBe(query);
  });

  it('leaves a question read from Cyrillic to its own name spellings', () => {
    expect(namesToRespell(parseQuery('Що сказав Доріт?'), () => false, () => false)).toEqual([]);
  });
});
