import { SlashCommandBuilder } from 'discord.js';
import { UserError } from '../src/errors.js';
import type { SourceSummary } from '../src/domain.js';
import type { Command } from '../src/bot/command.js';
import { displayDate } from '../src/text/display-date.js';
import { truncate } from '../src/bot/format/limits.js';
import { formatSource } from '../src/bot/format/source.js';
import { choices } from '../src/bot/options.js';

const data = new SlashCommandBuilder()
  .setName('source')
  .setDescription("One article's details and how many passages it has")
  .addStringOption((o) => o.setName('article').setDescription('Start typing a title').setRequired(true).setAutocomplete(true));

const label = (s: SourceSummary) =>
  [truncate(s.title ?? s.file, 70), s.outlet, displayDate(s.published)].filter(Boolean).join(' · ');

export default {
  data,
  async execute(interaction, ctx) {
    const wanted = interaction.options.getString('article', true).trim();
    const found =
      (await ctx.coverage.source(wanted)) ??
      (await ctx.coverage.sources()).find((s) => s.title?.toLowerCase() === wanted.toLowerCase());
    if (!found) throw new UserError(`No indexed article “${truncate(wanted, 80)}”. Pick one from the suggestions as you type.`);
    await interaction.reply(formatSource(found));
  },
  async autocomplete(interaction, ctx) {
    const typed = String(interaction.options.getFocused());
    const all = await ctx.coverage.sources();
    await interaction.respond(choices(all.map((s) => ({ name: label(s), value: s.id })), typed));
  },
} satisfies Command;
