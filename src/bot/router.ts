import { MessageFlags, type Interaction, type RepliableInteraction } from 'discord.js';
import { UserError } from '../errors.js';
import type { BotContext, Command } from './command.js';
import { describeError } from './log.js';
import { RateLimitedError } from './rate.js';

type Outcome = 'ok' | 'user_error' | 'rate_limited' | 'error';

/**
 * Dispatches every interaction to its command and guarantees an answer: whatever a handler throws,
 * the user gets a short ephemeral message (a UserError's own text, else a generic one) and the cause
 * is logged. One log line per interaction: kind, command, user id, latency, outcome.
 */
export function createRouter(commands: readonly Command[], ctx: BotContext) {
  const byName = new Map(commands.map((c) => [c.data.name, c]));
  return async function route(interaction: Interaction): Promise<void> {
    const started = performance.now();
    const kind = interaction.isChatInputCommand() || interaction.isMessageContextMenuCommand() ? 'command' : interaction.isAutocomplete() ? 'autocomplete' : interaction.isButton() ? 'button' : interaction.isModalSubmit() ? 'modal' : 'other';
    const name = interaction.isCommand() || interaction.isAutocomplete() ? interaction.commandName : interaction.isButton() || interaction.isModalSubmit() ? interaction.customId.split(':')[0]! : '';
    const command = byName.get(name);
    let outcome: Outcome = 'ok';
    let error: unknown;
    try {
      if (kind === 'other') return;
      if (!command) throw new UserError('This command or button is no longer supported. Try the slash command again.');
      await ctx.coverage.refresh();
      if (interaction.isChatInputCommand() || interaction.isMessageContextMenuCommand()) {
        if (interaction.isChatInputCommand() && command.execute) await command.execute(interaction, ctx);
        else if (interaction.isMessageContextMenuCommand() && command.executeMessage) await command.executeMessage(interaction, ctx);
        else throw new UserError('This command is no longer supported here. Try again after the bot restarts.');
        if (!interaction.deferred && !interaction.replied) throw new Error(`/${name} returned without replying`);
      } else if (interaction.isAutocomplete()) {
        await command.autocomplete?.(interaction, ctx);
        if (!interaction.responded) await interaction.respond([]);
      } else if (interaction.isButton()) {
        if (!command.button) throw new UserError('This button no longer works. Try the slash command again.');
        await command.button(interaction, ctx, interaction.customId.split(':').slice(1));
      } else if (interaction.isModalSubmit()) {
        if (!command.modal) throw new UserError('This form no longer works. Try the slash command again.');
        await command.modal(interaction, ctx, interaction.customId.split(':').slice(1));
      }
    } catch (err) {
      error = err;
      outcome = err instanceof RateLimitedError ? 'rate_limited' : err instanceof UserError ? 'user_error' : 'error';
      if (interaction.isAutocomplete()) {
        if (!interaction.responded) await interaction.respond([]).catch(() => undefined);
      } else if (interaction.isRepliable()) {
        const text = err instanceof UserError ? err.message : `Something went wrong while handling ${kind === 'button' ? 'that button' : kind === 'modal' ? 'that form' : interaction.isMessageContextMenuCommand() ? `“${name}”` : `/${name}`}. It has been logged; please try again.`;
        await sendFailure(interaction, text).catch((e: unknown) => ctx.logger.warn('failure reply failed', { error: describeError(e) }));
      }
    } finally {
      if (kind !== 'other') {
        const line = {
          kind,
          command: name,
          ...(interaction.isButton() ? { button: interaction.customId.split(':').slice(0, 2).join(':') } : {}),
          ...(interaction.isModalSubmit() ? { modal: interaction.customId.split(':').slice(0, 2).join(':') } : {}),
          user: interaction.user.id,
          latencyMs: Math.round(performance.now() - started),
          outcome,
          ...(outcome === 'error' ? { error: describeError(error) } : outcome !== 'ok' ? { reason: (error as Error).message } : {}),
        };
        if (outcome === 'error') ctx.logger.error('interaction', line);
        else ctx.logger.info('interaction', line);
      }
    }
  };
}

/** Short, ephemeral, whatever state the interaction is in. A public deferral is deleted first. */
async function sendFailure(interaction: RepliableInteraction, content: string): Promise<void> {
  const text = content.length > 1900 ? content.slice(0, 1899) + '…' : content;
  if ((interaction.isChatInputCommand() || interaction.isMessageContextMenuCommand()) && interaction.deferred && !interaction.replied) {
    if (interaction.ephemeral) {
      await interaction.editReply({ content: text, embeds: [], components: [] });
      return;
    }
    await interaction.deleteReply().catch(() => undefined);
    await interaction.followUp({ content: text, flags: MessageFlags.Ephemeral });
  } else if (interaction.deferred || interaction.replied) {
    await interaction.followUp({ content: text, flags: MessageFlags.Ephemeral });
  } else {
    await interaction.reply({ content: text, flags: MessageFlags.Ephemeral });
  }
}
