import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadQaSet } from '../../src/evaluate/qa-set.js';
import { detectLanguage } from '../../src/clean/language.js';

const EVAL = path.resolve(import.meta.dirname, '../../eval');
const set = loadQaSet(path.join(EVAL, 'latin-qa.json'));
// Each article's text after its front matter: the title is never quoted.
const articles = new Map(
  readdirSync(path.join(EVAL, 'latin-coverage')).map((f) => [
    path.parse(f).name,
    readFileSync(path.join(EVAL, 'latin-coverage', f), 'utf8').replace(/^---\n[\s\S]*?\n---\n/u, ''),
  ]),
);

describe('the Latin-coverage evaluation set', () => {
  it('names an existing article as each question\'s gold, and quotes its text once, as written', () => {
    expect(set.questions.length).toBeGreaterThanOrEqual(30);
    for (const q of set.questions) {
      for (const gold of q.gold) expect(articles.has(gold), `${q.id}: ${gold}`).toBe(true);
      for (const phrase of q.must_contain) {
        const text = articles.get(q.gold[0]!)!;
        expect(text.split(phrase).length - 1, `${q.id}: "${phrase}" once in ${q.gold[0]}`).toBe(1);
      }
    }
  });

  it('holds articles in all five languages, each told from its text, since none names its language', () => {
    const told = [...articles].map(([name, text]) => [name.slice(0, 2), detectLanguage(text)]);
    for (const [prefix, language] of told) expect(language).toBe(prefix);
    expect(new Set(told.map(([prefix]) => prefix))).toEqual(new Set(['de', 'fr', 'es', 'it', 'pt']));
  });

  it('asks in the articles\' languages and in English, and holds near misses and off-topic questions', () => {
    const english = set.questions.filter((q) => /^(?:How|What|When|Why|Who|Can)\b/u.test(q.q));
    expect(english.length).toBeGreaterThanOrEqual(10);
    expect(set.questions.length - english.length).toBeGreaterThanOrEqual(15);
    expect(new Set(set.abstain.map((a) => a.kind))).toEqual(new Set(['near-miss', 'off-topic']));
  });
});
