import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedConfig } from '../helpers/coverage-index.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
let env: ReturnType<typeof seedConfig>;

function run(script: string, args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', `src/cli/${script}.ts`, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, COVERAGE_DIR: env.coverageDir, INDEX_DIR: env.config.indexDir, EMBEDDING_MODEL: 'none' },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(() => {
  env = seedConfig();
});
afterAll(() => env.cleanup());

describe('command line', () => {
  it('ask builds the missing index first (progress on stderr), then prints exactly one JSON answer', () => {
    const { code, stdout, stderr } = run('ask-cmd', ['When did Polish FM Sikorski reveal Warsaw’s position?', '--json']);
    expect(code).toBe(0);
    expect(stderr).toMatch(/Building the index/);
    const answer = JSON.parse(stdout);
    expect(Object.keys(answer).sort()).toEqual(['abstained', 'answer', 'citations', 'question', 'timingMs']);
    expect(Object.keys(answer.citations[0]).sort()).toEqual(
      ['alsoIn', 'author', 'documentId', 'file', 'n', 'outlet', 'published', 'quote', 'score', 'title', 'url'].sort(),
    );
    expect(answer.citations[0].quote).toMatch(/Sikorski/);
    expect(typeof answer.timingMs.total).toBe('number');
  });

  it('index --json reports the run in the documented shape', () => {
    const { code, stdout } = run('index-cmd', ['--json']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ documents: 4, unchanged: 5, added: 0, duplicates: [{ file: expect.stringMatching(/002_/), duplicateOf: expect.stringMatching(/000_/) }], failed: [], embedding: null });
  });

  it('sources --json --passages lists each article with its passages’ exact text', () => {
    const sources = JSON.parse(run('sources-cmd', ['--json', '--passages']).stdout);
    expect(sources).toHaveLength(4);
    for (const s of sources) {
      expect(Object.keys(s).sort()).toEqual(['aliases', 'author', 'file', 'id', 'language', 'outlet', 'passageTexts', 'passages', 'published', 'title', 'url'].sort());
      expect(s.passageTexts).toHaveLength(s.passages);
    }
  });

  it('cite --json returns matches with a citation line', () => {
    const result = JSON.parse(run('cite-cmd', ['we will not participate in this conflict', '--json']).stdout);
    expect(result.matches[0]).toMatchObject({ exact: true, citation: expect.stringContaining('Poland’s proposal') });
  });

  it('answers bad input with a one-line error naming the problem and exit code 2', () => {
    const cases: [string[], RegExp][] = [
      [['missiles', '--bogus'], /--bogus/],
      [['missiles', '--since', '2024-02-30'], /--since must be a date/],
      [['missiles', '--mode', 'psychic'], /--mode must be one of/],
      [['missiles', '--k', '0'], /--k must be/],
      [['x'.repeat(1001)], /1000/],
      [[''], /No question given/],
    ];
    for (const [args, message] of cases) {
      const { code, stderr, stdout } = run('ask-cmd', args);
      expect(code, args.join(' ')).toBe(2);
      expect(stderr).toMatch(message);
      expect(stdout).toBe('');
    }
  });

  it('index exits non-zero when nothing could be indexed', () => {
    const { code, stdout } = run('index-cmd', [path.join(env.root, 'missing-folder'), '--json']);
    expect(code).toBe(1);
    expect(JSON.parse(stdout).failed[0].error).toMatch(/no such file or folder/i);
  });
});
