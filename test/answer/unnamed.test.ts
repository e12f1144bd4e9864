import { describe, expect, it } from 'vitest';
import { tokenize } from '../../src/answer/answer-spans.js';
import { nounAsked, unnamedRole, whichAsked } from '../../src/answer/unnamed.js';
import { openWordNet } from '../../src/wordnet/wordnet.js';

const wn = openWordNet();
const namesAPerson = (word: string) => wn.namesAPerson(word);
const isRole = (t: { raw: string }) => namesAPerson(t.raw.toLowerCase());
const article = (...texts: string[]) => texts.map((text) => ({ text, tokens: tokenize(text) }));

describe('nounAsked', () => {
  it('reads the role or thing a question asks the name of', () => {
    expect(nounAsked("What's the name of the doorman the singer fought?", namesAPerson)).toBe('doorman');
    expect(nounAsked('Who was the driver in the Harwick crash?', namesAPerson)).toBe('driver');
  });

  it('reads a thing only when the question asks its name', () => {
    expect(nounAsked("What's the name of the documentary she is making?", namesAPerson)).toBe('documentary');
    expect(nounAsked('What is the documentary she is making with Harl Venn called?', namesAPerson)).toBe('documentary');
    expect(nounAsked('Who was the film about?', namesAPerson)).toBeNull();
    expect(nounAsked('Who did the guard stop?', namesAPerson)).toBeNull();
  });
});

describe('unnamedRole', () => {
  it('finds the mention of someone the article never names ("a doorman")', () => {
    const sentences = article(
      'The singer fought with a doorman, label spokesman Tam Roe said.',
      'He did not realise he was a doorman, Mr Roe added.',
    );
    expect(unnamedRole(sentences, 'doorman', isRole)).toBe(0);
  });

  it('gives nothing when a mention names the person, before or after the role', () => {
    expect(unnamedRole(article('The singer fought with a doorman.', 'Doorman Tom Hale was hurt.'), 'doorman', isRole)).toBeNull();
    expect(unnamedRole(article('The singer fought with a doorman.', 'Tom Hale, a doorman, was hurt.'), 'doorman', isRole)).toBeNull();
  });
});

describe('whichAsked', () => {
  it('reads the things a "which" question asks to name', () => {
    expect(whichAsked('Which two bidders did the council name?')).toBe('bidder');
    expect(whichAsked('Which two tender offers did the agency cite?')).toBe('offer');
    expect(whichAsked('Who bought the quay?')).toBeUndefined();
  });

  it('reads the things a "what …" question asks for, but not "what did"', () => {
    expect(whichAsked('What errors did the builder make at the plant?')).toBe('error');
    expect(whichAsked('What did the builder say?')).toBeUndefined();
  });
});
