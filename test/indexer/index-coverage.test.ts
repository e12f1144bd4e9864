import { appendFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runIndex } from '../../src/indexer/run-index.js';
import { openDatabase } from '../../src/store/sqlite/database.js';
import { listSummaries } from '../../src/store/sqlite/documents.js';
import { seedConfig } from '../helpers/coverage-index.js';

// Page chrome of the kinds the seed pages carry, as general patterns.
const CHROME = [
  /indicates required/i, /\bsubscribe\b/i, /advertisement/i, /become a (member|patron)|gift (a )?membership/i, /\bpatron\b/i, /support (us|up)\b/i,
  /all news/i, /recent news/i, /news feed/i, /^\d{1,2}:\d{2}( [AP]M)?$/m, /visa mastercard/i, /skip to content/i,
  /created with ai/i, /you could close this page/i, /all sections/i,
];

let env: ReturnType<typeof seedConfig>;
const index = (roots?: string[]) => runIndex(env.config.indexDir, { roots: roots ?? [env.coverageDir], removeMissing: true, embedder: null });
const file = (prefix: string) => path.join(env.coverageDir, require_name(prefix));
const require_name = (prefix: string) => ({ '000': '000_621f90386ec554d9.txt', '001': '001_59f12a99f7dea806.txt', '002': '002_42b094852a3dd974.txt', '003': '003_0f77700f0b2ee103.txt', '004': '004_b7735344c2a2d615.txt' })[prefix]!;

function passages(): { document_id: string; start: number; end: number; text: string; doc: string }[] {
  const db = openDatabase(env.config.indexDir, { readonly: true });
  const rows = db.prepare('SELECT p.document_id, p.start, p.end, p.text, d.text AS doc FROM passages p JOIN documents d ON d.id = p.document_id').all();
  db.close();
  return rows as ReturnType<typeof passages>;
}

function sources() {
  const db = openDatabase(env.config.indexDir, { readonly: true });
  const list = listSummaries(db);
  db.close();
  return list;
}

beforeEach(() => {
  env = seedConfig();
});
afterEach(() => env.cleanup());

describe('indexing the seed coverage', () => {
  it('makes four documents, the saved copy kept as an alias of the richer page', async () => {
    const report = await index();
    expect(report).toMatchObject({ documents: 4, added: 5, updated: 0, removed: 0, failed: [], embedding: null });
    expect(report.duplicates).toEqual([{ file: file('002'), duplicateOf: file('000') }]);
    const page = sources().find((s) => s.file === file('000'))!;
    expect(page.aliases).toEqual([file('002')]);
  });

  it('records title, author and date of each article where the page shows them', async () => {
    await index();
    const byFile = Object.fromEntries(sources().map((s) => [path.basename(s.file).slice(0, 3), s]));
    expect(byFile['000']).toMatchObject({ title: 'Ukraine wants to create coalition to shoot down Russian missiles, Zelensky says', author: 'Kateryna Denisova', published: '2024-08-05' });
    expect(byFile['001']).toMatchObject({ title: 'Zelenskyy wants coalition of NATO countries to shoot down missiles over Ukraine', author: 'Kateryna Tyshchenko', published: '2024-08-04' });
    expect(byFile['003']).toMatchObject({ title: 'Poland’s proposal to shoot down Russian missiles rejected by NATO Secretary General', author: null, published: '2024-07-15' });
    expect(byFile['004']).toMatchObject({ author: 'Serhiy Sydorenko, Mariya Yemets', published: '2024-10-03' });
  });

  it('indexes no page chrome, and every passage is the exact span of its article it claims', async () => {
    await index();
    const all = passages();
    expect(all.length).toBeGreaterThan(10);
    for (const p of all) {
      for (const pattern of CHROME) expect(p.text, `${pattern} in: ${p.text}`).not.toMatch(pattern);
      expect(p.doc.slice(p.start, p.end)).toBe(p.text);
    }
  });
});

describe('re-indexing', () => {
  it('skips unchanged files, re-reads changed ones and removes deleted ones', async () => {
    await index();
    expect(await index()).toMatchObject({ added: 0, updated: 0, unchanged: 5, removed: 0, documents: 4 });
    appendFileSync(file('003'), '\n\nIn a later statement, Stoltenberg said the alliance would review its air-policing rules next spring.\n');
    expect(await index()).toMatchObject({ updated: 1, unchanged: 4, documents: 4 });
    expect(passages().some((p) => p.text.includes('review its air-policing rules'))).toBe(true);
    rmSync(file('004'));
    expect(await index()).toMatchObject({ removed: 1, documents: 3 });
    expect(sources().some((s) => s.file === file('004'))).toBe(false);
  });

  it('promotes the saved copy when the primary page is deleted', async () => {
    await index();
    rmSync(file('000'));
    const report = await index();
    expect(report.documents).toBe(4);
    expect(report.duplicates).toEqual([]);
    expect(sources().map((s) => s.file)).toContain(file('002'));
  });

  it('keeps the indexed version of a file that has become unreadable, and says why', async () => {
    await index();
    writeFileSync(file('001'), Buffer.from([0, 1, 2, 3, 0, 0, 255, 254]));
    const report = await index();
    expect(report.failed).toHaveLength(1);
    expect(report.failed[0]!.file).toBe(file('001'));
    expect(report.documents).toBe(4);
    expect(sources().find((s) => s.file === file('001'))?.title).toMatch(/^Zelenskyy wants coalition/);
  });

  it('reports a missing folder by name and removes nothing', async () => {
    await index();
    const missing = path.join(env.root, 'no-such-folder');
    const report = await runIndex(env.config.indexDir, { roots: [missing], removeMissing: true, embedder: null });
    expect(report.failed).toEqual([{ file: missing, error: expect.stringMatching(/no such file or folder/i) }]);
    expect(report.documents).toBe(4);
  });
});
