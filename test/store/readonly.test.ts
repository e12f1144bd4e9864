import Database from 'better-sqlite3';
import { chmodSync, copyFileSync, mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { runIndex } from '../../src/indexer/run-index.js';
import { openCoverage } from '../../src/open-coverage.js';
import { DATABASE_FILE, IndexNotReadyError, openDatabase } from '../../src/store/sqlite/database.js';
import { seedConfig } from '../helpers/coverage-index.js';

let env: ReturnType<typeof seedConfig>;
const QUESTION = 'When did Polish FM Sikorski reveal Warsaw’s position?';

beforeAll(async () => {
  env = seedConfig();
  await runIndex(env.config.indexDir, { roots: [env.coverageDir], removeMissing: true, embedder: null });
});
afterAll(() => {
  env.cleanup();
});

const dbFile = (dir: string) => path.join(dir, DATABASE_FILE);
const fingerprint = (file: string) => {
  const s = statSync(file);
  return { size: s.size, mtimeMs: s.mtimeMs };
};

/** A copy of the index's database in its own folder, the file itself made read-only (0444). */
function readOnlyCopy(name: string, prepare?: (db: Database.Database) => void): string {
  const dir = path.join(env.root, name);
  mkdirSync(dir, { recursive: true });
  copyFileSync(dbFile(env.config.indexDir), dbFile(dir));
  if (prepare) {
    const db = new Database(dbFile(dir));
    prepare(db);
    db.close();
  }
  chmodSync(dbFile(dir), 0o444);
  return dir;
}

describe('a read-only open', () => {
  it('writes nothing to the database file', async () => {
    const before = fingerprint(dbFile(env.config.indexDir));
    await new Promise((r) => setTimeout(r, 20)); // a write would move mtime
    const db = openDatabase(env.config.indexDir, { readonly: true });
    expect((db.prepare('SELECT count(*) AS n FROM documents').get() as { n: number }).n).toBe(4);
    db.close();
    expect(fingerprint(dbFile(env.config.indexDir))).toEqual(before);
  });

  it('answers questions through openCoverage from a read-only (0444) database file', async () => {
    const dir = readOnlyCopy('ro-index');
    const before = fingerprint(dbFile(dir));
    const config = loadConfig({ COVERAGE_DIR: env.coverageDir, INDEX_DIR: dir, EMBEDDING_MODEL: 'none' }, env.root);
    const coverage = await openCoverage(config, { embedder: null });
    const answer = await coverage.ask(QUESTION);
    expect(answer.abstained).toBe(false);
    expect(await coverage.sources()).toHaveLength(4);
    await coverage.refresh();
    await coverage.close();
    expect(fingerprint(dbFile(dir))).toEqual(before);
  });

  it('says to run npm run index when the database is missing or of an older schema', () => {
    const missing = path.join(env.root, 'no-index');
    expect(() => openDatabase(missing, { readonly: true })).toThrow(IndexNotReadyError);
    expect(() => openDatabase(missing, { readonly: true })).toThrow(/npm run index/);
    const older = readOnlyCopy('old-index', (db) => db.pragma('user_version = 0'));
    expect(() => openDatabase(older, { readonly: true })).toThrow(/npm run index/);
    const other = readOnlyCopy('other-index', (db) => db.pragma('user_version = 99'));
    expect(() => openDatabase(other, { readonly: true })).toThrow(/older version.*npm run index/);
  });

  it('a writable open of an up-to-date database writes nothing either', () => {
    const before = fingerprint(dbFile(env.config.indexDir));
    const db = openDatabase(env.config.indexDir);
    db.close();
    expect(fingerprint(dbFile(env.config.indexDir))).toEqual(before);
  });
});

describe('readers never wait for a writer', () => {
  it('ask through openCoverage succeeds while another connection holds a write transaction', async () => {
    const writer = new Database(dbFile(env.config.indexDir));
    writer.pragma('journal_mode = WAL');
    writer.exec('BEGIN IMMEDIATE');
    writer.prepare("INSERT INTO manifest(key, value) VALUES ('probe', 'x') ON CONFLICT(key) DO UPDATE SET value = 'x'").run();
    try {
      const started = Date.now();
      const coverage = await openCoverage(env.config, { embedder: null });
      const answer = await coverage.ask(QUESTION);
      await coverage.refresh();
      await coverage.close();
      expect(answer.abstained).toBe(false);
      expect(answer.citations[0]!.quote).toMatch(/Sikorski/);
      expect(Date.now() - started).toBeLessThan(5000);
    } finally {
      writer.exec('ROLLBACK');
      writer.close();
    }
  }, 30_000);
});
