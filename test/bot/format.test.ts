import { describe, expect, it } from 'vitest';
import type { Answer, Citation, QuoteLookup, SourceSummary } from '../../src/domain.js';
import { CITATIONS_PER_PAGE, formatAnswer, parseFooter } from '../../src/bot/format/answer.js';
import { formatQuoteLookup } from '../../src/bot/format/cite.js';
import { displayDate } from '../../src/text/display-date.js';
import { fitEmbeds, truncate } from '../../src/bot/format/limits.js';
import { formatSources } from '../../src/bot/format/sources.js';
import { formatPassage, formatSource, formatStats } from '../../src/bot/format/source.js';
import { validateMessage } from '../helpers/fake-discord.js';

const sentence = (i: number) => `Sentence number ${i} says something about missiles over Ukraine. `;
const long = (chars: number) => Array.from({ length: Math.ceil(chars / 60) }, (_, i) => sentence(i)).join('').slice(0, chars);

const source: SourceSummary = {
  id: 'doc1', file: '/c/a.txt', aliases: [], title: 'A title', outlet: 'Harbour Gazette', author: 'Edda Quillon',
  published: '2024-10-03', url: 'https://harbour-gazette.example/a', language: 'en', passages: 4,
};

function citation(n: number, over: Partial<Citation> = {}): Citation {
  return {
    n, documentId: 'doc1', passageId: n, file: '/c/a.txt', title: `Title ${n}`, outlet: 'Harbour Gazette', author: 'Edda Quillon',
    published: '2024-10-03', url: `https://harbour-gazette.example/${n}`, quote: sentence(n), start: 0, end: 10, score: 0.5, alsoIn: [], ...over,
  };
}

function answer(over: Partial<Answer> = {}): Answer {
  const citations = over.citations ?? [citation(1), citation(2)];
  return { question: 'Q?', abstained: false, answer: citations.map((c) => `${c.quote.trim()} [${c.n}]`).join(' '), citations, closest: [], searched: 5, evidence: 0.8, timingMs: { total: 1 }, ...over };
}

describe('truncate', () => {
  it('cuts at a sentence boundary with "…"', () => {
    expect(truncate('First sentence here. Second one is longer than the room.', 40)).toBe('First sentence here.…');
    expect(truncate('short', 10)).toBe('short');
  });
  it('falls back to a word boundary, then to a hard cut, never over the limit', () => {
    expect(truncate('one two three four five six seven', 20)).toBe('one two three four…');
    expect(truncate('x'.repeat(50), 10)).toBe('x'.repeat(9) + '…');
    for (const max of [1, 2, 17, 1024]) expect(truncate(long(5000), max).length).toBeLessThanOrEqual(max);
  });
  it('does not split a surrogate pair', () => {
    expect(truncate('😀'.repeat(10), 6)).toBe('😀😀…');
  });
});

