import { describe, expect, it } from 'vitest';
import { leadQuote, markdownArticle, suiteCoverage } from '../helpers/coverage-index.js';

const article = (title: string, body: string) => markdownArticle(title, body, { outlet: 'Wire Service' });

// Two stories alike but for the country: only the one that writes "US" or "U.S." is about the United States.
const ARTICLES: Record<string, string> = {
  'a-bicycle-duty.md': article('New duty on bicycles', 'Canada imposed a 5% tariff on imported bicycles on Monday, the trade ministry said.'),
  'b-bicycle-tariff.md': article('Tariff on bicycles', 'The US imposed a 20% tariff on imported bicycles on Monday, the trade ministry said.'),
  'c-steel-duty.md': article('Steel duty', 'Canada put a 7% tariff on steel from abroad, the trade ministry said.'),
  'd-steel-tariff.md': article('Steel tariff', 'The U.S. put a 12% tariff on steel from abroad, the trade ministry said.'),
};

describe('the United States written "US" or "U.S."', () => {
  const fixture = suiteCoverage({ articles: ARTICLES });

  it('answers a question that names the country in full or by its adjective', async () => {
    expect(await leadQuote(fixture.coverage, 'What tariff did the United States put on bicycles?')).toContain('20%');
    expect(await leadQuote(fixture.coverage, 'How big is the American tariff on steel?')).toContain('12%');
  });

  it('answers a question that writes the abbreviation the other way', async () => {
    expect(await leadQuote(fixture.coverage, 'What tariff did the U.S. put on bicycles?')).toContain('20%');
    expect(await leadQuote(fixture.coverage, 'US tariff on steel')).toContain('12%');
  });
});
