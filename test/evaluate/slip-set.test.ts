import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/coverage-index.js';
import { loadQaSet } from '../../src/evaluate/qa-set.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const committed = path.join(ROOT, 'eval/bbc-qa-slips.json');

/** Whether two words are one slip apart: a letter left out or added, one changed, or two neighbours swapped. */
function oneSlipApart(a: string, b: string): boolean {
  if (a === b) return false;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (long.length - short.length > 1) return false;
  let i = 0;
  while (i < short.length && short[i] === long[i]) i++;
  if (short.length < long.length) return short.slice(i) === long.slice(i + 1);
  const swapped = a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  return swapped || a.slice(i + 1) === b.slice(i + 1);
}

describe('the BBC set with slips (eval/bbc-qa-slips.json)', () => {
  it('is what scripts/make-slip-questions.ts makes, byte for byte', () => {
    const out = path.join(tempDir('slips'), 'slips.json');
    const run = spawnSync('npx', ['tsx', 'scripts/make-slip-questions.ts', '--out', out], { cwd: ROOT, encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(readFileSync(committed, 'utf8'));
  }, 60_000);

  it('has each question of the three BBC sets that has a long enough word, with one slip in one word and its gold kept', () => {
    const slipped = loadQaSet(committed);
    const originals = ['eval/bbc-qa.json', 'eval/bbc-qa-2.json', 'eval/bbc-qa-3.json'].map((f) => loadQaSet(path.join(ROOT, f)));
    const byId = new Map(originals.flatMap((set) => [...set.questions, ...set.abstain]).map((q) => [`${q.id}s`, q]));
    const items = [...slipped.questions, ...slipped.abstain];
    expect(items.length).toBeGreaterThan(150);
    for (const item of items) {
      const original = byId.get(item.id);
      expect(original, item.id).toBeDefined();
      if ('gold' in item) expect(item.gold).toEqual((original as typeof item).gold);
      const [was, now] = [original!.q.split(' '), item.q.split(' ')];
      const changed = now.flatMap((word, i) => (word !== was[i] ? [i] : []));
      expect(now.length, item.q).toBe(was.length);
      expect(changed, item.q).toHaveLength(1);
      expect(oneSlipApart(was[changed[0]!]!, now[changed[0]!]!), item.q).toBe(true);
    }
  });
});
