import path from 'node:path';
import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { runIndex } from '../../src/indexer/run-index.js';
import { openDatabase, writeManifest } from '../../src/store/sqlite/database.js';
import { tempDir } from '../helpers/coverage-index.js';
import { documentSets, writeArticle, type Meta } from './synthetic-articles.js';

const RICH: Meta = { title: 'Rich copy', author: 'A. Writer', date: '2024-03-01', url: 'https://example.org/a', outlet: 'Example Daily' };
const BARE: Meta = { title: 'Bare copy' };
const range = (from: number, n: number) => Array.from({ length: n }, (_, i) => from + i);

/**
 * 43 articles: singles, groups of near-copies (a couple of sentences edited, one richer copy), a group of
 * equally rich copies (the tie goes to the path), and a chain where the ends are not copies of each other.
 */
function writeCoverage(dir: string): string[] {
  const files: string[] = [];
  let next = 0;
  const fresh = (n: number) => {
    const s = range(next, n);
    next += n;
    return s;
  };
  for (let g = 0; g < 6; g++) {
    const base = fresh(10);
    const [x, y] = fresh(2);
    // The richest copy sorts neither first nor last, so the path tie-break cannot hide a wrong choice.
    files.push(writeArticle(dir, `g${g}-a.md`, BARE, [x!, ...base.slice(1)]));
    files.push(writeArticle(dir, `g${g}-b.md`, RICH, base));
    files.push(writeArticle(dir, `g${g}-c.md`, { ...BARE, date: '2024-03-02' }, [...base.slice(0, 9), y!]));
    if (g % 2 === 0) files.push(writeArticle(dir, `g${g}-d.md`, BARE, base.slice(0, 9)));
  }
  const tie = fresh(10);
  files.push(writeArticle(dir, 'tie-2.md', BARE, tie));
  files.push(writeArticle(dir, 'tie-1.md', BARE, [...tie.slice(0, 9), ...fresh(1)]));
  // A ~ B and B ~ C share 8 of 10 sentences, A and C only 6: one document, whichever order they come in.
  const a = fresh(10);
  const b = [...fresh(2), ...a.slice(2)];
  const c = [...b.slice(0, 2), ...fresh(2), ...b.slice(4)];
  files.push(writeArticle(dir, 'chain-a.md', RICH, a));
  files.push(writeArticle(dir, 'chain-b.md', BARE, b));
  files.push(writeArticle(dir, 'chain-c.md', { ...BARE, date: '2024-01-01' }, c));
  // The stored primary also shows what its copies filled in: that must not make the first-indexed copy outrank a richer one.
  const filled = fresh(10);
  files.push(writeArticle(dir, 'filled-1.md', { title: 'First', author: 'B. Writer' }, filled));
  files.push(writeArticle(dir, 'filled-2.md', { date: '2024-02-02' }, [...filled.slice(0, 9), ...fresh(1)]));
  files.push(writeArticle(dir, 'filled-3.md', { title: 'Third', url: 'https://example.org/c', outlet: 'Example Weekly' }, [...fresh(1), ...filled.slice(1)]));
  for (let i = 0; i < 14; i++) files.push(writeArticle(dir, `single-${String(i).padStart(2, '0')}.md`, BARE, fresh(8)));
  return files.sort();
}

let root = '';
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('merging saved copies', () => {
  it('gives the same documents and primaries whatever order the files are indexed in', async () => {
    root = tempDir('duplicate-order');
    const files = writeCoverage(path.join(root, 'coverage'));
    expect(files.length).toBeGreaterThanOrEqual(40);
    const index = (name: string, roots: string[]) => runIndex(path.join(root, name), { roots, removeMissing: false, embedder: null });

    await index('forward', files);
    await index('reversed', [...files].reverse());
    // One file per run, last path first: every new copy meets documents made in earlier runs.
    for (const file of [...files].reverse()) await index('one-by-one', [file]);

    const forward = documentSets(path.join(root, 'forward'));
    expect(documentSets(path.join(root, 'reversed'))).toEqual(forward);
    expect(documentSets(path.join(root, 'one-by-one'))).toEqual(forward);
    expect(forward).toHaveLength(6 + 1 + 1 + 1 + 14);
    expect(forward).toContain('g0-b.md ← g0-a.md ← g0-c.md ← g0-d.md');
    expect(forward).toContain('g1-b.md ← g1-a.md ← g1-c.md');
    expect(forward).toContain('tie-1.md ← tie-2.md');
    expect(forward).toContain('chain-a.md ← chain-b.md ← chain-c.md');
    expect(forward).toContain('filled-3.md ← filled-1.md ← filled-2.md');
  });

  it('keeps matching new copies against every copy after a re-chunking', async () => {
    root = tempDir('duplicate-rechunk');
    const files = writeCoverage(path.join(root, 'coverage'));
    const chainC = files.find((f) => f.endsWith('chain-c.md'))!;
    const indexDir = path.join(root, 'index');
    await runIndex(indexDir, { roots: files.filter((f) => f !== chainC), removeMissing: false, embedder: null });
    const db = openDatabase(indexDir);
    writeManifest(db, { chunking: 'an older chunking' });
    db.close();
    await runIndex(indexDir, { roots: files.filter((f) => f !== chainC), removeMissing: false, embedder: null });
    // chain-c shares too little with chain-a (the primary) and enough with chain-b (its copy).
    await runIndex(indexDir, { roots: [chainC], removeMissing: false, embedder: null });
    expect(documentSets(indexDir)).toContain('chain-a.md ← chain-b.md ← chain-c.md');
  });
});
