import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import { loadConfig, type Config } from '../../src/config.js';
import type { CoverageService } from '../../src/coverage.js';
import { openCoverage } from '../../src/open-coverage.js';
import { openDatabase } from '../../src/store/sqlite/database.js';

export const SHARED_COVERAGE = path.resolve(import.meta.dirname, '../../../shared/coverage');

export function tempDir(prefix: string): string {
  return mkdtempSync(path.join(os.tmpdir(), `${prefix}-`));
}

/** A Markdown article with front matter, as the indexer reads it: title, outlet and date, then the body. */
export function markdownArticle(title: string, body: string, { outlet = 'Valley Courier', date = '2031-05-02' } = {}): string {
  return `---\ntitle: "${title}"\noutlet: ${outlet}\ndate: ${date}\n---\n\n${body}\n`;
}

/** A config over a private copy of the seed coverage and a fresh index folder, without vectors. */
export function seedConfig(overrides: Record<string, string> = {}): { config: Readonly<Config>; root: string; coverageDir: string; cleanup: () => void } {
  const root = tempDir('coverage-test');
  const coverageDir = path.join(root, 'coverage');
  cpSync(SHARED_COVERAGE, coverageDir, { recursive: true });
  const config = loadConfig({ COVERAGE_DIR: coverageDir, INDEX_DIR: path.join(root, 'index'), EMBEDDING_MODEL: 'none', ...overrides }, root);
  return { config, root, coverageDir, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

/** A real coverage service over a temp folder, without vectors, for tests that ask and quote. */
export interface TestCoverage {
  config: Readonly<Config>;
  coverage: CoverageService;
  root: string;
  /** The cleaned text of an indexed article, as quotes' offsets point into it. */
  articleText(documentId: string): string;
  close(): Promise<void>;
}

/**
 * Opens the coverage of the given articles (file name → text), or of a private copy of the seed coverage when
 * none are given, indexing it first.
 */
export async function openTestCoverage(options: { articles?: Record<string, string>; env?: Record<string, string> } = {}): Promise<TestCoverage> {
  let root: string;
  let config: Readonly<Config>;
  if (options.articles) {
    root = tempDir('test-coverage');
    const coverageDir = path.join(root, 'coverage');
    mkdirSync(coverageDir);
    for (const [file, text] of Object.entries(options.articles)) writeFileSync(path.join(coverageDir, file), text);
    config = loadConfig({ COVERAGE_DIR: coverageDir, INDEX_DIR: path.join(root, 'index'), EMBEDDING_MODEL: 'none', ...options.env }, root);
  } else {
    ({ root, config } = seedConfig(options.env));
  }
  const coverage = await openCoverage(config, { embedder: null });
  let texts: Map<string, string> | undefined;
  return {
    config,
    coverage,
    root,
    articleText(documentId) {
      if (!texts) {
        const db = openDatabase(config.indexDir, { readonly: true });
        texts = new Map((db.prepare('SELECT id, text FROM documents').all() as { id: string; text: string }[]).map((r) => [r.id, r.text]));
        db.close();
      }
      return texts.get(documentId)!;
    },
    async close() {
      await coverage.close();
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/**
 * A test coverage for the enclosing suite: opened before its tests, closed after them. Its fields are read
 * inside a test, once the coverage is open.
 */
export function suiteCoverage(options: Parameters<typeof openTestCoverage>[0] = {}): Omit<TestCoverage, 'close'> {
  let fixture: TestCoverage | undefined;
  beforeAll(async () => {
    fixture = await openTestCoverage(options);
  });
  afterAll(() => fixture?.close());
  const open = () => {
    if (!fixture) throw new Error('The suite coverage is read before beforeAll opened it.');
    return fixture;
  };
  return {
    get config() {
      return open().config;
    },
    get coverage() {
      return open().coverage;
    },
    get root() {
      return open().root;
    },
    articleText: (documentId) => open().articleText(documentId),
  };
}

/** The quote an answer leads with; the test fails if the coverage abstains instead. */
export async function leadQuote(coverage: CoverageService, question: string): Promise<string> {
  const answer = await coverage.ask(question);
  expect(answer.abstained, question).toBe(false);
  return answer.citations[0]!.quote;
}
