import { describe, expect, it } from 'vitest';
import { leadQuote, suiteCoverage } from '../helpers/coverage-index.js';
import { parseQuery, withLowerCaseNames } from '../../src/search/query.js';

const article = (title: string, date: string, body: string) => `---
title: "${title}"
outlet: Wire Service
date: ${date}
---

${body}
`;

const ARTICLES: Record<string, string> = {
  'quorvel-opening.md': article(
    'Quorvel Nights tops the chart',
    '2031-01-12',
    'Quorvel Nights went straight to the top of the chart, ahead of two family films. ' +
      'It took £3.1m in its first three days, twice as much as the film in second place. ' +
      'Cinema owners said the takings across the country were the best of the winter.',
  ),
  'winter-cinema.md': article(
    'Cinema takings fall in the cold',
    '2031-01-20',
    'Takings at cinemas fell by a fifth as snow kept families at home. ' +
      'Owners said the takings would recover once the weather turned.',
  ),
  'harbour-march.md': article(
    'Harbour board sets fees',
    '2031-03-04',
    'The harbour board agreed to raise mooring fees by 4% after a long meeting on Tuesday.',
  ),
  'harbour-october.md': article(
    'Harbour board sets fees',
    '2031-10-07',
    'The harbour board agreed to freeze mooring fees after a short meeting on Tuesday.',
  ),
};

describe('a question typed all in lower case', () => {
  const fixture = suiteCoverage({ articles: ARTICLES });

  it('reads a word no dictionary has as a name, so "It took …" after the sentence naming it answers', async () => {
    expect(await leadQuote(fixture.coverage, 'quorvel nights takings')).toContain('£3.1m');
  });

  it('reads a month as a name the article\u2019s dateline says', async () => {
    expect(await leadQuote(fixture.coverage, 'what did the harbour board decide on mooring fees in october')).toContain('freeze');
    expect(await leadQuote(fixture.coverage, 'what did the harbour board decide on mooring fees in march')).toContain('raise');
  });
});

describe('withLowerCaseNames', () => {
  const dictionary = (w: string) => ['nights', 'takings'].includes(w);
  const names = (q: string) => {
    const query = withLowerCaseNames(parseQuery(q), dictionary);
    return query.words.filter((_, i) => query.names[i]);
  };

  it('marks unknown words and months, not dictionary words', () => {
    expect(names('quorvel nights takings in october')).toEqual(['quorvel', 'october']);
  });

  it('leaves a question with capitals as its capitals say', () => {
    expect(names('Quorvel nights takings in october')).toEqual(['quorvel']);
    expect(names('quorvel nights takings in October')).toEqual(['october']);
  });
});
