import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { splitPassages } from '../../src/split/passages.js';
import { countWords, splitSentences } from '../../src/text/sentences.js';
import { readArticle } from '../../src/read/read-article.js';
import { SHARED_COVERAGE } from '../helpers/coverage-index.js';

describe('splitSentences', () => {
  it('does not end sentences at abbreviations, initials or decimals', () => {
    const text = 'Mr. Smith met U.S. officials on Aug. 4, 2024. Growth was 3.5 pct. J. Doe agreed.';
    const sentences = splitSentences(text).map((s) => text.slice(s.start, s.end));
    expect(sentences).toEqual(['Mr. Smith met U.S. officials on Aug. 4, 2024.', 'Growth was 3.5 pct.', 'J. Doe agreed.']);
  });

  it('does not end a German sentence at the day of a month ("am 3. Oktober"), but does at a number that ends one', () => {
    const text = 'Das Museum öffnet am 3. Oktober wieder. Gezählt wurden 12. Juni beginnt der Umbau.';
    const sentences = splitSentences(text).map((s) => text.slice(s.start, s.end));
    expect(sentences).toEqual(['Das Museum öffnet am 3. Oktober wieder.', 'Gezählt wurden 12.', 'Juni beginnt der Umbau.']);
    expect(splitSentences('Sales rose to 12. September figures were weaker.')).toHaveLength(2);
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

  it('cuts a 4.9 MB run without sentence breaks at word boundaries, within the caps, with exact offsets', () => {
    const words = ['harbor', 'council', 'barrier', 'flood', 'vote', 'tide', 'budget', 'engineers'];
    const parts: string[] = [];
    for (let length = 0, i = 0; length < 4.9 * 1024 * 1024; i++) {
      const w = words[(i * 7 + (i >> 3)) % words.length]!;
      parts.push(w);
      length += w.length + 1;
    }
    const text = parts.join(' ');
    const started = Date.now();
    const passages = splitPassages(text);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(passages.length).toBeGreaterThan(2000);
    let covered = 0;
    for (const p of passages) {
      expect(p.text.length).toBeLessThanOrEqual(2000);
      expect(countWords(p.text)).toBeLessThanOrEqual(240); // 200, or 1.2 × 200 for a merged short tail
      expect(p.start === 0 || text[p.start - 1] === ' ').toBe(true);
      expect(p.end === text.length || text[p.end] === ' ').toBe(true);
      if (p.text !== text.slice(p.start, p.end)) expect(p.text).toBe(text.slice(p.start, p.end));
      covered += countWords(p.text);
    }
    expect(covered).toBe(parts.length);
  });

  it('cuts a word longer than the character cap at character boundaries, never inside a surrogate pair', () => {
    // The emoji's two halves straddle the 2,000th character of the long word.
    const text = `Short intro here. ${'x'.repeat(1999)}😀${'y'.repeat(3000)} and a tail.`;
    const passages = splitPassages(text);
    for (const p of passages) {
      expect(p.text.length).toBeLessThanOrEqual(2000);
      expect(text.slice(p.start, p.end)).toBe(p.text);
      expect(p.text).not.toMatch(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/u);
    }
    expect(passages.map((p) => p.text.replace(/\s+/gu, '')).join('')).toBe(text.replace(/\s+/gu, ''));
  });

  it('keeps the character cap even when a quotation never closes', () => {
    const text = `“${Array.from({ length: 200 }, (_, i) => sentence(i)).join(' ')}`;
    for (const p of splitPassages(text)) expect(p.text.length).toBeLessThanOrEqual(2000);
  });
});
