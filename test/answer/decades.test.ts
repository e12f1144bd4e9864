import { describe, expect, it } from 'vitest';
import { parseQuery } from '../../src/search/query.js';
import { leadQuote, markdownArticle, suiteCoverage } from '../helpers/coverage-index.js';

describe('a decade written short ("the 60s")', () => {
  it('is read as the decade, not as the number an article would have to say', () => {
    expect(parseQuery("did the Tarvin reservoirs run dry during the 60s?").words).toContain('sixties');
    expect(parseQuery("what did the Brask mill make in the '80s").words).toContain('eighties');
    expect(parseQuery('how many of the 70 Tarvin mills closed').words).toContain('70');
    expect(parseQuery('what did the Brask mill make in the 1980s').words).toContain('1980');
    // As other languages write it.
    expect(parseQuery('¿Qué fabricaba el molino de Brask en los años 80?').words).toContain('eighties');
    expect(parseQuery('Was stellte die Mühle in Brask in den 80er Jahren her?').words).toContain('eighties');
    expect(parseQuery('Что производила мельница в Браске в 80-х годах?').words).toContain('eighties');
    expect(parseQuery('Wie viele der 80 Mühlen in Brask schlossen?').words).toContain('80');
  });

  const fixture = suiteCoverage({
    articles: {
      'tarvin-drought.md': markdownArticle(
        'Tarvin reservoirs fall to a record low',
        'Tarvin reservoirs fell to 31% of capacity this week, the water board said. ' +
          'The board said the reservoirs had run lower once before, during the sixties, when two of them dried up. ' +
          'Hosepipe bans will stay in place until the autumn.',
      ),
      'brask-mill.md': markdownArticle(
        'Brask mill to close after a century',
        'The Brask paper mill will close in June, ending a century of papermaking in the town. ' +
          'In the 1980s the mill made most of the country\u2019s newsprint, employing 900 people. ' +
          'Its owners blamed falling demand.',
      ),
    },
  });

  it('finds the decade written as a word or with its century', async () => {
    expect(await leadQuote(fixture.coverage, 'Did the Tarvin reservoirs ever run this low during the 60s?')).toContain('sixties');
    expect(await leadQuote(fixture.coverage, "What did the Brask mill make in the '80s?")).toContain('newsprint');
  });
});
