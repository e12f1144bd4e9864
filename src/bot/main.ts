import 'dotenv/config';
import { Events, GatewayCloseCodes, REST, Routes } from 'discord.js';
import { loadConfig, type Config } from '../config.js';
import { ConfigError, UserError } from '../errors.js';
import { openCoverage } from '../open-coverage.js';
import { createBot } from './create-bot.js';
import { createLogger, describeError } from './log.js';
import { runShards } from './shards.js';
import { builtChunking } from '../store/open-store.js';
import { CHUNKING_VERSION } from '../split/passages.js';

const TOKEN_HELP = 'Set DISCORD_TOKEN to the bot token from the Discord Developer Portal (Bot → Reset Token), in the environment or .env.';

/**
 * `npm start`: config → token check → index → client. The token is checked with one REST call
 * before the index is opened, so a missing or rejected DISCORD_TOKEN stops the bot at once.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger({ level: config.logLevel });
  if (!config.discord.token) throw new ConfigError(`DISCORD_TOKEN is not set. ${TOKEN_HELP}`);
  const recommended = await checkToken(config);
  if (config.discord.shards !== null) {
    // One process per shard, each the normal bot below. The index is built here first, once, so the shards
    // do not queue on its lock (nor time out waiting to be ready) on a fresh clone.
    if ((await builtChunking(config)) !== CHUNKING_VERSION) {
      await (await openCoverage(config, { log: (line) => logger.info('index', { line }) })).close();
    }
    await runShards({ config, logger, recommended });
    return;
  }
  const coverage = await openCoverage(config, { log: (line) => logger.info('index', { line }) });
  const bot = createBot({ config, coverage, logger });

  let stopping = false;
  const shutdown = (signal: string, exitCode = 0) => {
    // Why: under SHARDS, Ctrl-C reaches a shard from the terminal and again from the manager: that is not "force".
    if (stopping && process.env.SHARDING_MANAGER) return;
    if (stopping) process.exit(1);
    stopping = true;
    logger.info('shutting down', { signal });
    setTimeout(() => process.exit(1), 10_000).unref();
    void bot
      .stop()
      .then(() => coverage.close())
      .then(() => process.exit(exitCode))
      .catch((err: unknown) => {
        logger.error('shutdown failed', { error: describeError(err) });
        process.exit(1);
      });
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('unhandledRejection', (err) => logger.error('unhandled rejection', { error: describeError(err) }));

  try {
    await bot.start();
  } catch (err) {
    await bot.stop().catch(() => undefined);
    await coverage.close();
    throw err;
  }

  // discord.js does not reconnect after a 4004 once running (the token was reset): without this the process
  // would stay up answering nothing. A 4004 during start-up rejects bot.start() instead.
  bot.client.on(Events.ShardDisconnect, (event) => {
    if (event.code !== GatewayCloseCodes.AuthenticationFailed || stopping) return;
    console.error(`Discord rejected DISCORD_TOKEN. ${TOKEN_HELP}`);
    shutdown('gateway close 4004', 1);
  });
}

/** Checks the token; resolves with the shard count Discord recommends (for SHARDS=auto). */
async function checkToken(config: Readonly<Config>): Promise<number> {
  const rest = new REST({ ...(config.discord.apiUrl ? { api: config.discord.apiUrl } : {}), retries: 1, timeout: 15_000 });
  try {
    const gateway = (await rest.setToken(config.discord.token!).get(Routes.gatewayBot())) as { shards?: number };
    return typeof gateway.shards === 'number' && gateway.shards > 0 ? gateway.shards : 1;
  } catch (err) {
    if ((err as { status?: number }).status === 401) throw new ConfigError(`Discord rejected DISCORD_TOKEN. ${TOKEN_HELP}`, { cause: err });
    throw new UserError(`Could not reach Discord at ${config.discord.apiUrl ?? 'https://discord.com/api'}: ${(err as Error).message}`, { cause: err });
  }
}

main().catch((err: unknown) => {
  if ((err as { code?: string }).code === 'TokenInvalid') console.error(`Discord rejected DISCORD_TOKEN. ${TOKEN_HELP}`);
  else if (err instanceof UserError) console.error(err.message);
  else console.error(JSON.stringify({ level: 'error', msg: 'start-up failed', error: describeError(err) }));
  process.exit(1);
});
