import { describe, expect, it } from 'vitest';
import { tokenize } from '../../src/answer/answer-spans.js';
import { nounAsked, unnamedRole } from '../../src/answer/unnamed.js';
import { openWordNet } from '../../src/wordnet/wordnet.js';

const wn = openWordNet();
const namesAPerson = (word: string) => wn.namesAPerson(word);
const isRole = (t: { raw: string }) => namesAPerson(t.raw.toLowerCase());
const article = (...texts: string[]) => texts.map((text) => ({ text, tokens: tokenize(text) }));

describe('nounAsked', () => {
  it('reads the role or thing a question asks the name of', () => {
    expect(nounAsked("What's the name of the security guard the singer fought?", namesAPerson)).toBe('guard');
    expect(nounAsked('Who was the driver in the Harwick crash?', namesAPerson)).toBe('driver');
  });

  it('reads a thing only when the question asks its name', () => {
    expect(nounAsked("What's the name of the film she is making?", namesAPerson)).toBe('film');
    expect(nounAsked('What is the feature film she is making with Harl Venn called?', namesAPerson)).toBe('film');
    expect(nounAsked('Who was the film about?', namesAPerson)).toBeNull();
    expect(nounAsked('Who did the guard stop?', namesAPerson)).toBeNull();
  });
});

describe('unnamedRole', () => {
  it('finds the mention of someone the article never names ("a security guard")', () => {
    const sentences = article(
      'The singer fought with a security guard, Fiction Records spokesman Paul Dray said.',
      'He did not realise he was a security guard, Mr Dray added.',
    );
    expect(unnamedRole(sentences, 'guard', isRole)).toBe(0);
  });

  it('gives nothing when a mention names the person, before or after the role', () => {
    expect(unnamedRole(article('The singer fought with a security guard.', 'Security guard Tom Hale was hurt.'), 'guard', isRole)).toBeNull();
    expect(unnamedRole(article('The singer fought with a security guard.', 'Tom Hale, a security guard, was hurt.'), 'guard', isRole)).toBeNull();
  });
});
