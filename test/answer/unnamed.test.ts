import { describe, expect, it } from 'vitest';
import { tokenize } from '../../src/answer/answer-spans.js';
import { roleAsked, unnamedRole } from '../../src/answer/unnamed.js';
import { openWordNet } from '../../src/wordnet/wordnet.js';

const wn = openWordNet();
const namesAPerson = (word: string) => wn.namesAPerson(word);
const isRole = (t: { raw: string }) => namesAPerson(t.raw.toLowerCase());
const article = (...texts: string[]) => texts.map((text) => ({ text, tokens: tokenize(text) }));

describe('roleAsked', () => {
  it('reads the role a question asks the name of', () => {
    expect(roleAsked("What's the name of the security guard the singer fought?", namesAPerson)).toBe('guard');
    expect(roleAsked('Who was the driver in the Harwick crash?', namesAPerson)).toBe('driver');
  });

  it('gives nothing for a thing or for a question that asks no name', () => {
    expect(roleAsked("What's the name of the film she is making?", namesAPerson)).toBeNull();
    expect(roleAsked('Who did the guard stop?', namesAPerson)).toBeNull();
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
