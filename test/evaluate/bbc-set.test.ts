import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadQaSet } from '../../src/evaluate/qa-set.js';
import { type HandMadeSet, STYLES, expectAbstainShape, expectIdsAndPhrases, indexCorpus, norm, phrasesTogether, readCorpus, readSet } from './set-checks.js';

// The first set and the held-out second and third ones (each drawn with another seed), each with the abstain minimums it was made to.
const SETS = [
  { file: 'eval/bbc-qa.json', minAbstain: 12, minNearMisses: 4 },
  { file: 'eval/bbc-qa-2.json', minAbstain: 14, minNearMisses: 7 },
  { file: 'eval/bbc-qa-3.json', minAbstain: 14, minNearMisses: 7 },
];
const corpusPath = path.resolve(process.cwd(), '../shared/corpora/bbc-news/bbc-news.jsonl');
const hasCorpus = existsSync(corpusPath);

const categories = ['business', 'entertainment', 'politics', 'sport', 'tech'];
const styles = STYLES;

// Read the 2,225 articles once for both sets.
const { articles, idsByText } = indexCorpus(hasCorpus ? readCorpus(corpusPath) : []);
const note = hasCorpus ? '' : ` (skipped: corpus not found at ${corpusPath})`;

for (const { file, minAbstain, minNearMisses } of SETS) {
  const setPath = path.resolve(process.cwd(), file);
  const set = readSet(setPath);

  describe(`BBC eval set ${file}: shape`, () => {
    const { questions, abstain } = set;

    it('is a valid QA set', () => {
      expect(() => loadQaSet(setPath)).not.toThrow();
    });

    it('has 8 questions per category, 10 per style and 2 per style in each category', () => {
      expect(questions).toHaveLength(40);
      for (const c of categories) expect(questions.filter((q) => q.category === c), c).toHaveLength(8);
      for (const s of styles) expect(questions.filter((q) => q.style === s), s).toHaveLength(10);
      for (const c of categories)
        for (const s of styles) expect(questions.filter((q) => q.category === c && q.style === s), `${c}/${s}`).toHaveLength(2);
    });

    it(`has at least ${minAbstain} abstain questions, at least ${minNearMisses} of them near misses with a note`, () => {
      expectAbstainShape(abstain, minAbstain, minNearMisses);
    });

    it('uses unique ids, one article per question, 1-3 phrases and 3-6 word keyword queries', () => {
      expectIdsAndPhrases(questions, abstain);
    });
  });

  describe(`BBC eval set ${file}: against the corpus`, () => {
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
}

describe('BBC eval sets together', () => {
  const sets = SETS.map(({ file }) => ({ file, set: readSet(path.resolve(process.cwd(), file)) }));
  const pairs = sets.flatMap((a, i) => sets.slice(i + 1).map((b) => [a, b] as const));

  // The later sets are held out: an article an earlier set already asks about would let tuning on it leak in.
  it('share no gold article, pairwise', () => {
    for (const [a, b] of pairs) {
      const aGold = new Set(a.set.questions.flatMap((q) => q.gold));
      for (const q of b.set.questions) for (const id of q.gold) expect(aGold.has(id), `${b.file} ${q.id}: ${id} is gold in ${a.file}`).toBe(false);
    }
  });

  // Eval reports and notes cite items by id, so an id must name one item across all sets.
  it('share no id, pairwise', () => {
    const ids = (set: HandMadeSet) => [...set.questions, ...set.abstain].map((i) => i.id);
    for (const [a, b] of pairs) {
      const aIds = new Set(ids(a.set));
      for (const id of ids(b.set)) expect(aIds.has(id), `${b.file} ${id} is also in ${a.file}`).toBe(false);
    }
  });
});
