/** A failing feed is asked less and less often, so a dead site is not hammered: doubling, up to a day. */
export const MAX_BACKOFF_MS = 24 * 60 * 60 * 1000;

/** Milliseconds until the next poll, after `failures` failed polls in a row (0 = the last one worked). */
export function nextPollDelayMs(pollMinutes: number, failures: number): number {
  const interval = pollMinutes * 60_000;
  if (failures <= 0) return interval;
  return Math.min(interval * 2 ** Math.min(failures, 30), Math.max(interval, MAX_BACKOFF_MS));
}
