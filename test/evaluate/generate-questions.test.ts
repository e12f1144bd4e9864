import { beforeAll, describe, expect, it } from 'vitest';
import { questionFromSentence, seededRandom } from '../../src/evaluate/generate-questions.js';
import { openWordNet, type WordNet } from '../../src/wordnet/wordnet.js';

let wordnet: WordNet;
beforeAll(() => {
  wordnet = openWordNet();
});

const COUNT_SENTENCE = 'The Velmora cooperative said that 340 families in the valley received new water filters last autumn.';
const CONTEXT = { title: 'Valley cooperative hands out water filters', previous: 'Wells in the upper valley ran dry during the summer heat.' };

describe('seededRandom', () => {
  it('gives the same sequence for the same seed, and another for another seed', () => {
    const take = (seed: number) => {
      const r = seededRandom(seed);
      return Array.from({ length: 20 }, () => r());
    };
    expect(take(7)).toEqual(take(7));
    expect(take(7)).not.toEqual(take(8));
    for (const x of take(123)) {
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
    }
  });
});

describe('questionFromSentence', () => {
  it('turns a sentence with a number into a "how many" question without the number, for some seed', () => {
    const made = Array.from({ length: 40 }, (_, seed) => questionFromSentence(COUNT_SENTENCE, CONTEXT, wordnet, seededRandom(seed)));
    const counts = made.filter((q) => q?.style === 'count');
    expect(counts.length).toBeGreaterThan(0);
    for (const q of counts) {
      expect(q!.question.startsWith('how many ')).toBe(true);
      expect(q!.question).not.toContain('340');
      expect(q!.question.endsWith('?')).toBe(true);
    }
  });

  it('returns the input sentence as the answer', () => {
    for (let seed = 0; seed < 20; seed++) {
      const q = questionFromSentence(COUNT_SENTENCE, CONTEXT, wordnet, seededRandom(seed));
      if (q) expect(q.answer).toBe(COUNT_SENTENCE);
    }
  });

  it('is deterministic for a seed', () => {
    for (let seed = 0; seed < 10; seed++) {
      expect(questionFromSentence(COUNT_SENTENCE, CONTEXT, wordnet, seededRandom(seed))).toEqual(
        questionFromSentence(COUNT_SENTENCE, CONTEXT, wordnet, seededRandom(seed)),
      );
    }
  });

  it('returns null for a sentence too short to ask about', () => {
    for (let seed = 0; seed < 10; seed++) {
      expect(questionFromSentence('Prices rose sharply in March.', CONTEXT, wordnet, seededRandom(seed))).toBeNull();
    }
  });

  it('asks "how much" for money and "when" for a date', () => {
    const money = 'Officials at the Harwick depot confirmed that the new roof had cost $420 in materials alone.';
    const dated = 'The Harwick depot reopened to the public on Tuesday after builders finished the new roof.';
    const styles = (sentence: string) =>
      Array.from({ length: 30 }, (_, seed) => questionFromSentence(sentence, CONTEXT, wordnet, seededRandom(seed))).filter((q) => q && q.style !== 'keywords');
    const amounts = styles(money);
    expect(amounts.length).toBeGreaterThan(0);
    for (const q of amounts) {
      expect(q!.style).toBe('amount');
      expect(q!.question.startsWith('how much ')).toBe(true);
      expect(q!.question).not.toContain('$420');
    }
    const dates = styles(dated);
    expect(dates.length).toBeGreaterThan(0);
    for (const q of dates) {
      expect(q!.style).toBe('date');
      expect(q!.question.startsWith('when ')).toBe(true);
      expect(q!.question).not.toContain('Tuesday');
    }
  });

  it('names what an opening pronoun stands for, as the sentence before named it, and never asks with the pronoun', () => {
    const sentence = 'Their first single sold 40,000 copies in the month after it was released by the label.';
    const context = { title: 'Band reunites for tour', previous: 'The Orvell Sisters were formed in Dunmere by three cousins.' };
    const made = Array.from({ length: 40 }, (_, seed) => questionFromSentence(sentence, context, wordnet, seededRandom(seed))).filter((q) => q !== null);
    expect(made.length).toBeGreaterThan(0);
    for (const q of made) expect(q.question).not.toMatch(/\btheir\b/i);
    expect(made.filter((q) => /Orvell|Sisters|Dunmere/.test(q.question)).length).toBeGreaterThan(made.length / 3);
  });
});
