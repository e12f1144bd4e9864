import { Client, DiscordjsErrorCodes, Events, GatewayCloseCodes, GatewayIntentBits, type ClientOptions } from 'discord.js';
import { commands as allCommands } from '../../commands/index.js';
import type { Config } from '../config.js';
import type { CoverageService } from '../coverage.js';
import { ConfigError } from '../errors.js';
import type { BotContext, Command } from './command.js';
import { createLogger, describeError, type Logger } from './log.js';
import { Lru } from '../util/lru.js';
import { createQueue } from './queue.js';
import { createRateLimiter } from './rate-limit.js';
import { createRouter } from './router.js';
import { createBotFeeds } from './feeds.js';
import { writeQueueOf } from './write-queue.js';
import { openConversations } from '../store/open-conversations.js';

export interface BotOptions {
  config: Readonly<Config>;
  coverage: CoverageService;
  /** Merged over the defaults (Guilds intent, `rest.api` from DISCORD_API_URL). Tests pass their own `rest`. */
  clientOptions?: Partial<ClientOptions>;
  logger?: Logger;
  /** @default every command in commands/index.ts */
  commands?: readonly Command[];
  /** How many `/ask`/`/cite`/`/add` run at once; the rest wait in line. @default 1 */
  concurrency?: number;
}

export interface Bot {
  client: Client;
  ctx: BotContext;
  /** Logs in and resolves once the client is ready. A rejected token rejects with discord.js's TokenInvalid. */
  start(): Promise<void>;
  /** Stops taking interactions, lets the ones in flight finish, closes the gateway. Does not close the index. */
  stop(): Promise<void>;
}

/** How long stop() waits for queued feedback writes (main.ts force-exits 10 s after a signal). */
const STOP_WRITE_WAIT_MS = 5_000;
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());

export function createBot(options: BotOptions): Bot {
  const { config, coverage } = options;
  const logger = options.logger ?? createLogger({ level: config.logLevel });
  const queue = createQueue(options.concurrency ?? 1);
  const ctx: BotContext = {
    config,
    coverage,
    logger,
    queue,
    limiter: createRateLimiter({ limit: config.discord.rateLimitPerMinute }),
    answers: new Lru(500),
    views: new Lru(500),
    // The poller posts through the client made just below, once start() has logged it in.
    feeds: createBotFeeds({ config, coverage, logger, queue, rest: () => client.rest }),
    // Beside the index, on its back end; opened on the first follow-up, closed by stop().
    conversations: openConversations(config),
  };
  const rest = { ...(config.discord.apiUrl ? { api: config.discord.apiUrl } : {}), ...options.clientOptions?.rest };
  const client = new Client({ intents: [GatewayIntentBits.Guilds], ...options.clientOptions, rest });
  const route = createRouter(options.commands ?? allCommands, ctx);
  const inFlight = new Set<Promise<void>>();
  let stopping = false;

  client.on(Events.InteractionCreate, (interaction) => {
    if (stopping) return;
    const job = route(interaction).catch((err: unknown) => logger.error('router failed', { error: describeError(err) }));
    inFlight.add(job);
    void job.finally(() => inFlight.delete(job));
  });
  client.on(Events.Error, (err) => logger.error('client error', { error: describeError(err) }));
  client.on(Events.Warn, (message) => logger.warn('client warning', { message }));
  client.on(Events.ShardReconnecting, (shard) => stopping || logger.warn('gateway reconnecting', { shard }));
  client.on(Events.ShardResume, (shard, replayed) => logger.info('gateway resumed', { shard, replayed }));

  return {
    client,
    ctx,
    async start() {
      if (!config.discord.token) throw new ConfigError('DISCORD_TOKEN is not set: set it to the bot token from the Discord Developer Portal.');
      const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
      // The gateway can refuse a token the REST API took (close 4004); discord.js then rejects with a bare
      // "Authentication failed", so it is turned into the TokenInvalid a refused token gives everywhere else.
      let gatewayRefusedToken = false;
      const onDisconnect = (event: { code: number }) => {
        if (event.code === GatewayCloseCodes.AuthenticationFailed) gatewayRefusedToken = true;
      };
      client.on(Events.ShardDisconnect, onDisconnect);
      try {
        await client.login(config.discord.token);
        await ready;
      } catch (err) {
        if (gatewayRefusedToken) {
          throw Object.assign(new Error('Discord refused the token at the gateway (close 4004).', { cause: err }), { code: DiscordjsErrorCodes.TokenInvalid });
        }
        throw err;
      } finally {
        client.off(Events.ShardDisconnect, onDisconnect);
      }
      ctx.feeds.start();
      logger.info('ready', { user: client.user?.id, ...(client.shard ? { shards: client.shard.ids } : {}), guilds: client.guilds.cache.size, commands: (options.commands ?? allCommands).length });
    },
    async stop() {
      stopping = true;
      await Promise.allSettled([...inFlight]);
      // After the interactions: a /feeds command in flight still has its store.
      await ctx.feeds.stop();
      await client.destroy();
      // A 👍 acknowledged just before shutdown still lands, unless an indexing run holds the lock past the wait.
      const queue = writeQueueOf(ctx);
      const drained = await Promise.race([queue.idle().then(() => true), sleep(STOP_WRITE_WAIT_MS).then(() => false)]);
      if (!drained) logger.warn('feedback not saved at shutdown', { pending: queue.pending });
      await ctx.conversations.close();
      logger.info('stopped');
    },
  };
}
