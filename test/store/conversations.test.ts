/**
 * The conversation store on both back ends, through the opener only: turns kept per session (the last N),
 * surviving close and reopen, untouched by re-indexing; SQLite while an indexing run holds the write lock;
 * Postgres with two processes creating the table at once.
 */
import Database from 'better-sqlite3';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Turn } from '../../src/conversation/turn.js';
import { isBusy } from '../../src/store/errors.js';
import { runIndex } from '../../src/indexer/run-index.js';
import type { ConversationStore } from '../../src/store/conversation-store.js';
import { openConversations } from '../../src/store/open-conversations.js';
import type { IndexLocation } from '../../src/store/open-store.js';
import { DATABASE_FILE } from '../../src/store/sqlite/database.js';
import { postgresUnavailableReason, startPostgres, type PostgresCluster } from '../helpers/postgres.js';
import { article } from '../bot/articles.js';

const unavailable = postgresUnavailableReason();
if (unavailable) console.warn(`postgres half of the conversation store tests skipped: ${unavailable}`);

const turn = (n: number): Turn => ({ asked: `question ${n}?`, question: `Question ${n}?`, quotes: [`Quote ${n}.`], dates: ['2023-05-01'] });

interface Place extends IndexLocation {
  articles: string;
}

const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

/** A temp folder with two made-up articles, indexed into `where`. */
async function indexedPlace(databaseUrl: string | null): Promise<Place> {
  const root = mkdtempSync(path.join(os.tmpdir(), 'conversations-'));
  roots.push(root);
  const articles = path.join(root, 'articles');
  const place = { indexDir: path.join(root, 'index'), databaseUrl, articles };
  mkdirSync(articles);
  writeFileSync(path.join(articles, 'one.md'), article(1));
  writeFileSync(path.join(articles, 'two.md'), article(2));
  await reindex(place);
  return place;
}

const reindex = (place: Place) => runIndex(place.indexDir, { databaseUrl: place.databaseUrl, roots: [place.articles], removeMissing: true, embedder: null });

function contract(name: string, skip: string | null, newPlace: () => Promise<Place>) {
  describe.skipIf(skip)(`conversation store: ${name}`, () => {
    let place: Place;
    let store: ConversationStore;
    beforeAll(async () => {
      place = await newPlace();
      store = openConversations(place);
    });
    afterAll(async () => {
      await store?.close();
    });

    it('knows no turns of a session never written', async () => {
      expect(await store.turns('thread:never', 5)).toEqual([]);
    });

    it('keeps only the last N turns of each session, oldest first', async () => {
      for (let n = 1; n <= 7; n++) await store.addTurn('thread:a', turn(n), 5);
      await store.addTurn('thread:b', turn(100), 5);
      expect((await store.turns('thread:a', 5)).map((t) => t.question)).toEqual([3, 4, 5, 6, 7].map((n) => `Question ${n}?`));
      expect(await store.turns('thread:a', 2)).toEqual([turn(6), turn(7)]);
      expect(await store.turns('thread:b', 5)).toEqual([turn(100)]);
    });

    it('survives close and reopen', async () => {
      await store.close();
      store = openConversations(place);
      expect((await store.turns('thread:a', 5)).map((t) => t.asked)).toEqual([3, 4, 5, 6, 7].map((n) => `question ${n}?`));
    });

    it('is not wiped by re-indexing, even when articles change and go', async () => {
      writeFileSync(path.join(place.articles, 'one.md'), article(1, { body: 'Ferry crews in Varnholm stopped work on Friday, their union said.' }));
      rmSync(path.join(place.articles, 'two.md'));
      const report = await reindex(place);
      expect(report.updated + report.removed).toBe(2);
      expect(await store.turns('thread:b', 5)).toEqual([turn(100)]);
      const reopened = openConversations(place);
      try {
        expect(await reopened.turns('thread:a', 5)).toHaveLength(5);
      } finally {
        await reopened.close();
      }
    });

    it('forgets a cleared session only', async () => {
      await store.clear('thread:b');
      expect(await store.turns('thread:b', 5)).toEqual([]);
      expect(await store.turns('thread:a', 5)).toHaveLength(5);
    });
  });
}

contract('SQLite', null, () => indexedPlace(null));

let cluster: PostgresCluster | null = null;
let databases = 0;
async function postgresPlace(): Promise<Place> {
  cluster ??= await startPostgres();
  if (!cluster) throw new Error(`startPostgres() returned null: ${postgresUnavailableReason()}`);
  const admin = new pg.Client({ connectionString: cluster.url });
  await admin.connect();
  const name = `conversations_${++databases}`;
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(cluster.url);
  url.pathname = `/${name}`;
  return indexedPlace(url.toString());
}
afterAll(async () => {
  await cluster?.stop();
});

contract('Postgres', unavailable, postgresPlace);

describe('SQLite while an indexing run holds the write lock', () => {
  it('reads at once, refuses a write with a busy error, and takes it once the run commits', async () => {
    const place = await indexedPlace(null);
    const store = openConversations(place);
    await store.addTurn('thread:locked', turn(1), 5);
    const writer = new Database(path.join(place.indexDir, DATABASE_FILE));
    writer.exec('BEGIN IMMEDIATE');
    try {
      const started = Date.now();
      expect(await store.turns('thread:locked', 5)).toEqual([turn(1)]);
      const refused = await store.addTurn('thread:locked', turn(2), 5).then(() => null, (error: unknown) => error);
      expect(isBusy(refused)).toBe(true);
      expect(Date.now() - started).toBeLessThan(2000);
    } finally {
      writer.exec('COMMIT');
      writer.close();
    }
    await store.addTurn('thread:locked', turn(2), 5);
    expect(await store.turns('thread:locked', 5)).toEqual([turn(1), turn(2)]);
    await store.close();
  });

  it('reads nothing, without waiting, when the table was never created and the lock is held', async () => {
    const place = await indexedPlace(null);
    const writer = new Database(path.join(place.indexDir, DATABASE_FILE));
    writer.exec('BEGIN IMMEDIATE');
    const store = openConversations(place);
    try {
      expect(await store.turns('thread:new', 5)).toEqual([]);
      expect(isBusy(await store.addTurn('thread:new', turn(1), 5).then(() => null, (e: unknown) => e))).toBe(true);
    } finally {
      writer.exec('ROLLBACK');
      writer.close();
      await store.close();
    }
  });
});

describe.skipIf(unavailable)('Postgres with several processes', () => {
  it('creates the table once when two stores start writing at the same moment', async () => {
    const place = await postgresPlace();
    const stores = Array.from({ length: 4 }, () => openConversations(place));
    try {
      await Promise.all(stores.map((s, i) => s.addTurn('thread:race', turn(i), 10)));
      expect((await stores[0]!.turns('thread:race', 10)).map((t) => t.question).sort()).toEqual([0, 1, 2, 3].map((n) => `Question ${n}?`));
    } finally {
      await Promise.all(stores.map((s) => s.close()));
    }
  });
});
