import { describe, expect, it } from 'vitest';
import { parseQuery } from '../../src/search/query.js';
import { leadQuote, markdownArticle, suiteCoverage } from '../helpers/coverage-index.js';

describe('a number and its unit, written solid or apart ("400m", "400 m")', () => {
  it('reads a number and its unit typed apart as the one word news writes', () => {
    expect(parseQuery('When did Tarvin win the 400 m hurdles?').words).toContain('400m');
    expect(parseQuery('Wann gewann Tarvin die 400 m Hürden?').words).toContain('400m');
    // A number followed by a word is no unit.
    expect(parseQuery('How many of the 40 mills closed?').words).toEqual(expect.arrayContaining(['40', 'mills']));
  });

  const fixture = suiteCoverage({
    articles: {
      'tarvin-hurdles.md': markdownArticle(
        'Tarvin takes the hurdles title',
        'Ama Tarvin won the 400m hurdles at the county championships in 2029, her first senior title. ' +
          'She had finished fourth the year before. Her coach said she would now race abroad.',
      ),
      'brask-race.md': markdownArticle(
        'Brask fun run raises funds for the library',
        'More than 600 runners took part in the Brask fun run on Sunday. ' +
          'The 5 km course went twice round the park, and the winner finished in 17 minutes. ' +
          'The run raised money for the town library.',
      ),
    },
  });

  it('finds the number however the question and the article space it', async () => {
    expect(await leadQuote(fixture.coverage, 'When did Tarvin win the 400 m hurdles?')).toContain('2029');
    expect(await leadQuote(fixture.coverage, 'How long did the winner of the Brask 5km run take?')).toContain('17 minutes');
  });
});
