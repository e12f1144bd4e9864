import { describe, expect, it } from 'vitest';
import { FEATURES } from '../../src/answer/features.js';
import { leadQuote, markdownArticle, suiteCoverage } from '../helpers/coverage-index.js';

describe('a translated question word, a dictionary guess, is matched through its less frequent senses too', () => {
  const fixture = suiteCoverage({
    articles: {
      'velmora-studio.md': markdownArticle(
        'Velmora studio turns fifty',
        'The Velmora studio\'s first film, Quiet Harbour, came out in 1982. ' +
          'The Velmora studio\'s biggest hit was the film Harbour Lights, seen by four million people. ' +
          'The studio now makes mostly television series.',
      ),
      // Another article says the words of a success's commoner senses, so the index holds them.
      'harwick-regatta.md': markdownArticle(
        'Harwick regatta draws record crowds',
        'The Harwick regatta was a successful day for the town, an occurrence its organisers called a triumph and an ' +
          'accomplishment. The mayor wished the crews godspeed, and the final, a barnburner, was a victory for the ' +
          'volunteers; the happening drew record crowds. Only the fish would not bite, the anglers on the bank said.',
      ),
    },
  });

  it('finds "hit" for the German "Erfolg", which the dictionary reads as success', async () => {
    const question = 'Welcher Film war der größte Erfolg des Studios Velmora?';
    const { candidates } = await fixture.coverage.sentencesFor(question);
    const saysOf = (text: string) => candidates.find((c) => c.sentence.text.includes(text))!.features[FEATURES.indexOf('coverage')]!;
    // Both sentences say the film, the studio and Velmora; only one says the success, as "hit".
    expect(saysOf('biggest hit')).toBeGreaterThan(saysOf('first film'));
    expect(await leadQuote(fixture.coverage, question)).toContain('Harbour Lights');
  });
});
