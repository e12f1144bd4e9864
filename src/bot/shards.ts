import { fileURLToPath } from 'node:url';
import { ShardingManager, type Shard } from 'discord.js';
import type { Config } from '../config.js';
import { describeError, type Logger } from './log.js';

/** main.ts, which each shard process runs as the normal bot (discord.js hands it SHARDS/SHARD_COUNT through env). */
const BOT_SCRIPT = fileURLToPath(new URL('./main.ts', import.meta.url));

export interface ShardingOptions {
  config: Readonly<Config>;
  logger: Logger;
  /** The shard count Discord recommends (GET /gateway/bot), used for SHARDS=auto. */
  recommended: number;
}

/**
 * `npm start` with SHARDS: spawns one bot process per shard through discord.js's ShardingManager and waits for
 * each to be ready. SIGTERM/SIGINT stop every shard gracefully (each exits 0); a shard that dies on its own stops
 * the rest and the manager exits 1, rather than leaving part of the guilds unserved.
 */
export async function runShards({ config, logger, recommended }: ShardingOptions): Promise<void> {
  const setting = config.discord.shards!;
  const totalShards = setting === 'auto' ? Math.max(1, recommended) : setting;
  const manager = new ShardingManager(BOT_SCRIPT, {
    token: config.discord.token!,
    totalShards,
    mode: 'process',
    respawn: false,
    // Why: the shards run the TypeScript sources, as `npm start` does.
    execArgv: ['--import', 'tsx'],
  });
  let stopping = false;
  const running = new Set<Shard>();
  const stopAll = (reason: string, exitCode: number) => {
    if (stopping) {
      if (reason !== 'SIGINT' && reason !== 'SIGTERM') return;
      // A second signal: stop now.
      for (const shard of running) shard.process?.kill('SIGKILL');
      process.exit(1);
    }
    stopping = true;
    logger.info('shutting down shards', { reason, shards: running.size });
    setTimeout(() => process.exit(1), 15_000).unref();
    const exits = [...running].map(
      (shard) =>
        new Promise<void>((resolve) => {
          const child = shard.process;
          if (!child || child.exitCode !== null || child.signalCode !== null) return resolve();
          child.once('exit', () => resolve());
          child.kill('SIGTERM');
        }),
    );
    void Promise.all(exits).then(() => {
      logger.info('stopped');
      process.exit(exitCode);
    });
  };
  manager.on('shardCreate', (shard) => {
    running.add(shard);
    logger.info('shard started', { shard: shard.id, of: totalShards });
    shard.on('death', (child) => {
      running.delete(shard);
      if (stopping) return;
      const exit = 'signalCode' in child ? { exitCode: child.exitCode, signal: child.signalCode } : {};
      logger.error('shard stopped unexpectedly', { shard: shard.id, ...exit });
      stopAll(`shard ${shard.id} stopped`, 1);
    });
  });
  process.on('SIGINT', () => stopAll('SIGINT', 0));
  process.on('SIGTERM', () => stopAll('SIGTERM', 0));
  logger.info('sharding', { shards: totalShards, setting: String(setting) });
  try {
    await manager.spawn({ amount: totalShards, timeout: 60_000 });
  } catch (err) {
    if (!stopping) {
      logger.error('shard start-up failed', { error: describeError(err) });
      stopAll('start-up failed', 1);
    }
    return;
  }
  logger.info('all shards ready', { shards: totalShards });
}
