/**
 * The storage contract (issue 9): the same scenarios, with the same assertions, against both back ends —
 * SQLite in INDEX_DIR and Postgres + pgvector (DATABASE_URL) — through the public entry points only:
 * runIndex, openCoverage and openIndexReader. Index, incremental runs, duplicates, search and filters,
 * vectors, ask, cite, feedback, and an indexing child process killed mid-run.
 *
 * Every scenario gets a fresh index: a temp folder for SQLite, a new database on one shared cluster for
 * Postgres. The articles are made up here (hand-written ones for questions, generated ones for bulk).
 * Only the kill scenario looks below the interface, to tell when the child's write transaction is open.
 */
import Database from 'better-sqlite3';
import { appendFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, SHIPPED_MODEL_DIR } from '../../src/config.js';
import type { CoverageService } from '../../src/coverage.js';
import type { Answer, AskOptions, Citation, SourceSummary } from '../../src/domain.js';
import type { Embedder } from '../../src/embed/embedder.js';
import { loadEmbedder } from '../../src/embed/transformers-embedder.js';
import { runIndex } from '../../src/indexer/run-index.js';
import { openCoverage } from '../../src/open-coverage.js';
import type { IndexReader } from '../../src/store/index-store.js';
import { openIndexReader } from '../../src/store/open-store.js';
import { DATABASE_FILE } from '../../src/store/sqlite/database.js';
import { startIndexerProcess } from '../helpers/indexer-process.js';
import { postgresUnavailableReason, startPostgres, type PostgresCluster } from '../helpers/postgres.js';
import { markdown as syntheticMarkdown, writeArticle } from '../indexer/synthetic-articles.js';

const unavailable = postgresUnavailableReason();
if (unavailable) console.warn(`postgres half of the store contract skipped: ${unavailable}`);

// ---------------------------------------------------------------------------------------------------------
// Made-up coverage: five short articles, three outlets, 2022–2024; each mentions "the council".

interface Doc {
  name: string;
  meta: { title: string; outlet: string; author?: string; date: string };
  paragraphs: string[];
}

const GLASSWORKS: Doc = {
  name: 'glassworks.md',
  meta: { title: 'Old glassworks in Tovarin relights its furnaces', outlet: 'Northern Ledger', author: 'Edda Quillon', date: '2022-04-12' },
  paragraphs: [
    'The old glassworks on the river bank in Tovarin relit its three furnaces on Monday, eleven years after it closed.',
    'The new owners said they had hired one hundred and twenty workers, most of them former glassblowers from the town.',
    'The town council agreed to lower the rent on the site for the first five years to help the reopening.',
    'The first orders, for bottles and lamp shades, will leave the works in the autumn, the manager said.',
  ],
};
const BEEKEEPERS: Doc = {
  name: 'beekeepers.md',
  meta: { title: 'Beekeepers count heavy winter losses', outlet: 'Meadow Post', author: 'Tamsin Reevely', date: '2022-06-03' },
  paragraphs: [
    'Beekeepers in the hill villages lost nearly half of their hives over the winter, according to a survey by their association.',
    'A long cold spring kept the bees inside until May, and many colonies starved before the orchards flowered.',
    'The council has promised a small grant to beekeepers who restock their hives this summer.',
  ],
};
const TRAMLINE: Doc = {
  name: 'tramline.md',
  meta: { title: 'Councillors approve tram line to the airport', outlet: 'Northern Ledger', author: 'Piet Anvers', date: '2023-02-20' },
  paragraphs: [
    'The city council voted by thirty-one to nine on Thursday to extend the tram line fourteen kilometres to the airport.',
    'Building work on the extension will start next spring and is expected to cost about four hundred million.',
    'Opponents on the council argued that buses could serve the airport for a fraction of the price.',
  ],
};
const TOWPATH: Doc = {
  name: 'towpath.md',
  meta: { title: 'Volunteers restore the canal towpath', outlet: 'Canal Weekly', date: '2023-09-09' },
  paragraphs: [
    'More than two hundred volunteers spent the weekend clearing brambles and rebuilding the crumbling towpath along the canal.',
    'The council lent them wheelbarrows and a small digger, and a local bakery brought bread for everyone.',
    'Walkers and cyclists will be able to use the whole towpath again from next month.',
  ],
};
const METEORS: Doc = {
  name: 'meteors.md',
  meta: { title: 'Observatory counts a record meteor shower', outlet: 'Meadow Post', author: 'Ilse Marrow', date: '2024-08-13' },
  paragraphs: [
    'Astronomers at the hilltop observatory counted more than nine hundred shooting stars in a single night during the summer meteor shower.',
    'Clear skies and a thin crescent moon made it the best night for watching meteors in over a decade, they said.',
    'The council switched off the street lights in the village for three hours so that visitors could see the sky.',
  ],
};
/** Added by the incremental scenario. */
const PUPPETS: Doc = {
  name: 'puppets.md',
  meta: { title: 'Puppet theatre returns to Linden Square', outlet: 'Canal Weekly', author: 'Ola Brenn', date: '2024-01-15' },
  paragraphs: [
    'The puppet theatre on Linden Square reopened on Saturday with a new stage built by carpenters from the trade school.',
    'Its first show, about a fox who wants to fly, sold out within an hour of the box office opening.',
  ],
};
const COVERAGE = [GLASSWORKS, BEEKEEPERS, TRAMLINE, TOWPATH, METEORS];