describe('formatAnswer', () => {
  it('names fields "[n] Outlet · Title" with "> quote" and "Author · 3 Oct 2024 · link"', () => {
    const reply = formatAnswer(answer(), { key: 'k' });
    expect(reply.embeds[0]!.fields![0]).toEqual({
      name: '[1] Harbour Gazette · Title 1',
      value: `> ${sentence(1).trim()}\nEdda Quillon · 3 Oct 2024 · https://harbour-gazette.example/1`,
    });
  });

  it('omits unknown parts', () => {
    const c = citation(1, { outlet: null, author: null, url: null, published: null });
    expect(formatAnswer(answer({ citations: [c] }), { key: 'k' }).embeds[0]!.fields![0]).toEqual({ name: '[1] Title 1', value: `> ${sentence(1).trim()}` });
  });

  it('keeps 40 citations, 5,000-character quotes and a 1,000-character question within every limit', () => {
    const citations = Array.from({ length: 40 }, (_, i) => citation(i + 1, { quote: long(5000), title: long(400), url: 'https://x.org/' + 'p'.repeat(900) }));
    const a = answer({ question: long(1000), citations, answer: long(9000) });
    for (let page = 0; page < Math.ceil(40 / CITATIONS_PER_PAGE); page++) {
      const reply = formatAnswer(a, { key: '123456789012345678', page, options: { outlet: long(200), since: '2024-01-01' } });
      expect(validateMessage(reply)).toEqual([]);
      expect(reply.embeds[0]!.description!.endsWith('…')).toBe(true);
    }
  });

  it('pages citations and wraps "More sources" back to the first page', () => {
    const a = answer({ citations: Array.from({ length: 7 }, (_, i) => citation(i + 1)) });
    const ids = (p: number) => formatAnswer(a, { key: 'k', page: p }).components.flatMap((r) => r.components.map((c) => ('custom_id' in c ? c.custom_id : '')));
    expect(ids(0)).toEqual(['ask:show:1:1', 'ask:show:2:2', 'ask:show:3:3', 'ask:more:k:1', 'ask:fb:k:up', 'ask:fb:k:down']);
    expect(ids(2)).toEqual(['ask:show:7:7', 'ask:more:k:0', 'ask:fb:k:up', 'ask:fb:k:down']);
  });

  it('shows an abstention with the closest sources, "closest, not an answer"', () => {
    const reply = formatAnswer(answer({ abstained: true, answer: 'The coverage does not answer this question.', citations: [], closest: [citation(1)] }), { key: 'k' });
    const embed = reply.embeds[0]!;
    expect(embed.fields).toBeUndefined();
    expect(embed.description).toBe('The coverage does not answer this question.\n\n**Closest, not an answer:**\n• Harbour Gazette · Title 1 · 3 Oct 2024 · https://harbour-gazette.example/1');
  });

  it('lists each closest article once, however many of its passages came close', () => {
    const closest = [citation(1), citation(2, { title: 'Title 1', url: 'https://harbour-gazette.example/1' }), citation(3)];
    const embed = formatAnswer(answer({ abstained: true, answer: 'The coverage does not answer this question.', citations: [], closest }), { key: 'k' }).embeds[0]!;
    expect(embed.description!.split('\n').filter((l) => l.startsWith('• '))).toEqual([
      '• Harbour Gazette · Title 1 · 3 Oct 2024 · https://harbour-gazette.example/1',
      '• Harbour Gazette · Title 3 · 3 Oct 2024 · https://harbour-gazette.example/3',
    ]);
  });

  it('writes filters into the footer so a re-run can read them back', () => {
    const options = { outlet: 'Harbour · Gazette', since: '2024-01-01', until: '2024-12-31', documentId: '0a1b2c3d4e5f' };
    const reply = formatAnswer(answer(), { key: 'k', options });
    expect(parseFooter(reply.embeds[0]!.footer!.text)).toEqual(options);
    const oneArticle = formatAnswer(answer(), { key: 'k', options: { documentId: '0a1b2c3d4e5f' } });
    expect(parseFooter(oneArticle.embeds[0]!.footer!.text)).toEqual({ documentId: '0a1b2c3d4e5f' });
  });
});

describe('other formatters stay within the limits with pathological input', () => {
  it('shows a 5,000-character passage whole, over two embeds', () => {
    const text = long(5000);
    const reply = formatPassage({ passage: { id: 1, documentId: 'doc1', ordinal: 0, start: 0, end: 5000, text }, source });
    expect(validateMessage(reply)).toEqual([]);
    expect(reply.embeds).toHaveLength(2);
    const shown = reply.embeds.map((e) => e.description!).join(' ').replace(/…/g, '').replace(/\s+/g, ' ');
    expect(shown).toBe(text.replace(/\s+/g, ' ').trim());
  });

  it('cuts a 9,000-character passage to fit 6,000 characters in all', () => {
    const reply = formatPassage({ passage: { id: 1, documentId: 'doc1', ordinal: 0, start: 0, end: 9000, text: long(9000) }, source });
    expect(validateMessage(reply)).toEqual([]);
  });

  it('cite, sources, source, stats', () => {
    const lookup: QuoteLookup = {
      quote: long(1000),
      matches: Array.from({ length: 30 }, (_, i) => ({
        documentId: 'd', passageId: i, file: 'f', title: long(300), outlet: 'O', author: null, published: null, url: null,
        passage: long(5000), exact: i % 2 === 0, score: 1, citation: long(1200),
      })),
    };
    const many = Array.from({ length: 40 }, (_, i) => ({ ...source, id: `d${i}`, title: long(500), url: 'https://x.org/' + 'q'.repeat(300) }));
    const weird = { ...source, title: long(900), url: 'not a url', aliases: Array.from({ length: 50 }, () => long(100)) };
    const stats = { documents: 1, passages: 2, outlets: Array.from({ length: 300 }, (_, i) => `Outlet ${i}`), earliest: null, latest: '2024-10-03', embeddingModel: null, updatedAt: null };
    for (const reply of [formatQuoteLookup(lookup), formatSources(many, { key: 'k', page: 1, filter: { search: long(200) } }), formatSource(weird), formatStats(stats)]) {
      expect(validateMessage(reply)).toEqual([]);
    }
  });

  it('fitEmbeds shares 6,000 characters across ten embeds', () => {
    const embeds = Array.from({ length: 12 }, () => ({ title: long(300), description: long(4096) }));
    const out = fitEmbeds(embeds);
    expect(validateMessage({ embeds: out })).toEqual([]);
    expect(out).toHaveLength(10);
  });
});

describe('displayDate', () => {
  it.each([['2024-10-03', '3 Oct 2024'], ['2024-10', 'Oct 2024'], ['2024', '2024'], [null, null], ['soon', 'soon']])('%s → %s', (iso, shown) => {
    expect(displayDate(iso)).toBe(shown);
  });
});
