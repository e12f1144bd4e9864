/**
 * Issue 10's bad inputs through the real indexer CLI (a child process, like `npm run index`): each is refused
 * with a named reason, costs under 2 s more than indexing an empty folder, and the whole process (tsx, the
 * embedding model and all) stays under 300 MB at its peak. Nothing already indexed is lost.
 */
import { mkdtemp, rm, mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOSTILE_INPUT_NAMES, measureIndexRun, writeHostileInputs, type HostileInput } from '../../src/evaluate/hostile-inputs.js';

const PEAK_LIMIT_BYTES = 300 * 1024 * 1024;
const EXTRA_TIME_LIMIT_MS = 2000;

let root: string;
let inputs: HostileInput[];
let baselineMs: number;
let indexDir: string;
let env: Record<string, string>;

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'bad-input-cost-'));
  inputs = await writeHostileInputs(path.join(root, 'inputs'));
  indexDir = path.join(root, 'index');
  // COVERAGE_DIR is the seed the index starts from; the bad inputs are added to it one at a time.
  env = { INDEX_DIR: indexDir, COVERAGE_DIR: path.resolve(import.meta.dirname, '../../../shared/coverage') };
  const seed = await measureIndexRun(env.COVERAGE_DIR!, env);
  expect(seed.code, seed.stderr).toBe(0);
  const empty = path.join(root, 'empty');
  await mkdir(empty);
  // The cost of a run that reads nothing: process start, config, opening the index and the model.
  const runs = [await measureIndexRun(empty, env), await measureIndexRun(empty, env)];
  baselineMs = Math.min(...runs.map((r) => r.wallMs));
}, 120_000);
afterAll(() => rm(root, { recursive: true, force: true }));

describe('bad inputs through npm run index', () => {
  it.each(HOSTILE_INPUT_NAMES)('%s is refused with its reason, quickly, under 300 MB', async (name) => {
    const input = inputs.find((x) => x.name === name)!;
    const run = await measureIndexRun(input.folder, env);
    expect(run.code, run.stderr).toBe(1);
    expect(run.report?.failed, input.name).toHaveLength(1);
    expect(run.report!.failed[0]!.error, input.name).toMatch(input.reason);
    expect(run.report!.passages, 'the seed coverage is still indexed').toBeGreaterThan(0);
    expect(run.peakRssBytes, input.name).toBeLessThan(PEAK_LIMIT_BYTES);
    expect(run.wallMs - baselineMs, input.name).toBeLessThan(EXTRA_TIME_LIMIT_MS);
  }, 60_000);
});
