import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoverageService } from '../../src/coverage.js';
import { openTestCoverage, type TestCoverage } from '../helpers/coverage-index.js';

let fixture: TestCoverage;
let coverage: CoverageService;

beforeAll(async () => {
  fixture = await openTestCoverage();
  coverage = fixture.coverage;
});
afterAll(() => fixture?.close());

const QUESTIONS = [
  'What did Stoltenberg say about Poland intercepting missiles?',
  'Who reported Zelensky’s remarks about a coalition?',
  'What did Zelensky say about the F-16?',
  'When did Tusk discuss downing missiles with NATO?',
];

describe('ask', () => {
  it('quotes only exact spans of the cited articles, numbered in order', async () => {
    for (const question of QUESTIONS) {
      const answer = await coverage.ask(question);
      expect(answer.abstained, question).toBe(false);
      answer.citations.forEach((c, i) => {
        expect(c.n).toBe(i + 1);
        expect(fixture.articleText(c.documentId).slice(c.start, c.end)).toBe(c.quote);
      });
      // The answer text is the lead quote alone; the citations hold the rest.
      expect(answer.answer).toBe(`${answer.citations[0]!.quote.replace(/\s+/g, ' ')} [1]`);
    }
  });

  it('cites at most three passages of one article and shows a saved copy once, as "also in"', async () => {
    const answer = await coverage.ask('Zelensky coalition to shoot down Russian missiles over Ukraine', { k: 10 });
    const perDocument = new Map<string, number>();
    for (const c of answer.citations) perDocument.set(c.documentId, (perDocument.get(c.documentId) ?? 0) + 1);
    expect(Math.max(...perDocument.values())).toBeLessThanOrEqual(3);
    expect(answer.citations.some((c) => c.file.includes('002_'))).toBe(false);
    const page = answer.citations.find((c) => c.file.includes('000_'));
    expect(page?.alsoIn.map((f) => path.basename(f))).toContain('002_42b094852a3dd974.txt');
  });

  it('says the coverage does not answer an off-topic question, listing the closest sources as such', async () => {
    for (const question of ['What is the capital of Australia?', 'How many goals did Ukraine score at Euro 2024?', 'Who won the 1987 cocoa harvest?']) {
      const answer = await coverage.ask(question);
      expect(answer.abstained, question).toBe(true);
      expect(answer.citations).toEqual([]);
      expect(answer.answer).toMatch(/does not answer/);
    }
  });

  it('filters inside the search: a narrow filter still returns that outlet’s or period’s best passages', async () => {
    const since = await coverage.ask('Zelensky NATO missiles', { since: '2024-10-01' });
    expect(since.citations.length).toBeGreaterThan(0);
    expect(since.citations.every((c) => c.published! >= '2024-10-01')).toBe(true);
    const until = await coverage.ask('Stoltenberg Poland missiles', { until: '2024-07-31' });
    expect(until.citations.every((c) => c.published! <= '2024-07-31')).toBe(true);
    const outlet = (await coverage.outlets())[0]!;
    const byOutlet = await coverage.ask('Zelensky coalition missiles', { outlet });
    expect(byOutlet.citations.every((c) => c.outlet === outlet)).toBe(true);
  });

  it('puts the sentences of a timeline question in the order of the dates they mention', async () => {
    const answer = await coverage.ask('Timeline: what happened with Poland shooting down Russian missiles in July?', { k: 6 });
    const dated = answer.citations.map((c) => /On (\d+) July/.exec(c.quote)?.[1]).filter(Boolean).map(Number);
    expect(dated.length).toBeGreaterThan(1);
    expect(dated).toEqual([...dated].sort((a, b) => a - b));
  });

  it('finds the English passages about the people a Ukrainian or Russian question names', async () => {
    const uk = await coverage.ask('Що сказав Столтенберг про Польщу?');
    expect(uk.abstained).toBe(false);
    expect(uk.citations[0]!.quote).toMatch(/Stoltenberg|Poland/);
    const ru = await coverage.ask('Что сказал Зеленский о коалиции НАТО?');
    expect(ru.citations.some((c) => /Zelensky/.test(c.quote))).toBe(true);
  });

  it('rejects bad input with a message naming the problem', async () => {
    await expect(coverage.ask('')).rejects.toThrow(/empty/);
    await expect(coverage.ask('x'.repeat(1500))).rejects.toThrow(/1000/);
    await expect(coverage.ask('missiles', { since: '2024-13-01' })).rejects.toThrow(/^since must be a date written yyyy-mm-dd, got "2024-13-01"/);
    await expect(coverage.ask('missiles', { outlet: 'No Such Outlet' })).rejects.toThrow(/No outlet named "No Such Outlet"/);
  });
});
