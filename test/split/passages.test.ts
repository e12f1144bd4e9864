import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { splitPassages } from '../../src/split/passages.js';
import { countWords, splitSentences } from '../../src/split/sentences.js';
import { readArticle } from '../../src/read/read-article.js';
import { SHARED_COVERAGE } from '../helpers/coverage-index.js';

describe('splitSentences', () => {
  it('does not end sentences at abbreviations, initials or decimals', () => {
    const text = 'Mr. Smith met U.S. officials on Aug. 4, 2024. Growth was 3.5 pct. J. Doe agreed.';
    const sentences = splitSentences(text).map((s) => text.slice(s.start, s.end));
    expect(sentences).toEqual(['Mr. Smith met U.S. officials on Aug. 4, 2024.', 'Growth was 3.5 pct.', 'J. Doe agreed.']);
  });

  it('keeps closing quotes with the sentence they close', () => {
    const text = '“We will not,” he said. “Really?” She left.';
    expect(splitSentences(text).map((s) => text.slice(s.start, s.end))).toEqual(['“We will not,” he said.', '“Really?”', 'She left.']);
  });
});

describe('splitPassages', () => {
  const sentence = (i: number) => `Sentence number ${i} tells the reader one more thing about the story.`;

  it('points every passage at its exact span of the text', () => {
    const text = Array.from({ length: 12 }, (_, p) => Array.from({ length: 4 }, (_, s) => sentence(p * 4 + s)).join(' ')).join('\n\n');
    const passages = splitPassages(text);
    expect(passages.length).toBeGreaterThan(2);
    for (const p of passages) expect(text.slice(p.start, p.end)).toBe(p.text);
  });

  it('keeps passages between 40 and 200 words when paragraphs allow it', () => {
    const text = Array.from({ length: 30 }, (_, p) => Array.from({ length: 3 }, (_, s) => sentence(p * 3 + s)).join(' ')).join('\n\n');
    for (const p of splitPassages(text)) {
      expect(countWords(p.text)).toBeGreaterThanOrEqual(40);
      expect(countWords(p.text)).toBeLessThanOrEqual(200);
    }
  });

  it('never ends a passage inside a quotation, even one running over several paragraphs', () => {
    const quoteParagraphs = Array.from({ length: 5 }, (_, i) => `${i === 0 ? '“' : ''}${Array.from({ length: 5 }, (_, s) => sentence(i * 5 + s)).join(' ')}${i === 4 ? '”' : ''}`);
    const text = [sentence(100), ...quoteParagraphs, sentence(101)].join('\n\n');
    for (const p of splitPassages(text)) {
      const opens = (p.text.match(/“/g) ?? []).length;
      const closes = (p.text.match(/”/g) ?? []).length;
      expect(opens).toBe(closes);
    }
  });

  it('splits every seed article into verbatim passages that do not cut quotes', async () => {
    for (const name of readdirSync(SHARED_COVERAGE)) {
      const article = await readArticle(path.join(SHARED_COVERAGE, name), name);
      const passages = splitPassages(article.text);
      expect(passages.length).toBeGreaterThan(0);
      for (const p of passages) {
        expect(article.text.slice(p.start, p.end)).toBe(p.text);
        expect((p.text.match(/“/g) ?? []).length).toBe((p.text.match(/”/g) ?? []).length);
      }
    }
  });
});
