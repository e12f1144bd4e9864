import type { BotContext } from './command.js';
import { UserError } from '../errors.js';

/** A UserError for a user over the `/ask` and `/cite` rate; logged with its own outcome. */
export class RateLimitedError extends UserError {
  override name = 'RateLimitedError';
}

/** Counts one `/ask` or `/cite` for `userId`, or throws a friendly RateLimitedError. */
export function takeRate(ctx: BotContext, userId: string): void {
  const waitMs = ctx.limiter.take(userId);
  if (waitMs > 0) {
    const seconds = Math.max(1, Math.ceil(waitMs / 1000));
    throw new RateLimitedError(
      `You're asking quickly: the limit is ${ctx.config.discord.rateLimitPerMinute} questions a minute. Try again in ${seconds} s.`,
    );
  }
}
