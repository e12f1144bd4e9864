import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig, type Config } from '../../src/config.js';

export const SHARED_COVERAGE = path.resolve(import.meta.dirname, '../../../shared/coverage');

export function tempDir(prefix: string): string {
  return mkdtempSync(path.join(os.tmpdir(), `${prefix}-`));
}

/** A config over a private copy of the seed coverage and a fresh index folder, without vectors. */
export function seedConfig(overrides: Record<string, string> = {}): { config: Readonly<Config>; root: string; coverageDir: string; cleanup: () => void } {
  const root = tempDir('coverage-test');
  const coverageDir = path.join(root, 'coverage');
  cpSync(SHARED_COVERAGE, coverageDir, { recursive: true });
  const config = loadConfig({ COVERAGE_DIR: coverageDir, INDEX_DIR: path.join(root, 'index'), EMBEDDING_MODEL: 'none', ...overrides }, root);
  return { config, root, coverageDir, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}
