import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { csvFields, writeTrainingText } from '../../src/model/corpus.js';
import { sifWeights, topComponents } from '../../src/model/sif.js';
import { buildVocab } from '../../src/model/vocab.js';
import { basicWords } from '../../src/model/words.js';

describe('basicWords', () => {
  it('lower-cases, strips accents and splits punctuation as BERT does', () => {
    expect(basicWords("Zelenskyy's F-16s hit Kyiv—café U.S.")).toEqual(['zelenskyy', "'", 's', 'f', '-', '16s', 'hit', 'kyiv', '—', 'cafe', 'u', '.', 's', '.']);
  });
});

describe('corpus reading', () => {
  it('splits quoted CSV fields with "" escapes', () => {
    expect(csvFields('"3","A ""big"" day","x, y"')).toEqual(['3', 'A "big" day', 'x, y']);
  });

  it('writes one document a line from jsonl, AG csv and txt, skipping READMEs, and keeps coverage words', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'corpus-'));
    try {
      writeFileSync(path.join(dir, 'a.jsonl'), '{"title":"Oil Prices","text":"Crude rose."}\n');
      writeFileSync(path.join(dir, 'b.csv'), '"1","Title here","Second\\line #36;5"\n');
      writeFileSync(path.join(dir, 'README.txt'), 'not a document');
      writeFileSync(path.join(dir, 'cov.txt'), 'Himars hit.');
      const out = path.join(dir, 'train.txt');
      const s = await writeTrainingText({ sources: [path.join(dir, 'a.jsonl'), path.join(dir, 'b.csv')], always: [path.join(dir, 'cov.txt')], out });
      expect(readFileSync(out, 'utf8')).toBe('oil prices crude rose\ntitle here second line 5\nhimars hit\n');
      expect(s.documents).toBe(3);
      expect([...s.alwaysKeep].sort()).toEqual(['himars', 'hit']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('vocabulary and weights', () => {
  const counts = new Map([['the', 100], ['missile', 5], ['rare', 1], ['himars', 1]]);

  it('orders words by frequency after the special tokens, keeps coverage words, appends fallback pieces', () => {
    const v = buildVocab({ counts, alwaysKeep: new Set(['himars']), minCount: 2, fallback: ['[PAD]', 'the', '##s', 'zz'] });
    expect(v).toEqual(['[PAD]', '[UNK]', '[CLS]', '[SEP]', '[MASK]', 'the', 'missile', 'himars', '##s', 'zz']);
  });

  it('weights frequent words less (SIF)', () => {
    const w = sifWeights(['the', 'missile', 'unknown'], counts, { totalTokens: 1000, a: 1e-2 });
    expect(w[0]!).toBeLessThan(w[1]!);
    expect(w[2]).toBe(1);
  });

  it('finds the dominant direction of a sample', () => {
    const sample = [Float64Array.from([3, 0.1]), Float64Array.from([2.9, -0.1]), Float64Array.from([3.1, 0])];
    const [u] = topComponents(sample, 1);
    expect(Math.abs(u![0]!)).toBeCloseTo(1, 2);
  });
});
