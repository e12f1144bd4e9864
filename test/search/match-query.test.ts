import { describe, expect, it } from 'vitest';
import { matchQuery } from '../../src/search/match-query.js';
import { parseQuery } from '../../src/search/query.js';
import { WordCounts } from '../../src/search/searcher.js';

describe('matchQuery: specific names', () => {
  const counts = new WordCounts(new Map([['pellinger', 2], ['pcs', 2], ['orrin', 40], ['goals', 9], ['lisbon', 3]]), 500);
  const specific = (question: string) => {
    const query = parseQuery(question);
    const match = matchQuery(query, counts, [], { isDictionaryWord: (w) => ['goals', 'score'].includes(w) });
    return query.words.filter((_, i) => match.specific[i]);
  };

  it('marks a name no dictionary has that few passages hold', () => {
    expect(specific('How many goals did Pellinger score for Orrin?')).toEqual(['pellinger']);
  });

  it('leaves out an acronym, which may stand for a common noun the article spells out', () => {
    expect(specific('Which PCs did Orrin buy?')).toEqual([]);
  });

  it('leaves out a place, whose capital may stand for its government ("Lisbon hopes …")', () => {
    expect(specific('What does Lisbon hope Pellinger will do?')).toEqual(['pellinger']);
  });
});
