/**
 * A promise queue with a concurrency cap. Why: `/ask` runs model inference; a burst of questions
 * should wait its turn instead of running many inferences at once on a small machine.
 */
export interface TaskQueue {
  run<T>(task: () => Promise<T>): Promise<T>;
  /** Tasks waiting (not running). */
  readonly pending: number;
}

export function createQueue(concurrency = 1): TaskQueue {
  let running = 0;
  const waiting: (() => void)[] = [];
  const next = () => {
    if (running >= concurrency) return;
    const start = waiting.shift();
    if (start) start();
  };
  return {
    get pending() {
      return waiting.length;
    },
    run<T>(task: () => Promise<T>): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        waiting.push(() => {
          running++;
          task()
            .then(resolve, reject)
            .finally(() => {
              running--;
              next();
            });
        });
        next();
      });
    },
  };
}
