/**
 * The Postgres + pgvector back end against a throwaway cluster: one indexing run of four made-up articles,
 * then the query side (full text, vectors, word counts, summaries, stats, feedback), later runs (delete,
 * rollback, model change) and the advisory lock between two writers.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Article, PassageSpan } from '../../src/domain.js';
import type { IndexReader, IndexWriter } from '../../src/store/index-store.js';
import { openPostgresReader, openPostgresWriter } from '../../src/store/postgres/index.js';
import type { Sql } from '../../src/store/postgres/sql.js';
import { enableVectorExtension, nearestPassages, VECTOR_SESSION_OPTIONS } from '../../src/store/postgres/vectors.js';
import { postgresUnavailableReason, startPostgres, type PostgresCluster } from '../helpers/postgres.js';

const unavailable = postgresUnavailableReason();
if (unavailable) console.warn(`postgres store test skipped: ${unavailable}`);

const MODEL = JSON.stringify({ id: 'test', dimensions: 4 });
const OTHER_MODEL = JSON.stringify({ id: 'other', dimensions: 3 });

interface Fixture {
  id: string;
  meta: Omit<Article, 'file' | 'contentHash' | 'text'>;
  file: string;
  paragraphs: string[];
  fingerprints: string[];
  vectors: number[][];
}

const FIXTURES: Fixture[] = [
  {
    id: 'doc-harbor',
    meta: { title: 'Lighthouse keepers strike over pay', outlet: 'Harbor Gazette', authors: ['Mira Tallis'], published: '2031-03-04', language: 'en', url: null },
    file: 'harbor/lighthouse.html',
    paragraphs: ['The lighthouse keepers of the northern coast began a strike on Monday over unpaid wages.', 'Ferry services continued, the port authority said.'],
    fingerprints: ['fa', 'fb', 'fc'],
    vectors: [
      [1, 0, 0, 0],
      [0.9, 0.1, 0, 0],
    ],
  },
  {
    id: 'doc-valley',
    meta: { title: 'Orchard growers report record frost damage', outlet: 'Valley Courier', authors: ['Oren Pascoe', 'Lia Wren'], published: '2031-05-10', language: 'en', url: 'https://example.test/frost' },
    file: 'valley/frost.html',
    paragraphs: ['Apple orchards in the upper valley lost most of their blossoms to a late frost.', 'Growers said the strike of the frost came without warning.'],
    fingerprints: ['fb', 'fd'],
    vectors: [
      [0, 1, 0, 0],
      [0, 0.8, 0.2, 0],
    ],
  },
  {
    id: 'doc-ferries',
    meta: { title: 'about ferries', outlet: 'harbor gazette', authors: [], published: null, language: 'en', url: null },
    file: 'harbor/ferries.html',
    paragraphs: ['Ferry services continued, the port authority said.'],
    fingerprints: ['fe'],
    vectors: [[0.7, 0.7, 0, 0]],
  },
  {
    id: 'doc-beacon',
    meta: { title: 'Beacon repairs', outlet: null, authors: [], published: null, language: null, url: null },
    file: 'misc/beacon.html',
    paragraphs: ['Repairs to the beacon tower will take three weeks.'],
    fingerprints: ['ff'],
    vectors: [[0, 0, 0, 1]],
  },
];

function articleOf(fixture: Fixture): { article: Article; spans: PassageSpan[] } {
  const text = fixture.paragraphs.join('\n\n');
  let start = 0;
  const spans = fixture.paragraphs.map((paragraph, ordinal) => {
    const span = { ordinal, start, end: start + paragraph.length, text: paragraph };
    start = span.end + 2;
    return span;
  });
  return { article: { ...fixture.meta, file: fixture.file, contentHash: `hash-${fixture.id}`, text }, spans };
}

describe('Postgres index store on a server without pgvector', () => {
  it('says once that search uses full text only', async () => {
    const noRows = { query: async () => ({ rows: [], rowCount: 0 }) } as unknown as Sql;
    const lines: string[] = [];
    expect(await enableVectorExtension(noRows, (line) => lines.push(line))).toBe(false);
    expect(lines).toEqual([expect.stringMatching(/no pgvector .* full text only/)]);
  });
});

describe.skipIf(unavailable)(`Postgres index store${unavailable ? ` (skipped: ${unavailable})` : ''}`, () => {
  let cluster: PostgresCluster;
  let reader: IndexReader;
  let admin: pg.Client;
  /** Passage ids by fixture id, in order. */
  const passageIds = new Map<string, number[]>();
  const openWriter = (lockWaitSeconds = 5, log?: (line: string) => void) => openPostgresWriter(cluster.url, { lockWaitSeconds, log });
  const ids = (rows: { passageId: number }[]) => rows.map((r) => r.passageId);
  const vectorCount = async () => Number((await admin.query('SELECT count(*) AS n FROM passage_vectors')).rows[0].n);

  beforeAll(async () => {
    const started = await startPostgres();
    if (!started) throw new Error(`startPostgres() returned null: ${postgresUnavailableReason()}`);
    cluster = started;
    if (!cluster.hasVector) throw new Error('pgvector is not installed; run `bash scripts/setup-postgres.sh`');
    admin = new pg.Client({ connectionString: cluster.url });
    await admin.connect();
  });
  afterAll(async () => {
    await reader?.close();
    await admin?.end();
    await cluster?.stop();
  });

  it('refuses to read a database the indexer has not built', async () => {
    await expect(openPostgresReader(cluster.url)).rejects.toThrow(/run npm run index/);
  });

  it('stores one indexing run: documents, files, fingerprints and vectors', async () => {
    const writer = await openWriter();
    try {
      expect(await writer.useModel(MODEL)).toEqual({ rebuildAll: true });
      await writer.begin();
      for (const fixture of FIXTURES) {
        const { article, spans } = articleOf(fixture);
        const passages = await writer.insertDocument(fixture.id, article, spans, fixture.fingerprints);
        passageIds.set(fixture.id, passages.map((p) => p.id));
        await writer.recordFile(`/data/${fixture.file}`, fixture.file, article.contentHash, fixture.id);
        await writer.addVectors(passages.map((p, i) => ({ passageId: p.id, vector: Float32Array.from(fixture.vectors[i]!) })));
      }
      await writer.recordFile('/data/mirror/lighthouse-copy.html', 'mirror/lighthouse-copy.html', 'hash-copy', 'doc-harbor');
      expect(await writer.fingerprintMatches(['fb', 'fc'])).toEqual(
        expect.arrayContaining([
          { documentId: 'doc-harbor', shared: 2, total: 3 },
          { documentId: 'doc-valley', shared: 1, total: 2 },
        ]),
      );
      await writer.commit({ chunking: 'test-chunking', embedding: MODEL });
      expect(await writer.contents()).toEqual({
        documents: 4,
        passages: 6,
        duplicates: [{ file: 'mirror/lighthouse-copy.html', duplicateOf: 'harbor/lighthouse.html' }],
      });
      expect((await writer.storedArticle('doc-valley')).article.authors).toEqual(['Oren Pascoe', 'Lia Wren']);
      const texts: string[] = [];
      for await (const text of writer.documentTexts()) texts.push(text);
      expect(texts).toHaveLength(4);
    } finally {
      await writer.close();
    }
    reader = await openPostgresReader(cluster.url);
    const manifest = await reader.manifest();
    expect(manifest).toMatchObject({ chunking: 'test-chunking', embedding: MODEL });
    expect(manifest.updatedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('ranks the passage holding the words first, title matches counting less', async () => {
    const [lighthouseBody, lighthouseFerry] = passageIds.get('doc-harbor')!;
    expect(ids(await reader.fullText([['lighthouse', 'keepers']], {}, 10))).toEqual([lighthouseBody, lighthouseFerry]);
    // Stemmed as FTS5's Porter tokenizer stems: "strikes" finds "strike".
    const strike = ids(await reader.fullText([['strikes']], {}, 10));
    expect(strike[0]).toBe(lighthouseBody);
    expect(strike).toHaveLength(3);
  });

  it('matches a phrase only as adjacent words, and any of several phrases', async () => {
    const [orchard, growers] = passageIds.get('doc-valley')!;
    const [beacon] = passageIds.get('doc-beacon')!;
    expect(ids(await reader.fullText([['late', 'frost']], {}, 10))).toEqual([orchard]);
    expect(ids(await reader.fullText([['frost', 'late']], {}, 10))).toEqual([]);
    // No stop words: "of the" must be there, in place.
    expect(ids(await reader.fullText([['strike', 'of', 'the', 'frost']], {}, 10))).toEqual([growers]);
    expect(ids(await reader.fullText([['strike', 'the', 'frost']], {}, 10))).toEqual([]);
    expect(ids(await reader.fullText([['late', 'frost'], ['beacon', 'tower']], {}, 10)).sort()).toEqual([orchard, beacon].sort());
    expect(await reader.fullText([[]], {}, 10)).toEqual([]);
  });

  it('applies outlet, author, since and until filters inside the search', async () => {
    const [, growers] = passageIds.get('doc-valley')!;
    const harbor = passageIds.get('doc-harbor')!;
    expect(ids(await reader.fullText([['strike']], { outlet: 'valley courier' }, 10))).toEqual([growers]);
    expect(ids(await reader.fullText([['strike']], { author: 'PASCOE' }, 10))).toEqual([growers]);
    expect(ids(await reader.fullText([['strike']], { since: '2031-05-10' }, 10))).toEqual([growers]);
    expect(ids(await reader.fullText([['strike']], { until: '2031-03-04' }, 10)).sort()).toEqual([...harbor].sort());
    expect(await reader.fullText([['strike']], { since: '2031-03-05', until: '2031-05-09' }, 10)).toEqual([]);
    const ferry = ids(await reader.fullText([['ferry', 'services']], { outlet: 'Harbor Gazette' }, 10));
    expect(ferry.sort()).toEqual([harbor[1]!, passageIds.get('doc-ferries')![0]!].sort());
  });

  it('finds the nearest passages by cosine, a filter still returning `limit` rows', async () => {
    expect(await reader.hasVectorsOf(MODEL)).toBe(true);
    expect(await reader.hasVectorsOf(OTHER_MODEL)).toBe(false);
    const nearest = await reader.nearestPassages(Float32Array.from([1, 0, 0, 0]), {}, 2);
    expect(ids(nearest)).toEqual(passageIds.get('doc-harbor'));
    expect(nearest[0]!.similarity).toBeCloseTo(1, 5);
    expect(nearest[1]!.similarity).toBeCloseTo(0.9 / Math.hypot(0.9, 0.1), 5);
    expect(nearest[0]).toMatchObject({ documentId: 'doc-harbor', start: 0, text: FIXTURES[0]!.paragraphs[0] });
    const filtered = await reader.nearestPassages(Float32Array.from([1, 0, 0, 0]), { outlet: 'Valley Courier' }, 2);
    expect(ids(filtered).sort()).toEqual([...passageIds.get('doc-valley')!].sort());
  });

  it('counts the passages holding each word, stemmed, body and title', async () => {
    const counts = await reader.passagesWith(['strike', 'strikes', 'frost', 'lighthouse', 'zebra']);
    expect(Object.fromEntries(counts)).toEqual({ strike: 3, strikes: 3, frost: 2, lighthouse: 2, zebra: 0 });
  });

  it('lists summaries newest first, undated last by title, with aliases and passage counts', async () => {
    const summaries = await reader.summaries();
    expect(summaries.map((s) => s.id)).toEqual(['doc-valley', 'doc-harbor', 'doc-ferries', 'doc-beacon']);
    expect(summaries[1]).toMatchObject({ aliases: ['mirror/lighthouse-copy.html'], author: 'Mira Tallis', passages: 2 });
    expect(await reader.summary('doc-valley')).toMatchObject({ author: 'Oren Pascoe, Lia Wren', url: 'https://example.test/frost', aliases: [] });
    expect(await reader.summary('nope')).toBeNull();
    expect(await reader.outlets()).toEqual(['Harbor Gazette', 'harbor gazette', 'Valley Courier']);
  });

  it('returns passages, with near-identical passages of two articles in one group', async () => {
    const harbor = await reader.documentPassages('doc-harbor');
    expect(harbor.map((p) => [p.ordinal, p.start, p.end])).toEqual([
      [0, 0, FIXTURES[0]!.paragraphs[0]!.length],
      [1, FIXTURES[0]!.paragraphs[0]!.length + 2, FIXTURES[0]!.paragraphs[0]!.length + 2 + FIXTURES[0]!.paragraphs[1]!.length],
    ]);
    expect(harbor[0]!.groupId).toBe(harbor[0]!.id);
    const [ferries] = await reader.documentPassages('doc-ferries');
    expect(ferries!.groupId).toBe(harbor[1]!.id);
    expect(await reader.passage(harbor[1]!.id)).toMatchObject({ documentId: 'doc-harbor', text: FIXTURES[0]!.paragraphs[1] });
    expect(await reader.passage(999_999)).toBeNull();
  });

  it('reports stats and stores feedback', async () => {
    expect(await reader.stats('test')).toEqual({
      documents: 4,
      passages: 6,
      outlets: ['Harbor Gazette', 'Valley Courier', 'harbor gazette'],
      earliest: '2031-03-04',
      latest: '2031-05-10',
      embeddingModel: 'test',
      updatedAt: (await reader.manifest()).updatedAt,
    });
    expect(await reader.passageCount()).toBe(6);
    expect(await reader.documentCount()).toBe(4);
    await reader.recordFeedback({ question: 'Why did the keepers strike?', passageIds: [1, 2], helpful: true, userId: 'u1' });
    const { rows } = await admin.query('SELECT question, passage_ids, helpful, user_id FROM feedback');
    expect(rows).toEqual([{ question: 'Why did the keepers strike?', passage_ids: [1, 2], helpful: true, user_id: 'u1' }]);
  });

  it('makes a second writer wait for the lock, then give up with a clear error', async () => {
    const holder = await openWriter();
    const lines: string[] = [];
    try {
      const started = Date.now();
      await expect(openWriter(0.6, (line) => lines.push(line))).rejects.toThrow(/Another indexing run .* after 0.6 s/);
      expect(Date.now() - started).toBeGreaterThanOrEqual(550);
      expect(lines).toEqual(['waiting for another indexing run…']);
    } finally {
      await holder.close();
    }
    await (await openWriter(1)).close();
  });

  it('leaves the previous commit visible after a rollback', async () => {
    const before = await reader.manifest();
    const writer = await openWriter();
    try {
      await writer.begin();
      const { article, spans } = articleOf({ ...FIXTURES[3]!, id: 'doc-extra', file: 'misc/extra.html' });
      await writer.insertDocument('doc-extra', article, spans, []);
      await writer.deleteDocument('doc-harbor');
      await writer.rollback();
      expect(await writer.documentIds()).toHaveLength(4);
    } finally {
      await writer.close();
    }
    expect(await reader.refresh()).toBe(false);
    expect(await reader.manifest()).toEqual(before);
    expect(await reader.documentCount()).toBe(4);
  });

  it('deletes a document with its passages and vectors', async () => {
    const writer = await openWriter();
    try {
      expect(await writer.useModel(MODEL)).toEqual({ rebuildAll: false });
      await writer.begin();
      expect(await writer.deleteDocument('doc-valley')).toEqual(passageIds.get('doc-valley'));
      await writer.commit({ chunking: 'test-chunking', embedding: MODEL });
    } finally {
      await writer.close();
    }
    expect(await reader.refresh()).toBe(true);
    expect(await reader.fullText([['frost']], {}, 10)).toEqual([]);
    expect(await reader.nearestPassages(Float32Array.from([0, 1, 0, 0]), { outlet: 'Valley Courier' }, 2)).toEqual([]);
    expect(await reader.documentPassages('doc-valley')).toEqual([]);
    expect((await reader.passagesWith(['frost'])).get('frost')).toBe(0);
    expect(await vectorCount()).toBe(4);
  });

  it('keeps the old vectors when a run with a new model does not commit', async () => {
    const writer = await openWriter();
    try {
      // As the indexer does: the model is named before the transaction opens.
      expect(await writer.useModel(OTHER_MODEL)).toEqual({ rebuildAll: true });
      await writer.begin();
      const [first] = passageIds.get('doc-harbor')!;
      await writer.addVectors([{ passageId: first!, vector: Float32Array.from([1, 0, 0]) }]);
      await writer.deleteDocument('doc-harbor');
      // Questions neither wait for the open run nor see its writes.
      const within = <T>(promise: Promise<T>) =>
        Promise.race([promise, new Promise<never>((_, reject) => setTimeout(() => reject(new Error('the reader waited for the run')), 3_000))]);
      expect(ids(await within(reader.nearestPassages(Float32Array.from([1, 0, 0, 0]), {}, 1)))).toEqual([first]);
      expect(ids(await within(reader.fullText([['lighthouse']], {}, 1)))).toEqual([first]);
      await writer.rollback();
    } finally {
      await writer.close();
    }
    expect(await reader.hasVectorsOf(MODEL)).toBe(true);
    expect(await vectorCount()).toBe(4);
  });

  it('drops every vector when the model changes', async () => {
    const writer = await openWriter();
    try {
      expect(await writer.useModel(OTHER_MODEL)).toEqual({ rebuildAll: true });
      await writer.begin();
      const passages: { id: number; text: string }[] = [];
      for await (const passage of writer.passages()) passages.push(passage);
      expect(passages).toHaveLength(4);
      await writer.addVectors([{ passageId: passages[0]!.id, vector: Float32Array.from([1, 0, 0]) }]);
      await writer.commit({ chunking: 'test-chunking', embedding: OTHER_MODEL });
    } finally {
      await writer.close();
    }
    expect(await reader.refresh()).toBe(true);
    expect(await reader.hasVectorsOf(MODEL)).toBe(false);
    expect(await reader.hasVectorsOf(OTHER_MODEL)).toBe(true);
    expect(await vectorCount()).toBe(1);
    expect(ids(await reader.nearestPassages(Float32Array.from([1, 0, 0]), {}, 5))).toHaveLength(1);
  });

  it('drops the vectors of a run without a model', async () => {
    const writer = await openWriter();
    try {
      expect(await writer.useModel(null)).toEqual({ rebuildAll: false });
      await writer.begin();
      await writer.commit({ chunking: 'test-chunking', embedding: null });
    } finally {
      await writer.close();
    }
    await reader.refresh();
    expect(await reader.hasVectorsOf(OTHER_MODEL)).toBe(false);
    expect(await reader.nearestPassages(Float32Array.from([1, 0, 0]), {}, 5)).toEqual([]);
    expect(await reader.fullText([['beacon']], {}, 5)).toHaveLength(1);
  });

  it('keeps walking the HNSW graph until a narrow filter has `limit` rows', async () => {
    // A database of its own: 2000 passages near the question in one outlet, 3 far from it in another.
    await admin.query('CREATE DATABASE bulk');
    const url = cluster.url.replace(/\/test$/, '/bulk');
    const writer = await openPostgresWriter(url, { lockWaitSeconds: 5 });
    try {
      await writer.useModel(MODEL);
      await writer.begin();
      const meta = (outlet: string) => ({ ...FIXTURES[3]!.meta, outlet, file: outlet, contentHash: '', text: 'x' });
      const spans = (n: number) => Array.from({ length: n }, (_, i) => ({ ordinal: i, start: 0, end: 1, text: `passage ${i}` }));
      const near = await writer.insertDocument('near', meta('Near'), spans(2000), []);
      await writer.addVectors(near.map((p, i) => ({ passageId: p.id, vector: Float32Array.from([1, (i % 100) / 1000, (i % 17) / 1000, 0]) })));
      const far = await writer.insertDocument('far', meta('Far'), spans(3), []);
      await writer.addVectors(far.map((p, i) => ({ passageId: p.id, vector: Float32Array.from([0, 1, i, 1]) })));
      await writer.commit({ chunking: 'test-chunking', embedding: MODEL });
    } finally {
      await writer.close();
    }
    // The reader's session settings, with the plan forced onto the HNSW index (the planner would rather
    // filter first on so few rows, which is exact and says nothing about the graph walk).
    const client = new pg.Client({ connectionString: url, options: `${VECTOR_SESSION_OPTIONS} -c enable_seqscan=off -c enable_sort=off` });
    await client.connect();
    try {
      const query = Float32Array.from([1, 0, 0, 0]);
      const plan = await client.query(`EXPLAIN SELECT passage_id FROM passage_vectors ORDER BY embedding <=> '[1,0,0,0]' LIMIT 3`);
      expect(plan.rows.map((r) => r['QUERY PLAN']).join('\n')).toContain('passage_vectors_embedding');
      expect(await nearestPassages(client as unknown as Sql, query, { outlet: 'Far' }, 3)).toHaveLength(3);
      await client.query('SET hnsw.iterative_scan = off');
      // Without iterative scans the first ef_search candidates are all filtered out: what the setting is for.
      expect(await nearestPassages(client as unknown as Sql, query, { outlet: 'Far' }, 3)).toHaveLength(0);
    } finally {
      await client.end();
    }
  });
});
