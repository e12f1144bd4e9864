import { describe, expect, it } from 'vitest';
import { acronymCredits, creditAcronyms } from '../../src/answer/acronyms.js';
import { tokenize } from '../../src/answer/answer-spans.js';
import { stemText, type ArticleSentence } from '../../src/answer/article-view.js';
import type { MatchQuery } from '../../src/answer/matching.js';
import { lightStem } from '../../src/text/terms.js';

const sentence = (text: string, index = 0): ArticleSentence => {
  const tokens = tokenize(text);
  return { index, start: 0, end: text.length, text, tokens, stems: stemText(tokens), passageId: 0, groupId: 0 };
};
const question = (...words: string[]): MatchQuery => ({
  stems: words.map(lightStem),
  weights: words.map(() => 1),
  expansions: [],
  roles: words.map(() => false),
  specific: words.map(() => false),
});
const credited = (s: ArticleSentence, article: ArticleSentence[], match: MatchQuery) => {
  const credits = match.stems.map((stem) => (s.stems.set.has(stem) ? 1 : 0));
  creditAcronyms(credits, s, acronymCredits(article, match));
  return credits;
};

describe('acronyms an article spells out', () => {
  const match = question('bank', 'harwick', 'international', 'bohi');

  it('lets a sentence writing the acronym say the name, and one writing the name say the acronym', () => {
    const defined = sentence('Bank of Harwick International (BOHI) ran the bond sale, dealers said.');
    const later = sentence('BOHI said the bonds were all sold within the hour.', 1);
    const spelled = sentence('A Bank of Harwick International official declined to comment.', 2);
    const article = [defined, later, spelled];
    expect(credited(later, article, match)).toEqual([1, 1, 1, 1]);
    expect(credited(spelled, article, match)).toEqual([1, 1, 1, 1]);
  });

  it('reads nothing into brackets that are no acronym of the words before them', () => {
    const article = [sentence('The Bank of Harwick International (Lantern) said so.'), sentence('BOHI said the bonds were all sold.', 1)];
    expect(credited(article[1]!, article, match)).toEqual([0, 0, 0, 1]);
  });
});
