import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { STYLES, expectAbstainShape, expectIdsAndPhrases, indexCorpus, norm, phrasesTogether, readCorpus, readSet } from './set-checks.js';

const set = readSet(path.resolve(process.cwd(), 'eval/bbc-qa.json'));
const corpusPath = path.resolve(process.cwd(), '../shared/corpora/bbc-news/bbc-news.jsonl');
const hasCorpus = existsSync(corpusPath);

const categories = ['business', 'entertainment', 'politics', 'sport', 'tech'];
const styles = STYLES;

describe('BBC eval set: shape', () => {
  const { questions, abstain } = set;

  it('has 8 questions per category, 10 per style and 2 per style in each category', () => {
    expect(questions).toHaveLength(40);
    for (const c of categories) expect(questions.filter((q) => q.category === c), c).toHaveLength(8);
    for (const s of styles) expect(questions.filter((q) => q.style === s), s).toHaveLength(10);
    for (const c of categories)
      for (const s of styles) expect(questions.filter((q) => q.category === c && q.style === s), `${c}/${s}`).toHaveLength(2);
  });

  it('has at least 12 abstain questions, at least 4 of them near misses with a note', () => {
    expectAbstainShape(abstain, 12, 4);
  });

  it('uses unique ids, one article per question, 1-3 phrases and 3-6 word keyword queries', () => {
    expectIdsAndPhrases(questions, abstain);
  });
});

describe('BBC eval set: against the corpus', () => {
  const { articles, idsByText } = indexCorpus(hasCorpus ? readCorpus(corpusPath) : []);
  const note = hasCorpus ? '' : ` (skipped: corpus not found at ${corpusPath})`;

  it.skipIf(!hasCorpus)(`every gold id exists and is in the question's category${note}`, () => {
    for (const q of set.questions)
      for (const id of q.gold) expect(articles.get(id)?.category, `${q.id} ${id}`).toBe(q.category);
  });

  it.skipIf(!hasCorpus)(`gold lists every duplicate (same whitespace-normalised text) of its articles${note}`, () => {
    for (const q of set.questions)
      for (const id of q.gold)
        for (const dup of idsByText.get(norm(articles.get(id)!.text))!) expect(q.gold, `${q.id}: ${id} = ${dup}`).toContain(dup);
  });

  it.skipIf(!hasCorpus)(`each phrase is verbatim in a gold article and a question's phrases share one sentence${note}`, () => {
    for (const q of set.questions) {
      const texts = q.gold.map((id) => articles.get(id)!.text);
      for (const p of q.must_contain) expect(texts.some((t) => t.includes(p)), `${q.id}: "${p}"`).toBe(true);
      expect(texts.some((t) => phrasesTogether(t, q.must_contain)), `${q.id}: phrases apart`).toBe(true);
    }
  });
});
