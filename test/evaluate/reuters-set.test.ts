import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadQaSet } from '../../src/evaluate/qa-set.js';
import { STYLES, expectAbstainShape, expectIdsAndPhrases, indexCorpus, norm, phrasesTogether, readCorpus, readSet } from './set-checks.js';

// The first set and the held-out second one (drawn with another seed over the same slice), each with its question id
// prefix and the abstain minimums it was made to.
const SETS = [
  { file: 'eval/reuters-qa.json', prefix: 'r', minAbstain: 12, minNearMisses: 4 },
  { file: 'eval/reuters-qa-2.json', prefix: 's', minAbstain: 13, minNearMisses: 5 },
];
const corpusPath = path.resolve(process.cwd(), '../shared/corpora/reuters-21578/reuters-21578.jsonl');
const hasCorpus = existsSync(corpusPath);
// The held-out slice: non-blank lines 10000..12999 of the JSONL (as drawn with --from 10000 --count 3000).
const SLICE_FROM = 10_000;
const SLICE_COUNT = 3_000;

// Read the slice once for both sets.
const slice = hasCorpus ? readCorpus(corpusPath, SLICE_FROM, SLICE_COUNT) : [];
const { articles, idsByText } = indexCorpus(slice);
const note = hasCorpus ? '' : ` (skipped: corpus not found at ${corpusPath})`;

for (const { file, prefix, minAbstain, minNearMisses } of SETS) {
  const setPath = path.resolve(process.cwd(), file);
  const set = readSet(setPath);

  describe(`Reuters eval set ${file}: shape`, () => {
    const { questions, abstain } = set;

    it('is a valid QA set', () => {
      expect(() => loadQaSet(setPath)).not.toThrow();
    });

    it(`has 40 questions ${prefix}01..${prefix}40, all in the reuters category, 10 per style`, () => {
      expect(questions).toHaveLength(40);
      expect(questions.map((q) => q.id)).toEqual(questions.map((_, i) => `${prefix}${String(i + 1).padStart(2, '0')}`));
      for (const q of questions) expect(q.category, q.id).toBe('reuters');
      for (const s of STYLES) expect(questions.filter((q) => q.style === s), s).toHaveLength(10);
    });

    it(`has at least ${minAbstain} abstain questions, at least ${minNearMisses} of them near misses with a note`, () => {
      expectAbstainShape(abstain, minAbstain, minNearMisses);
    });

    it('uses unique ids, one article per question, 1-3 phrases and 3-6 word keyword queries', () => {
      expectIdsAndPhrases(questions, abstain);
    });
  });

  describe(`Reuters eval set ${file}: against the corpus slice`, () => {
    it.skipIf(!hasCorpus)(`the slice holds 3,000 articles and every gold id is in it${note}`, () => {
      expect(slice).toHaveLength(SLICE_COUNT);
      for (const q of set.questions) for (const id of q.gold) expect(articles.has(id), `${q.id} ${id}`).toBe(true);
    });

    it.skipIf(!hasCorpus)(`each phrase occurs once in the first gold article, together with the others in one sentence${note}`, () => {
      for (const q of set.questions) {
        const text = articles.get(q.gold[0]!)!.text;
        for (const p of q.must_contain) expect(text.split(p).length - 1, `${q.id}: "${p}" in ${q.gold[0]}`).toBe(1);
        expect(phrasesTogether(text, q.must_contain), `${q.id}: phrases apart`).toBe(true);
      }
    });

    it.skipIf(!hasCorpus)(`gold lists every article of the slice with the same normalised text as a gold article${note}`, () => {
      for (const q of set.questions) {
        // Named first for a clearer failure: the copies of the answering article itself.
        for (const dup of idsByText.get(norm(articles.get(q.gold[0]!)!.text))!) expect(q.gold, `${q.id}: ${q.gold[0]} = ${dup}`).toContain(dup);
        for (const id of q.gold)
          for (const dup of idsByText.get(norm(articles.get(id)!.text))!) expect(q.gold, `${q.id}: ${id} = ${dup}`).toContain(dup);
      }
    });
  });
}

describe('Reuters eval sets together', () => {
  const [first, second] = SETS.map(({ file }) => readSet(path.resolve(process.cwd(), file)));

  // The second set is held out: an article the first set already asks about would let tuning on it leak in.
  it('share no gold article', () => {
    const firstGold = new Set(first!.questions.flatMap((q) => q.gold));
    for (const q of second!.questions) for (const id of q.gold) expect(firstGold.has(id), `${q.id}: ${id}`).toBe(false);
  });

  // Eval reports and notes cite items by id, so an id must name one item across both sets.
  it('share no id', () => {
    const ids = (set: typeof first) => [...set!.questions, ...set!.abstain].map((i) => i.id);
    const firstIds = new Set(ids(first));
    for (const id of ids(second)) expect(firstIds.has(id), id).toBe(false);
  });
});
