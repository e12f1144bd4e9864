import { SlashCommandBuilder } from 'discord.js';
import { UserError } from '../src/errors.js';
import type { Command } from '../src/bot/command.js';
import { formatQuoteLookup } from '../src/bot/format/cite.js';
import { takeRate } from '../src/bot/rate.js';

const data = new SlashCommandBuilder()
  .setName('cite')
  .setDescription('Find where a quote comes from, with a ready-to-paste citation for each source')
  .addStringOption((o) => o.setName('quote').setDescription('The words to look for').setRequired(true));

export default {
  data,
  async execute(interaction, ctx) {
    const quote = interaction.options.getString('quote', true).trim();
    if (!quote) throw new UserError('Please paste the words to look for.');
    takeRate(ctx, interaction.user.id);
    await interaction.deferReply();
    const lookup = await ctx.queue.run(() => ctx.coverage.cite(quote, { limit: 10 }));
    await interaction.editReply(formatQuoteLookup(lookup));
  },
} satisfies Command;
