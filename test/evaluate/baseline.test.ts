import { describe, expect, it } from 'vitest';
import { chunkText, minisearchBaseline, type RawArticle } from '../../src/evaluate/baseline.js';
import { correctRank } from '../../src/evaluate/metrics.js';

// Invented articles. The first is long enough to span three chunks; its pond figure sits in the second.
const filler = 'Volunteers raked leaves along the northern path and stacked the branches by the shed. ';
const articles: RawArticle[] = [
  { file: 'zz-garden-001.md', text: `${filler.repeat(12)}The new pond will hold 40,000 litres of rain water. ${filler.repeat(14)}` },
  { file: 'zz-garden-002.md', text: 'The orchard society elected Marta Quill as treasurer after a close vote on Tuesday.' },
  { file: 'zz-rail-001.md', text: 'The valley railway reopened its narrow-gauge line with a steam engine built in 1911.' },
];

describe('chunkText', () => {
  it('cuts every 1,000 characters with no overlap, keeping offsets', () => {
    const chunks = chunkText(articles[0]!.text);
    expect(chunks.map((c) => c.start)).toEqual([0, 1000, 2000]);
    expect(chunks.map((c) => c.text).join('')).toBe(articles[0]!.text);
    expect(chunks[0]!.text).toHaveLength(1000);
    expect(chunkText('')).toEqual([]);
  });
});

describe('minisearchBaseline', () => {
  const baseline = minisearchBaseline(articles);

  it('ranks the chunk that holds the words first and cites its file', async () => {
    const a = await baseline.ask('Who did the orchard society elect as treasurer?');
    expect(a.abstained).toBe(false);
    expect(a.citations[0]!.file).toBe('zz-garden-002.md');
    expect(correctRank(a, ['zz-garden-002'], ['Marta Quill'])).toBe(1);
  });

  it('uses the chunk as quote and passage alike', async () => {
    const a = await baseline.ask('How many litres will the new pond hold?');
    const top = a.citations[0]!;
    expect(top.file).toBe('zz-garden-001.md');
    expect(top.start).toBe(1000);
    expect(top.quote).toContain('40,000 litres');
    expect(await baseline.passageText(top.passageId)).toBe(top.quote);
  });

  it('never abstains and returns at most five chunks, numbered from 1', async () => {
    expect(baseline.abstains).toBe(false);
    const a = await baseline.ask('the path and the shed by the line');
    expect(a.citations.length).toBeLessThanOrEqual(5);
    expect(a.citations.map((c) => c.n)).toEqual(a.citations.map((_, i) => i + 1));
    expect((await baseline.ask('zebra quantum')).abstained).toBe(false);
  });
});
