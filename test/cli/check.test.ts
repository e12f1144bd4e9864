import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadEmbedder } from '../../src/embed/transformers-embedder.js';
import { runIndex } from '../../src/indexer/run-index.js';
import { DATABASE_FILE } from '../../src/store/sqlite/database.js';
import { tempDir } from '../helpers/coverage-index.js';
import { buildTinyModel } from '../helpers/tiny-model.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

const ARTICLES: Record<string, string> = {
  'harbour.md': `---
title: Harbour bridge reopens after repairs
author: Ada Brennan
date: 2024-03-02
outlet: Coastal Herald
---
The harbour bridge reopened to traffic on Saturday after four months of repairs to its steel cables.
Engineers said the work came in under budget and ahead of schedule, which surprised many residents.

"We expected delays because of the winter storms, but the crews worked through them," the city engineer said.
Commuters had faced detours of up to forty minutes while the bridge was closed to all vehicles.
`,
  'library.md': `---
title: County library extends opening hours
author: Tomas Ruiz
date: 2024-04-11
outlet: Valley Gazette
---
The county library will stay open until nine in the evening on weekdays from next month, the council announced.
The change follows a petition signed by more than two thousand students who asked for quiet study space.

Librarians said the extra hours would be covered by new part-time staff rather than overtime.
A pilot scheme last autumn showed that evening visits doubled when the doors stayed open later.
`,
  'orchard.md': `---
title: Orchard growers report record apple harvest
author: Mei Lin
date: 2024-09-20
outlet: Farm Weekly
---
Orchard growers in the valley reported a record apple harvest this year, helped by a mild spring without frost.
Prices at the wholesale market fell slightly as supply rose, but growers said volume made up for it.

Several farms hired extra pickers from neighbouring towns to bring the fruit in before the rains.
The growers' association expects exports to rise for the second year in a row.
`,
};

interface Env {
  root: string;
  coverageDir: string;
  indexDir: string;
}

const roots: string[] = [];

async function buildIndex(embedder: Awaited<ReturnType<typeof loadEmbedder>> | null = null): Promise<Env> {
  const root = tempDir('check-test');
  roots.push(root);
  const coverageDir = path.join(root, 'coverage');
  const indexDir = path.join(root, 'index');
  mkdirSync(coverageDir, { recursive: true });
  for (const [name, text] of Object.entries(ARTICLES)) writeFileSync(path.join(coverageDir, name), text);
  const report = await runIndex(indexDir, { roots: [coverageDir], removeMissing: true, embedder });
  expect(report.failed).toEqual([]);
  return { root, coverageDir, indexDir };
}

function check(env: Env, args: string[] = [], extra: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/check-cmd.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, COVERAGE_DIR: env.coverageDir, INDEX_DIR: env.indexDir, EMBEDDING_MODEL: 'none', ...extra },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

let healthy: Env;

beforeAll(async () => {
  healthy = await buildIndex();
});
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

