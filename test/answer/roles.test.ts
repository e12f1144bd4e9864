import { describe, expect, it } from 'vitest';
import { tokenize } from '../../src/answer/answer-spans.js';
import { stemText, type ArticleSentence } from '../../src/answer/article-view.js';
import type { MatchQuery } from '../../src/answer/matching.js';
import { creditRoles, rolesBySurname } from '../../src/answer/roles.js';
import { lightStem } from '../../src/text/terms.js';
import { openWordNet } from '../../src/wordnet/wordnet.js';

const sentence = (text: string, index = 0): ArticleSentence => {
  const tokens = tokenize(text);
  return { index, start: 0, end: text.length, text, tokens, stems: stemText(tokens), passageId: 0, groupId: 0 };
};
const wordnet = openWordNet();
/** A question's words, its role words read as WordNet reads them. */
const question = (...words: string[]): MatchQuery => {
  const roles = words.map((w) => wordnet.namesAPerson(w));
  return {
    stems: words.map(lightStem),
    weights: words.map(() => 1),
    expansions: [],
    roles,
    specific: words.map(() => false),
    rolesKindOf: (word) => words.flatMap((w, i) => (roles[i] && wordnet.isKindOf(word, w) ? [i] : [])),
  };
};
const credited = (s: ArticleSentence, article: ArticleSentence[], match: MatchQuery) => {
  const credits = match.stems.map((stem) => (s.stems.set.has(stem) ? 1 : 0));
  creditRoles(credits, s, rolesBySurname(article, match));
  return credits;
};

describe('roles an article gives the people it names', () => {
  const article = [
    sentence('Union chairman Tomas Vell met the owners of the Harwick docks on Monday.'),
    sentence('The strike will go on until the pay offer is improved, Vell said.', 1),
    sentence('Harwick mayor Ada Brennt said the docks would stay shut.', 2),
  ];

  it('lets a surname say the role the article named it with, and a broader word the question uses for that role', () => {
    expect(credited(article[1]!, article, question('chairman', 'strike'))[0]).toBeGreaterThan(0);
    // A chairman is a leader: "what did the union leader say" is answered by what Vell said.
    expect(credited(article[1]!, article, question('leader', 'strike'))[0]).toBeGreaterThan(0);
  });

  it('never lets a surname say a role its title is no kind of', () => {
    expect(credited(article[1]!, article, question('minister', 'strike'))[0]).toBe(0);
    expect(credited(article[2]!, article, question('chairman', 'docks'))[0]).toBe(0);
  });
});
