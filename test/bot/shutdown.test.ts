/** Stopping the bot: a 👍 acknowledged just before shutdown is saved before stop() resolves, even behind a writer. */
import Database from 'better-sqlite3';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../src/store/sqlite/database.js';
import { startHarness, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

describe('bot.stop()', () => {
  it('waits for queued feedback to land while another process holds the write lock', async () => {
    const sent = h.fake.sendSlashCommand('ask', { question: 'What did the alliance say about intercepting missiles?' });
    await h.fake.waitForAnswer(sent.token);
    const message = h.fake.originals.get(sent.token);
    const writer = new Database(path.join(h.config.indexDir, DATABASE_FILE));
    writer.exec('BEGIN IMMEDIATE');
    const press = h.fake.sendButton(`ask:fb:${sent.id}:up`, message, { userId: '881' });
    expect((await h.fake.waitForAnswer(press.token)).body.data.content).toMatch(/👍 was recorded/);
    // The "indexing run" commits 600 ms into the shutdown.
    setTimeout(() => {
      writer.exec('COMMIT');
      writer.close();
    }, 600);
    await h.bot.stop();
    const db = new Database(path.join(h.config.indexDir, DATABASE_FILE), { readonly: true });
    const rows = db.prepare('SELECT helpful FROM feedback WHERE user_id = ?').all('881');
    db.close();
    expect(rows).toEqual([{ helpful: 1 }]);
    expect(h.logs.some((l) => l.msg === 'feedback not saved at shutdown')).toBe(false);
  });
});
