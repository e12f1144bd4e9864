import { SlashCommandBuilder } from 'discord.js';
import type { Command } from '../src/bot/command.js';
import { formatStats } from '../src/bot/format/source.js';

const data = new SlashCommandBuilder()
  .setName('stats')
  .setDescription('What the index holds: articles, passages, outlets, dates, search model, age');

export default {
  data,
  async execute(interaction, ctx) {
    await interaction.reply(formatStats(await ctx.coverage.stats()));
  },
} satisfies Command;
