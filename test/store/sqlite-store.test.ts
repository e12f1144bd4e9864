/**
 * The SQLite + HNSW back end through the storage interface: a run's vectors become visible only through its
 * commit, a deleted document takes its vectors along, another model starts the vectors afresh, readers
 * pick up commits with refresh(), and only one writer holds the index at a time.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Article } from '../../src/domain.js';
import type { IndexWriter } from '../../src/store/index-store.js';
import { IndexLockTimeoutError } from '../../src/store/sqlite/lock.js';
import { openSqliteReader } from '../../src/store/sqlite/reader.js';
import { openSqliteWriter } from '../../src/store/sqlite/writer.js';

const MODEL = JSON.stringify({ id: 'test', dimensions: 3 });
const OTHER_MODEL = JSON.stringify({ id: 'other', dimensions: 2 });

function article(file: string, text: string, outlet: string): Article {
  return { file, text, outlet, title: null, authors: [], published: null, language: 'en', url: null, contentHash: file };
}

/** Stores a one-passage document with its vector; returns the passage id. */
async function storeDocument(writer: IndexWriter, id: string, text: string, outlet: string, vector: number[]): Promise<number> {
  const [passage] = await writer.insertDocument(id, article(`${id}.txt`, text, outlet), [{ ordinal: 0, start: 0, end: text.length, text }], []);
  await writer.recordFile(`/abs/${id}.txt`, `${id}.txt`, id, id);
  await writer.addVectors([{ passageId: passage!.id, vector: Float32Array.from(vector) }]);
  return passage!.id;
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'sqlite-store-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the SQLite index store', () => {
  it('makes a run visible (vectors included) only through its commit, and readers pick it up with refresh()', async () => {
    const writer = await openSqliteWriter(dir, { lockWaitSeconds: 0 });
    expect(await writer.useModel(MODEL)).toEqual({ rebuildAll: true });
    await writer.begin();
    const harbor = await storeDocument(writer, 'harbor', 'Lighthouse keepers strike over pay.', 'Harbor Gazette', [1, 0, 0]);
    await storeDocument(writer, 'valley', 'Orchard growers count frost damage.', 'Valley Courier', [0, 1, 0]);
    await writer.commit({ chunking: 'c1', embedding: MODEL });

    const reader = await openSqliteReader(dir);
    expect(await reader.hasVectorsOf(MODEL)).toBe(true);
    expect(await reader.hasVectorsOf(OTHER_MODEL)).toBe(false);
    const nearest = await reader.nearestPassages(Float32Array.from([1, 0.1, 0]), {}, 2);
    expect(nearest.map((p) => p.documentId)).toEqual(['harbor', 'valley']);
    expect((await reader.nearestPassages(Float32Array.from([1, 0, 0]), { outlet: 'valley courier' }, 5)).map((p) => p.documentId)).toEqual(['valley']);
    expect(await reader.passagesWith(['lighthouse', 'frost', 'zebra'])).toEqual(new Map([['lighthouse', 1], ['frost', 1], ['zebra', 0]]));
    expect(await reader.refresh()).toBe(false);

    // A second run, rolled back, changes nothing; a third deletes a document with its vectors.
    expect(await writer.useModel(MODEL)).toEqual({ rebuildAll: false });
    await writer.begin();
    await writer.deleteDocument('valley');
    await writer.rollback();
    expect(await reader.refresh()).toBe(false);
    await writer.begin();
    expect(await writer.deleteDocument('harbor')).toEqual([harbor]);
    await writer.commit({ chunking: 'c1', embedding: MODEL });
    expect(await reader.refresh()).toBe(true);
    expect((await reader.nearestPassages(Float32Array.from([1, 0, 0]), {}, 5)).map((p) => p.documentId)).toEqual(['valley']);
    expect(await reader.passagesWith(['lighthouse'])).toEqual(new Map([['lighthouse', 0]]));

    // Another model: its vectors start afresh, never mixed with the old ones.
    expect(await writer.useModel(OTHER_MODEL)).toEqual({ rebuildAll: true });
    await writer.begin();
    await storeDocument(writer, 'beacon', 'The beacon was relit.', 'Harbor Gazette', [1, 0]);
    await writer.commit({ chunking: 'c1', embedding: OTHER_MODEL });
    expect(await reader.refresh()).toBe(true);
    expect(await reader.hasVectorsOf(MODEL)).toBe(false);
    expect(await reader.hasVectorsOf(OTHER_MODEL)).toBe(true);
    expect((await reader.nearestPassages(Float32Array.from([1, 0]), {}, 5)).map((p) => p.documentId)).toEqual(['beacon']);
    await writer.close();
    await reader.close();
  });

  it('lets one writer at a time hold the index, until close()', async () => {
    const first = await openSqliteWriter(dir, { lockWaitSeconds: 0 });
    await expect(openSqliteWriter(dir, { lockWaitSeconds: 0 })).rejects.toBeInstanceOf(IndexLockTimeoutError);
    await first.close();
    const second = await openSqliteWriter(dir, { lockWaitSeconds: 0 });
    await second.close();
  });
});
