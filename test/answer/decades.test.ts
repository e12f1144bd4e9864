import { describe, expect, it } from 'vitest';
import { parseQuery } from '../../src/search/query.js';
import { leadQuote, suiteCoverage } from '../helpers/coverage-index.js';

const article = (title: string, body: string) => `---
title: "${title}"
outlet: Valley Courier
date: 2031-05-02
---

${body}
`;

describe('a decade written short ("the 70s")', () => {
  it('is read as the decade, not as the number an article would have to say', () => {
    expect(parseQuery("was the Tarvin drought worse in the 70s?").words).toContain('seventies');
    expect(parseQuery("what did the Brask mill make in the '80s").words).toContain('eighties');
    expect(parseQuery('how many of the 70 Tarvin mills closed').words).toContain('70');
    expect(parseQuery('what did the Brask mill make in the 1980s').words).toContain('1980');
  });

  const fixture = suiteCoverage({
    articles: {
      'tarvin-drought.md': article(
        'Tarvin reservoirs fall to a record low',
        'Tarvin reservoirs fell to 31% of capacity this week, the water board said. ' +
          'The board said the drought was not the worst on record: the reservoirs ran lower in the seventies. ' +
          'Hosepipe bans will stay in place until the autumn.',
      ),
      'brask-mill.md': article(
        'Brask mill to close after a century',
        'The Brask paper mill will close in June, ending a century of papermaking in the town. ' +
          'In the 1980s the mill made most of the country\u2019s newsprint, employing 900 people. ' +
          'Its owners blamed falling demand.',
      ),
    },
  });

  it('finds the decade written as a word or with its century', async () => {
    expect(await leadQuote(fixture.coverage, 'Has the Tarvin drought been worse before, back in the 70s?')).toContain('seventies');
    expect(await leadQuote(fixture.coverage, "What did the Brask mill make in the '80s?")).toContain('newsprint');
  });
});