// An article in Ukrainian, asked about in Ukrainian with other forms of its words (prefix search and counts).
const FERRY: Doc = {
  name: 'ferry.md',
  meta: { title: 'Пором через затоку знову курсує', outlet: 'Вісті узбережжя', date: '2024-02-20' },
  paragraphs: [
    'Пором між Соснівкою та островом Липовим відновив рейси після зимової перерви.',
    'Квиток для дорослого коштуватиме 85 гривень, для дітей проїзд безкоштовний.',
    'Перевізник планує збільшити кількість рейсів улітку.',
  ],
};

function markdown(doc: Doc): string {
  const front = Object.entries(doc.meta).map(([k, v]) => `${k}: "${v}"`);
  return `---\n${front.join('\n')}\n---\n\n${doc.paragraphs.join('\n\n')}\n`;
}

function writeDocs(dir: string, docs: Doc[]): void {
  mkdirSync(dir, { recursive: true });
  for (const doc of docs) writeFileSync(path.join(dir, doc.name), markdown(doc));
}

// ---------------------------------------------------------------------------------------------------------
// The two back ends.

/** Where one scenario's index lives: its own folder, and for Postgres its own database. */
interface Place {
  root: string;
  articles: string;
  indexDir: string;
  databaseUrl: string | null;
}

/** Tells whether an indexing run in another process has its write transaction open with writes in it. */
interface WriteProbe {
  writing(): Promise<boolean>;
  close(): Promise<void>;
}

interface Backend {
  name: string;
  skip: string | null;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** A fresh, empty index. */
  fresh(): Promise<Place>;
  probe(place: Place): Promise<WriteProbe>;
}

const roots: string[] = [];
function freshFolder(): Omit<Place, 'databaseUrl'> {
  const root = mkdtempSync(path.join(os.tmpdir(), 'store-contract-'));
  roots.push(root);
  const articles = path.join(root, 'articles');
  mkdirSync(articles);
  return { root, articles, indexDir: path.join(root, 'index') };
}

const sqlite: Backend = {
  name: 'SQLite',
  skip: null,
  async start() {},
  async stop() {},
  async fresh() {
    return { ...freshFolder(), databaseUrl: null };
  },
  // The writer's transaction starts with BEGIN IMMEDIATE: while it is open, nobody else can take the write lock.
  async probe(place) {
    const db = new Database(path.join(place.indexDir, DATABASE_FILE), { fileMustExist: true });
    db.pragma('busy_timeout = 0');
    return {
      async writing() {
        try {
          db.exec('BEGIN IMMEDIATE');
          db.exec('ROLLBACK');
          return false;
        } catch (error) {
          if ((error as { code?: string }).code?.startsWith('SQLITE_BUSY')) return true;
          throw error;
        }
      },
      async close() {
        db.close();
      },
    };
  },
};

