import { describe, expect, it } from 'vitest';
import { loanwordCandidates } from '../../src/search/loanwords.js';
import { parseQuery } from '../../src/search/query.js';
import { preferIndexedTranslations } from '../../src/search/gloss.js';

describe('English words a Russian or Ukrainian word was borrowed from', () => {
  it('finds the English word whose consonants the transliteration keeps, in any case form', () => {
    expect(loanwordCandidates('блогер')[0]).toBe('blogger');
    expect(loanwordCandidates('лайнер')[0]).toBe('liner');
    expect(loanwordCandidates('рейтингу')[0]).toBe('rating');
    expect(loanwordCandidates('хакеров')[0]).toBe('hacker');
  });

  it('respells the endings Cyrillic gives English ones ("-ция" for -tion)', () => {
    expect(loanwordCandidates('модернизации')).toContain('modernization');
    expect(loanwordCandidates('инфляции')[0]).toBe('inflation');
  });

  it('offers nothing for native words the dictionary lacks: adjectives, verbs, or a look-alike with another first sound', () => {
    expect(loanwordCandidates('мережевих')).toEqual([]);
    expect(loanwordCandidates('выросла')).toEqual([]);
    expect(loanwordCandidates('останнє')).toEqual([]);
    expect(loanwordCandidates('гематурия')).not.toContain('geometry');
  });

  it('reads an untranslated word of a question as its English original when the index holds it', () => {
    const q = parseQuery('Сколько зарабатывает хакер?');
    expect(q.words).not.toContain('hacker');
    const reread = preferIndexedTranslations(q, (w) => w === 'hacker');
    expect(reread.words).toContain('hacker');
    expect(reread.untranslated).toHaveLength(q.untranslated.length - 1);
    // The asker's word goes with its reading, for coverage written in their language.
    expect(reread.originals['hacker']).toEqual(q.untranslated.find((u) => u.lenders.includes('hacker'))!.keys);
    expect(preferIndexedTranslations(q, () => false).words).not.toContain('hacker');
  });
});
