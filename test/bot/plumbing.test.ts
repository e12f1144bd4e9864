import { describe, expect, it } from 'vitest';
import { createLogger, describeError } from '../../src/bot/log.js';
import { Lru } from '../../src/util/lru.js';
import { checkRange, choices, parseDateOption, resolveOutlet } from '../../src/bot/options.js';
import { createQueue } from '../../src/bot/queue.js';
import { createRateLimiter } from '../../src/bot/rate-limit.js';

describe('createRateLimiter', () => {
  it('allows `limit` hits in any sliding window, then says how long to wait', () => {
    const limiter = createRateLimiter({ limit: 2, windowMs: 1000 });
    expect(limiter.take('a', 0)).toBe(0);
    expect(limiter.take('a', 400)).toBe(0);
    expect(limiter.take('a', 500)).toBe(500);
    expect(limiter.take('b', 500)).toBe(0);
    expect(limiter.take('a', 1000)).toBe(0);
    expect(limiter.take('a', 1100)).toBe(300);
  });
});

describe('createQueue', () => {
  it('runs at most `concurrency` tasks at once, in order, and survives failures', async () => {
    const queue = createQueue(2);
    let active = 0;
    let most = 0;
    const order: number[] = [];
    const task = (i: number) => async () => {
      most = Math.max(most, ++active);
      await new Promise((r) => setTimeout(r, 5));
      active--;
      order.push(i);
      if (i === 3) throw new Error('three');
      return i;
    };
    const results = await Promise.allSettled([1, 2, 3, 4, 5].map((i) => queue.run(task(i))));
    expect(most).toBe(2);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
    expect(order.sort()).toEqual([1, 2, 3, 4, 5]);
    expect(queue.pending).toBe(0);
  });
});

describe('Lru', () => {
  it('forgets the least recently used entry', () => {
    const lru = new Lru<string, number>(2);
    lru.set('a', 1);
    lru.set('b', 2);
    lru.get('a');
    lru.set('c', 3);
    expect([lru.get('a'), lru.get('b'), lru.get('c')]).toEqual([1, undefined, 3]);
  });
});

describe('options', () => {
  it.each([
    ['2024-10-03', 'start', '2024-10-03'], ['2024-2', 'end', '2024-02-29'], ['2023', 'end', '2023-12-31'], ['2023', 'start', '2023-01-01'],
  ] as const)('%s as %s → %s', (value, edge, iso) => {
    expect(parseDateOption('since', value, edge)).toBe(iso);
  });
  it('rejects impossible dates and reversed ranges', () => {
    expect(() => parseDateOption('since', '2023-13-01', 'start')).toThrow(/`since` must be a date/);
    expect(() => checkRange('2024-02-01', '2024-01-01')).toThrow(/after/);
  });
  it('matches outlets in any case and names the known ones otherwise', () => {
    expect(resolveOutlet('KYIV independent', ['Kyiv Independent'])).toBe('Kyiv Independent');
    expect(() => resolveOutlet('BBC', ['Kyiv Independent', 'Reuters'])).toThrow('Unknown outlet “BBC”. Known outlets: Kyiv Independent, Reuters.');
  });
  it('offers at most 25 choices, prefix matches first, names within 100', () => {
    const values = Array.from({ length: 40 }, (_, i) => ({ name: `${i % 2 ? 'x ' : ''}Outlet ${i} ${'long '.repeat(30)}`, value: String(i) }));
    const out = choices(values, 'outlet');
    expect(out).toHaveLength(25);
    expect(out[0]!.name.startsWith('Outlet')).toBe(true);
    expect(out.every((c) => c.name.length <= 100)).toBe(true);
  });
});

describe('log', () => {
  it('writes one JSON line per call, at or above the level, with error causes', () => {
    const lines: string[] = [];
    const log = createLogger({ level: 'info', write: (l) => lines.push(l) });
    log.debug('hidden');
    log.error('failed', { error: describeError(new Error('outer', { cause: new Error('inner') })) });
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: 'error', msg: 'failed', error: { message: 'outer', cause: { message: 'inner' } } });
  });
});
