/** The storage settings of the configuration: validated once at start-up, with the variable named. */
import { describe, expect, it } from 'vitest';
import { indexName, loadConfig } from '../../src/config.js';

describe('storage configuration', () => {
  it('reads DATABASE_URL and VECTOR_EF_SEARCH, with SQLite and ef 400 by default', () => {
    const defaults = loadConfig({});
    expect(defaults.databaseUrl).toBeNull();
    expect(defaults.vectorEfSearch).toBe(400);
    const set = loadConfig({ DATABASE_URL: 'postgresql://bot:secret@db.internal:5433/coverage', VECTOR_EF_SEARCH: '120' });
    expect(set.databaseUrl).toBe('postgresql://bot:secret@db.internal:5433/coverage');
    expect(set.vectorEfSearch).toBe(120);
  });

  it('refuses a DATABASE_URL that is not Postgres, and an ef out of range, naming the variable', () => {
    expect(() => loadConfig({ DATABASE_URL: 'mysql://db.internal/coverage' })).toThrow(/DATABASE_URL/);
    expect(() => loadConfig({ VECTOR_EF_SEARCH: '5' })).toThrow(/VECTOR_EF_SEARCH/);
  });

  it('names the index in messages without the password', () => {
    const name = indexName(loadConfig({ DATABASE_URL: 'postgres://bot:secret@db.internal:5432/coverage' }));
    expect(name).toContain('db.internal:5432/coverage');
    expect(name).not.toContain('secret');
    expect(indexName(loadConfig({ INDEX_DIR: '/srv/index' }))).toBe('/srv/index');
  });
});

describe('feed configuration', () => {
  it('polls feeds every 30 minutes unless FEED_POLL_MINUTES says otherwise', () => {
    expect(loadConfig({}).feedPollMinutes).toBe(30);
    expect(loadConfig({ FEED_POLL_MINUTES: '5' }).feedPollMinutes).toBe(5);
    expect(loadConfig({ FEED_POLL_MINUTES: '' }).feedPollMinutes).toBe(30);
  });

  it.each(['0', '-3', '2.5', 'often', '20000'])('refuses FEED_POLL_MINUTES=%s, naming the variable', (value) => {
    expect(() => loadConfig({ FEED_POLL_MINUTES: value })).toThrow(/FEED_POLL_MINUTES: must be/);
  });
});
