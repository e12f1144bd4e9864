import { describe, expect, it } from 'vitest';
import { readJsonLd } from '../../src/read/json-ld.js';

describe('readJsonLd', () => {
  it('reads a NewsArticle and decodes the HTML references some publishers leave in its text values', () => {
    const block = JSON.stringify({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: 'Harwick&#8217;s ferry &amp; canal deal',
      author: [{ '@type': 'Person', name: 'Ana L&#237;ma' }],
      datePublished: '2024-08-05',
      publisher: { '@type': 'Organization', name: 'Harbor Gazette' },
    });
    const article = readJsonLd(['not json', block]);
    expect(article?.headline).toBe('Harwick’s ferry & canal deal');
    expect(article?.authors).toEqual(['Ana Líma']);
    expect(article?.publisher).toBe('Harbor Gazette');
  });

  it('finds the article in a @graph and ignores blocks that describe no article', () => {
    const graph = JSON.stringify({ '@graph': [{ '@type': 'WebSite', name: 'Gazette' }, { '@type': 'ReportageNewsArticle', headline: 'Canal reopens' }] });
    expect(readJsonLd([graph])?.headline).toBe('Canal reopens');
    expect(readJsonLd([JSON.stringify({ '@type': 'WebSite', name: 'Gazette' })])).toBeNull();
  });
});
