/**
 * `npm run ask -- --session NAME "…"`: the CLI resolves follow-ups against the session's stored turns, says
 * "Understood as: …", and adds `understoodAs` to --json only when it resolved something. Real processes over a
 * real index of made-up articles; sessions survive between processes (each run is a fresh process).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { article } from '../bot/articles.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
let root: string;

function ask(args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/ask-cmd.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, COVERAGE_DIR: path.join(root, 'coverage'), INDEX_DIR: path.join(root, 'index'), EMBEDDING_MODEL: 'none', DATABASE_URL: '' },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'cli-session-'));
  mkdirSync(path.join(root, 'coverage'));
  const write = (n: number, title: string, body: string) => writeFileSync(path.join(root, 'coverage', `${n}.md`), article(n, { title, body }));
  write(1, 'Orla Vance backs the Kessel bridge repairs', 'Minister Orla Vance said on Monday that the Kessel bridge would reopen to lorries in the spring after repairs.');
  write(2, 'Brisk Marrow doubts the Kessel bridge plan', 'Brisk Marrow said the Kessel bridge repairs would cost twice what the ministry had promised.');
  write(3, 'Beekeepers count their losses', 'Beekeepers in the hill villages lost nearly half of their hives over a long cold spring.');
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('ask --session', () => {
  it('answers the first question as typed, then resolves a follow-up against it, across processes', () => {
    const first = ask(['--session', 'desk', 'What did Minister Orla Vance say about the Kessel bridge?']);
    expect(first.code).toBe(0);
    expect(first.stdout).not.toMatch(/Understood as/);
    expect(first.stdout).toMatch(/reopen to lorries/);

    const next = ask(['--session', 'desk', 'and Brisk Marrow?', '--json']);
    expect(next.code).toBe(0);
    const answer = JSON.parse(next.stdout);
    expect(answer.understoodAs).toBe('What did Brisk Marrow say about the Kessel bridge?');
    expect(answer.question).toBe(answer.understoodAs);
    expect(Object.keys(answer).sort()).toEqual(['abstained', 'answer', 'citations', 'question', 'timingMs', 'understoodAs']);
    expect(answer.citations[0].title).toBe('Brisk Marrow doubts the Kessel bridge plan');

    const text = ask(['--session', 'desk', 'What did he say it would cost?']);
    expect(text.stdout.split('\n')[0]).toBe('Understood as: What did Brisk Marrow say it would cost?');
    expect(text.stdout).toMatch(/twice what the ministry had promised/);
  });

  it('keeps sessions apart, and leaves the JSON contract unchanged without one', () => {
    const other = ask(['--session', 'other-desk', 'and Brisk Marrow?', '--json']);
    expect(JSON.parse(other.stdout).understoodAs).toBeUndefined();
    const plain = JSON.parse(ask(['What did Brisk Marrow say about the Kessel bridge?', '--json']).stdout);
    expect(Object.keys(plain).sort()).toEqual(['abstained', 'answer', 'citations', 'question', 'timingMs']);
  });

  it('refuses an empty session name', () => {
    const bad = ask(['--session', ' ', 'and Brisk Marrow?']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--session needs a name/);
  });
});
