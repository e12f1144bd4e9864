import { describe, expect, it } from 'vitest';
import { correctRank, groupByStyle, isGoldFile, percentile, summarize, type EvalRow } from '../../src/evaluate/metrics.js';
import { answer, citation } from './synthetic.js';

const row = (over: Partial<EvalRow>): EvalRow => ({
  id: 'x', expectAbstain: false, abstained: false, rank: null, passageRank: null, ms: 10, ...over,
});

describe('isGoldFile', () => {
  it('matches a 3-character gold id as a file-name prefix, as the dev sets name files', () => {
    expect(isGoldFile('coverage/007_ab12cd.txt', ['007'])).toBe(true);
    expect(isGoldFile('coverage/070_ab12cd.txt', ['007'])).toBe(false);
  });

  it('matches a longer gold id exactly on the base name without extension', () => {
    expect(isGoldFile('/tmp/x/articles/zz-garden-001.md', ['zz-garden-001'])).toBe(true);
    expect(isGoldFile('/tmp/x/articles/zz-garden-0012.md', ['zz-garden-001'])).toBe(false);
    expect(isGoldFile('zz-garden-001-extra.md', ['zz-garden-001'])).toBe(false);
    expect(isGoldFile('C:\\a\\zz-garden-001.md', ['zz-garden-001'])).toBe(true);
  });
});

describe('correctRank', () => {
  const passages: Record<number, string> = {
    1: 'The orchard society met on Tuesday. Its members voted for a larger pond.',
    2: 'The pond will hold 40,000 litres, the treasurer said.',
  };
  const a = answer([
    citation(1, 'zz-garden-0012.md', 'The pond will hold 40,000 litres.'),
    citation(2, 'zz-garden-001.md', 'Its members voted for a larger pond.', { passageId: 1 }),
    citation(3, 'zz-garden-002.md', 'The treasurer said so.', { passageId: 2 }),
  ]);
  const passageText = (c: { passageId: number; quote: string }) => passages[c.passageId] ?? c.quote;

  it('needs the gold file and the phrase in the same citation', () => {
    expect(correctRank(a, ['zz-garden-001'], ['40,000 litres'])).toBeNull();
    expect(correctRank(a, ['zz-garden-001'], ['larger pond'])).toBe(2);
  });

  it('finds at passage level what the quote alone misses', () => {
    expect(correctRank(a, ['zz-garden-001'], ['met on Tuesday'])).toBeNull();
    expect(correctRank(a, ['zz-garden-001'], ['met on Tuesday'], passageText)).toBe(2);
    expect(correctRank(a, ['zz-garden-002'], ['40,000 litres'], passageText)).toBe(3);
  });

  it('counts a saved copy (alsoIn) as the gold file', () => {
    const copy = answer([citation(1, 'zz-garden-009.md', 'A larger pond.', { alsoIn: ['/x/zz-garden-001.md'] })]);
    expect(correctRank(copy, ['zz-garden-001'], ['larger pond'])).toBe(1);
  });

  it('folds case and curly quotes on both sides', () => {
    const curly = answer([citation(1, '005_x.txt', 'She called it \u201Cthe Blue Plan\u201D.')]);
    expect(correctRank(curly, ['005'], ['"the blue plan"'])).toBe(1);
  });

  it('gives no rank to an abstention, whatever it lists as closest', () => {
    expect(correctRank(answer([citation(1, '005_x.txt', 'larger pond')], true), ['005'], ['larger pond'])).toBeNull();
  });
});

describe('summarize', () => {
  const rows: EvalRow[] = [
    row({ id: 'a', rank: 1, passageRank: 1 }),
    row({ id: 'b', rank: null, passageRank: 2 }),
    row({ id: 'c', abstained: true, ms: 30 }),
    row({ id: 'd', rank: 4, passageRank: 3 }),
    row({ id: 'n1', expectAbstain: true, abstained: true, kind: 'near-miss' }),
    row({ id: 'n2', expectAbstain: true, abstained: false, kind: 'near-miss' }),
    row({ id: 'o1', expectAbstain: true, abstained: true, kind: 'off-topic' }),
  ];
  const s = summarize(rows);

  it('scores quotes and passages separately over answerable questions only', () => {
    expect(s.questions).toBe(4);
    expect(s.quote).toEqual({ hitAt1: 0.25, hitAt3: 0.25, mrr: Math.round(((1 + 1 / 4) / 4) * 1000) / 1000 });
    expect(s.passage).toEqual({ hitAt1: 0.25, hitAt3: 0.75, mrr: Math.round(((1 + 1 / 2 + 1 / 3) / 4) * 1000) / 1000 });
  });

  it('counts false refusals and abstention precision, recall and near-miss recall', () => {
    expect(s.falseRefusals).toEqual({ count: 1, share: 0.25 });
    expect(s.abstention).toEqual({ precision: 0.667, recall: 0.667, nearMissRecall: 0.5 });
  });

  it('reports abstention as n/a for a system that never abstains', () => {
    expect(summarize(rows, { abstains: false }).abstention).toBeNull();
  });

  it('leaves figures without a denominator empty', () => {
    const onlyAbstain = summarize(rows.filter((r) => r.expectAbstain));
    expect(onlyAbstain.quote).toBeNull();
    expect(onlyAbstain.falseRefusals.share).toBeNull();
    expect(summarize([row({ rank: 1 })]).abstention).toEqual({ precision: null, recall: null, nearMissRecall: null });
  });

  it('takes the median and p95 of the latencies', () => {
    expect(percentile([5, 1, 3, 2, 4], 50)).toBe(3);
    expect(percentile(Array.from({ length: 100 }, (_, i) => i + 1), 95)).toBe(95);
    expect(s.latencyMs).toEqual({ median: 10, p95: 30 });
  });
});

describe('groupByStyle', () => {
  it('groups questions by style and abstain items by kind', () => {
    const groups = groupByStyle([
      row({ id: 'a', style: 'factoid', rank: 1 }),
      row({ id: 'b', style: 'own-words' }),
      row({ id: 'c', style: 'factoid' }),
      row({ id: 'd', expectAbstain: true, kind: 'near-miss' }),
    ]);
    expect([...groups.keys()]).toEqual(['factoid', 'own-words', 'abstain: near-miss']);
    expect(groups.get('factoid')!.map((r) => r.id)).toEqual(['a', 'c']);
    expect(summarize(groups.get('factoid')!).quote!.hitAt1).toBe(0.5);
  });

  it('returns no groups for a set without styles', () => {
    expect(groupByStyle([row({}), row({ expectAbstain: true })]).size).toBe(0);
  });
});
