import { describe, expect, it } from 'vitest';
import { withoutChatFraming } from '../../src/search/chat-framing.js';
import { parseQuery } from '../../src/search/query.js';
import { leadQuote, markdownArticle, suiteCoverage } from '../helpers/coverage-index.js';

describe('withoutChatFraming', () => {
  it.each([
    ['hey bot, quick question: who runs the Dellow ferry?', 'who runs the Dellow ferry?'],
    ['hi all - when does the Tarvin bridge reopen', 'when does the Tarvin bridge reopen'],
    ['yo what happened at the Marlow plant', 'what happened at the Marlow plant'],
    ['@newsdesk how many jobs went at Corvey Mills?', 'how many jobs went at Corvey Mills?'],
    ['<@!4471> how many jobs went at Corvey Mills?', 'how many jobs went at Corvey Mills?'],
    ['I was wondering what the Pell Trust paid for the site', 'what the Pell Trust paid for the site'],
    ["I'm curious about the Brask harbour fees", 'the Brask harbour fees'],
    ['Does anyone know if the Oxley strike went ahead?', 'whether the Oxley strike went ahead?'],
    ['can someone remind me who chairs the Ostrel board', 'who chairs the Ostrel board'],
    ['any idea when the Haddon vote is', 'when the Haddon vote is'],
    ['pls which firms signed the Quell pact', 'which firms signed the Quell pact'],
    ['who won the Verrin cup? thanks in advance!', 'who won the Verrin cup?'],
    ['who won the Verrin cup?? anyone?', 'who won the Verrin cup?'],
    ['thanks! and what about the Tarvin bridge?', 'and what about the Tarvin bridge?'],
    ['any news on the Tarvin bridge?', 'the Tarvin bridge?'],
    ["what's going on with the Marlow plant", 'the Marlow plant'],
    ["tbh I was wondering what the Kestrel Lamps' debut single was lol", "what the Kestrel Lamps' debut single was"],
  ])('%s → %s', (asked, question) => {
    expect(withoutChatFraming(asked)).toBe(question);
  });

  it.each([
    'Hello magazine sales figures',
    'Hey Jude chart position',
    'right-wing parties in the Tarvin poll',
    'Please Please Me release date',
    'OK Computer sales',
    'Perfect Storm box office',
    'Did the Oxley strike affect anyone?',
    'If the Haddon vote fails, what happens?',
    'What question did the Tarvin MP ask?',
    'who chairs the IMO',
    'Any of the Tarvin MPs voted against?',
    'hi',
  ])('leaves "%s" as written', (question) => {
    expect(withoutChatFraming(question)).toBe(question);
  });

  it('asks whether when the asker wants to know if something happened', () => {
    expect(parseQuery('does anyone know if the Oxley strike went ahead').kind).toBe('yes-no');
    expect(parseQuery('I wonder whether the Oxley strike went ahead').words).toEqual(['oxley', 'strike', 'went', 'ahead']);
  });
});

const article = (title: string, body: string) => markdownArticle(title, body, { date: '2032-04-09' });

describe('a question wrapped in chat', () => {
  const fixture = suiteCoverage({
    articles: {
      'kestrel-band.md': article(
        'The Kestrel Lamps split after twenty years',
        'The Kestrel Lamps are to split after a farewell tour next spring. ' +
          'Their debut single, Copper Lanterns, spent nine weeks in the chart in 2011. ' +
          'The singer said the band had run its course.',
      ),
      // Words chat wraps questions in, said by some article: the index holds them, and a sentence lacking them loses evidence.
      'council-notes.md': article(
        'Council tries a shorter question time',
        'Councillors said they were wondering whether a quick question time at the end of meetings had helped. ' +
          'The team thanks everyone who came, and would like to know what residents think of it.',
      ),
      'harbour-fees.md': article(
        'Brask harbour raises mooring fees',
        'The Brask harbour board raised mooring fees by 6% on Tuesday. ' +
          'Fishing crews said the rise would cost each boat about £900 a year.',
      ),
    },
  });

  it('is answered as the plain question is, and the answer keeps the question as asked', async () => {
    const plain = await leadQuote(fixture.coverage, "What was the Kestrel Lamps' debut single?");
    expect(plain).toContain('Copper Lanterns');
    for (const asked of [
      "I was wondering what the Kestrel Lamps' debut single was",
      "hey bot, quick question - what was the Kestrel Lamps' debut single? thanks!",
      "does anyone know what the Kestrel Lamps' debut single was?? anyone?",
      "hey team, quick question - I was just wondering, does anyone know the Kestrel Lamps' debut single? thanks in advance!",
    ]) {
      const answer = await fixture.coverage.ask(asked);
      expect(answer.abstained, asked).toBe(false);
      expect(answer.citations[0]!.quote, asked).toBe(plain);
      expect(answer.question).toBe(asked);
    }
  });
});
