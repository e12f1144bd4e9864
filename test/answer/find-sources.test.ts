import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoverageService } from '../../src/coverage.js';
import { findSources, normalizeUrl, splitSpans, urlsIn } from '../../src/answer/find-sources.js';
import { openTestCoverage, type TestCoverage } from '../helpers/coverage-index.js';
import { article } from '../bot/articles.js';
import { MADE_UP, twoIndexedSentences } from '../helpers/indexed-sentences.js';


describe('splitSpans', () => {
  it('splits sentences and quoted spans, skipping short ones and repeats', () => {
    const spans = splitSpans('He said “we will stand by our allies no matter what” today. Short one. This sentence has enough words in it! This sentence has enough words in it.');
    expect(spans).toEqual([
      { text: 'He said', quoted: false },
      { text: 'we will stand by our allies no matter what', quoted: true },
      { text: 'This sentence has enough words in it!', quoted: false },
    ].filter((s) => s.text.split(' ').length >= 4));
  });

  it('looks a sentence up whole, quotation included, rather than the fragments around the quotation', () => {
    const sentence = 'The harbour minister told the assembly on Tuesday that “the old bridge will reopen in spring” after repairs.';
    expect(splitSpans(sentence)).toEqual([
      { text: sentence, quoted: false },
      { text: 'the old bridge will reopen in spring', quoted: true },
    ]);
  });

  it('handles straight quotes and guillemets, and leaves URLs out', () => {
    const spans = splitSpans('See https://example.org/a/b: "one two three four five" and «six seven eight nine ten».');
    expect(spans.map((s) => s.text)).toEqual(['one two three four five', 'six seven eight nine ten']);
  });
});

describe('URLs', () => {
  it('compares without scheme, trailing slash or host case', () => {
    expect(normalizeUrl('HTTPS://Example.org/News/1/')).toBe(normalizeUrl('http://example.org/News/1'));
    expect(urlsIn('read <https://example.org/x/>, then http://a.b/c.')).toEqual(['https://example.org/x/', 'http://a.b/c']);
  });
});

describe('findSources (real service over the seed coverage)', () => {
  let fixture: TestCoverage;
  let coverage: CoverageService;
  beforeAll(async () => {
    fixture = await openTestCoverage();
    coverage = fixture.coverage;
  });
  afterAll(() => fixture?.close());

  it('cites the spans that come from the coverage and lists the one that does not', async () => {
    const [a, b] = await twoIndexedSentences(coverage);
    const result = await findSources(coverage, `Someone wrote “${a}”\n${b} ${MADE_UP}`);
    expect(result.spans.map((s) => s.text)).toEqual(expect.arrayContaining([a, b, MADE_UP]));
    const found = result.spans.filter((s) => s.matches.length);
    expect(found.map((s) => s.text).sort()).toEqual([a, b].sort());
    expect(found.every((s) => s.matches[0]!.exact && s.matches[0]!.citation.length > 0)).toBe(true);
    expect(result.spans.find((s) => s.text === MADE_UP)!.matches).toEqual([]);
    expect(result.linked).toEqual([]);
  });

  it('cites an indexed article whose URL the message holds, whatever the scheme and trailing slash', async () => {
    const file = path.join(fixture.root, 'linked.md');
    writeFileSync(file, article(7));
    await coverage.addFiles([file]);
    const target = (await coverage.sources()).find((s) => s.url === 'https://example.org/grain/7')!;
    const url = target.url!.replace(/^https?:\/\//, 'http://').replace(/\/?$/, '/');
    const result = await findSources(coverage, `Look at this: <${url}> and the same again ${url.replace("example.org", "EXAMPLE.org")}`);
    expect(result.linked.map((l) => l.source.id)).toEqual([target.id]);
    expect(result.linked[0]!.citation).toContain(target.url!);
  });

  it('looks up at most 10 spans and counts the rest', async () => {
    const text = Array.from({ length: 13 }, (_, i) => `Sentence number ${i + 1} has enough words.`).join(' ');
    const result = await findSources(coverage, text);
    expect(result.spans).toHaveLength(10);
    expect(result.skipped).toBe(3);
  });
});
