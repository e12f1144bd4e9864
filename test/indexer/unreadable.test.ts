import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { planRun } from '../../src/indexer/plan.js';
import { runIndex } from '../../src/indexer/run-index.js';
import type { FileRecord } from '../../src/store/index-store.js';
import { tempDir } from '../helpers/coverage-index.js';
import { documentSets, writeArticle } from './synthetic-articles.js';

// The sandbox runs as root, for whom chmod 000 does not stop a read: a FIFO, a folder or a device under the
// file's name make the read fail for anyone. The chmod cases run only where permissions are enforced.
const asRoot = process.getuid?.() === 0;

let root = '';
let coverage = '';
let indexDir = '';
const index = () => runIndex(indexDir, { roots: [coverage], removeMissing: true, embedder: null });
const replace = (file: string, make: (file: string) => void) => {
  rmSync(file, { recursive: true, force: true });
  make(file);
};
const mkfifo = (file: string) => execFileSync('mkfifo', [file]);

beforeEach(async () => {
  root = tempDir('unreadable');
  coverage = path.join(root, 'coverage');
  indexDir = path.join(root, 'index');
  writeArticle(coverage, 'one.md', { title: 'One' }, [1, 2, 3, 4]);
  writeArticle(coverage, 'two.md', { title: 'Two' }, [5, 6, 7, 8]);
  writeArticle(path.join(coverage, 'sub'), 'three.md', { title: 'Three' }, [9, 10, 11, 12]);
  expect(await index()).toMatchObject({ added: 3, documents: 3 });
});
afterEach(() => {
  chmodSync(root, 0o755);
  rmSync(root, { recursive: true, force: true });
});

describe('a known file that can no longer be read keeps its indexed version', () => {
  it.each([
    ['a named pipe', (f: string) => mkfifo(f), /named pipe/],
    ['a folder', (f: string) => mkdirSync(f), /folder/],
    ['a symbolic link to a device', (f: string) => symlinkSync('/dev/zero', f), /device/],
    // Listed as a regular file, refused while hashing.
    ['a file over the size limit', (f: string) => writeFileSync(f, Buffer.alloc(5 * 1024 * 1024 + 1, 'a')), /over the .*limit/],
  ])('replaced by %s', async (_, make, reason) => {
    const before = documentSets(indexDir);
    const file = path.join(coverage, 'one.md');
    replace(file, make);
    const report = await index();
    expect(report).toMatchObject({ removed: 0, documents: 3 });
    expect(report.failed).toEqual([{ file, error: expect.stringMatching(reason) }]);
    expect(documentSets(indexDir)).toEqual(before);
  });

  it('keeps every file of a root folder that cannot be listed (replaced by a named pipe)', async () => {
    const before = documentSets(indexDir);
    replace(coverage, mkfifo);
    const report = await index();
    expect(report).toMatchObject({ removed: 0, documents: 3 });
    expect(report.failed).toEqual([{ file: coverage, error: expect.stringMatching(/named pipe/) }]);
    expect(documentSets(indexDir)).toEqual(before);
  });

  it('still removes a file that is really gone', async () => {
    rmSync(path.join(coverage, 'two.md'));
    expect(await index()).toMatchObject({ removed: 1, documents: 2, failed: [] });
  });

  it.skipIf(asRoot)('keeps a file and a folder made unreadable by chmod 000', async () => {
    const before = documentSets(indexDir);
    chmodSync(path.join(coverage, 'one.md'), 0);
    chmodSync(path.join(coverage, 'sub'), 0);
    try {
      const report = await index();
      expect(report).toMatchObject({ removed: 0, documents: 3 });
      expect(report.failed.map((f) => f.error)).toEqual([expect.stringMatching(/permission denied/), expect.stringMatching(/permission denied/)]);
      expect(documentSets(indexDir)).toEqual(before);
    } finally {
      chmodSync(path.join(coverage, 'sub'), 0o755);
    }
  });
});

describe('planRun and unreadable paths', () => {
  const record = (absPath: string): FileRecord => ({ absPath, file: absPath, hash: 'h', documentId: absPath, isPrimary: true });
  const known = new Map(['/c/a.md', '/c/sub/b.md', '/c/gone.md'].map((p) => [p, record(p)]));

  it('removes nothing at or under a path that could not be listed or hashed, and says why a file that is still there was not read', () => {
    const plan = planRun(known, [], {
      removeMissing: true,
      liveRoots: ['/c'],
      unreadable: ['/c/sub'],
      stillThere: (p) => (p === '/c/a.md' ? 'is a folder' : null),
    }, () => true);
    expect(plan.gone.map((f) => f.absPath)).toEqual(['/c/gone.md']);
    expect(plan.unreadable).toEqual([{ file: '/c/a.md', error: 'is a folder' }]);
  });
});
