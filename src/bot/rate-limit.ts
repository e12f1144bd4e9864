/** A per-key sliding-window limiter: at most `limit` hits in any `windowMs`. */
export interface RateLimiter {
  /** Records a hit and returns 0, or returns how many ms until the next hit is allowed (nothing recorded). */
  take(key: string, now?: number): number;
}

export function createRateLimiter(options: { limit: number; windowMs?: number }): RateLimiter {
  const windowMs = options.windowMs ?? 60_000;
  const hits = new Map<string, number[]>();
  return {
    take(key, now = Date.now()) {
      const recent = (hits.get(key) ?? []).filter((t) => now - t < windowMs);
      if (recent.length >= options.limit) {
        hits.set(key, recent);
        return windowMs - (now - recent[0]!);
      }
      recent.push(now);
      hits.set(key, recent);
      if (hits.size > 10_000) sweep(hits, now, windowMs);
      return 0;
    },
  };
}

function sweep(hits: Map<string, number[]>, now: number, windowMs: number): void {
  for (const [key, times] of hits) if (times.every((t) => now - t >= windowMs)) hits.delete(key);
}
