import { describeError, type Logger } from './log.js';

/**
 * Small database writes (feedback) that must never hold up an interaction: the bot acknowledges first,
 * then the write runs here, one at a time. A write that meets another writer (SQLITE_BUSY, e.g. an
 * indexing run in another process) is retried with backoff, a few attempts over about 30 s; a write
 * that still fails is logged and dropped, never thrown at the user who was already thanked.
 */
export interface WriteQueue {
  /** Queues a synchronous write; it runs on a later tick, after the caller has returned. */
  push(label: string, write: () => void): void;
  /** Resolves when every queued write has landed or been given up. */
  idle(): Promise<void>;
  readonly pending: number;
}

/** Waits before each retry: the first attempt runs at once; the sum is about 30 s. */
export const RETRY_DELAYS_MS = [250, 500, 1000, 2000, 4000, 8000, 14000];

export function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'));
}

export function createWriteQueue(logger: Logger, delaysMs: readonly number[] = RETRY_DELAYS_MS): WriteQueue {
  const jobs: { label: string; write: () => void }[] = [];
  let running = false;
  let waiters: (() => void)[] = [];
  const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref?.());

  async function drain(): Promise<void> {
    running = true;
    await new Promise<void>((resolve) => setImmediate(resolve));
    while (jobs.length) {
      const job = jobs[0]!;
      for (let attempt = 0; ; attempt++) {
        try {
          job.write();
          if (attempt > 0) logger.info('write landed after retries', { write: job.label, attempts: attempt + 1 });
          break;
        } catch (error) {
          if (isBusy(error) && attempt < delaysMs.length) {
            if (attempt === 0) logger.debug('database busy, write retried later', { write: job.label });
            await sleep(delaysMs[attempt]!);
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
