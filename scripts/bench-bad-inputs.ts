/**
 * npm run bench -- bad-inputs: issue 10's hostile inputs through the real `npm run index`, five runs each,
 * against runs on an empty folder. Reports medians of wall time, of the time over the empty run, and of
 * peak memory (the whole process: tsx, the configured embedding model, everything).
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { measureIndexRun, writeHostileInputs, type MeasuredRun } from '../src/evaluate/hostile-inputs.js';

const RUNS = 5;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const root = await mkdtemp(path.join(os.tmpdir(), 'bench-bad-inputs-'));
try {
  const env = { INDEX_DIR: path.join(root, 'index'), COVERAGE_DIR: path.resolve('../shared/coverage') };
  await measureIndexRun(env.COVERAGE_DIR, env);
  const empty = path.join(root, 'empty');
  await mkdir(empty);
  const repeat = async (folder: string) => {
    const runs: MeasuredRun[] = [];
    for (let i = 0; i < RUNS; i++) runs.push(await measureIndexRun(folder, env));
    return runs;
  };
  const baseline = await repeat(empty);
  const baselineMs = median(baseline.map((r) => r.wallMs));
  const inputs: Record<string, unknown> = {};
  for (const input of await writeHostileInputs(path.join(root, 'inputs'))) {
    const runs = await repeat(input.folder);
    inputs[input.name] = {
      reason: runs[0]!.report?.failed[0]?.error ?? `no report (exit ${runs[0]!.code})`,
      medianWallMs: Math.round(median(runs.map((r) => r.wallMs))),
      medianOverEmptyRunMs: Math.round(median(runs.map((r) => r.wallMs)) - baselineMs),
      medianPeakRssMB: Math.round(median(runs.map((r) => r.peakRssBytes)) / 2 ** 20),
    };
  }
  const emptyRun = { medianWallMs: Math.round(baselineMs), medianPeakRssMB: Math.round(median(baseline.map((r) => r.peakRssBytes)) / 2 ** 20) };
  process.stdout.write(`${JSON.stringify({ runs: RUNS, emptyRun, inputs })}\n`);
} finally {
  await rm(root, { recursive: true, force: true });
}
