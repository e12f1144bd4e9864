import { SlashCommandBuilder } from 'discord.js';
import { UserError } from '../src/errors.js';
import type { SourceFilter } from '../src/coverage.js';
import type { Command } from '../src/bot/command.js';
import { formatSources } from '../src/bot/format/sources.js';
import { resolveOutlet, respondOutlets } from '../src/bot/options.js';

const data = new SlashCommandBuilder()
  .setName('sources')
  .setDescription('List the indexed articles, newest first')
  .addStringOption((o) => o.setName('outlet').setDescription('Only this outlet').setAutocomplete(true))
  .addStringOption((o) => o.setName('search').setDescription('Words in titles, authors or outlets').setMaxLength(200));

export default {
  data,
  async execute(interaction, ctx) {
    const filter: SourceFilter = {};
    const outlet = resolveOutlet(interaction.options.getString('outlet'), await ctx.coverage.outlets());
    const search = interaction.options.getString('search')?.trim();
    if (outlet) filter.outlet = outlet;
    if (search) filter.search = search;
    ctx.views.set(interaction.id, filter);
    await interaction.reply(formatSources(await ctx.coverage.sources(filter), { key: interaction.id, page: 0, filter }));
  },
  async autocomplete(interaction, ctx) {
    await respondOutlets(interaction, await ctx.coverage.outlets());
  },
  async button(interaction, ctx, [action, key, page]) {
    const filter = ctx.views.get(key ?? '') as SourceFilter | undefined;
    if (action !== 'page' || !filter) throw new UserError('This listing has expired; run /sources again.');
    await interaction.update(formatSources(await ctx.coverage.sources(filter), { key: key!, page: Number(page) || 0, filter }));
  },
} satisfies Command;
