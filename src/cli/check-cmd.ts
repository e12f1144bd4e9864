import 'dotenv/config';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_LOCAL_MODEL, loadConfig, type Config } from '../config.js';
import { isFolderReference, locateModel } from '../embed/model-location.js';
import { isAlive, LOCK_FILE } from '../store/sqlite/lock.js';
import { checkIndex, type CheckResult } from '../store/sqlite/check.js';
import { printJson } from './run-cli.js';

const USAGE = 'Usage: npm run check [-- --json]';

/** The configuration loads, and COVERAGE_DIR exists. Returns the config, or null when it cannot load. */
function checkConfig(): { config: Readonly<Config> | null; results: CheckResult[] } {
  let config: Readonly<Config>;
  try {
    config = loadConfig();
  } catch (error) {
    return { config: null, results: [{ name: 'configuration', ok: false, detail: (error as Error).message }] };
  }
  const results: CheckResult[] = [{ name: 'configuration', ok: true, detail: 'environment and .env are valid' }];
  const isDir = existsSync(config.coverageDir) && statSync(config.coverageDir).isDirectory();
  results.push({
    name: 'coverage folder',
    ok: isDir,
    detail: isDir ? config.coverageDir : `COVERAGE_DIR ${config.coverageDir} ${existsSync(config.coverageDir) ? 'is not a folder' : 'does not exist'}`,
  });
  return { config, results };
}

/** A lock file left in INDEX_DIR: a run in progress, or a stale one from a run that is gone. */
function checkLock(indexDir: string): CheckResult {
  const name = 'index lock';
  const file = path.join(indexDir, LOCK_FILE);
  let content: string;
  try {
    content = readFileSync(file, 'utf8');
  } catch {
    return { name, ok: true, detail: 'no lock file (no indexing run in progress)' };
  }
  const pid = Number.parseInt(content.trim(), 10);
  if (!Number.isInteger(pid) || pid <= 0) {
    return { name, ok: false, detail: `${file} names no process id: remove it if no indexing run is in progress` };
  }
  if (isAlive(pid)) return { name, ok: true, detail: `an indexing run is in progress (pid ${pid} is alive)` };
  return { name, ok: false, detail: `stale lock: pid ${pid} in ${file} is not running (the next npm run index takes it over)` };
}

/** The id the embedder would record for the configured model (null: none), as the manifest stores it. */
function configuredModelId(config: Readonly<Config>): string | null {
  if (!config.embeddingModel) return null;
  try {
    return locateModel({ model: config.embeddingModel, modelsDir: config.modelsDir }).id;
  } catch {
    return config.embeddingModel;
  }
}

/** The configured embedding model's files are there, or (for a hub id) may be downloaded. */
function checkModel(config: Readonly<Config>): CheckResult {
  const name = 'model files';
  const model = config.embeddingModel;
  if (!model) return { name, ok: true, detail: 'EMBEDDING_MODEL=none: full-text search only' };
  let loc;
  try {
    loc = locateModel({ model, modelsDir: config.modelsDir });
  } catch (error) {
    return { name, ok: false, detail: `${model}: ${(error as Error).message}` };
  }
  if (loc.complete) return { name, ok: true, detail: `${model} found in ${loc.folder}` };
  const missing = `${loc.folder} lacks ${loc.missing.join(', ')}`;
  if (isFolderReference(model)) return { name, ok: false, detail: `EMBEDDING_MODEL ${model}: ${missing}` };
  if (model === DEFAULT_LOCAL_MODEL || model.startsWith('local/')) {
    return { name, ok: false, detail: `EMBEDDING_MODEL ${model}: ${missing} (npm run build-model builds it)` };
  }
  if (config.allowRemoteModels) {
    return { name, ok: true, detail: `${model} is not in MODELS_DIR; ALLOW_REMOTE_MODELS=true lets it be downloaded from the hub on first use` };
  }
  return { name, ok: false, detail: `EMBEDDING_MODEL ${model}: ${missing}, and ALLOW_REMOTE_MODELS=false forbids downloading it` };
}

function runChecks(): CheckResult[] {
  const { config, results } = checkConfig();
  if (!config) return [...results, { name: 'index', ok: false, detail: 'not checked: fix the configuration first' }];
  return [...results, ...checkIndex(config.indexDir, configuredModelId(config)), checkLock(config.indexDir), checkModel(config)];
}

let json: boolean;
try {
  json = parseArgs({ options: { json: { type: 'boolean', default: false } }, allowPositionals: false, strict: true }).values.json ?? false;
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
  process.exit(2);
}

const results = runChecks();
const ok = results.every((r) => r.ok);
if (json) printJson({ ok, checks: results });
else {
  for (const r of results) process.stdout.write(`${r.ok ? '✓ ok     ' : '✗ problem'}  ${r.name}: ${r.detail}\n`);
  process.stdout.write(ok ? 'All checks passed.\n' : `${results.filter((r) => !r.ok).length} problem(s) found.\n`);
}
process.exitCode = ok ? 0 : 1;
