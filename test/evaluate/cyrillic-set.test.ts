import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadQaSet } from '../../src/evaluate/qa-set.js';

const EVAL = path.resolve(import.meta.dirname, '../../eval');
const set = loadQaSet(path.join(EVAL, 'cyrillic-qa.json'));
const articles = new Map(
  readdirSync(path.join(EVAL, 'cyrillic-coverage')).map((f) => [path.parse(f).name, readFileSync(path.join(EVAL, 'cyrillic-coverage', f), 'utf8')]),
);

describe('the Cyrillic-coverage evaluation set', () => {
  it('names an existing article as each question\'s gold, and quotes it once, as written', () => {
    expect(set.questions.length).toBeGreaterThanOrEqual(20);
    for (const q of set.questions) {
      for (const gold of q.gold) expect(articles.has(gold), `${q.id}: ${gold}`).toBe(true);
      for (const phrase of q.must_contain) {
        const text = articles.get(q.gold[0]!)!;
        expect(text.split(phrase).length - 1, `${q.id}: "${phrase}" once in ${q.gold[0]}`).toBe(1);
      }
    }
  });

  it('asks in Ukrainian, Russian and English, and holds near misses and off-topic questions', () => {
    const latin = set.questions.filter((q) => /^[\x20-\x7e]+$/.test(q.q));
    expect(latin.length).toBeGreaterThanOrEqual(4);
    expect(set.questions.filter((q) => /[іїєґ]/iu.test(q.q)).length).toBeGreaterThanOrEqual(4);
    expect(set.questions.filter((q) => /[ыэъё]/iu.test(q.q)).length).toBeGreaterThanOrEqual(4);
    expect(new Set(set.abstain.map((a) => a.kind))).toEqual(new Set(['near-miss', 'off-topic']));
  });
});
