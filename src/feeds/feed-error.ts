import { UserError } from '../errors.js';

/** A feed that could not be fetched or read: the message names the feed and is safe to show in Discord. */
export class FeedError extends UserError {
  override name = 'FeedError';

  constructor(
    readonly feedUrl: string,
    reason: string,
    options?: ErrorOptions,
  ) {
    super(`Feed ${feedUrl}: ${reason}`, options);
  }
}
