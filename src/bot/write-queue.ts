import { isBusy } from '../store/errors.js';
import { describeError, type Logger } from './log.js';

/**
 * Small database writes (feedback) that must never hold up an interaction: the bot acknowledges first,
 * then the write runs here, one at a time. A write that meets another writer (SQLITE_BUSY, e.g. an
 * indexing run in another process) is retried with backoff, then every couple of seconds, for as long as
 * GIVE_UP_AFTER_MS: back-to-back indexing runs leave the lock free only for moments, and the user was told
 * the 👍 was recorded. A write that fails otherwise is logged and dropped, never thrown at that user.
 */
export interface WriteQueue {
  /** Queues a write; it runs on a later tick, after the caller has returned. */
  push(label: string, write: () => void | Promise<void>): void;
  /** Resolves when every queued write has landed or been given up. */
  idle(): Promise<void>;
  readonly pending: number;
}

/** Waits before each retry: the first attempt runs at once; after the list, its last wait repeats. */
export const RETRY_DELAYS_MS = [250, 500, 1000, 2000];
/** How long a write keeps trying while the database stays busy (a stuck writer must not grow the queue forever). */
export const GIVE_UP_AFTER_MS = 10 * 60_000;

export interface RetryPolicy {
  delaysMs: readonly number[];
  giveUpAfterMs: number;
}

export function createWriteQueue(
  logger: Logger,
  { delaysMs, giveUpAfterMs }: RetryPolicy = { delaysMs: RETRY_DELAYS_MS, giveUpAfterMs: GIVE_UP_AFTER_MS },
): WriteQueue {
  const jobs: { label: string; write: () => void | Promise<void> }[] = [];
  let running = false;
  let waiters: (() => void)[] = [];
  const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref?.());

  async function drain(): Promise<void> {
    running = true;
    await new Promise<void>((resolve) => setImmediate(resolve));
    while (jobs.length) {
      const job = jobs[0]!;
      const started = Date.now();
      for (let attempt = 0; ; attempt++) {
        try {
          await job.write();
          if (attempt > 0) logger.info('write landed after retries', { write: job.label, attempts: attempt + 1, waitedMs: Date.now() - started });
          break;
        } catch (error) {
          if (isBusy(error) && Date.now() - started < giveUpAfterMs) {
            if (attempt === 0) logger.debug('database busy, write retried later', { write: job.label });
            await sleep(delaysMs[Math.min(attempt, delaysMs.length - 1)]!);
            continue;
          }
          logger.error('write failed', { write: job.label, attempts: attempt + 1, error: describeError(error) });
          break;
        }
      }
      jobs.shift();
    }
    running = false;
    const done = waiters;
    waiters = [];
    for (const w of done) w();
  }

  return {
    push(label, write) {
      jobs.push({ label, write });
      if (!running) void drain();
    },
    idle() {
      return running || jobs.length ? new Promise<void>((resolve) => waiters.push(resolve)) : Promise.resolve();
    },
    get pending() {
      return jobs.length;
    },
  };
}

const queues = new WeakMap<object, WriteQueue>();

/** The write queue of one bot (keyed by its context), created on first use. */
export function writeQueueOf(ctx: { logger: Logger }): WriteQueue {
  let queue = queues.get(ctx);
  if (!queue) {
    queue = createWriteQueue(ctx.logger);
    queues.set(ctx, queue);
  }
  return queue;
}
