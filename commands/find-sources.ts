import { ApplicationCommandType, ContextMenuCommandBuilder, MessageFlags } from 'discord.js';
import { UserError } from '../src/errors.js';
import type { Command, Reply } from '../src/bot/command.js';
import { MAX_MESSAGE_LENGTH, findSources } from '../src/answer/find-sources.js';
import { formatFindSources } from '../src/bot/format/find-sources.js';
import { takeRate } from '../src/bot/rate.js';

const NAME = 'Find sources';

/** Right-click a message → Apps → Find sources: where its sentences and quotes come from. */
const data = new ContextMenuCommandBuilder().setName(NAME).setType(ApplicationCommandType.Message);

export default {
  data,
  async executeMessage(interaction, ctx) {
    const text = interaction.targetMessage.content ?? '';
    if (text.length > MAX_MESSAGE_LENGTH) {
      throw new UserError(
        `That message is too long to check (${text.length.toLocaleString('en-US')} characters; the limit is ${MAX_MESSAGE_LENGTH.toLocaleString('en-US')}). Use /cite on the sentences you want sourced.`,
      );
    }
    if (!text.trim()) throw new UserError('That message has no text to look up.');
    takeRate(ctx, interaction.user.id);
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    const result = await ctx.queue.run(() => findSources(ctx.coverage, text));
    const reply = formatFindSources(result);
    ctx.views.set(`find-sources:${interaction.id}`, reply);
    await interaction.editReply(formatFindSources(result, interaction.id));
  },
  async button(interaction, ctx, [action, key]) {
    if (action !== 'post') throw new UserError('Unknown button.');
    const cached = ctx.views.get(`find-sources:${key}`) as Reply | undefined;
    const embeds = cached?.embeds ?? interaction.message.embeds.map((e) => e.toJSON());
    if (!embeds.length) throw new UserError('These results have expired; run Find sources on the message again.');
    await interaction.reply({ embeds, components: [] });
  },
} satisfies Command;