function postgresBackend(): Backend {
  let cluster: PostgresCluster | null = null;
  let admin: pg.Client | null = null;
  let databases = 0;
  return {
    name: unavailable ? `Postgres (skipped: ${unavailable})` : 'Postgres',
    skip: unavailable,
    async start() {
      cluster = await startPostgres();
      if (!cluster) throw new Error(`startPostgres() returned null: ${postgresUnavailableReason()}`);
      if (!cluster.hasVector) throw new Error('pgvector is not installed for this server; run `bash scripts/setup-postgres.sh`');
      admin = new pg.Client({ connectionString: cluster.url });
      await admin.connect();
    },
    async stop() {
      await admin?.end();
      await cluster?.stop();
    },
    async fresh() {
      const name = `contract_${++databases}`;
      await admin!.query(`CREATE DATABASE ${name}`);
      const url = new URL(cluster!.url);
      url.pathname = `/${name}`;
      return { ...freshFolder(), databaseUrl: url.toString() };
    },
    // A run's first insert or delete takes a row-exclusive lock on documents, held until its commit or rollback.
    async probe(place) {
      const client = new pg.Client({ connectionString: place.databaseUrl! });
      await client.connect();
      return {
        async writing() {
          const { rows } = await client.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM pg_locks
             WHERE relation = 'documents'::regclass AND mode = 'RowExclusiveLock' AND granted AND pid <> pg_backend_pid()`,
          );
          return rows[0]!.n > 0;
        },
        async close() {
          await client.end();
        },
      };
    },
  };
}

// ---------------------------------------------------------------------------------------------------------
// Shared helpers, the same for both back ends.

let embedder: Embedder;

beforeAll(async () => {
  // The shipped model, loaded once for the runs; each service loads its own (closing a service disposes it).
  embedder = await loadEmbedder({ model: SHIPPED_MODEL_DIR, modelsDir: os.tmpdir(), allowRemote: false });
});
afterAll(async () => {
  await embedder?.dispose();
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

const modelJson = () => JSON.stringify(embedder.info);

function index(place: Place, options: { roots?: string[]; vectors?: boolean; removeMissing?: boolean } = {}) {
  return runIndex(place.indexDir, {
    databaseUrl: place.databaseUrl,
    roots: options.roots ?? [place.articles],
    removeMissing: options.removeMissing ?? true,
    embedder: options.vectors === false ? null : embedder,
  });
}

function serve(place: Place, options: { vectors?: boolean } = {}): Promise<CoverageService> {
  const config = loadConfig({
    COVERAGE_DIR: place.articles,
    INDEX_DIR: place.indexDir,
    DATABASE_URL: place.databaseUrl ?? undefined,
    MODELS_DIR: place.root,
    EMBEDDING_MODEL: options.vectors === false ? 'none' : SHIPPED_MODEL_DIR,
  });
  return openCoverage(config);
}

async function withReader<T>(place: Place, read: (reader: IndexReader) => Promise<T>): Promise<T> {
  const reader = await openIndexReader(place);
  try {
    return await read(reader);
  } finally {
    await reader.close();
  }
}

/** Everything a reader can see of the index, but the time of the last run. */
function snapshot(place: Place) {
  return withReader(place, async (reader) => {
    const { chunking, embedding } = await reader.manifest();
    const summaries = await reader.summaries();
    const passages = [];
    for (const s of summaries) passages.push(...(await reader.documentPassages(s.id)));
    return { chunking, embedding, documents: await reader.documentCount(), passageCount: await reader.passageCount(), summaries, passages };
  });
}

/** The passages vector search can reach, and the passages there are: one vector per live passage, no strays. */
async function vectorAndPassageIds(place: Place): Promise<{ reachable: number[]; passages: number[] }> {
  const query = await embedder.embedQuery('a question about anything at all');
  return withReader(place, async (reader) => {
    const reachable = (await reader.nearestPassages(query, {}, 10_000)).map((h) => h.passageId).sort((a, b) => a - b);
    const passages: number[] = [];
    for (const s of await reader.summaries()) passages.push(...(await reader.documentPassages(s.id)).map((p) => p.id));
    return { reachable, passages: passages.sort((a, b) => a - b) };
  });
}

/** Every article an answer quotes or lists as closest. */
const results = (answer: Answer): Citation[] => [...answer.citations, ...answer.closest];
const best = (answer: Answer): Citation | undefined => answer.citations[0] ?? answer.closest[0];
const titles = (list: { title: string | null }[]) => [...new Set(list.map((x) => x.title))].sort();
const byTitle = (summaries: SourceSummary[], doc: Doc) => summaries.find((s) => s.title === doc.meta.title);

// ---------------------------------------------------------------------------------------------------------

describe.each([sqlite, postgresBackend()].map((b) => [b.name, b] as const))('the index store contract on %s', (_name, backend) => {
  const test = backend.skip ? it.skip : it;

  beforeAll(async () => {
    if (!backend.skip) await backend.start();
  }, 60_000);
  afterAll(async () => {
    if (!backend.skip) await backend.stop();
  });

  test('index: documents, passages and summaries; a second run finds everything unchanged and changes nothing', async () => {
    const place = await backend.fresh();
    writeDocs(place.articles, COVERAGE);
    const first = await index(place);
    expect(first).toMatchObject({ documents: 5, added: 5, updated: 0, unchanged: 0, removed: 0, duplicates: [], failed: [] });
    expect(first.embedding).toEqual({ model: embedder.info.id });
    expect(first.passages).toBeGreaterThanOrEqual(5);

    const before = await snapshot(place);
    expect(before).toMatchObject({ documents: 5, passageCount: first.passages, embedding: modelJson() });
    expect(before.passages).toHaveLength(first.passages);
    for (const doc of COVERAGE) {
      const summary = byTitle(before.summaries, doc);
      expect(summary, doc.name).toMatchObject({
        file: path.join(place.articles, doc.name),
        aliases: [],
        outlet: doc.meta.outlet,
        author: doc.meta.author ?? null,
        published: doc.meta.date,
      });
      expect(summary!.passages).toBeGreaterThan(0);
    }
    // Newest first.
    expect(before.summaries.map((s) => s.published)).toEqual(COVERAGE.map((d) => d.meta.date).sort().reverse());
    // Every passage is a verbatim span of its article (the body is the file's paragraphs as written).
    const bodyOf = new Map(before.summaries.map((s) => [s.id, COVERAGE.find((d) => d.meta.title === s.title)!.paragraphs.join('\n\n')]));
    for (const p of before.passages) expect(bodyOf.get(p.documentId)!.slice(p.start, p.end)).toBe(p.text);
    expect(await withReader(place, (r) => r.hasVectorsOf(modelJson()))).toBe(true);

    const second = await index(place);
    expect(second).toMatchObject({ documents: 5, passages: first.passages, added: 0, updated: 0, unchanged: 5, removed: 0, failed: [] });
    expect(await snapshot(place)).toEqual(before);
    expect(await withReader(place, (r) => r.hasVectorsOf(modelJson()))).toBe(true);
  });

  test('incremental: an edited file is updated, a deleted one removed, a new one added, an unreadable one kept; counts and search follow', async () => {
    const place = await backend.fresh();
    writeDocs(place.articles, COVERAGE);
    await index(place);
    const coverage = await serve(place);
    try {
      const removedQuestion = 'beekeepers hives winter losses';
      expect(best(await coverage.ask(removedQuestion, { mode: 'fulltext' }))?.title).toBe(BEEKEEPERS.meta.title);

      appendFileSync(path.join(place.articles, GLASSWORKS.name), '\nA second crew of forty kiln builders will start in January, once the old kilns are repaired.\n');
      rmSync(path.join(place.articles, BEEKEEPERS.name));
      writeDocs(place.articles, [PUPPETS]);
      const untouched = async () => {
        const { summaries, passages } = await snapshot(place);
        const kept = summaries.filter((s) => [TRAMLINE, TOWPATH, METEORS].some((d) => d.meta.title === s.title));
        return { kept, passages: passages.filter((p) => kept.some((s) => s.id === p.documentId)) };
      };
      const untouchedBefore = await untouched();
      const report = await index(place);
      expect(report).toMatchObject({ documents: 5, added: 1, updated: 1, removed: 1, unchanged: 3, failed: [] });
      // The files that did not change keep their documents and passages, ids included.
      expect(await untouched()).toEqual(untouchedBefore);

      const ids = await vectorAndPassageIds(place);
      expect(ids.reachable).toEqual(ids.passages);
      await coverage.refresh();
      expect(await coverage.stats()).toMatchObject({ documents: 5, passages: report.passages, latest: '2024-08-13', earliest: '2022-04-12' });
      const sources = await coverage.sources();
      expect(titles(sources)).toEqual(titles([GLASSWORKS, TRAMLINE, TOWPATH, METEORS, PUPPETS].map((d) => d.meta)));

      for (const mode of ['fulltext', 'vector'] as const) {
        const added = await coverage.ask('puppet theatre stage carpenters', { mode });
        expect(best(added)?.title, mode).toBe(PUPPETS.meta.title);
        const edited = await coverage.ask('kiln builders crew', { mode });
        expect(best(edited)?.title, mode).toBe(GLASSWORKS.meta.title);
        expect(results(edited).some((c) => c.quote.includes('kiln builders')), mode).toBe(true);
        const gone = await coverage.ask(removedQuestion, { mode });
        expect(results(gone).map((c) => c.title), mode).not.toContain(BEEKEEPERS.meta.title);
      }

      // A known file that can no longer be read keeps its indexed version, and the run says why.
      const towpath = path.join(place.articles, TOWPATH.name);
      const indexed = await snapshot(place);
      writeFileSync(towpath, Buffer.from([0, 1, 2, 3, 0, 0, 255, 254]));
      const unreadable = await index(place);
      expect(unreadable).toMatchObject({ documents: 5, added: 0, updated: 0, removed: 0, unchanged: 4 });
      expect(unreadable.failed).toEqual([{ file: towpath, error: expect.any(String) }]);
      expect(await snapshot(place)).toEqual(indexed);
      await coverage.refresh();
      expect(best(await coverage.ask('brambles towpath volunteers canal'))?.title).toBe(TOWPATH.meta.title);
    } finally {
      await coverage.close();
    }
  });

  test('duplicates: two saved copies of one article are one document led by the richer copy, in either order', async () => {
    const RICH = { title: 'Saved copy with everything', author: 'A. Keeper', date: '2023-05-06', url: 'https://example.org/saved', outlet: 'Example Daily' };
    const BARE = { title: 'Saved copy' };
    const first = Array.from({ length: 10 }, (_, i) => 7000 + i);
    const second = Array.from({ length: 10 }, (_, i) => 7100 + i);
    // Pair one's rich copy sorts before its bare copy, pair two's after: a path tie-break cannot pass for richness.
    const files = (dir: string) => ({
      rich1: writeArticle(dir, 'a-first-rich.md', RICH, first),
      bare1: writeArticle(dir, 'b-first-bare.md', BARE, first),
      bare2: writeArticle(dir, 'c-second-bare.md', BARE, second),
      rich2: writeArticle(dir, 'd-second-rich.md', RICH, second),
    });
    const expectOneDocumentEach = async (place: Place) => {
      const summaries = await withReader(place, (r) => r.summaries());
      expect(summaries.map((s) => [path.basename(s.file), s.aliases.map((a) => path.basename(a))]).sort()).toEqual([
        ['a-first-rich.md', ['b-first-bare.md']],
        ['d-second-rich.md', ['c-second-bare.md']],
      ]);
      for (const s of summaries) expect(s).toMatchObject({ title: RICH.title, author: RICH.author, outlet: RICH.outlet, published: RICH.date, url: RICH.url });
      expect(await withReader(place, (r) => r.documentCount())).toBe(2);
    };

    // One run over both pairs.
    const together = await backend.fresh();
    const t = files(together.articles);
    const report = await index(together, { vectors: false });
    expect(report).toMatchObject({ documents: 2, added: 4, failed: [] });
    expect(report.duplicates).toEqual([
      { file: t.bare1, duplicateOf: t.rich1 },
      { file: t.bare2, duplicateOf: t.rich2 },
    ]);
    await expectOneDocumentEach(together);

    // Two runs: pair one's bare copy comes first, pair two's rich copy does, and the second run meets stored documents.
    const apart = await backend.fresh();
    const a = files(apart.articles);
    await index(apart, { roots: [a.bare1, a.rich2], removeMissing: false });
    const later = await index(apart, { roots: [a.rich1, a.bare2], removeMissing: false });
    expect(later).toMatchObject({ documents: 2, added: 2, failed: [] });
    expect(later.duplicates).toEqual([
      { file: a.bare1, duplicateOf: a.rich1 },
      { file: a.bare2, duplicateOf: a.rich2 },
    ]);
    await expectOneDocumentEach(apart);
    // The copy's document was replaced by the richer one's: its vectors went with it.
    const merged = await vectorAndPassageIds(apart);
    expect(merged.reachable).toEqual(merged.passages);

    // Deleting a primary promotes its copy.
    rmSync(a.rich1);
    expect(await index(apart)).toMatchObject({ documents: 2, removed: 1, duplicates: [{ file: a.bare2, duplicateOf: a.rich2 }] });
    const summaries = await withReader(apart, (r) => r.summaries());
    expect(summaries.map((s) => path.basename(s.file)).sort()).toEqual(['b-first-bare.md', 'd-second-rich.md']);
    const promoted = await vectorAndPassageIds(apart);
    expect(promoted.reachable).toEqual(promoted.passages);
  });

  test('search and filters: outlet, author, since, until and one article hold; full-text and vector modes find a passage by its words', async () => {
    const place = await backend.fresh();
    writeDocs(place.articles, COVERAGE);
    await index(place);
    const coverage = await serve(place);
    try {
      const question = 'What did the council do?';
      const filtered = async (options: AskOptions) => {
        const found = results(await coverage.ask(question, options));
        expect(found.length, JSON.stringify(options)).toBeGreaterThan(0);
        return found;
      };
      expect(new Set((await filtered({})).map((c) => c.outlet)).size).toBeGreaterThan(1);
      for (const c of await filtered({ outlet: 'Meadow Post' })) expect(c.outlet).toBe('Meadow Post');
      for (const c of await filtered({ outlet: 'meadow post' })) expect(c.outlet).toBe('Meadow Post');
      for (const c of await filtered({ author: 'anvers' })) expect(c.title).toBe(TRAMLINE.meta.title);
      for (const c of await filtered({ since: '2023-01-01' })) expect(c.published! >= '2023-01-01').toBe(true);
      for (const c of await filtered({ until: '2022-12-31' })) expect(c.published! <= '2022-12-31').toBe(true);
      const window = await filtered({ since: '2023-01-01', until: '2023-12-31' });
      expect(titles(window)).toEqual(titles([TRAMLINE.meta, TOWPATH.meta]));
      // One article: "Ask about this" on a feed's post. The towpath article alone, though the question is about another.
      const towpathId = (await coverage.sources()).find((s) => s.title === TOWPATH.meta.title)!.id;
      for (const mode of ['fulltext', 'vector'] as const) {
        const withinOne = await coverage.ask('shooting stars meteor shower observatory', { mode, documentId: towpathId });
        for (const c of [...withinOne.citations, ...withinOne.closest]) expect(c.title, mode).toBe(TOWPATH.meta.title);
      }
      for (const c of await filtered({ documentId: towpathId })) expect(c.title).toBe(TOWPATH.meta.title);
      await expect(coverage.ask(question, { documentId: '000000000000' })).rejects.toThrow(/no longer in the coverage/);
      await expect(coverage.ask(question, { outlet: 'No Such Paper' })).rejects.toThrow(/No outlet named/);
      expect(await coverage.outlets()).toEqual(['Canal Weekly', 'Meadow Post', 'Northern Ledger']);

      for (const mode of ['fulltext', 'vector'] as const) {
        const meteors = await coverage.ask('shooting stars meteor shower observatory', { mode });
        expect(meteors.abstained, mode).toBe(false);
        expect(meteors.citations[0], mode).toMatchObject({ title: METEORS.meta.title, outlet: 'Meadow Post', published: '2024-08-13' });
        expect(meteors.citations[0]!.quote, mode).toMatch(/shooting stars|meteors/);
        const towpath = await coverage.ask('brambles towpath volunteers canal', { mode });
        expect(towpath.citations[0]?.title, mode).toBe(TOWPATH.meta.title);
        const narrowed = await coverage.ask('brambles towpath volunteers canal', { mode, outlet: 'Northern Ledger' });
        for (const c of results(narrowed)) expect(c.outlet, mode).toBe('Northern Ledger');
        const recent = results(await coverage.ask(question, { mode, since: '2024-01-01' }));
        expect(titles(recent), mode).toEqual([METEORS.meta.title]);
      }
      // Nearest neighbours within a filter: the closest passages that qualify, even when none is close.
      const nearestInOutlet = results(await coverage.ask('brambles towpath volunteers canal', { mode: 'vector', outlet: 'Northern Ledger' }));
      expect(nearestInOutlet.length).toBeGreaterThan(0);
      for (const c of nearestInOutlet) expect(c.outlet).toBe('Northern Ledger');
    } finally {
      await coverage.close();
    }
  });

  test('ask and cite: an answerable question is answered from the right article, an off-topic one abstains, a quote is found', async () => {
    const place = await backend.fresh();
    writeDocs(place.articles, COVERAGE);
    await index(place);
    const coverage = await serve(place);
    try {
      const answered = await coverage.ask('How many workers did the glassworks hire?');
      expect(answered.abstained).toBe(false);
      expect(answered.searched).toBe(5);
      expect(answered.citations[0]).toMatchObject({ title: GLASSWORKS.meta.title, author: 'Edda Quillon', outlet: 'Northern Ledger', published: '2022-04-12' });
      expect(answered.citations[0]!.quote).toMatch(/hired one hundred and twenty workers/);
      const passage = await coverage.passage(answered.citations[0]!.passageId);
      expect(passage?.source.title).toBe(GLASSWORKS.meta.title);
      expect(passage!.passage.text).toContain(answered.citations[0]!.quote);

      const hives = await coverage.ask('How many hives did the beekeepers lose over the winter?');
      expect(hives.abstained).toBe(false);
      expect(hives.citations[0]!.quote).toMatch(/lost nearly half of their hives/);

      const offTopic = await coverage.ask('Who won the chess championship in Reykjavik?');
      expect(offTopic.abstained).toBe(true);
      expect(offTopic.citations).toEqual([]);

      const quote = 'Opponents on the council argued that buses could serve the airport';
      const cited = await coverage.cite(quote);
      expect(cited.matches[0]).toMatchObject({ title: TRAMLINE.meta.title, exact: true, outlet: 'Northern Ledger' });
      expect(cited.matches[0]!.passage).toContain(quote);
      expect(cited.matches[0]!.citation).toMatch(/Piet Anvers/);
      const unknown = await coverage.cite('the ferry to the islands was cancelled because of fog');
      expect(unknown.matches.filter((m) => m.exact)).toEqual([]);
    } finally {
      await coverage.close();
    }
  });

  test('a question in the language of a Ukrainian article finds it through other forms of its words', async () => {
    const place = await backend.fresh();
    writeDocs(place.articles, [...COVERAGE, FERRY]);
    await index(place);
    const coverage = await serve(place);
    try {
      const answer = await coverage.ask('Скільки коштують квитки на пором?', { mode: 'fulltext' });
      expect(answer.abstained).toBe(false);
      expect(answer.citations[0]).toMatchObject({ title: FERRY.meta.title });
      expect(answer.citations[0]!.quote).toContain('85 гривень');
      expect(await withReader(place, (r) => r.languages())).toEqual(['en', 'uk']);
      // Asked in English: the words' Ukrainian translations find it ("ticket" квиток, "cost" коштувати).
      const english = await coverage.ask('How much does a ferry ticket cost for an adult?', { mode: 'fulltext' });
      expect(english.citations[0]?.quote).toContain('85 гривень');
      // A term ending in "*" stands for the stored words it begins: the question's "коштують" (kosht) finds "коштуватиме".
      expect(await withReader(place, (r) => r.passagesWith(['porom*', 'kosht*', 'koshtuvatyme', 'kosht', 'zzzz*']))).toEqual(
        new Map([
          ['porom*', 1],
          ['kosht*', 1],
          ['koshtuvatyme', 1],
          ['kosht', 0],
          ['zzzz*', 0],
        ]),
      );
      expect((await withReader(place, (r) => r.fullText([['kosht*']], {}, 5))).map((p) => p.text)).toEqual([expect.stringContaining('85 гривень')]);
      expect(await withReader(place, (r) => r.fullText([['kosht']], {}, 5))).toEqual([]);
    } finally {
      await coverage.close();
    }
  });

  test('feedback: recordFeedback resolves, and a second service sees the index unchanged', async () => {
    const place = await backend.fresh();
    writeDocs(place.articles, COVERAGE);
    await index(place, { vectors: false });
    const before = await snapshot(place);
    const first = await serve(place, { vectors: false });
    let stats;
    let answer: Answer;
    try {
      answer = await first.ask('How many workers did the glassworks hire?');
      expect(answer.abstained).toBe(false);
      stats = await first.stats();
      const passageIds = answer.citations.map((c) => c.passageId);
      await expect(first.recordFeedback({ question: answer.question, passageIds, helpful: true, userId: '1001' })).resolves.toBeUndefined();
      await expect(first.recordFeedback({ question: answer.question, passageIds: [], helpful: false, userId: '1002' })).resolves.toBeUndefined();
      await first.refresh();
      expect(await first.stats()).toEqual(stats);
    } finally {
      await first.close();
    }
    const second = await serve(place, { vectors: false });
    try {
      expect(await second.stats()).toEqual(stats);
      const again = await second.ask('How many workers did the glassworks hire?');
      expect(again.citations.map((c) => [c.passageId, c.quote])).toEqual(answer.citations.map((c) => [c.passageId, c.quote]));
    } finally {
      await second.close();
    }
    expect(await snapshot(place)).toEqual(before);
    expect(await index(place, { vectors: false })).toMatchObject({ added: 0, updated: 0, removed: 0, unchanged: 5, documents: 5 });
  });

  test('kill mid-run: a run killed while writing leaves the previous index whole and usable, and the next run completes', async () => {
    const place = await backend.fresh();
    writeDocs(place.articles, COVERAGE);
    await index(place);
    const before = await snapshot(place);
    const bulk = path.join(place.root, 'bulk');
    const ARTICLES = 200;
    const SENTENCES = 40;
    mkdirSync(bulk);
    for (let i = 0; i < ARTICLES; i++) {
      const sentences = Array.from({ length: SENTENCES }, (_, k) => 20_000 + i * SENTENCES + k);
      writeFileSync(path.join(bulk, `bulk-${String(i).padStart(3, '0')}.md`), syntheticMarkdown({ title: `Bulletin ${i}`, outlet: 'Bulk Wire', date: '2021-01-01' }, sentences));
    }

    const probe = await backend.probe(place);
    // The real CLI with the shipped model, as `npm run index` would run it from another shell.
    const child = startIndexerProcess(place.indexDir, [bulk], { DATABASE_URL: place.databaseUrl ?? '', EMBEDDING_MODEL: SHIPPED_MODEL_DIR });
    try {
      // Planning, reading and embedding come first; the kill lands a while into the write transaction.
      const deadline = Date.now() + 45_000;
      while (!(await probe.writing())) {
        if (child.child.exitCode !== null || child.child.signalCode !== null) break;
        if (Date.now() > deadline) throw new Error('timed out waiting for the indexing run to start writing');
        await new Promise((r) => setTimeout(r, 5));
      }
      // Readers keep seeing the last commit while a run writes.
      expect(await withReader(place, (r) => r.documentCount())).toBe(5);
      await new Promise((r) => setTimeout(r, 200));
      const writingAtKill = await probe.writing();
      child.child.kill('SIGKILL');
      const exit = await child.exited;
      expect(exit.signal, `the run ended before it was killed: ${exit.stdout}${exit.stderr}`).toBe('SIGKILL');
      expect(writingAtKill, 'the run was not writing when it was killed').toBe(true);

      // What the killed run wrote is gone; the last commit is all there, vectors included.
      expect(await snapshot(place)).toEqual(before);
      expect(await withReader(place, (r) => r.hasVectorsOf(modelJson()))).toBe(true);
    } finally {
      if (child.child.exitCode === null && child.child.signalCode === null) child.child.kill('SIGKILL');
      await child.exited;
      await probe.close();
    }
    const coverage = await serve(place);
    try {
      expect((await coverage.stats()).documents).toBe(5);
      for (const mode of ['hybrid', 'fulltext', 'vector'] as const) {
        const answer = await coverage.ask('How many workers did the glassworks hire?', { mode });
        expect(answer.abstained, mode).toBe(false);
        expect(answer.citations[0]!.quote, mode).toMatch(/hired one hundred and twenty workers/);
      }
    } finally {
      await coverage.close();
    }

    const report = await index(place, { roots: [bulk] });
    expect(report).toMatchObject({ documents: 5 + ARTICLES, added: ARTICLES, failed: [], embedding: { model: embedder.info.id } });
    expect(await withReader(place, (r) => r.documentCount())).toBe(5 + ARTICLES);
    expect(await withReader(place, (r) => r.hasVectorsOf(modelJson()))).toBe(true);
  }, 60_000);
});
