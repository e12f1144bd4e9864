import 'dotenv/config';
import { pathToFileURL } from 'node:url';
import { REST, Routes, type RESTGetAPIOAuth2CurrentApplicationResult } from 'discord.js';
import { commands } from '../../commands/index.js';
import { loadConfig, type Config } from '../config.js';
import { ConfigError } from '../errors.js';

export interface DeployResult {
  scope: 'guild' | 'global';
  applicationId: string;
  names: string[];
}

/**
 * Registers every slash command with one bulk overwrite: in DISCORD_GUILD_ID when set (instant), else
 * globally. The application id is DISCORD_APPLICATION_ID, else asked of Discord with the token.
 */
export async function deployCommands(config: Readonly<Config>): Promise<DeployResult> {
  const { token, apiUrl, guildId } = config.discord;
  if (!token) throw new ConfigError('DISCORD_TOKEN is not set: set it to the bot token from the Discord Developer Portal.');
  const rest = new REST(apiUrl ? { api: apiUrl } : {}).setToken(token);
  const applicationId =
    config.discord.applicationId ?? ((await rest.get(Routes.oauth2CurrentApplication())) as RESTGetAPIOAuth2CurrentApplicationResult).id;
  const body = commands.map((c) => c.data.toJSON());
  const route = guildId ? Routes.applicationGuildCommands(applicationId, guildId) : Routes.applicationCommands(applicationId);
  await rest.put(route, { body });
  return { scope: guildId ? 'guild' : 'global', applicationId, names: body.map((c) => c.name) };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    const result = await deployCommands(loadConfig());
    const where = result.scope === 'guild' ? 'in the guild DISCORD_GUILD_ID (available now)' : 'globally (may take a while to appear)';
    console.log(`Registered ${result.names.length} commands ${where}: ${result.names.map((n) => (/^[a-z0-9_-]+$/.test(n) ? `/${n}` : `"${n}" (message menu)`)).join(', ')}`);
  } catch (err) {
    const status = (err as { status?: number }).status;
    if (status === 401) console.error('Discord rejected the token: check DISCORD_TOKEN.');
    else console.error(err instanceof ConfigError ? err.message : `Could not register the commands: ${(err as Error).message}`);
    process.exit(1);
  }
}
