import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/bot/log.js';
import { createWriteQueue } from '../../src/bot/write-queue.js';

const busy = () => Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });

function setup(delaysMs: number[], giveUpAfterMs = 60_000) {
  const logs: Record<string, any>[] = [];
  const queue = createWriteQueue(createLogger({ level: 'debug', write: (l) => logs.push(JSON.parse(l)) }), { delaysMs, giveUpAfterMs });
  return { logs, queue };
}

describe('the bot write queue', () => {
  it('runs a write after the caller returns, and retries it while the database is busy', async () => {
    const { logs, queue } = setup([5, 5, 5, 5]);
    let tries = 0;
    let landed = false;
    queue.push('feedback', () => {
      tries++;
      if (tries < 3) throw busy();
      landed = true;
    });
    expect(tries).toBe(0);
    await queue.idle();
    expect(landed).toBe(true);
    expect(tries).toBe(3);
    expect(logs.some((l) => l.msg === 'write landed after retries' && l.attempts === 3)).toBe(true);
  });

  it('awaits an asynchronous write and retries it while it rejects as busy, one write at a time', async () => {
    const { queue } = setup([1, 1]);
    const order: string[] = [];
    let tries = 0;
    queue.push('feedback', async () => {
      await new Promise((resolve) => setTimeout(resolve, 2));
      if (++tries < 3) throw busy();
      order.push('first');
    });
    queue.push('feedback', async () => {
      order.push('second');
    });
    await queue.idle();
    expect(tries).toBe(3);
    expect(order).toEqual(['first', 'second']);
  });

  it('keeps retrying past the list of waits while the database stays busy (back-to-back indexing runs)', async () => {
    const { queue } = setup([1, 2]);
    let tries = 0;
    queue.push('feedback', () => {
      if (++tries < 12) throw busy();
    });
    await queue.idle();
    expect(tries).toBe(12);
  });

  it('gives up once the database has been busy for the whole give-up time, logs it and never throws', async () => {
    const { logs, queue } = setup([1, 1, 1], 40);
    let tries = 0;
    queue.push('feedback', () => {
      tries++;
      throw busy();
    });
    let next = false;
    queue.push('feedback', () => {
      next = true;
    });
    const started = Date.now();
    await queue.idle();
    expect(Date.now() - started).toBeGreaterThanOrEqual(40);
    expect(tries).toBeGreaterThan(4);
    expect(next).toBe(true);
    expect(logs.filter((l) => l.msg === 'write failed')).toHaveLength(1);
  });

  it('does not retry errors other than busy', async () => {
    const { logs, queue } = setup([1, 1, 1]);
    let tries = 0;
    queue.push('feedback', () => {
      tries++;
      throw new Error('no such table: feedback');
    });
    await queue.idle();
    expect(tries).toBe(1);
    expect(logs.find((l) => l.msg === 'write failed')?.error.message).toMatch(/no such table/);
  });
});
