import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadQaSet } from '../../src/evaluate/qa-set.js';
import { STYLES, expectAbstainShape, expectIdsAndPhrases, indexCorpus, norm, phrasesTogether, readCorpus, readSet } from './set-checks.js';

const setPath = path.resolve(process.cwd(), 'eval/reuters-qa.json');
const set = readSet(setPath);
const corpusPath = path.resolve(process.cwd(), '../shared/corpora/reuters-21578/reuters-21578.jsonl');
const hasCorpus = existsSync(corpusPath);
// The held-out slice: non-blank lines 10000..12999 of the JSONL (as drawn with --from 10000 --count 3000).
const SLICE_FROM = 10_000;
const SLICE_COUNT = 3_000;

describe('Reuters eval set: shape', () => {
  const { questions, abstain } = set;

  it('is a valid QA set', () => {
    expect(() => loadQaSet(setPath)).not.toThrow();
  });

  it('has 40 questions r01..r40, all in the reuters category, 10 per style', () => {
    expect(questions).toHaveLength(40);
    expect(questions.map((q) => q.id)).toEqual(questions.map((_, i) => `r${String(i + 1).padStart(2, '0')}`));
    for (const q of questions) expect(q.category, q.id).toBe('reuters');
    for (const s of STYLES) expect(questions.filter((q) => q.style === s), s).toHaveLength(10);
  });

  it('has at least 12 abstain questions, at least 4 of them near misses with a note', () => {
    expectAbstainShape(abstain, 12, 4);
  });

  it('uses unique ids, one article per question, 1-3 phrases and 3-6 word keyword queries', () => {
    expectIdsAndPhrases(questions, abstain);
  });
});

describe('Reuters eval set: against the corpus slice', () => {
  const slice = hasCorpus ? readCorpus(corpusPath, SLICE_FROM, SLICE_COUNT) : [];
  const { articles, idsByText } = indexCorpus(slice);
  const note = hasCorpus ? '' : ` (skipped: corpus not found at ${corpusPath})`;

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