describe('npm run check', () => {
  it('reports every line ok and exits 0 on a healthy index, without changing the database file', () => {
    const file = path.join(healthy.indexDir, DATABASE_FILE);
    const before = statSync(file);
    const { code, stdout, stderr } = check(healthy);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n');
    const checks = lines.slice(0, -1);
    expect(checks.length).toBeGreaterThanOrEqual(8);
    for (const line of checks) expect(line).toMatch(/^✓ ok/);
    expect(stdout).not.toMatch(/problem/);
    expect(stdout).toMatch(/full-text rows: (\d+) passages, \1 full-text rows/);
    expect(lines.at(-1)).toBe('All checks passed.');

    const json = check(healthy, ['--json']);
    expect(json.code).toBe(0);
    const report = JSON.parse(json.stdout);
    expect(report.ok).toBe(true);
    expect(report.checks.map((c: { name: string }) => c.name)).toEqual(
      expect.arrayContaining(['configuration', 'coverage folder', 'index database', 'database integrity', 'full-text rows', 'chunking version', 'vectors', 'index lock', 'model files']),
    );

    const after = statSync(file);
    expect(after.mtimeMs).toBe(before.mtimeMs);
    expect(after.size).toBe(before.size);
  });

  it('names the full-text mismatch when a passage is missing from the full-text table', async () => {
    const env = await buildIndex();
    const db = new Database(path.join(env.indexDir, DATABASE_FILE));
    db.prepare('DELETE FROM passages_fts WHERE rowid = (SELECT min(id) FROM passages)').run();
    db.close();
    const { code, stdout } = check(env);
    expect(code).toBe(1);
    expect(stdout).toMatch(/✗ problem\s+full-text rows: full-text mismatch: (\d+) passages but \d+ full-text rows; 1 passage\(s\) missing/);
    const report = JSON.parse(check(env, ['--json']).stdout);
    expect(report.ok).toBe(false);
    expect(report.checks.find((c: { name: string }) => c.name === 'full-text rows').ok).toBe(false);
  });

  it('reports a lock file whose process is gone as stale', async () => {
    const env = await buildIndex();
    const gone = spawnSync(process.execPath, ['-e', '0']);
    writeFileSync(path.join(env.indexDir, 'index.lock'), `${gone.pid}\n`);
    const { code, stdout } = check(env);
    expect(code).toBe(1);
    expect(stdout).toMatch(new RegExp(`✗ problem\\s+index lock: stale lock: pid ${gone.pid} .* is not running`));
  });

  it('reports a live lock holder as a run in progress', () => {
    const lock = path.join(healthy.indexDir, 'index.lock');
    writeFileSync(lock, `${process.pid}\n`);
    try {
      const { code, stdout } = check(healthy);
      expect(code).toBe(0);
      expect(stdout).toMatch(new RegExp(`✓ ok\\s+index lock: an indexing run is in progress \\(pid ${process.pid} is alive\\)`));
    } finally {
      rmSync(lock, { force: true });
    }
  });

  it('says to run npm run index when there is no index', () => {
    const env = { ...healthy, indexDir: path.join(healthy.root, 'no-index-here') };
    const { code, stdout } = check(env);
    expect(code).toBe(1);
    expect(stdout).toMatch(/✗ problem\s+index database: no database in .*: run npm run index/);
  });

  it('names the bad variable when the configuration is invalid', () => {
    const { code, stdout, stderr } = check(healthy, [], { RATE_LIMIT_PER_MINUTE: 'abc' });
    expect(code).toBe(1);
    expect(stdout).toMatch(/✗ problem\s+configuration: .*RATE_LIMIT_PER_MINUTE/);
    expect(`${stdout}${stderr}`).not.toMatch(/\n\s+at /);
  });

  it('reports a missing coverage folder and a missing model folder', () => {
    const { code, stdout } = check(healthy, [], { COVERAGE_DIR: path.join(healthy.root, 'nowhere'), EMBEDDING_MODEL: path.join(healthy.root, 'no-model') });
    expect(code).toBe(1);
    expect(stdout).toMatch(/✗ problem\s+coverage folder: COVERAGE_DIR .*nowhere does not exist/);
    expect(stdout).toMatch(/✗ problem\s+model files: EMBEDDING_MODEL .*no-model.* lacks the folder itself/);
    expect(stdout).toMatch(/✗ problem\s+embedding model: index built with no model, configured no-model/);
  });

  it('says to run npm run index when the index was split with another chunking version', async () => {
    const env = await buildIndex();
    const db = new Database(path.join(env.indexDir, DATABASE_FILE));
    db.prepare("UPDATE manifest SET value = 'sentences-v0' WHERE key = 'chunking'").run();
    db.close();
    const { code, stdout } = check(env);
    expect(code).toBe(1);
    expect(stdout).toMatch(/✗ problem\s+chunking version: index built with sentences-v0, .*: run npm run index/);
  });

  it('checks the vector file against the passages and the configured model', async () => {
    const root = tempDir('check-model');
    roots.push(root);
    const model = await buildTinyModel(path.join(root, 'models'));
    const embedder = await loadEmbedder({ model: model.modelId, modelsDir: model.modelsDir, allowRemote: false });
    const env = await buildIndex(embedder);
    await embedder.dispose();
    const withModel = { MODELS_DIR: model.modelsDir, EMBEDDING_MODEL: model.modelId };

    const healthyRun = check(env, ['--json'], withModel);
    expect(healthyRun.code).toBe(0);
    const checks = JSON.parse(healthyRun.stdout).checks as { name: string; ok: boolean; detail: string }[];
    expect(checks.find((c) => c.name === 'vectors')!.detail).toMatch(new RegExp(`^(\\d+) vectors \\(${model.modelId}, ${model.dimensions} dimensions\\) for \\1 passages$`));
    expect(checks.find((c) => c.name === 'model files')!.ok).toBe(true);

    const otherModel = check(env, [], { ...withModel, EMBEDDING_MODEL: 'test/other-embed', ALLOW_REMOTE_MODELS: 'false' });
    expect(otherModel.code).toBe(1);
    expect(otherModel.stdout).toMatch(/✗ problem\s+embedding model: index built with test\/tiny-embed, configured test\/other-embed: .*re-embed/);
    expect(otherModel.stdout).toMatch(/✗ problem\s+model files: .*ALLOW_REMOTE_MODELS=false forbids downloading/);

    const db = new Database(path.join(env.indexDir, DATABASE_FILE), { readonly: true });
    const vectorsFile = db.prepare("SELECT value FROM manifest WHERE key = 'vectorsFile'").pluck().get() as string;
    db.close();
    rmSync(path.join(env.indexDir, vectorsFile));
    const missing = check(env, [], withModel);
    expect(missing.code).toBe(1);
    expect(missing.stdout).toMatch(new RegExp(`✗ problem\\s+vectors: vector file ${vectorsFile} is missing: run npm run index`));
  });

  it('exits 2 on bad usage', () => {
    const { code, stderr, stdout } = check(healthy, ['--bogus']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/--bogus/);
    expect(stdout).toBe('');
  });
});
