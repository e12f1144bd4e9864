import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discoverFiles } from '../../src/read/discover.js';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'discover-'));
  for (const rel of ['b.txt', 'a.html', 'sub/c.md', 'sub/deeper/d.htm', 'a.html.meta.json', 'notes.pdf', '.hidden.txt',
    'node_modules/pkg/readme.md', '.git/x.txt', 'sub/E.TXT']) {
    await mkdir(path.dirname(path.join(dir, rel)), { recursive: true });
    await writeFile(path.join(dir, rel), 'x');
  }
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('discoverFiles', () => {
  it('lists article files recursively, sorted, skipping sidecars, hidden files and node_modules', async () => {
    const { files, failed } = await discoverFiles([dir]);
    expect(failed).toEqual([]);
    expect(files.map((f) => path.relative(dir, f.path))).toEqual(['a.html', 'b.txt', 'sub/E.TXT', 'sub/c.md', 'sub/deeper/d.htm']);
    expect(files.every((f) => path.isAbsolute(f.path))).toBe(true);
  });

  it('shows paths as the user gave the root', async () => {
    const relRoot = path.relative(process.cwd(), dir);
    const { files } = await discoverFiles([relRoot]);
    expect(files[0]!.displayPath).toBe(path.join(relRoot, 'a.html'));
  });

  it('accepts a single file as a root and lists a file once when roots overlap', async () => {
    const single = path.join(dir, 'b.txt');
    const { files } = await discoverFiles([single, dir]);
    expect(files.filter((f) => f.path === single)).toHaveLength(1);
    expect(files.find((f) => f.path === single)!.displayPath).toBe(single);
  });

  it('reports a missing root and an unsupported single file without throwing', async () => {
    const { files, failed } = await discoverFiles([path.join(dir, 'nope'), path.join(dir, 'notes.pdf'), path.join(dir, 'sub')]);
    expect(failed).toEqual([
      { file: path.join(dir, 'nope'), error: 'no such file or folder' },
      { file: path.join(dir, 'notes.pdf'), error: expect.stringMatching(/unsupported file type/u) },
    ]);
    expect(files).toHaveLength(3);
  });

  it('finds the five real coverage pages', async () => {
    const root = path.relative(process.cwd(), path.resolve(import.meta.dirname, '../../../shared/coverage'));
    const { files } = await discoverFiles([root]);
    expect(files.map((f) => path.basename(f.displayPath))).toHaveLength(5);
    expect(files[0]!.displayPath).toBe(path.join(root, '000_621f90386ec554d9.txt'));
  });
});
